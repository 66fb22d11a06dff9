// The Model tab: the fit settings form of the current dataset (prefilled from `model:defaults` and
// the transforms chosen in Explore), training with live curves, and the finished run.
import type { ResponseOf } from '../../../src-main/shared/contract';
import type { StudioError } from '../../../src-main/shared/result';
import type { TransformStep } from '../../../src-main/shared/schemas/analysis';
import type { DatasetInfo } from '../../../src-main/shared/schemas/dataset';
import type { RunResult } from '../../../src-main/shared/schemas/model';
import type { StudioClient } from '../studioClient';
import { emptyLiveTraining, foldProgress, type LiveTraining } from './liveTraining';
import type { JobRunner } from './studioJobs.svelte';

export type FullSettings = Omit<ResponseOf<'model:defaults'>, 'transformNotes'>;
export type ModelView = 'train' | 'search' | 'backtest';
export type TestBy = 'fraction' | 'size';
export interface TransformSource {
  from: 'explore' | 'suggested';
  notes: string[];
}

/** What the Model tab needs from the rest of the studio. */
export interface ModelDeps {
  client: Pick<StudioClient, 'call'>;
  jobs: JobRunner;
  /** Explore's column under analysis: the target a first form starts from. */
  exploredColumn: () => string | null;
  /** The transforms chosen in Explore for a column (a model applies the same ones). */
  transformsFor: (datasetId: string, column: string) => TransformStep[];
  /** The status bar's line. */
  report: (status: string) => void;
  /** A finished training is a new run: the Runs tab's list is stale. */
  runsChanged: () => Promise<void>;
}

export class ModelState {
  #view = $state<ModelView>('train');
  /** The form's draft: its inputs bind to this object's fields (it is the form, not a record). */
  #settings = $state<FullSettings | null>(null);
  #defaults = $state<FullSettings | null>(null);
  /** Dataset the form was filled for. */
  #datasetId = $state<string | null>(null);
  /** The test part is given as a fraction of the rows or as a number of rows. */
  #testBy = $state<TestBy>('fraction');
  #loadingDefaults = $state(false);
  /** Where the form's transforms came from: Explore, or the engine's suggestion with its reasons. */
  #transformSource = $state<TransformSource>({ from: 'explore', notes: [] });
  #training = $state(false);
  #live = $state.raw<LiveTraining | null>(null);
  #run = $state.raw<RunResult | null>(null);
  #error = $state<StudioError | null>(null);
  #cancelTraining: (() => Promise<void>) | null = null;
  readonly #deps: ModelDeps;

  constructor(deps: ModelDeps) {
    this.#deps = deps;
  }

  get view(): ModelView {
    return this.#view;
  }
  /** The form's settings; the form's inputs edit its fields in place. */
  get settings(): FullSettings | null {
    return this.#settings;
  }
  get defaults(): FullSettings | null {
    return this.#defaults;
  }
  get datasetId(): string | null {
    return this.#datasetId;
  }
  get testBy(): TestBy {
    return this.#testBy;
  }
  get loadingDefaults(): boolean {
    return this.#loadingDefaults;
  }
  get transformSource(): Readonly<TransformSource> {
    return this.#transformSource;
  }
  get training(): boolean {
    return this.#training;
  }
  get live(): LiveTraining | null {
    return this.#live;
  }
  get run(): RunResult | null {
    return this.#run;
  }
  get error(): StudioError | null {
    return this.#error;
  }

  showView(view: ModelView): void {
    this.#view = view;
  }
  setTestBy(testBy: TestBy): void {
    this.#testBy = testBy;
  }
  /** The number of test rows (null: the engine's default) when the test part is given by size. */
  setTestSize(size: number | null): void {
    if (this.#settings) this.#settings.testSize = size;
  }
  setFeatureRange(range: [number, number]): void {
    if (this.#settings) this.#settings.featureRange = range;
  }
  clearTransforms(): void {
    if (this.#settings) this.#settings.transforms = [];
  }
  dismissError(): void {
    this.#error = null;
  }

  /** Fills the form for a dataset the first time it is shown (or after it was re-opened). */
  async ensureFor(dataset: DatasetInfo): Promise<void> {
    if (this.#datasetId === dataset.datasetId && this.#settings) return;
    const names = dataset.columns.map((c) => c.name);
    const previous = this.#settings?.target;
    const explored = this.#deps.exploredColumn();
    const target =
      previous && names.includes(previous)
        ? previous
        : explored && names.includes(explored)
          ? explored
          : (names[0] ?? '');
    this.#run = null;
    this.#live = null;
    await this.loadDefaults(dataset.datasetId, target);
  }

  async loadDefaults(datasetId: string, target: string): Promise<void> {
    this.#loadingDefaults = true;
    const result = await this.#deps.client.call('model:defaults', { datasetId, target });
    this.#loadingDefaults = false;
    if (!result.ok) {
      this.#error = result.error;
      return;
    }
    const { transformNotes, ...suggested } = result.value;
    const explored = this.#deps.transformsFor(datasetId, target);
    const fromExplore = explored.length > 0;
    this.#transformSource = fromExplore
      ? { from: 'explore', notes: [] }
      : { from: 'suggested', notes: transformNotes };
    const defaults = {
      ...suggested,
      target,
      transforms: fromExplore ? explored : suggested.transforms,
    };
    this.#datasetId = datasetId;
    this.#defaults = defaults;
    this.#settings = structuredClone(defaults);
    this.#testBy = defaults.testSize === null ? 'fraction' : 'size';
  }

  /**
   * A new target brings its own transforms (chosen in Explore, else the engine's suggestion for it,
   * by the rules of the Explore hints); the other settings stay as the analyst set them.
   */
  async setTarget(target: string): Promise<void> {
    const settings = this.#settings;
    const datasetId = this.#datasetId;
    if (!settings || !datasetId) return;
    settings.target = target;
    settings.features = settings.features.filter((f) => f !== target);
    const explored = this.#deps.transformsFor(datasetId, target);
    settings.transforms = explored;
    if (explored.length > 0) {
      this.#transformSource = { from: 'explore', notes: [] };
      return;
    }
    const result = await this.#deps.client.call('model:defaults', { datasetId, target });
    if (!result.ok || this.#datasetId !== datasetId || this.#settings?.target !== target) return;
    this.#settings.transforms = result.value.transforms;
    this.#transformSource = { from: 'suggested', notes: result.value.transformNotes };
  }

  toggleFeature(name: string): void {
    if (!this.#settings) return;
    const features = this.#settings.features;
    this.#settings.features = features.includes(name)
      ? features.filter((f) => f !== name)
      : [...features, name];
  }

  /** The form as first shown for the current target: the same `model:defaults` call and rules. */
  async resetToDefaults(): Promise<void> {
    if (!this.#defaults || !this.#settings || !this.#datasetId) return;
    await this.loadDefaults(this.#datasetId, this.#settings.target);
  }

  /** The settings as sent to the engine: only the chosen way of sizing the test part applies. */
  requestSettings(): FullSettings | null {
    if (!this.#settings) return null;
    const settings = $state.snapshot(this.#settings);
    if (this.#testBy === 'fraction') settings.testSize = null;
    else if (settings.testSize === null) settings.testSize = settings.horizon;
    return settings;
  }

  async train(): Promise<void> {
    const { jobs, report, runsChanged } = this.#deps;
    const settings = this.requestSettings();
    const datasetId = this.#datasetId;
    if (!settings || !datasetId || this.#training || jobs.active) return;
    this.#training = true;
    this.#error = null;
    this.#run = null;
    this.#live = emptyLiveTraining(settings.epochs);
    const job = jobs.start(
      `Training ${settings.cell.toUpperCase()} on ${settings.target}`,
      'model:fit',
      { datasetId, settings },
      (progress) => {
        if (this.#live && progress.detail) this.#live = foldProgress(this.#live, progress.detail);
      },
    );
    this.#cancelTraining = job.cancel;
    const result = await job.result;
    this.#cancelTraining = null;
    this.#training = false;
    if (!result.ok) {
      this.#error = result.error;
      report(`Training failed: ${result.error.message}`);
      return;
    }
    this.#run = result.value;
    report(
      result.value.stoppedReason === 'cancelled'
        ? 'Training cancelled; the best weights so far were kept.'
        : `Trained ${result.value.epochs.length} epoch(s) in ${result.value.timings.trainingSeconds.toFixed(1)} s.`,
    );
    await runsChanged();
  }

  async cancel(): Promise<void> {
    await this.#cancelTraining?.();
  }
}
