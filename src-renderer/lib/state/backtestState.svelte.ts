// Rolling-origin backtest: several train/test folds along the series, each scored with the
// baselines, and the spread of each metric over folds.
import type { StudioError } from '../../../src-main/shared/result';
import type { JobProgress } from '../../../src-main/shared/schemas/app';
import type { BacktestResult } from '../../../src-main/shared/schemas/search';
import type { FullSettings } from './modelState.svelte';
import type { JobRunner } from './studioJobs.svelte';

export interface BacktestOptions {
  folds: number;
  horizon: number;
  /** null: the engine steps one horizon between origins. */
  stride: number | null;
  window: 'expanding' | 'sliding';
  refit: 'scratch' | 'finetune' | 'none';
}

/** What a backtest needs: the Model tab's settings form and the studio's job runner. */
export interface BacktestDeps {
  jobs: JobRunner;
  form: { readonly datasetId: string | null; requestSettings(): FullSettings | null };
}

export class BacktestState {
  #options = $state<BacktestOptions>({
    folds: 3,
    horizon: 12,
    stride: null,
    window: 'expanding',
    refit: 'scratch',
  });
  #running = $state(false);
  #progress = $state<JobProgress | null>(null);
  #result = $state.raw<BacktestResult | null>(null);
  #error = $state<StudioError | null>(null);
  #cancel: (() => Promise<void>) | null = null;
  readonly #deps: BacktestDeps;

  constructor(deps: BacktestDeps) {
    this.#deps = deps;
  }

  get options(): Readonly<BacktestOptions> {
    return this.#options;
  }
  get running(): boolean {
    return this.#running;
  }
  get progress(): JobProgress | null {
    return this.#progress;
  }
  get result(): BacktestResult | null {
    return this.#result;
  }
  get error(): StudioError | null {
    return this.#error;
  }

  set<K extends keyof BacktestOptions>(key: K, value: BacktestOptions[K]): void {
    this.#options[key] = value;
  }

  dismissError(): void {
    this.#error = null;
  }

  async run(): Promise<void> {
    const { jobs, form } = this.#deps;
    const settings = form.requestSettings();
    const datasetId = form.datasetId;
    if (!settings || !datasetId || this.#running || jobs.active) return;
    const o = $state.snapshot(this.#options);
    this.#running = true;
    this.#error = null;
    this.#result = null;
    this.#progress = null;
    const job = jobs.start(
      `Backtest, ${o.folds} folds`,
      'backtest:run',
      {
        datasetId,
        settings,
        folds: o.folds,
        horizon: o.horizon,
        ...(o.stride === null ? {} : { stride: o.stride }),
        window: o.window,
        refit: o.refit,
      },
      (p) => {
        this.#progress = p;
      },
    );
    this.#cancel = job.cancel;
    const result = await job.result;
    this.#cancel = null;
    this.#running = false;
    if (result.ok) this.#result = result.value;
    else this.#error = result.error;
  }

  async cancel(): Promise<void> {
    await this.#cancel?.();
  }
}
