// Manual benchmark (not a test): training throughput of the fused kernels on the task shapes.
//   npx tsx bench/fusedThroughput.manual.ts
//   node --experimental-wasm-relaxed-simd --import tsx bench/fusedThroughput.manual.ts
//   (the second form also measures rnn-relaxed.wasm on Node 20; Electron/Node ≥ 22 need no flag)
// One training step = recurrent layer(s) forward + dense head (units → 1) + MSE + backward
// through head and layer(s) + Adam on every parameter, all in plain TS except the fused
// recurrent kernels. Reported: samples/s over an epoch of 2,000 windows (median of 5 epochs).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ensureRnnWasm } from '../src-main/engine/kernels/wasm/ensureRnnWasm.testkit';
import { loadFusedKernels } from '../src-main/engine/kernels/wasm/fusedRnn';
import type {
  FusedRnnCache,
  FusedRnnKernels,
  RnnCellKind,
  RnnWasmVariant,
} from '../src-main/engine/kernels/wasm/fusedRnn';
import { randomArray, seededRandom } from '../src-main/engine/kernels/wasm/testRandom.testkit';
import { wasmApi } from '../src-main/engine/kernels/wasm/wasmApi';

interface Param {
  value: Float32Array;
  grad: Float32Array;
  m: Float32Array;
  v: Float32Array;
}

const param = (value: Float32Array): Param => ({
  value,
  grad: new Float32Array(value.length),
  m: new Float32Array(value.length),
  v: new Float32Array(value.length),
});

function adamStep(
  params: Param[],
  step: number,
  lr = 1e-3,
  b1 = 0.9,
  b2 = 0.999,
  eps = 1e-7,
): void {
  const c1 = 1 - b1 ** step;
  const c2 = 1 - b2 ** step;
  for (const p of params) {
    const { value, grad, m, v } = p;
    for (let i = 0; i < value.length; i++) {
      const g = grad[i]!;
      m[i] = b1 * m[i]! + (1 - b1) * g;
      v[i] = b2 * v[i]! + (1 - b2) * g * g;
      value[i] = value[i]! - (lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + eps);
    }
  }
}

interface RecurrentLayer {
  cell: RnnCellKind;
  inputDim: number;
  units: number;
  returnSequences: boolean;
  kernel: Param;
  recurrentKernel: Param;
  bias: Param;
}

interface Task {
  name: string;
  cell: RnnCellKind;
  lookback: number;
  features: number;
  layers: number[];
}

function makeLayers(task: Task, rand: () => number): RecurrentLayer[] {
  const G = task.cell === 'lstm' ? 4 : task.cell === 'gru' ? 3 : 1;
  return task.layers.map((units, i) => {
    const inputDim = i === 0 ? task.features : (task.layers[i - 1] ?? 0);
    return {
      cell: task.cell,
      inputDim,
      units,
      returnSequences: i < task.layers.length - 1,
      kernel: param(randomArray(rand, inputDim * G * units, Math.sqrt(6 / (inputDim + G * units)))),
      recurrentKernel: param(randomArray(rand, units * G * units, 1 / Math.sqrt(units))),
      bias: param(new Float32Array(G * units)),
    };
  });
}

function runEpoch(
  k: FusedRnnKernels,
  task: Task,
  layers: RecurrentLayer[],
  head: Param,
  headBias: Param,
  data: { x: Float32Array; y: Float32Array; n: number },
  batchSize: number,
  stepRef: { step: number },
): void {
  const { lookback: T, features: D } = task;
  const H = layers[layers.length - 1]!.units;
  const all = [...layers.flatMap((l) => [l.kernel, l.recurrentKernel, l.bias]), head, headBias];
  for (let start = 0; start < data.n; start += batchSize) {
    const B = Math.min(batchSize, data.n - start);
    let input: Float32Array = data.x.subarray(start * T * D, (start + B) * T * D);
    const caches: FusedRnnCache[] = [];
    for (const l of layers) {
      const { output, cache } = k.forward({
        cell: l.cell,
        batch: B,
        steps: T,
        inputDim: l.inputDim,
        units: l.units,
        returnSequences: l.returnSequences,
        x: input,
        kernel: l.kernel.value,
        recurrentKernel: l.recurrentKernel.value,
        bias: l.bias.value,
      });
      caches.push(cache);
      input = output;
    }
    // Dense head + MSE: dL/dpred = 2·(pred − y)/B
    const dH = new Float32Array(B * H);
    head.grad.fill(0);
    headBias.grad[0] = 0;
    for (let b = 0; b < B; b++) {
      let pred = headBias.value[0]!;
      for (let j = 0; j < H; j++) pred += input[b * H + j]! * head.value[j]!;
      const g = (2 * (pred - data.y[start + b]!)) / B;
      headBias.grad[0]! += g;
      for (let j = 0; j < H; j++) {
        head.grad[j]! += g * input[b * H + j]!;
        dH[b * H + j] = g * head.value[j]!;
      }
    }
    let dOut: Float32Array = dH;
    for (let i = layers.length - 1; i >= 0; i--) {
      const l = layers[i]!;
      const g = k.backward(caches[i]!, dOut);
      l.kernel.grad.set(g.dKernel);
      l.recurrentKernel.grad.set(g.dRecurrentKernel);
      l.bias.grad.set(g.dBias);
      dOut = g.dX;
    }
    adamStep(all, ++stepRef.step);
  }
}

function measure(k: FusedRnnKernels, task: Task, windows = 2000, batchSize = 32): number {
  const rand = seededRandom(7);
  const { lookback: T, features: D } = task;
  const x = new Float32Array(windows * T * D);
  const y = new Float32Array(windows);
  for (let w = 0; w < windows; w++) {
    for (let t = 0; t < T * D; t++) x[w * T * D + t] = Math.sin((w + t) * 0.1) + 0.1 * rand();
    y[w] = Math.sin((w + T) * 0.1);
  }
  const layers = makeLayers(task, rand);
  const H = task.layers[task.layers.length - 1]!;
  const head = param(randomArray(rand, H, 1 / Math.sqrt(H)));
  const headBias = param(new Float32Array(1));
  const data = { x, y, n: windows };
  const stepRef = { step: 0 };
  runEpoch(k, task, layers, head, headBias, data, batchSize, stepRef); // warm-up
  const rates: number[] = [];
  for (let e = 0; e < 5; e++) {
    const t0 = performance.now();
    runEpoch(k, task, layers, head, headBias, data, batchSize, stepRef);
    rates.push(windows / ((performance.now() - t0) / 1000));
  }
  rates.sort((a, b) => a - b);
  return rates[2]!;
}

const tasks: Task[] = [
  {
    name: 'T1 LSTM 50, lookback 30, 1 feature',
    cell: 'lstm',
    lookback: 30,
    features: 1,
    layers: [50],
  },
  { name: 'T1-shape GRU 50', cell: 'gru', lookback: 30, features: 1, layers: [50] },
  { name: 'T1-shape SimpleRNN 50', cell: 'simpleRnn', lookback: 30, features: 1, layers: [50] },
  {
    name: 'T2-like 2×LSTM 64, lookback 60, 4 features',
    cell: 'lstm',
    lookback: 60,
    features: 4,
    layers: [64, 64],
  },
];

const wasmPath = ensureRnnWasm();
const builds: RnnWasmVariant[] = ['simd'];
if (wasmApi.validate(readFileSync(join(dirname(wasmPath), 'rnn-relaxed.wasm'))))
  builds.push('relaxed');
else
  console.log(
    '(relaxed-simd build skipped: run with node --experimental-wasm-relaxed-simd on Node 20)',
  );
for (const variant of builds) {
  const kernels = await loadFusedKernels({ wasmPath, variant });
  for (const task of tasks) {
    const rate = measure(kernels, task).toFixed(0);
    console.log(`[${variant}] ${task.name}: ${rate} samples/s (batch 32, 1 thread)`);
  }
}
