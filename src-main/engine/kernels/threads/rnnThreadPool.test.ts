// The helper thread: kernel calls split across it give the same numbers as on one thread, and a
// helper that does not answer in time is shut down instead of blocking the caller.
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRnnWasm } from '../wasm/ensureRnnWasm.testkit';
import { loadFusedKernels } from '../wasm/fusedRnn';
import { planLayout, writePlanRecord, type RnnShape } from '../wasm/planLayout';
import { packForwardInputs } from '../wasm/rnnPacking';
import { RnnThreadPool } from './rnnThreadPool';
import { randomArray, seededRandom } from '../wasm/testRandom.testkit';
import { startThreadedKernels, type ThreadedKernels } from './threadedKernels';

let threaded: ThreadedKernels | null = null;
beforeAll(async () => {
  const t = await startThreadedKernels({ wasmPath: ensureRnnWasm(), timeoutMs: 20_000 });
  threaded = 'pool' in t ? t : null;
});
afterAll(() => threaded?.pool.close());

const shape: RnnShape = {
  cell: 'lstm',
  batch: 32,
  steps: 60,
  inputDim: 4,
  units: 64,
  activation: 'tanh',
  returnSequences: true,
  hasRecurrentMask: false,
};

/** A forward plan with the same random inputs every time; returns its address and layout. */
function plan(t: ThreadedKernels) {
  const layout = planLayout(shape);
  const { address } = t.kernels.heap.allocate(layout.totalBytes);
  writePlanRecord(t.kernels.heap.ints(), address, shape, layout);
  const r = seededRandom(5);
  packForwardInputs(t.kernels.heap.floats(), address, shape, layout, {
    x: randomArray(r, 32 * 60 * 4),
    kernel: randomArray(r, 4 * 256, 0.3),
    recurrentKernel: randomArray(r, 64 * 256, 0.3),
    bias: randomArray(r, 256, 0.1),
  });
  const hs = (address + layout.offsets.hs) >> 2;
  const last = () => t.kernels.heap.floats().slice(hs + 60 * 32 * 64, hs + 61 * 32 * 64);
  return { address, last };
}

describe('RnnThreadPool', () => {
  it('starts on a machine with two cores (or says why not)', async () => {
    if (os.availableParallelism() >= 2) expect(threaded).not.toBeNull();
  });

  it('runs calls on the helper with the same result as on this thread', () => {
    if (threaded === null) return;
    const [a, b] = [plan(threaded), plan(threaded)];
    const ok = threaded.pool.runSplit([{ cell: 'lstm', pass: 'forward', plan: b.address }], () =>
      threaded?.kernels.run('lstm', 'forward', a.address),
    );
    expect(ok).toBe(true);
    expect(Array.from(b.last())).toEqual(Array.from(a.last()));
    expect(a.last().some((v) => v !== 0)).toBe(true);
  });

  it('closes itself when the helper does not answer in time, without blocking', async (ctx) => {
    const t = await startThreadedKernels({ wasmPath: ensureRnnWasm(), timeoutMs: 1 });
    if (!('pool' in t)) return ctx.skip(`no helper thread on this machine: ${t.why}`);
    const p = plan(t);
    // ≈ 30 long sequences for the helper, nothing here: far more than 1 ms.
    const ops = Array.from({ length: 30 }, () => ({
      cell: 'lstm' as const,
      pass: 'forward' as const,
      plan: p.address,
    }));
    // It gave up at its own 1 ms deadline (the message names it), not at some slower fallback;
    // how long that takes on a loaded machine is no test of correctness.
    expect(t.pool.runSplit(ops, () => {})).toBe(false);
    expect(t.pool.alive).toBe(false);
    expect(t.pool.failed).toBe('helper thread gave no answer within 1 ms');
    expect(t.pool.runSplit(ops, () => {})).toBe(false);
  });

  it('refuses kernels that do not run on a shared memory', async () => {
    let why = '';
    const plain = await loadFusedKernels({ wasmPath: ensureRnnWasm(), variant: 'simd' });
    expect(await RnnThreadPool.start(plain, null, {}, (w) => (why = w))).toBeNull();
    expect(why).toMatch(/shared/);
  });
});
