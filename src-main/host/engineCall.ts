import type { EventPayload } from '../shared/contract';
import { StudioFailure } from '../shared/result';
import type { HostEnvironment, JobScope } from './studioHost';

/** Calls an engine method for a contract request: routes progress to the job's events, throws on failure. */
export async function engineCall<T>(
  env: Pick<HostEnvironment, 'engine' | 'emit'>,
  method: string,
  params: unknown,
  job: JobScope,
  /** Prefix for progress messages, e.g. "Trial 2/5" inside a search. */
  label?: string,
): Promise<T> {
  const result = await env.engine.call(method, params, {
    signal: job.signal,
    onProgress: (progress) => {
      if (job.jobId === null) return;
      const message = label ? `${label} · ${progress.message}` : progress.message;
      const payload: EventPayload<'job:progress'> = { ...progress, message, jobId: job.jobId };
      env.emit('job:progress', payload);
    },
  });
  if (!result.ok)
    throw new StudioFailure(result.error.code, result.error.message, result.error.details);
  return result.value as T;
}
