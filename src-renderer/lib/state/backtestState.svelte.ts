// Rolling-origin backtest: several train/test folds along the series, each scored with the
// baselines, and the spread of each metric over folds.
import type { StudioError } from '../../../src-main/shared/result';
import type { JobProgress } from '../../../src-main/shared/schemas/app';
import type { BacktestResult } from '../../../src-main/shared/schemas/search';
import { startStudioJob } from './studioJob';
import type { StudioState } from './studioState.svelte';

export class BacktestState {
  folds = $state(3);
  horizon = $state(12);
  /** null: the engine steps one horizon between origins. */
  stride = $state<number | null>(null);
  window = $state<'expanding' | 'sliding'>('expanding');
  refit = $state<'scratch' | 'finetune' | 'none'>('scratch');
  running = $state(false);
  progress = $state<JobProgress | null>(null);
  result = $state.raw<BacktestResult | null>(null);
  error = $state<StudioError | null>(null);
  private cancelBacktest: (() => Promise<void>) | null = null;

  constructor(private readonly studio: StudioState) {}

  async run(): Promise<void> {
    const model = this.studio.model;
    const settings = model.requestSettings();
    const datasetId = model.datasetId;
    if (!settings || !datasetId || this.running || this.studio.job) return;
    this.running = true;
    this.error = null;
    this.result = null;
    this.progress = null;
    const job = startStudioJob(
      this.studio,
      `Backtest, ${this.folds} folds`,
      'backtest:run',
      {
        datasetId,
        settings,
        folds: this.folds,
        horizon: this.horizon,
        ...(this.stride === null ? {} : { stride: this.stride }),
        window: this.window,
        refit: this.refit,
      },
      (p) => {
        this.progress = p;
      },
    );
    this.cancelBacktest = job.cancel;
    const result = await job.result;
    this.cancelBacktest = null;
    this.running = false;
    if (result.ok) this.result = result.value;
    else this.error = result.error;
  }

  async cancel(): Promise<void> {
    await this.cancelBacktest?.();
  }
}
