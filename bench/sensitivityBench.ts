// Sensitivity heatmap speed (issue: 500 windows × 60 lags × 4 features "in seconds"): perturbation
// (±δ, 2 × 240 perturbed copies per window), occlusion and integrated gradients (32 steps) through
// the product path (engine/interpret + the recurrent seam), fused kernels vs op-by-op layers.
// Run: npx tsx bench/sensitivityBench.ts [windows] [fused|op-by-op|both]
import * as tf from '@tensorflow/tfjs';
import { integratedGradients } from '../src-main/engine/interpret/integratedGradients';
import { sensitivityHeatmap } from '../src-main/engine/interpret/sensitivity';
import { ensureRnnWasm } from '../src-main/engine/kernels/wasm/ensureRnnWasm.testkit';
import { loadFusedKernels } from '../src-main/engine/kernels/wasm/fusedRnn';
import { fusedSeamKernel } from '../src-main/engine/kernels/training/fusedSeamKernel';
import { initBackend } from '../src-main/engine/model/backend';
import { buildModel } from '../src-main/engine/model/buildModel';
import { opByOpKernel, setRecurrentKernel } from '../src-main/engine/model/opByOpKernel';

const windows = Number(process.argv[2] ?? 500);
const which = process.argv[3] ?? 'both';
const lookback = 60;
const features = 4;
const shape = { windows, lookback, features };

async function time(label: string, run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${label.padEnd(44)} ${seconds.toFixed(2).padStart(8)} s\n`);
  return seconds;
}

const backend = await initBackend();
process.stdout.write(
  `backend ${backend.backend}; ${windows} windows × ${lookback} lags × ${features} features; LSTM 32 + dense\n`,
);
const inputs = Float32Array.from(
  { length: windows * lookback * features },
  (_, i) => Math.sin(i * 0.37) * 0.5 + 0.5,
);
const outputScale = (v: Float32Array): Float32Array => v;
const means = [0.5, 0.5, 0.5, 0.5];
const kernels = {
  fused: fusedSeamKernel(await loadFusedKernels({ wasmPath: ensureRnnWasm() })),
  'op-by-op': opByOpKernel,
};
for (const [name, kernel] of Object.entries(kernels)) {
  if (which !== 'both' && which !== name) continue;
  setRecurrentKernel(kernel);
  const model = buildModel({
    cell: 'lstm',
    layers: 1,
    units: 32,
    activation: 'tanh',
    dropout: 0,
    recurrentDropout: 0,
    horizon: 1,
    lookback,
    nFeatures: features,
    optimizer: 'adam',
    learningRate: 1e-3,
    momentum: 0,
    loss: 'mse',
    seed: 1,
  });
  await time(`${name}: perturbation ±0.1`, () =>
    sensitivityHeatmap(model, inputs, shape, { mode: 'plus-minus', delta: 0.1, outputScale }),
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
  await time(`${name}: occlusion`, () =>
    sensitivityHeatmap(model, inputs, shape, {
      mode: 'occlusion',
      occlusionValues: means,
      outputScale,
    }),
  );
  await time(`${name}: integrated gradients (32 steps)`, () =>
    integratedGradients(model, inputs, shape, means, { steps: 32 }),
  );
  model.dispose();
}
process.stdout.write(`tensors left: ${tf.memory().numTensors}\n`);
