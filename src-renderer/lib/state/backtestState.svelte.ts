// Rolling-origin backtest: several train/test folds along the series, each scored with the
// baselines, and the spread of each metric over folds.
import type { SettingsForm } from './modelState.svelte';
import { PanelJob } from './panelJob.svelte';
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
  form: SettingsForm;
}

export class BacktestState extends PanelJob<'backtest:run'> {
  #options = $state<BacktestOptions>({
    folds: 3,
    horizon: 12,
    stride: null,
    window: 'expanding',
    refit: 'scratch',
  });
  readonly #form: BacktestDeps['form'];

  constructor(deps: BacktestDeps) {
    super(deps.jobs, 'backtest:run');
    this.#form = deps.form;
  }

  get options(): Readonly<BacktestOptions> {
    return this.#options;
  }

  set<K extends keyof BacktestOptions>(key: K, value: BacktestOptions[K]): void {
    this.#options[key] = value;
  }

  async run(): Promise<void> {
    const settings = this.#form.requestSettings();
    const datasetId = this.#form.state.datasetId;
    if (!settings || !datasetId || !this.idle) return;
    const o = $state.snapshot(this.#options);
    await this.runJob(`Backtest, ${o.folds} folds`, {
      datasetId,
      settings,
      folds: o.folds,
      horizon: o.horizon,
      ...(o.stride === null ? {} : { stride: o.stride }),
      window: o.window,
      refit: o.refit,
    });
  }
}
