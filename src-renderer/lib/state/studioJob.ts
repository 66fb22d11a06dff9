// Runs a long engine call as the studio's active job: the status bar shows its progress and Escape
// (or any Cancel button) stops it. Several panels start jobs, so the bookkeeping lives here.
import type { Channel, ResponseOf } from '../../../src-main/shared/contract';
import type { Result } from '../../../src-main/shared/result';
import type { JobProgress } from '../../../src-main/shared/schemas/app';
import type { JobRequest } from '../studioClient';
import type { StudioState } from './studioState.svelte';

export interface StartedJob<C extends Channel> {
  result: Promise<Result<ResponseOf<C>>>;
  cancel: () => Promise<void>;
}

export function startStudioJob<C extends Channel>(
  studio: StudioState,
  label: string,
  channel: C,
  request: JobRequest<C>,
  onProgress?: (progress: JobProgress) => void,
): StartedJob<C> {
  const job = studio.client.job(channel, request, (progress) => {
    onProgress?.(progress);
    // Compared by the cancel function: studio.job is a proxy, never the object assigned to it.
    if (studio.job?.cancel === job.cancel) studio.job.progress = progress;
  });
  studio.job = { label, progress: null, cancel: job.cancel };
  const result = job.result.finally(() => {
    if (studio.job?.cancel === job.cancel) studio.job = null;
  });
  return { result, cancel: job.cancel };
}
