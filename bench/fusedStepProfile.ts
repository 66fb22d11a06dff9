// Where a fused training step's wall time goes, phase by phase (not a benchmark against a peer):
//   npx tsx bench/fusedStepProfile.ts [T1|T2] [steps]
// Wraps the fused kernels with timers and replays the training loop's step (batch tensors,
// optimizer.minimize, loss read-back) split into its parts.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src-main/engine/model/backend';
import { buildModel, lossFunction, makeOptimizer } from '../src-main/engine/model/buildModel';
import { setRecurrentKernel } from '../src-main/engine/model/opByOpKernel';
import { ensureRnnWasm } from '../src-main/engine/kernels/ensureRnnWasm';
import { loadFusedKernels, type FusedRnnKernels } from '../src-main/engine/kernels/fusedRnn';
import { fusedSeamKernel } from '../src-main/engine/kernels/fusedSeamKernel';
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
    forward: (a) => timed('  kernel forward (pack+wasm+unpack)', () => k.forward(a)),
    backward: (c, d) => timed('  kernel backward (pack+wasm+unpack)', () => k.backward(c, d)),
    release: (c) => k.release(c),
  };
}

const task = process.argv[2] === 'T2' ? T2 : T1;
const steps = Number(process.argv[3] ?? 200);
await initBackend('wasm');
const raw = await loadFusedKernels({ wasmPath: ensureRnnWasm() });
// The pure wasm compute, without the JS packing around it (reaches into the private exports).
const exportsOf = raw as unknown as { wasm: Record<string, (plan: number) => void> };
for (const [name, fn] of Object.entries(exportsOf.wasm)) {
  exportsOf.wasm[name] = (plan) => timed(`   wasm ${name}`, () => fn(plan));
}
const kernels = instrument(raw);
const seam = fusedSeamKernel(kernels);
setRecurrentKernel({
  name: seam.name,
  forward: (s, i) => timed(' adapter forward', () => seam.forward(s, i)),
  backward: (s, i, o, sv, d) => timed(' adapter backward', () => seam.backward(s, i, o, sv, d)),
});
const set = taskWindows(task);
const config = modelConfig(task, set.nFeatures);
const model = buildModel(config);
const optimizer = makeOptimizer(config);
const lossFn = lossFunction('mse');
const per = set.lookback * set.nFeatures;
const B = task.batch;

function step(i: number, record: boolean): void {
  const w0 = ((i * B) % (set.count - B)) * per;
  const t0 = performance.now();
  const [x, y] = timed('batch tensors', () => [
    tf.tensor3d(set.x.subarray(w0, w0 + B * per), [B, set.lookback, set.nFeatures]),
    tf.tensor2d(set.y.subarray(w0 / per, w0 / per + B), [B, 1]),
  ]);
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
  add('STEP TOTAL', performance.now() - t0);
  if (!record) totals.clear();
}

for (let i = 0; i < 20; i++) step(i, false);
const numTensors = tf.memory().numTensors;
const cpu0 = process.cpuUsage();
const wall0 = performance.now();
for (let i = 0; i < steps; i++) step(i, true);
const cpu = process.cpuUsage(cpu0);
const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - wall0);
console.log(`CPU time / wall time ${cpuShare.toFixed(2)} (below 1: other processes took the core)`);
const stepMs = (totals.get('STEP TOTAL') ?? 0) / steps;
console.log(`${task.id}: ${steps} steps, ${stepMs.toFixed(3)} ms/step = ${((B / stepMs) * 1000).toFixed(0)} samples/s (tensors ${numTensors}→${tf.memory().numTensors})`);
for (const [k, v] of totals) console.log(`${(v / steps).toFixed(3).padStart(8)} ms  ${k}`);
