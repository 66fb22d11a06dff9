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

/** What a search or a backtest reads of the Model tab's form. */
export interface SettingsForm {
  readonly state: { readonly datasetId: string | null };
  requestSettings(): FullSettings | null;
}

/** What the Model tab shows; only ModelState's methods change it. */
class ModelFields {
  view = $state<ModelView>('train');
  /** The form's draft: its inputs bind to this object's fields (it is the form, not a record). */
  settings = $state<FullSettings | null>(null);
  defaults = $state<FullSettings | null>(null);
  /** Dataset the form was filled for. */
  datasetId = $state<string | null>(null);
  /** The test part is given as a fraction of the rows or as a number of rows. */
  testBy = $state<TestBy>('fraction');
  loadingDefaults = $state(false);
  /** Where the form's transforms came from: Explore, or the engine's suggestion with its reasons. */
  transformSource = $state<TransformSource>({ from: 'explore', notes: [] });
  training = $state(false);
  live = $state.raw<LiveTraining | null>(null);
  run = $state.raw<RunResult | null>(null);
  error = $state<StudioError | null>(null);
}

export class ModelState {
  readonly #s = new ModelFields();
  /** The tab's fields, read-only to components (the form's inputs edit `settings`' fields in place). */
  readonly state: Readonly<ModelFields> = this.#s;
  #cancelTraining: (() => Promise<void>) | null = null;
  readonly #deps: ModelDeps;

  constructor(deps: ModelDeps) {
    this.#deps = deps;
  }

  showView(view: ModelView): void {
    this.#s.view = view;
  }
  setTestBy(testBy: TestBy): void {
    this.#s.testBy = testBy;
  }
  /** The number of test rows (null: the engine's default) when the test part is given by size. */
  setTestSize(size: number | null): void {
    if (this.#s.settings) this.#s.settings.testSize = size;
  }
  setFeatureRange(range: [number, number]): void {
    if (this.#s.settings) this.#s.settings.featureRange = range;
  }
  clearTransforms(): void {
    if (this.#s.settings) this.#s.settings.transforms = [];
  }
  dismissError(): void {
    this.#s.error = null;
  }

  /** Fills the form for a dataset the first time it is shown (or after it was re-opened). */
  async ensureFor(dataset: DatasetInfo): Promise<void> {
    if (this.#s.datasetId === dataset.datasetId && this.#s.settings) return;
    const names = dataset.columns.map((c) => c.name);
    const previous = this.#s.settings?.target;
    const explored = this.#deps.exploredColumn();
    const target =
      previous && names.includes(previous)
        ? previous
        : explored && names.includes(explored)
          ? explored
          : (names[0] ?? '');
    this.#s.run = null;
    this.#s.live = null;
    await this.loadDefaults(dataset.datasetId, target);
  }

  async loadDefaults(datasetId: string, target: string): Promise<void> {
    this.#s.loadingDefaults = true;
    const result = await this.#deps.client.call('model:defaults', { datasetId, target });
    this.#s.loadingDefaults = false;
    if (!result.ok) {
      this.#s.error = result.error;
      return;
    }
    const { transformNotes, ...suggested } = result.value;
    const explored = this.#deps.transformsFor(datasetId, target);
    const fromExplore = explored.length > 0;
    this.#s.transformSource = fromExplore
      ? { from: 'explore', notes: [] }
      : { from: 'suggested', notes: transformNotes };
    const defaults = {
      ...suggested,
      target,
      transforms: fromExplore ? explored : suggested.transforms,
    };
    this.#s.datasetId = datasetId;
    this.#s.defaults = defaults;
    this.#s.settings = structuredClone(defaults);
    this.#s.testBy = defaults.testSize === null ? 'fraction' : 'size';
  }

  /**
   * A new target brings its own transforms (chosen in Explore, else the engine's suggestion for it,
   * by the rules of the Explore hints); the other settings stay as the analyst set them.
   */
  async setTarget(target: string): Promise<void> {
    const settings = this.#s.settings;
    const datasetId = this.#s.datasetId;
    if (!settings || !datasetId) return;
    settings.target = target;
    settings.features = settings.features.filter((f) => f !== target);
    const explored = this.#deps.transformsFor(datasetId, target);
    settings.transforms = explored;
    if (explored.length > 0) {
      this.#s.transformSource = { from: 'explore', notes: [] };
      return;
    }
    const result = await this.#deps.client.call('model:defaults', { datasetId, target });
    if (!result.ok || this.#s.datasetId !== datasetId || this.#s.settings?.target !== target)
      return;
    this.#s.settings.transforms = result.value.transforms;
    this.#s.transformSource = { from: 'suggested', notes: result.value.transformNotes };
  }

  toggleFeature(name: string): void {
    if (!this.#s.settings) return;
    const features = this.#s.settings.features;
    this.#s.settings.features = features.includes(name)
      ? features.filter((f) => f !== name)
      : [...features, name];
  }

  /** The form as first shown for the current target: the same `model:defaults` call and rules. */
  async resetToDefaults(): Promise<void> {
    if (!this.#s.defaults || !this.#s.settings || !this.#s.datasetId) return;
    await this.loadDefaults(this.#s.datasetId, this.#s.settings.target);
  }

  /** The settings as sent to the engine: only the chosen way of sizing the test part applies. */
  requestSettings(): FullSettings | null {
    if (!this.#s.settings) return null;
    const settings = $state.snapshot(this.#s.settings);
    if (this.#s.testBy === 'fraction') settings.testSize = null;
    else if (settings.testSize === null) settings.testSize = settings.horizon;
    return settings;
  }

  async train(): Promise<void> {
    const { jobs, report, runsChanged } = this.#deps;
    const settings = this.requestSettings();
    const datasetId = this.#s.datasetId;
    if (!settings || !datasetId || this.#s.training || jobs.active) return;
    this.#s.training = true;
    this.#s.error = null;
    this.#s.run = null;
    this.#s.live = emptyLiveTraining(settings.epochs);
    const job = jobs.start(
      `Training ${settings.cell.toUpperCase()} on ${settings.target}`,
      'model:fit',
      { datasetId, settings },
      (progress) => {
        if (this.#s.live && progress.detail)
          this.#s.live = foldProgress(this.#s.live, progress.detail);
      },
    );
    this.#cancelTraining = job.cancel;
    const result = await job.result;
    this.#cancelTraining = null;
    this.#s.training = false;
    if (!result.ok) {
      this.#s.error = result.error;
      report(`Training failed: ${result.error.message}`);
      return;
    }
    this.#s.run = result.value;
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
