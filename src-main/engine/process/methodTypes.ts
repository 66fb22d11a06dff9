// The engine's handler table, typed from the engine map (shared/engineMethods.ts): each handler
// gets its parsed params and a context whose `progress` takes only that method's progress kind,
// and returns what the map's result schema expects.
import type {
  DebugMethodName,
  EngineMethodName,
  EngineParsedParams,
  EngineProgressOf,
  EngineReturn,
  ProductMethodName,
} from '../../shared/engineMethods';
import type { EngineProgress } from '../../shared/schemas/progress';

export interface JobContext<P = EngineProgress> {
  signal: AbortSignal;
  progress(update: P): void;
  log(level: 'info' | 'warn' | 'error', message: string): void;
}

export type EngineHandler<M extends EngineMethodName> = (
  params: EngineParsedParams<M>,
  ctx: JobContext<EngineProgressOf<M>>,
) => Promise<EngineReturn<M>>;

/** Handlers for a group of methods (one module of engine/methods). */
export type HandlersFor<M extends EngineMethodName> = { [K in M]: EngineHandler<K> };

/** Every product method, plus the fault drills when the host switched them on. */
export type MethodTable = HandlersFor<ProductMethodName> & Partial<HandlersFor<DebugMethodName>>;

/** Throttles progress so a tight loop cannot flood the IPC channel. */
export function throttledProgress<P>(
  ctx: JobContext<P>,
  intervalMs = 100,
): (update: P, force?: boolean) => void {
  let last = 0;
  return (update, force = false) => {
    const now = Date.now();
    if (!force && now - last < intervalMs) return;
    last = now;
    ctx.progress(update);
  };
}
