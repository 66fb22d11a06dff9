// A job that one panel runs and shows beside its form (the Model tab's search and backtest): whether
// it runs, its progress line, its answer or error, and its cancel button, written once for both.
import type { Channel, ResponseOf } from '../../../src-main/shared/contract';
import type { Result, StudioError } from '../../../src-main/shared/result';
import type { JobProgress } from '../../../src-main/shared/schemas/app';
import type { JobRequest } from '../studioClient';
import type { JobRunner } from './studioJobs.svelte';

export class PanelJob<C extends Channel> {
  #running = $state(false);
  #progress = $state<JobProgress | null>(null);
  #result = $state.raw<ResponseOf<C> | null>(null);
  #error = $state<StudioError | null>(null);
  #cancel: (() => Promise<void>) | null = null;

  constructor(
    private readonly jobs: JobRunner,
    private readonly channel: C,
  ) {}

  get running(): boolean {
    return this.#running;
  }
  get progress(): JobProgress | null {
    return this.#progress;
  }
  /** The last job's answer; null while one runs, before the first, or after an error. */
  get result(): ResponseOf<C> | null {
    return this.#result;
  }
  get error(): StudioError | null {
    return this.#error;
  }

  dismissError(): void {
    this.#error = null;
  }

  async cancel(): Promise<void> {
    await this.#cancel?.();
  }

  /** Whether a job may start: this one is not running and the studio runs no other. */
  protected get idle(): boolean {
    return !this.#running && !this.jobs.active;
  }

  /** Runs the job as the studio's active one; its answer or error is kept, and returned too. */
  protected async runJob(label: string, request: JobRequest<C>): Promise<Result<ResponseOf<C>>> {
    this.#running = true;
    this.#error = null;
    this.#result = null;
    this.#progress = null;
    const job = this.jobs.start(label, this.channel, request, (p) => {
      this.#progress = p;
    });
    this.#cancel = job.cancel;
    const result = await job.result;
    this.#cancel = null;
    this.#running = false;
    if (result.ok) this.#result = result.value;
    else this.#error = result.error;
    return result;
  }
}
