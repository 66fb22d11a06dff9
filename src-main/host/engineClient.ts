// Host side of the engine process (after VS Code's utilityProcess wrapper): one long-lived child,
// typed calls with ids, progress routing, polite cancel then a hard kill after a bound, and crash
// detection that fails the calls in flight with a clear error and starts a fresh engine.
import { randomUUID } from 'node:crypto';
import type { EngineStatus, JobProgress } from '../shared/schemas/app';
import type { Result } from '../shared/result';
import { fail } from '../shared/result';
import { parseEngineMessage } from '../engine/process/protocol';
import type { EngineLauncher, EngineProcessHandle } from './engineProcessHandle';

export interface CallOptions {
  onProgress?: (progress: Omit<JobProgress, 'jobId'>) => void;
  signal?: AbortSignal;
}

interface Pending {
  method: string;
  resolve: (result: Result<unknown>) => void;
  onProgress: CallOptions['onProgress'];
  cancelTimer?: NodeJS.Timeout;
}

export interface EngineClientOptions {
  /** How long a cancelled call may take to stop before the engine is killed. */
  cancelGraceMs?: number;
  startTimeoutMs?: number;
  onStatus?: (status: EngineStatus) => void;
  onLog?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export class EngineClient {
  private child: EngineProcessHandle | null = null;
  private ready: Promise<void> | null = null;
  private readonly pending = new Map<string, Pending>();
  private restarts = 0;
  private readonly crashTimes: number[] = [];
  private disposed = false;

  constructor(
    private readonly launch: EngineLauncher,
    private readonly options: EngineClientOptions = {},
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async call(method: string, params: unknown, options: CallOptions = {}): Promise<Result<unknown>> {
    if (this.disposed) return fail('unavailable', 'The engine has been shut down.');
    try {
      await this.start();
    } catch (error) {
      return fail('engine-crashed', `The engine could not start: ${String(error)}`);
    }
    const child = this.child;
    if (!child) return fail('engine-crashed', 'The engine is not running.');
    const id = randomUUID();
    return new Promise<Result<unknown>>((resolve) => {
      const entry: Pending = { method, resolve, onProgress: options.onProgress };
      this.pending.set(id, entry);
      const signal = options.signal;
      if (signal) {
        const onAbort = (): void => this.cancel(id);
        if (signal.aborted) queueMicrotask(onAbort);
        else signal.addEventListener('abort', onAbort, { once: true });
      }
      child.send({ type: 'call', id, method, params });
    });
  }

  /** Polite cancel; if the engine has not answered within the grace period, kill and restart it. */
  private cancel(id: string): void {
    const entry = this.pending.get(id);
    if (!entry || entry.cancelTimer) return;
    this.child?.send({ type: 'cancel', id });
    entry.cancelTimer = setTimeout(() => {
      if (!this.pending.has(id)) return;
      this.settle(id, fail('cancelled', 'Cancelled (the engine was restarted to stop the job).'));
      const child = this.child;
      if (child) {
        // Detach first so no new call is sent to a process that is about to die.
        this.discard(
          child,
          `"${entry.method}" did not stop within ${this.graceMs} ms of being cancelled`,
        );
        child.kill();
      }
    }, this.graceMs);
  }

  private get graceMs(): number {
    // Long enough for a cancelled fit to score and save what it has (it stops training at once).
    return this.options.cancelGraceMs ?? 5000;
  }

  private settle(id: string, result: Result<unknown>): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    if (entry.cancelTimer) clearTimeout(entry.cancelTimer);
    this.pending.delete(id);
    entry.resolve(result);
  }

  start(): Promise<void> {
    if (this.ready) return this.ready;
    this.status('starting', 'Starting the engine…');
    const child = this.launch();
    this.child = child;
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error('the engine did not report ready in time'));
        child.kill();
      }, this.options.startTimeoutMs ?? 30_000);
      child.onMessage((raw) => {
        const message = parseEngineMessage(raw);
        if (!message) return;
        if (message.type === 'ready') {
          clearTimeout(timer);
          this.status('ready', 'Engine ready.');
          resolve();
        } else if (message.type === 'progress') {
          this.pending.get(message.id)?.onProgress?.(message.progress);
        } else if (message.type === 'result') {
          this.settle(message.id, message.ok ? { ok: true, value: message.value } : message);
        } else {
          this.options.onLog?.(message.level, message.message);
        }
      });
      child.onExit((code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the engine exited during start-up (code ${code}, signal ${signal})`));
        this.handleExit(child, code, signal);
      });
    });
    return this.ready;
  }

  private handleExit(child: EngineProcessHandle, code: number | null, signal: string | null): void {
    if (this.child !== child || this.disposed) return;
    this.discard(child, `it exited with ${signal ? `signal ${signal}` : `code ${code}`}`);
    const now = Date.now();
    this.crashTimes.push(now);
    while ((this.crashTimes[0] ?? now) < now - 60_000) this.crashTimes.shift();
    if (this.crashTimes.length > 5) {
      // A crash loop: stop restarting eagerly; the next call will try once more.
      this.status(
        'crashed',
        'The engine keeps crashing; it will be started again on the next request.',
      );
      return;
    }
    this.status('restarting', 'Restarting the engine…');
    this.start().catch((error: unknown) => {
      this.status('crashed', `The engine could not be restarted: ${String(error)}`);
    });
  }

  /** Forget a dead or doomed engine: fail its calls in flight and report why. */
  private discard(child: EngineProcessHandle, why: string): void {
    if (this.child !== child) return;
    this.child = null;
    this.ready = null;
    const message = `The engine process stopped unexpectedly (${why}). A new engine has been started; your data and runs are intact — try again.`;
    for (const [id, entry] of this.pending) {
      this.settle(id, fail('engine-crashed', message, { method: entry.method }));
    }
    this.restarts += 1;
    this.status('crashed', message);
    this.options.onLog?.('error', message);
  }

  private status(state: EngineStatus['state'], message: string): void {
    this.options.onStatus?.({ state, message, restarts: this.restarts });
  }

  /** For tests and fault drills: what a crash looks like from the outside. */
  killForTest(): void {
    this.child?.kill();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const child = this.child;
    for (const id of [...this.pending.keys()])
      this.settle(id, fail('unavailable', 'Shutting down.'));
    if (!child) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        child.kill();
        resolve();
      }, 2000);
      child.onExit(() => {
        clearTimeout(timer);
        resolve();
      });
      child.send({ type: 'shutdown' });
    });
  }
}
