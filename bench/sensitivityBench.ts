// Sensitivity heatmap speed (issue 13: 500 windows × 60 lags × 4 features, perturbation ≤ 5 s):
// perturbation (±δ, 2 × 240 perturbed copies per window), occlusion and integrated gradients (32
// steps) through the product path (engine/explanation + the recurrent seam), fused kernels vs
// op-by-op layers. With the fused kernels, prefix reuse runs on one thread and split over the
// helper thread back to back in this one process (the ratio is what a loaded machine can measure
// honestly), each with the process's CPU seconds (both threads) and the 1-minute load average
// printed beside it.
// Run: npx tsx bench/sensitivityBench.ts [windows] [fused|op-by-op|both] [rounds]
import os from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { integratedGradients } from '../src-main/engine/explanation/integratedGradients';
import { sensitivityHeatmap } from '../src-main/engine/explanation/sensitivity';
import { ensureRnnWasm } from '../src-main/engine/kernels/wasm/ensureRnnWasm.testkit';
import { loadFusedKernels } from '../src-main/engine/kernels/wasm/fusedRnn';
import { fusedRuntime } from '../src-main/engine/kernels/trainingRuntime';
import { startThreadedKernels } from '../src-main/engine/kernels/threads/threadedKernels';
import { initBackend } from '../src-main/engine/model/backend';
import { buildModel } from '../src-main/engine/model/buildModel';
import { defaultFitConfig, modelConfigOf } from '../src-main/engine/model/fitConfig';
import { opByOpRuntime } from '../src-main/engine/model/opByOpKernel';

const windows = Number(process.argv[2] ?? 500);
const which = process.argv[3] ?? 'both';
const rounds = Number(process.argv[4] ?? 2);
const lookback = 60;
const features = 4;
const shape = { windows, lookback, features };

const load = (): string => os.loadavg()[0]?.toFixed(1) ?? '?';

/** Wall seconds of `run`; the line also gives the process's CPU seconds (all threads). */
async function time(label: string, run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await run();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  process.stdout.write(
    `${label.padEnd(52)} ${seconds.toFixed(2).padStart(8)} s   cpu ${cpuSeconds.toFixed(2).padStart(6)} s   load ${load()}\n`,
  );
  return seconds;
}

const backend = await initBackend();
process.stdout.write(
  `backend ${backend.backend}; ${windows} windows × ${lookback} lags × ${features} features; LSTM 32 + dense; ${os.availableParallelism()} cores\n`,
);
const inputs = Float32Array.from(
  { length: windows * lookback * features },
  (_, i) => Math.sin(i * 0.37) * 0.5 + 0.5,
);
const outputScale = (v: Float32Array): Float32Array => v;
const means = [0.5, 0.5, 0.5, 0.5];
const wasmPath = ensureRnnWasm();
// As the engine's runtime: the shared-memory kernels with their helper thread when it starts.
const threaded = await startThreadedKernels({ wasmPath });
const runtimes = {
  fused:
    'pool' in threaded
      ? fusedRuntime(threaded.kernels, threaded.pool)
      : fusedRuntime(await loadFusedKernels({ wasmPath })),
  'op-by-op': opByOpRuntime,
};
const median = (v: number[]): number => [...v].sort((a, b) => a - b)[v.length >> 1] ?? NaN;

for (const [name, runtime] of Object.entries(runtimes)) {
  if (which !== 'both' && which !== name) continue;
  // The default network (one LSTM layer of 32, tanh, one step ahead) over this input shape.
  const model = buildModel(
    {
      ...modelConfigOf(defaultFitConfig(windows + lookback, 1)),
      lookback,
      nFeatures: features,
      loss: 'mse',
      seed: 1,
    },
    runtime,
  );
  if (name === 'fused') {
    const fused = runtime.fused;
    if (!('pool' in threaded) || fused === null) {
      process.stdout.write(`no helper thread: ${'why' in threaded ? threaded.why : ''}\n`);
    } else {
      for (const mode of ['plus-minus', 'occlusion'] as const) {
        const opts = {
          mode,
          delta: 0.1,
          occlusionValues: means,
          outputScale,
          fused,
        };
        const one: number[] = [];
        const two: number[] = [];
        const label = mode === 'plus-minus' ? 'perturbation ±0.1' : 'occlusion';
        // Interleaved rounds, so a change of load hits both sides alike.
        for (let r = 0; r < rounds; r++) {
          one.push(
            await time(`${name}: ${label}, prefix reuse, 1 thread`, () =>
              sensitivityHeatmap(model, inputs, shape, { ...opts, split: 'never' }),
            ),
          );
          two.push(
            await time(`${name}: ${label}, prefix reuse, 2 threads`, () =>
              sensitivityHeatmap(model, inputs, shape, { ...opts, split: 'always' }),
            ),
          );
        }
        await time(`${name}: ${label}, prefix reuse, measured split (auto)`, () =>
          sensitivityHeatmap(model, inputs, shape, { ...opts, split: 'auto' }),
        );
        const [m1, m2] = [median(one), median(two)];
        process.stdout.write(
          `${name}: ${label}: median 1 thread ${m1.toFixed(2)} s, 2 threads ${m2.toFixed(2)} s, ratio ${(m1 / m2).toFixed(2)}× (helper ${threaded.pool.alive ? 'alive' : `closed: ${threaded.pool.failed}`})\n`,
        );
      }
    }
  }
  await time(`${name}: perturbation ±0.1 (the product's default)`, () =>
    sensitivityHeatmap(model, inputs, shape, {
      mode: 'plus-minus',
      delta: 0.1,
      outputScale,
      ...(runtime.fused ? { fused: runtime.fused } : {}),
    }),
  );
  // The same without reusing the unperturbed prefix (every copy over all 60 steps).
  await time(`${name}: perturbation ±0.1, no prefix reuse`, () =>
    sensitivityHeatmap(model, inputs, shape, {
      mode: 'plus-minus',
      delta: 0.1,
      outputScale,
      prefixReuse: false,
    }),
  );
  await time(`${name}: occlusion, no prefix reuse`, () =>
    sensitivityHeatmap(model, inputs, shape, {
      mode: 'occlusion',
      occlusionValues: means,
      outputScale,
      prefixReuse: false,
    }),
  );
  await time(`${name}: integrated gradients (32 steps)`, () =>
    integratedGradients(model, inputs, shape, means, { steps: 32 }),
  );
  model.dispose();
}
if ('pool' in threaded) threaded.pool.close();
process.stdout.write(`tensors left: ${tf.memory().numTensors}\n`);
