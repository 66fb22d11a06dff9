// Where a fused training step's wall time goes, phase by phase (not a benchmark against a peer):
//   npx tsx bench/fusedStepProfile.ts [T1|T2] [steps] [seam|whole|split|auto]
// seam: the fused layers behind the tfjs seam (tfjs head, loss, autodiff and Adam around them);
// whole: the whole-step path trainModel takes (fusedTrainStep), single-threaded; split: the same,
// every batch split over the helper thread; auto: the split decided per step (splitPolicy). Kernel calls are wrapped with
// timers; CPU time over wall time tells how much of the core other processes took meanwhile.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src-main/engine/model/backend';
import { buildModel, lossFunction, makeOptimizer } from '../src-main/engine/model/buildModel';
import type { TrainingRuntime } from '../src-main/engine/model/recurrentKernel';
import { ensureRnnWasm } from '../src-main/engine/kernels/wasm/ensureRnnWasm.testkit';
import { loadFusedKernels, type FusedRnnKernels } from '../src-main/engine/kernels/wasm/fusedRnn';
import { fusedSeamKernel } from '../src-main/engine/kernels/training/fusedSeamKernel';
import { createFusedTrainStep } from '../src-main/engine/kernels/training/fusedTrainStep';
import { SplitPolicy } from '../src-main/engine/kernels/threads/splitPolicy';
import { startThreadedKernels } from '../src-main/engine/kernels/threads/threadedKernels';
import { T1, T2, modelConfig, taskWindows } from './trainTasks';

const totals = new Map<string, number>();
const add = (k: string, ms: number): void => void totals.set(k, (totals.get(k) ?? 0) + ms);
function timed<T>(k: string, fn: () => T): T {
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    add(k, performance.now() - t0);
  }
}

function instrument(k: FusedRnnKernels): FusedRnnKernels {
  return {
    variant: k.variant,
    heap: k.heap,
    run: (cell, pass, plan) => timed(`   wasm ${cell} ${pass}`, () => k.run(cell, pass, plan)),
    forward: (a) => timed('  kernel forward (pack+wasm+unpack)', () => k.forward(a)),
    backward: (c, d) => timed('  kernel backward (pack+wasm+unpack)', () => k.backward(c, d)),
    release: (c) => k.release(c),
  };
}

const task = process.argv[2] === 'T2' ? T2 : T1;
const steps = Number(process.argv[3] ?? 200);
const mode = process.argv[4] ?? 'whole';
await initBackend('wasm');
const threaded =
  mode === 'split' || mode === 'auto'
    ? await startThreadedKernels({ wasmPath: ensureRnnWasm() })
    : null;
if (threaded !== null && !('pool' in threaded))
  throw new Error(`no helper thread: ${threaded.why}`);
const raw = threaded?.kernels ?? (await loadFusedKernels({ wasmPath: ensureRnnWasm() }));
const kernels = instrument(raw);
// The seam path's forward/backward call the exports directly (reaching into the private field).
const exportsOf = raw as unknown as { wasm: Record<string, (plan: number) => void> };
for (const [name, fn] of Object.entries(exportsOf.wasm)) {
  if (mode === 'seam') exportsOf.wasm[name] = (plan) => timed(`   wasm ${name}`, () => fn(plan));
}
const seam = fusedSeamKernel(mode === 'seam' ? instrument(raw) : raw, { wholeStep: false });
const runtime: TrainingRuntime = {
  name: seam.name,
  detail: 'fused seam with timers',
  kernel: {
    name: seam.name,
    forward: (s, i) => timed(' adapter forward', () => seam.forward(s, i)),
    backward: (s, i, o, sv, d) => timed(' adapter backward', () => seam.backward(s, i, o, sv, d)),
  },
  fused: null,
};
const set = taskWindows(task);
const config = modelConfig(task, set.nFeatures);
const model = buildModel(config, runtime);
const optimizer = makeOptimizer(config);
const lossFn = lossFunction('mse');
const B = task.batch;
const policy = new SplitPolicy();
if (mode === 'split') policy.next = () => true;
const whole =
  threaded === null
    ? fusedSeamKernel(kernels).createTrainStep?.({ model, optimizer, loss: 'mse' })
    : createFusedTrainStep(raw, { model, optimizer, loss: 'mse' }, { pool: threaded.pool, policy });
if (mode === 'whole' && !whole) throw new Error('model does not fit the whole-step path');
const idxOf = (i: number): Int32Array =>
  Int32Array.from({ length: B }, (_, j) => (i * B + j) % set.count);

function seamStep(i: number): void {
  const idx = idxOf(i);
  const per = set.lookback * set.nFeatures;
  const [x, y] = timed('batch tensors', () => {
    const xs = new Float32Array(B * per);
    idx.forEach((w, j) => xs.set(set.x.subarray(w * per, (w + 1) * per), j * per));
    const ys = Float32Array.from(idx, (w) => set.y[w] ?? 0);
    return [tf.tensor3d(xs, [B, set.lookback, set.nFeatures]), tf.tensor2d(ys, [B, 1])];
  });
  const { value, grads } = timed('forward + backward (variableGrads)', () =>
    tf.variableGrads(() =>
      timed(' forward: model.apply + loss', () =>
        lossFn(y, model.apply(x, { training: true }) as tf.Tensor),
      ),
    ),
  );
  timed('optimizer.applyGradients (Adam)', () => optimizer.applyGradients(grads));
  timed('loss dataSync', () => value.dataSync());
  timed('dispose', () => tf.dispose([x, y, value, ...Object.values(grads)]));
}

function step(i: number, record: boolean): void {
  const t0 = performance.now();
  if (mode === 'seam' || !whole) seamStep(i);
  else whole.step(set, idxOf(i));
  add('STEP TOTAL', performance.now() - t0);
  if (!record) totals.clear();
}

for (let i = 0; i < 20; i++) step(i, false);
const numTensors = tf.memory().numTensors;
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
for (let i = 0; i < steps; i++) step(i, true);
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000;
const stepMs = (totals.get('STEP TOTAL') ?? 0) / steps;
console.log(
  `${task.id} ${mode}: ${steps} steps, ${stepMs.toFixed(3)} ms/step = ${((B / stepMs) * 1000).toFixed(0)} samples/s; ` +
    `CPU ${(cpuMs / steps).toFixed(3)} ms/step, CPU/wall ${(cpuMs / (performance.now() - wall0)).toFixed(2)} ` +
    `(tensors ${numTensors}→${tf.memory().numTensors})`,
);
for (const [k, v] of totals) console.log(`${(v / steps).toFixed(3).padStart(8)} ms  ${k}`);
whole?.dispose();
if (policy.lastProbe)
  console.log(
    `split policy: last probe single/split ms per sample ${policy.lastProbe.map((v) => v.toFixed(4)).join(' / ')}, ${threaded?.pool.failed ?? 'helper alive'}`,
  );
threaded?.pool.close();
