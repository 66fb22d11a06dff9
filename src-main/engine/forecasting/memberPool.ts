// Ensemble members trained in parallel: worker_threads of the engine process (memberWorkerMain.ts),
// each with its own TensorFlow.js and its own instance of the fused kernels, train members while
// the engine's thread trains others. With 2 cores that is one worker beside the engine's thread.
//
// Rules:
// - The engine's thread always trains member 0 (its model may be kept for saving) and takes the
//   next member whenever it is free; a worker takes one as soon as it is ready and free. Workers
//   start once and are kept for the engine's lifetime (unref'd: an idle worker never keeps the
//   process alive); a fit that ends before a worker is ready simply did not need it.
// - A member's numbers do not depend on the thread: the job is plain data and the kernels are the
//   same build (tested bit for bit against training every member on the engine's thread).
// - Faults never lose a member: a worker that fails to start, dies, or answers with anything but
//   a valid outcome is dropped and its member is redone on the engine's thread. After
//   MAX_FAILURES such faults the pool stops starting workers and says why.
// - Cancel is polite first (the worker's member stops at its next batch), then hard: a worker
//   still busy CANCEL_GRACE_MS after the cancel is terminated and replaced at the next fit.
import { createRequire } from 'node:module';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MemberJob, MemberOutcome } from './member';
import { WorkerToPool, type MemberWorkerSetup, type PoolToWorker } from './memberProtocol';

/** How to start a member worker: the built entry, or the TypeScript source run through tsx. */
export interface MemberWorkerEntry {
  file: string;
  typescript: boolean;
}

export interface MemberPoolOptions {
  entry: MemberWorkerEntry;
  setup: MemberWorkerSetup;
  /** Default: one fewer than the cores (the engine's thread trains too). */
  workers?: number;
  cancelGraceMs?: number;
  /** Test kits only: told when a member is handed to a worker. */
  onDispatch?: (index: number, workerId: number) => void;
}

export const MAX_FAILURES = 3;
export const CANCEL_GRACE_MS = 3000;

/** Workers a pool starts by default: every core but the engine thread's. */
export function defaultMemberWorkers(): number {
  return Math.max(0, os.availableParallelism() - 1);
}

interface Slot {
  id: number;
  worker: Worker;
  ready: Promise<boolean>;
  state: 'starting' | 'idle' | 'busy' | 'dead';
  /** The member this worker trains, with how to settle it. */
  current: {
    jobId: number;
    settle: (reply: MemberOutcome | { failed: string }) => void;
  } | null;
}

/** What happened to the members of one run. */
export interface MembersRun {
  /** Outcomes by member index (a cancelled run may have fewer than its jobs). */
  outcomes: MemberOutcome[];
  /** Members a worker trained (the rest the engine's thread did). */
  onWorkers: number;
  /** Threads that trained members: the engine's plus the workers that took one. */
  threads: number;
  /** Plain-language account for the run's notes. */
  note: string;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The engine's thread training the jobs `take` hands it, in turn, until `stop` says so. */
async function engineThreadLoop(
  take: () => MemberJob | undefined,
  onEngine: (job: MemberJob) => Promise<MemberOutcome>,
  record: (o: MemberOutcome) => void,
  stop: () => boolean,
): Promise<void> {
  for (let job = take(); job; job = stop() ? undefined : take()) record(await onEngine(job));
}

/** The run's account of where its members trained, in words. */
function membersNote(r: {
  jobs: number;
  trained: number;
  onWorkers: number;
  workers: number;
  faults: readonly string[];
  /** Why no second thread trained a member (when none did and none failed). */
  serialReason: string;
}): string {
  const { trained: n, workers, faults } = r;
  let note: string;
  if (r.jobs <= 1) note = 'one member, trained on the main thread';
  else if (r.onWorkers > 0)
    note = `${n} members trained in parallel on ${1 + workers} threads (${r.onWorkers} on ${workers === 1 ? 'a second thread' : `${workers} other threads`})`;
  else if (faults.length > 0) note = `${n} members trained one after another`;
  else note = `${n} members trained one after another (${r.serialReason})`;
  if (faults.length > 0)
    note += `; ${faults.length === 1 ? 'a second thread' : `${faults.length} second threads`} failed (${faults.join('; ')}); ${faults.length === 1 ? 'its member was' : 'their members were'} retrained on the main thread`;
  return note;
}

/**
 * Trains `jobs` on `pool`'s workers beside the engine's thread, or, without a pool (or with one
 * job), on the engine's thread alone, one after another until a member is cancelled.
 */
export async function runMembers(
  pool: MemberPool | null,
  jobs: readonly MemberJob[],
  onEngine: (job: MemberJob) => Promise<MemberOutcome>,
  signal?: AbortSignal,
): Promise<MembersRun> {
  if (pool && jobs.length > 1) return pool.run(jobs, onEngine, signal);
  const queue = [...jobs];
  const outcomes: MemberOutcome[] = [];
  await engineThreadLoop(
    () => queue.shift(),
    onEngine,
    (o) => outcomes.push(o),
    () => outcomes.some((o) => o.result.stoppedReason === 'cancelled'),
  );
  const note = membersNote({
    jobs: jobs.length,
    trained: outcomes.length,
    onWorkers: 0,
    workers: 0,
    faults: [],
    serialReason: 'parallel training off',
  });
  return { outcomes, onWorkers: 0, threads: 1, note };
}

export class MemberPool {
  private readonly slots: Slot[] = [];
  private nextSlotId = 1;
  private nextJobId = 1;
  private failures = 0;
  private lastFailure: string | null = null;
  private closed = false;
  private readonly size: number;

  constructor(private readonly options: MemberPoolOptions) {
    this.size = Math.max(0, Math.floor(options.workers ?? defaultMemberWorkers()));
  }

  /** Why the pool no longer starts workers, or null while it does. */
  get disabled(): string | null {
    if (this.closed) return 'parallel training closed';
    if (this.size === 0) return 'one core only';
    if (this.failures >= MAX_FAILURES)
      return `second threads failed ${this.failures} times (last: ${this.lastFailure ?? 'unknown'})`;
    return null;
  }

  /** Workers currently alive (starting, idle or busy). */
  get alive(): number {
    return this.slots.filter((s) => s.state !== 'dead').length;
  }

  /** Starts the workers (warm) and resolves, once each is ready or has failed, to the number ready. */
  async whenReady(): Promise<number> {
    this.warm();
    const ready = await Promise.all(this.slots.map((s) => s.ready));
    return ready.filter(Boolean).length;
  }

  /** Starts workers up to the pool's size (after faults, replacements); never throws. */
  warm(): void {
    this.dropDead();
    while (this.disabled === null && this.slots.length < this.size) {
      const slot = this.spawn();
      if (slot) this.slots.push(slot);
    }
  }

  /**
   * Trains `jobs`: `onEngine` runs a job on the engine's thread; free workers take jobs too.
   * Resolves when every job has an outcome or the run was cancelled.
   */
  async run(
    jobs: readonly MemberJob[],
    onEngine: (job: MemberJob) => Promise<MemberOutcome>,
    signal?: AbortSignal,
  ): Promise<MembersRun> {
    const queue = [...jobs];
    const outcomes = new Map<number, MemberOutcome>();
    const redo: MemberJob[] = [];
    const faults: string[] = [];
    let onWorkers = 0;
    const workersUsed = new Set<number>();
    let stopped = false;
    const isStopped = (): boolean => stopped || signal?.aborted === true;
    const record = (o: MemberOutcome): void => {
      outcomes.set(o.index, o);
      if (o.result.stoppedReason === 'cancelled') stopped = true;
    };

    if (jobs.length > 1) this.warm();
    const slots = jobs.length > 1 ? this.slots.filter((s) => s.state !== 'dead') : [];
    // Jobs this run sent: a cancel stops these, never another run's on the same worker.
    const sent = new Set<number>();
    const onAbort = (): void => this.cancelBusy(slots, sent);
    signal?.addEventListener('abort', onAbort, { once: true });
    let wakeEngineDone: () => void = () => {};
    const engineFinished = new Promise<void>((r) => (wakeEngineDone = r));

    const engineLoop = async (): Promise<void> => {
      try {
        await engineThreadLoop(() => queue.shift(), onEngine, record, isStopped);
      } finally {
        wakeEngineDone();
      }
    };
    const workerLoop = async (slot: Slot): Promise<void> => {
      // A worker still starting when the engine's thread has finished is not waited for.
      const ready = await Promise.race([slot.ready, engineFinished.then(() => null)]);
      if (ready !== true) return;
      while (!isStopped() && slot.state === 'idle') {
        const job = queue.shift();
        if (!job) return;
        const reply = await this.dispatch(slot, job, sent);
        if ('failed' in reply) {
          faults.push(reply.failed);
          if (!isStopped()) redo.push(job);
          return;
        }
        onWorkers++;
        workersUsed.add(slot.id);
        record(reply);
      }
    };
    try {
      // The engine's loop starts first, so member 0 is always the engine thread's.
      const engine = engineLoop();
      await Promise.all([engine, ...slots.map((s) => workerLoop(s))]);
      // Members a failed worker held, redone here.
      for (const job of redo) {
        if (isStopped()) break;
        record(await onEngine(job));
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
    const ordered = [...outcomes.values()].sort((a, b) => a.index - b.index);
    const threads = 1 + workersUsed.size;
    const note = membersNote({
      jobs: jobs.length,
      trained: ordered.length,
      onWorkers,
      workers: workersUsed.size,
      faults,
      serialReason:
        this.disabled ??
        (slots.length === 0 ? 'no second thread' : 'no second thread was free in time'),
    });
    return { outcomes: ordered, onWorkers, threads, note };
  }

  /** Test kits only: terminates a worker now, as a crash would. */
  async terminateWorker(workerId: number): Promise<void> {
    const slot = this.slots.find((s) => s.id === workerId);
    if (slot) await slot.worker.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }

  private dropDead(): void {
    for (let i = this.slots.length - 1; i >= 0; i--)
      if (this.slots[i]?.state === 'dead') this.slots.splice(i, 1);
  }

  /** A started worker, or null (the fault recorded) when it could not even be constructed. */
  private spawn(): Slot | null {
    const id = this.nextSlotId++;
    const { entry, setup } = this.options;
    let worker: Worker;
    try {
      worker = entry.typescript
        ? // From the sources: register tsx's CommonJS hook, then load the entry through it.
          new Worker(
            `require(${JSON.stringify(createRequire(import.meta.url).resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(entry.file)});`,
            { eval: true, workerData: setup },
          )
        : new Worker(pathToFileURL(entry.file), { workerData: setup });
    } catch (error) {
      this.fault(`it did not start: ${message(error)}`);
      return null;
    }
    worker.unref();
    let markReady: (ok: boolean) => void = () => {};
    const slot: Slot = {
      id,
      worker,
      ready: new Promise<boolean>((r) => (markReady = r)),
      state: 'starting',
      current: null,
    };
    const die = (why: string): void => {
      if (slot.state === 'dead') return;
      const wasStarting = slot.state === 'starting';
      slot.state = 'dead';
      this.fault(wasStarting ? `it did not start: ${why}` : why);
      markReady(false);
      const current = slot.current;
      slot.current = null;
      current?.settle({ failed: why });
      void worker.terminate();
    };
    worker.on('message', (raw: unknown) => {
      const parsed = WorkerToPool.safeParse(raw);
      if (!parsed.success) {
        die('it sent a message the engine does not understand');
        return;
      }
      const m = parsed.data;
      if (m.type === 'ready') {
        if (slot.state === 'starting') slot.state = 'idle';
        markReady(true);
      } else if (m.type === 'failed') die(m.why);
      else if (slot.current?.jobId === m.jobId) {
        const current = slot.current;
        slot.current = null;
        slot.state = 'idle';
        current.settle(m.type === 'done' ? m.outcome : { failed: m.message });
      }
    });
    worker.on('error', (error) => die(message(error)));
    worker.on('exit', (code) => die(`it stopped (exit code ${code})`));
    return slot;
  }

  private fault(why: string): void {
    this.failures++;
    this.lastFailure = why;
  }

  private dispatch(
    slot: Slot,
    job: MemberJob,
    sent: Set<number>,
  ): Promise<MemberOutcome | { failed: string }> {
    const jobId = this.nextJobId++;
    sent.add(jobId);
    return new Promise<MemberOutcome | { failed: string }>((settle) => {
      slot.state = 'busy';
      slot.current = { jobId, settle };
      // Whole training runs happen in a worker: it must keep the process alive while it works.
      slot.worker.ref();
      const request: PoolToWorker = { type: 'run', jobId, job };
      try {
        slot.worker.postMessage(request);
      } catch (error) {
        slot.current = null;
        slot.state = 'idle';
        settle({ failed: `the member could not be sent: ${message(error)}` });
        return;
      }
      this.options.onDispatch?.(job.index, slot.id);
    }).finally(() => {
      if (slot.state !== 'dead') slot.worker.unref();
    });
  }

  private cancelBusy(slots: readonly Slot[], sent: ReadonlySet<number>): void {
    for (const slot of slots) {
      const current = slot.current;
      if (slot.state !== 'busy' || !current || !sent.has(current.jobId)) continue;
      const cancel: PoolToWorker = { type: 'cancel', jobId: current.jobId };
      slot.worker.postMessage(cancel);
      const timer = setTimeout(() => {
        if (slot.current?.jobId !== current.jobId) return;
        // Not a fault of the worker's making: it is replaced, and does not count towards MAX_FAILURES.
        slot.state = 'dead';
        slot.current = null;
        current.settle({ failed: 'it did not stop after the cancel and was terminated' });
        void slot.worker.terminate();
      }, this.options.cancelGraceMs ?? CANCEL_GRACE_MS);
      timer.unref();
    }
  }
}
