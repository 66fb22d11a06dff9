import type { z } from 'zod';
import type { JobProgress } from '../../shared/schemas/app';

export interface JobContext {
  signal: AbortSignal;
  progress(update: Omit<JobProgress, 'jobId'>): void;
  log(level: 'info' | 'warn' | 'error', message: string): void;
}

export interface EngineMethod<S extends z.ZodType, R> {
  params: S;
  run(params: z.output<S>, ctx: JobContext): Promise<R>;
}

/** Helper that keeps the params type inferred from the schema. */
export function method<S extends z.ZodType, R>(
  params: S,
  run: (params: z.output<S>, ctx: JobContext) => Promise<R>,
): EngineMethod<S, R> {
  return { params, run };
}

/** Throttles progress so a tight loop cannot flood the IPC channel. */
export function throttledProgress(
  ctx: JobContext,
  intervalMs = 100,
): (update: Omit<JobProgress, 'jobId'>, force?: boolean) => void {
  let last = 0;
  return (update, force = false) => {
    const now = Date.now();
    if (!force && now - last < intervalMs) return;
    last = now;
    ctx.progress(update);
  };
}
