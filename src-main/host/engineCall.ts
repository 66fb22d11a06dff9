import type { EventPayload } from '../shared/contract';
import type {
  EngineMethodName,
  EngineParams,
  EngineProgressOf,
  EngineResult,
} from '../shared/engineMethods';
import { StudioFailure } from '../shared/result';
import type { HostEnvironment, JobScope } from './studioHost';

/**
 * Calls an engine method for a contract request: routes progress to the job's events, throws on
 * failure, and returns the answer as the engine map types it (checked by EngineClient).
 */
export async function engineCall<M extends EngineMethodName>(
  env: Pick<HostEnvironment, 'engine' | 'emit'>,
  method: M,
  params: EngineParams<M>,
  job: JobScope,
  /** Prefix for progress messages, e.g. "Trial 2/5" inside a search. */
  label?: string,
): Promise<EngineResult<M>> {
  const forward = (progress: EngineProgressOf<M>): void => {
    if (job.jobId === null) return;
    const message = label ? `${label} · ${progress.message}` : progress.message;
    const payload: EventPayload<'job:progress'> = { ...progress, message, jobId: job.jobId };
    env.emit('job:progress', payload);
  };
  const result = await env.engine.call(method, params, { signal: job.signal, onProgress: forward });
  if (!result.ok)
    throw new StudioFailure(result.error.code, result.error.message, result.error.details);
  return result.value;
}
