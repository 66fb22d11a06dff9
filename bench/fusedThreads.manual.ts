// Manual experiment (not a test): does splitting batch 32 across two threads pay off?
//   npx tsx bench/fusedThreads.manual.ts
// Builds a shared-memory variant of rnn.wasm (asc --enable threads --sharedMemory) in a temp
// dir, runs one half-batch on this thread and the other on a worker_thread instance importing
// the same WebAssembly.Memory, and hands work over with Atomics.wait/notify (no copies; the
// weight-gradient halves would be summed by the caller). Compares forward+backward time of
// the LSTM layer with the single-thread B = 32 call.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import asc from 'assemblyscript/asc';
import { KernelHeap } from '../src-main/engine/kernels/wasm/kernelHeap';
import { planLayout, writePlanRecord } from '../src-main/engine/kernels/wasm/planLayout';
import { packForwardInputs, packOutputGrad } from '../src-main/engine/kernels/wasm/rnnPacking';
import { randomArray, seededRandom } from '../src-main/engine/kernels/wasm/testRandom.testkit';
import { wasmApi } from '../src-main/engine/kernels/wasm/wasmApi';
import { instantiateRnnWasm } from '../src-main/engine/kernels/wasm/wasmModule';

const dir = await mkdtemp(join(tmpdir(), 'rnn-shared-'));
const outFile = join(dir, 'rnn-shared.wasm');
const entry = fileURLToPath(
  new URL('../src-main/engine/kernels/assembly/index.ts', import.meta.url),
);
const flags = ['-O3', '--noAssert', '--enable', 'simd', '--enable', 'threads', '--runtime', 'stub'];
const mem = ['--importMemory', '--noExportMemory', '--sharedMemory', '--maximumMemory', '4096'];
const built = await asc.main([
  entry,
  '--outFile',
  outFile,
  ...flags,
  ...mem,
  '--disableWarning',
  '112',
]);
if (built.error) throw built.error;
const module = await wasmApi.compile(await readFile(outFile));

// Sized up front: growing a shared memory while a worker waits on it lost wake-ups in Node 20.
const memory = new wasmApi.Memory({ initial: 2048, maximum: 4096, shared: true });
const heap = new KernelHeap(memory, 1024);
const kernels = instantiateRnnWasm(module, memory);
const ctrl = new Int32Array(memory.buffer, 64, 4); // [sequence, plan, pass, done]

const workerSource = `
const { workerData } = require('node:worker_threads');
const { module, memory } = workerData;
const inst = new WebAssembly.Instance(module, { env: { memory, abort() { throw new Error('abort'); } } });
const ctrl = new Int32Array(memory.buffer, 64, 4);
let seen = 0;
for (;;) {
  Atomics.wait(ctrl, 0, seen);
  seen = Atomics.load(ctrl, 0);
  if (seen < 0) break;
  (ctrl[2] === 0 ? inst.exports.lstmForward : inst.exports.lstmBackward)(ctrl[1]);
  Atomics.store(ctrl, 3, seen);
  Atomics.notify(ctrl, 3);
}`;
const worker = new Worker(workerSource, { eval: true, workerData: { module, memory } });

function preparedPlan(B: number, T: number, D: number, H: number): number {
  const r = seededRandom(B * 31 + T);
  const shape = {
    ...{ cell: 'lstm' as const, activation: 'tanh' as const },
    ...{ batch: B, steps: T, inputDim: D, units: H },
    ...{ returnSequences: false, hasRecurrentMask: false },
  };
  const layout = planLayout(shape);
  const { address } = heap.allocate(layout.totalBytes);
  writePlanRecord(heap.ints(), address, shape, layout);
  packForwardInputs(heap.floats(), address, shape, layout, {
    x: randomArray(r, B * T * D),
    kernel: randomArray(r, D * 4 * H, 0.2),
    recurrentKernel: randomArray(r, H * 4 * H, 0.2),
    bias: randomArray(r, 4 * H, 0.1),
  });
  packOutputGrad(heap.floats(), address, shape, layout, randomArray(r, B * H));
  return address;
}

let sequence = 0;
function split(mine: number, theirs: number, pass: 0 | 1): void {
  ctrl[1] = theirs;
  ctrl[2] = pass;
  Atomics.store(ctrl, 0, ++sequence);
  Atomics.notify(ctrl, 0);
  (pass === 0 ? kernels.lstmForward : kernels.lstmBackward)(mine);
  while (Atomics.load(ctrl, 3) !== sequence) {
    if (Atomics.wait(ctrl, 3, Atomics.load(ctrl, 3), 10_000) === 'timed-out') {
      throw new Error('worker did not answer within 10 s');
    }
  }
}

// Alternates the two variants rep by rep so both see the same background load.
function medianMs(a: () => void, b: () => void): [number, number] {
  const runs: [number[], number[]] = [[], []];
  for (let rep = 0; rep < 12; rep++) {
    [a, b].forEach((fn, i) => {
      const t0 = performance.now();
      for (let k = 0; k < 25; k++) fn();
      if (rep > 0) runs[i]!.push((performance.now() - t0) / 25);
    });
  }
  const median = (r: number[]): number => r.sort((x, y) => x - y)[r.length >> 1]!;
  return [median(runs[0]), median(runs[1])];
}

for (const [T, D, H] of [
  [30, 1, 50],
  [60, 4, 64],
] as const) {
  const full = preparedPlan(32, T, D, H);
  const [h0, h1] = [preparedPlan(16, T, D, H), preparedPlan(16, T, D, H)];
  const [one, two] = medianMs(
    () => {
      kernels.lstmForward(full);
      kernels.lstmBackward(full);
    },
    () => {
      split(h0, h1, 0);
      split(h0, h1, 1);
    },
  );
  const rate = (ms: number): string =>
    `${ms.toFixed(3)} ms (${((32 / ms) * 1000).toFixed(0)} samples/s)`;
  console.log(`LSTM ${H}, lookback ${T}, ${D} feature(s), batch 32, forward+backward:`);
  console.log(`  1 thread: ${rate(one)}   2 threads (16 + 16): ${rate(two)}`);
}
Atomics.store(ctrl, 0, -1);
Atomics.notify(ctrl, 0);
await worker.terminate();
