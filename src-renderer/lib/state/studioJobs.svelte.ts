// The studio's one active job: a long engine call whose progress the status bar shows and which
// Escape (or any Cancel button) stops. Imports, training, search, backtest, explanations, project
// opening and report export all start theirs here, so the bookkeeping is written once.
import type { Channel, ResponseOf } from '../../../src-main/shared/contract';
import type { Result } from '../../../src-main/shared/result';
import type { JobProgress } from '../../../src-main/shared/schemas/app';
import type { JobRequest, StudioClient } from '../studioClient';

export interface ActiveJob {
  readonly label: string;
  readonly progress: JobProgress | null;
  readonly cancel: () => Promise<void>;
}

export interface StartedJob<C extends Channel> {
  result: Promise<Result<ResponseOf<C>>>;
  cancel: () => Promise<void>;
  /** True while this job is the active one (no later job replaced it). */
  isActive: () => boolean;
}

/** What the sub-states need of the job runner: start a job, know whether one runs, cancel it. */
export type JobRunner = Pick<StudioJobs, 'active' | 'start' | 'cancel'>;

export class StudioJobs {
  #active = $state<{ label: string; progress: JobProgress | null; cancel: () => Promise<void> }>();

  constructor(private readonly client: Pick<StudioClient, 'job'>) {}

  /** The job the status bar shows; null when none runs. */
  get active(): ActiveJob | null {
    return this.#active ?? null;
  }

  /**
   * Starts `channel` as the active job (replacing any earlier one in the status bar); the job stays
   * active until its result arrives, unless a later job replaced it first.
   */
  start<C extends Channel>(
    label: string,
    channel: C,
    request: JobRequest<C>,
    onProgress?: (progress: JobProgress) => void,
  ): StartedJob<C> {
    // Compared by the cancel function: #active is a proxy, never the object assigned to it.
    const isActive = (): boolean => this.#active?.cancel === job.cancel;
    const job = this.client.job(channel, request, (progress) => {
      onProgress?.(progress);
      if (this.#active && isActive()) this.#active.progress = progress;
    });
    this.#active = { label, progress: null, cancel: job.cancel };
    const result = job.result.finally(() => {
      if (isActive()) this.#active = undefined;
    });
    return { result, cancel: job.cancel, isActive };
  }

  /** Cancels the active job, if any (politely: the engine stops at its next check). */
  async cancel(): Promise<void> {
    await this.#active?.cancel();
  }
}
