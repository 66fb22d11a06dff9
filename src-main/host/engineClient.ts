// Host side of the engine process (after VS Code's utilityProcess wrapper): one long-lived child,
// calls typed by the engine map (shared/engineMethods.ts) with ids, progress routing, polite
// cancel then a hard kill after a bound, a time limit on every call that is not a job, crash
// detection that fails the calls in flight with a clear error and starts a fresh engine, and one
// retry on that fresh engine for idempotent calls. Every answer is checked against the map's
// result schema here, so nothing past this client casts an engine result.
import { randomUUID } from 'node:crypto';
import {
  engineMethods,
  methodSpec,
  type EngineMethodName,
  type EngineParams,
  type EngineProgressOf,
  type EngineResult,
} from '../shared/engineMethods';
import type { EngineStatus } from '../shared/schemas/app';
import type { EngineProgress } from '../shared/schemas/progress';
import type { Result } from '../shared/result';
import { fail } from '../shared/result';
import { parseEngineMessage } from '../shared/engineProtocol';
import type { EngineLauncher, EngineProcessHandle } from './engineProcessHandle';

export interface CallOptions<P = EngineProgress> {
  onProgress?: (progress: P) => void;
  signal?: AbortSignal;
}

interface Pending {
  method: EngineMethodName;
  resolve: (result: Result<unknown>) => void;
  onProgress: ((progress: EngineProgress) => void) | undefined;
  cancelTimer?: NodeJS.Timeout;
  timeoutTimer?: NodeJS.Timeout;
}

/** The answer checked against the map's result schema (the engine is another process). */
function checkResult<M extends EngineMethodName>(
  method: M,
  result: Result<unknown>,
): Result<EngineResult<M>> {
  if (!result.ok) return result;
  const schema = engineMethods[method].result;
  const checked = schema.safeParse(result.value);
  if (checked.success) return { ok: true, value: checked.data as EngineResult<M> };
  const first = checked.error.issues[0];
  const where = first ? `${first.path.map(String).join('.') || '(root)'}: ${first.message}` : '';
  return fail('internal', `The engine's answer to ${method} broke the engine map (${where}).`, {
    method,
  });
}

export interface EngineClientOptions {
  /** How long a cancelled call may take to stop before the engine is killed. */
  cancelGraceMs?: number;
  startTimeoutMs?: number;
  /** Overrides of the map's per-method time limits (tests, slow machines). */
  timeoutsMs?: Partial<Record<EngineMethodName, number>>;
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

  /**
   * Calls one engine method. Jobs run until done or cancelled (`signal`); other calls fail with
   * `timeout` past their limit in the map; an idempotent call whose engine died is sent once more
   * to the fresh engine. The answer is validated against the method's result schema.
   */
  async call<M extends EngineMethodName>(
    method: M,
    params: EngineParams<M>,
    options: CallOptions<EngineProgressOf<M>> = {},
  ): Promise<Result<EngineResult<M>>> {
    const first = await this.attempt(method, params, options);
    const retry =
      !first.ok &&
      first.error.code === 'engine-crashed' &&
      methodSpec(method).idempotent === true &&
      !this.disposed &&
      options.signal?.aborted !== true;
    const result = retry ? await this.attempt(method, params, options) : first;
    return checkResult(method, result);
  }

  private async attempt<M extends EngineMethodName>(
    method: M,
    params: EngineParams<M>,
    options: CallOptions<EngineProgressOf<M>>,
  ): Promise<Result<unknown>> {
    if (this.disposed) return fail('unavailable', 'The engine has been shut down.');
    try {
      await this.start();
    } catch (error) {
      return fail('engine-crashed', `The engine could not start: ${String(error)}`);
    }
    const child = this.child;
    if (!child) return fail('engine-crashed', 'The engine is not running.');
    const id = randomUUID();
    const spec = methodSpec(method);
    // Progress arrives untyped from the other process; the engine's handler for this method can
    // only send this method's progress kind (engine/process/methodTypes.ts).
    const onProgress = options.onProgress as ((progress: EngineProgress) => void) | undefined;
    return new Promise<Result<unknown>>((resolve) => {
      const entry: Pending = { method, resolve, onProgress };
      this.pending.set(id, entry);
      const signal = options.signal;
      if (signal) {
        const onAbort = (): void => this.cancel(id);
        if (signal.aborted) queueMicrotask(onAbort);
        else signal.addEventListener('abort', onAbort, { once: true });
      }
      if (spec.job !== true) {
        const limit = this.timeoutOf(method, spec.timeoutMs);
        entry.timeoutTimer = setTimeout(() => this.timeOut(id, limit), limit);
      }
      child.send({ type: 'call', id, method, params });
    });
  }

  private timeoutOf(method: EngineMethodName, fromMap: number): number {
    return this.options.timeoutsMs?.[method] ?? fromMap;
  }

  /** A call past its limit fails with `timeout`; the engine is asked to stop it and keeps running. */
  private timeOut(id: string, limitMs: number): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.child?.send({ type: 'cancel', id });
    const limit = limitMs >= 1000 ? `${limitMs / 1000} s` : `${limitMs} ms`;
    this.settle(
      id,
      fail(
        'timeout',
        `The engine did not answer ${entry.method} within ${limit}. It may be busy with a long import or job; try again, or cancel the running job.`,
        { method: entry.method, timeoutMs: limitMs },
      ),
    );
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
    if (entry.timeoutTimer) clearTimeout(entry.timeoutTimer);
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
          this.settle(
            message.id,
            message.ok ? { ok: true, value: message.value } : { ok: false, error: message.error },
          );
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
