// A pool of worker processes for `series-studio forecast`: each worker is this CLI started again
// as `forecast --worker` (so the built CLI and the TypeScript sources under tsx work alike), runs
// one task at a time, and is replaced if it dies; the task it held fails with the reason, the
// others go on.
import { fork, type ChildProcess } from 'node:child_process';
import type { WorkerReply, WorkerRequest, WorkerTask } from './forecastWorker';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onLog?: (line: string) => void;
}

interface Slot {
  child: ChildProcess;
  busy: number | null;
}

export interface PoolOptions {
  workers: number;
  /** The CLI entry (process.argv[1]) and node flags (tsx) to start it with. */
  entry: string;
  execArgv: string[];
  env?: NodeJS.ProcessEnv;
}

export class ForecastPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly waiting: (() => void)[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < Math.max(1, options.workers); i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(): Slot {
    const child = fork(this.options.entry, ['forecast', '--worker'], {
      execArgv: this.options.execArgv,
      env: { ...process.env, ...this.options.env },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const slot: Slot = { child, busy: null };
    child.on('message', (reply: WorkerReply) => {
      const p = this.pending.get(reply.taskId);
      if (!p) return;
      if (reply.ok && 'log' in reply) {
        p.onLog?.(reply.log);
        return;
      }
      this.pending.delete(reply.taskId);
      slot.busy = null;
      this.release();
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new Error(reply.error));
    });
    child.on('exit', (code, signal) => {
      const i = this.slots.indexOf(slot);
      if (slot.busy !== null) {
        const p = this.pending.get(slot.busy);
        this.pending.delete(slot.busy);
        p?.reject(
          new Error(`the worker stopped (${signal ?? `exit code ${code}`}) on this series`),
        );
      }
      if (this.closed || i < 0) return;
      this.slots[i] = this.spawn();
      this.release();
    });
    return slot;
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
  }

  private async freeSlot(): Promise<Slot> {
    for (;;) {
      const slot = this.slots.find((s) => s.busy === null);
      if (slot) return slot;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** Waits for a free worker, then starts the task on it; the promise is the task's result. */
  async start<T>(task: WorkerTask, onLog?: (line: string) => void): Promise<{ done: Promise<T> }> {
    const slot = await this.freeSlot();
    const taskId = this.nextId++;
    slot.busy = taskId;
    const done = new Promise<T>((resolve, reject) => {
      this.pending.set(taskId, {
        resolve: resolve as (v: unknown) => void,
        reject,
        ...(onLog ? { onLog } : {}),
      });
    });
    const request: WorkerRequest = { taskId, task };
    slot.child.send(request);
    return { done };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.slots.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
            s.child.once('exit', () => resolve());
            s.child.disconnect();
            setTimeout(() => s.child.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
  }
}
