// One helper thread for the fused kernels: a worker_thread with its own instance of the
// shared-memory build of rnn.wasm over the same WebAssembly.Memory, so half a batch can run there
// while the caller's thread runs the other half, with no copies. The hand-over is a small i32
// control block in that memory (Atomics.wait / notify). Robustness rules: the worker is started
// once and must report ready within a deadline; every wait has a timeout; on any timeout or error
// the worker is terminated, the pool is closed for good and the caller redoes the work on its own
// thread (arenas the worker may still touch are never reused). The engine never waits unboundedly.
import { Worker } from 'node:worker_threads';
import type { FusedRnnKernels } from '../wasm/fusedRnn';
import type { RnnCellKind } from '../wasm/planLayout';

/** Bytes at the start of the memory kept for the control block (KernelHeap reserves them). */
export const CONTROL_BYTES = 1024;
const CONTROL_AT = 64;
// Control block, i32 indices: sequence number of the request (−1 = quit), number of ops,
// sequence number done, status of the last request (1 ok, 2 error), ready flag, then ops.
const SEQ = 0;
const NOPS = 1;
const DONE = 2;
const STATUS = 3;
const READY = 4;
const OPS = 8;
export const MAX_OPS = 32;

const CELLS: RnnCellKind[] = ['lstm', 'gru', 'simpleRnn'];

/** One kernel call: cell, pass and the plan record's byte address. */
export interface RnnOp {
  cell: RnnCellKind;
  pass: 'forward' | 'backward';
  plan: number;
}

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { module, memory, at } = workerData;
const ctrl = new Int32Array(memory.buffer, at, ${OPS + 2 * MAX_OPS});
let fns = null;
try {
  const inst = new WebAssembly.Instance(module, { env: { memory, abort() { throw new Error('rnn.wasm aborted'); } } });
  const e = inst.exports;
  fns = [e.lstmForward, e.lstmBackward, e.gruForward, e.gruBackward, e.simpleRnnForward, e.simpleRnnBackward];
  Atomics.store(ctrl, ${READY}, 1);
} catch (err) {
  Atomics.store(ctrl, ${READY}, 2);
}
Atomics.notify(ctrl, ${READY});
let seen = 0;
while (fns !== null) {
  Atomics.wait(ctrl, ${SEQ}, seen);
  seen = Atomics.load(ctrl, ${SEQ});
  if (seen < 0) break;
  let status = 1;
  try {
    const n = ctrl[${NOPS}];
    for (let i = 0; i < n; i++) fns[ctrl[${OPS} + 2 * i]](ctrl[${OPS} + 2 * i + 1]);
  } catch (err) {
    status = 2;
  }
  Atomics.store(ctrl, ${STATUS}, status);
  Atomics.store(ctrl, ${DONE}, seen);
  Atomics.notify(ctrl, ${DONE});
}`;

export interface RnnThreadPoolOptions {
  /**
   * Wait for the helper after this thread's share of a split call before it is declared hung (ms),
   * or twice the time this thread's share took when that is longer.
   */
  timeoutMs?: number;
  /** Longest wait for the worker to start (ms). */
  startTimeoutMs?: number;
}

export class RnnThreadPool {
  private sequence = 0;
  private finished = 0;
  private worker: Worker | null;
  private failure: string | null = null;
  private readonly ctrl: Int32Array;
  private readonly timeoutMs: number;

  private constructor(
    readonly kernels: FusedRnnKernels,
    worker: Worker,
    ctrl: Int32Array,
    timeoutMs: number,
  ) {
    this.worker = worker;
    this.ctrl = ctrl;
    this.timeoutMs = timeoutMs;
  }

  /**
   * Starts the helper over `kernels` (which must run on a shared memory built from `module`);
   * resolves to null, never throws, when that fails, with the reason in `onFailure`.
   */
  static async start(
    kernels: FusedRnnKernels,
    module: unknown,
    options: RnnThreadPoolOptions = {},
    onFailure: (why: string) => void = () => {},
  ): Promise<RnnThreadPool | null> {
    const memory = kernels.heap.memory;
    if (!(memory.buffer instanceof SharedArrayBuffer)) {
      onFailure('the kernels do not run on a shared memory');
      return null;
    }
    const ctrl = new Int32Array(memory.buffer, CONTROL_AT, OPS + 2 * MAX_OPS);
    ctrl.fill(0);
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { module, memory, at: CONTROL_AT },
      });
    } catch (e) {
      onFailure(`worker did not start: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
    // An idle helper must not keep the process alive.
    worker.unref();
    worker.on('error', () => {});
    const deadline = performance.now() + (options.startTimeoutMs ?? 5000);
    // Atomics.waitAsync is not in every Node 20 typing; poll instead (start-up only).
    while (Atomics.load(ctrl, READY) === 0 && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 2));
    }
    const ready = Atomics.load(ctrl, READY);
    if (ready !== 1) {
      void worker.terminate();
      onFailure(ready === 2 ? 'worker could not instantiate rnn.wasm' : 'worker start timed out');
      return null;
    }
    // A step's half-batch takes milliseconds; a helper that is not back within 250 ms, or twice the
    // caller's own share (descheduled on a busy machine), is dropped, so a stalled wait can never
    // hold the engine's event loop for long.
    return new RnnThreadPool(kernels, worker, ctrl, options.timeoutMs ?? 250);
  }

  /** Split calls the helper has finished (its share done), since the start. */
  get completed(): number {
    return this.finished;
  }

  get alive(): boolean {
    return this.worker !== null;
  }

  /** Why the pool closed itself, if it did. */
  get failed(): string | null {
    return this.failure;
  }

  /**
   * Runs `theirs` on the helper while `mine()` runs here. true when both finished; false when
   * the helper failed or timed out (the pool is then closed and `theirs` must be redone, on
   * other buffers: a terminated helper may still have been writing to its own).
   */
  runSplit(theirs: readonly RnnOp[], mine: () => void): boolean {
    if (this.worker === null) return false;
    if (theirs.length > MAX_OPS) throw new Error(`rnnThreadPool: more than ${MAX_OPS} ops`);
    const c = this.ctrl;
    theirs.forEach((op, i) => {
      c[OPS + 2 * i] = CELLS.indexOf(op.cell) * 2 + (op.pass === 'forward' ? 0 : 1);
      c[OPS + 2 * i + 1] = op.plan;
    });
    Atomics.store(c, NOPS, theirs.length);
    const seq = (this.sequence = (this.sequence % 0x3fffffff) + 1);
    Atomics.store(c, SEQ, seq);
    Atomics.notify(c, SEQ);
    const started = performance.now();
    try {
      mine();
    } finally {
      // Even when mine() throws, wait for the helper so it is idle (or closed) afterwards. The
      // helper's share is about as long as mine: on a busy machine, where both run slower, it
      // gets up to twice the time mine took (at least timeoutMs) before it counts as hung.
      this.waitFor(seq, Math.max(this.timeoutMs, 2 * (performance.now() - started)));
    }
    if (this.worker === null) return false;
    if (Atomics.load(c, STATUS) !== 1) {
      this.close('a kernel call failed on the helper thread');
      return false;
    }
    this.finished++;
    return true;
  }

  private waitFor(seq: number, waitMs: number): void {
    const deadline = performance.now() + waitMs;
    for (;;) {
      const done = Atomics.load(this.ctrl, DONE);
      if (done === seq) return;
      const left = deadline - performance.now();
      if (left <= 0) {
        this.close(`helper thread gave no answer within ${Math.round(waitMs)} ms`);
        return;
      }
      Atomics.wait(this.ctrl, DONE, done, left);
    }
  }

  /** Stops the helper (idempotent); the pool stays closed. */
  close(why = 'closed'): void {
    const w = this.worker;
    if (w === null) return;
    this.worker = null;
    this.failure ??= why;
    Atomics.store(this.ctrl, SEQ, -1);
    Atomics.notify(this.ctrl, SEQ);
    void w.terminate();
  }
}
