// The Model tab: the fit settings form of the current dataset (prefilled from `model:defaults` and
// the transforms chosen in Explore), training with live curves, and the finished run.
import type { ResponseOf } from '../../../src-main/shared/contract';
import type { StudioError } from '../../../src-main/shared/result';
import type { DatasetInfo } from '../../../src-main/shared/schemas/dataset';
import type { RunResult } from '../../../src-main/shared/schemas/model';
import { emptyLiveTraining, foldProgress, type LiveTraining } from './liveTraining';
import { startStudioJob } from './studioJob';
import type { StudioState } from './studioState.svelte';

export type FullSettings = Omit<ResponseOf<'model:defaults'>, 'transformNotes'>;
export type ModelView = 'train' | 'search' | 'backtest';

export class ModelState {
  view = $state<ModelView>('train');
  settings = $state<FullSettings | null>(null);
  defaults = $state<FullSettings | null>(null);
  /** Dataset the form was filled for. */
  datasetId = $state<string | null>(null);
  /** The test part is given as a fraction of the rows or as a number of rows. */
  testBy = $state<'fraction' | 'size'>('fraction');
  loadingDefaults = $state(false);
  /** Where the form's transforms came from: Explore, or the engine's suggestion with its reasons. */
  transformSource = $state<{ from: 'explore' | 'suggested'; notes: string[] }>({
    from: 'explore',
    notes: [],
  });
  training = $state(false);
  live = $state.raw<LiveTraining | null>(null);
  run = $state.raw<RunResult | null>(null);
  error = $state<StudioError | null>(null);
  private cancelTraining: (() => Promise<void>) | null = null;

  constructor(private readonly studio: StudioState) {}

  /** Fills the form for a dataset the first time it is shown (or after it was re-opened). */
  async ensureFor(dataset: DatasetInfo): Promise<void> {
    if (this.datasetId === dataset.datasetId && this.settings) return;
    const names = dataset.columns.map((c) => c.name);
    const previous = this.settings?.target;
    const explored = this.studio.explore.column;
    const target =
      previous && names.includes(previous)
        ? previous
        : explored && names.includes(explored)
          ? explored
          : (names[0] ?? '');
    this.run = null;
    this.live = null;
    await this.loadDefaults(dataset.datasetId, target);
  }

  async loadDefaults(datasetId: string, target: string): Promise<void> {
    this.loadingDefaults = true;
    const result = await this.studio.client.call('model:defaults', { datasetId, target });
    this.loadingDefaults = false;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    const { transformNotes, ...suggested } = result.value;
    const explored = this.studio.explore.transformsFor(datasetId, target);
    const fromExplore = explored.length > 0;
    this.transformSource = fromExplore
      ? { from: 'explore', notes: [] }
      : { from: 'suggested', notes: transformNotes };
    const defaults = {
      ...suggested,
      target,
      transforms: fromExplore ? explored : suggested.transforms,
    };
    this.datasetId = datasetId;
    this.defaults = defaults;
    this.settings = structuredClone(defaults);
    this.testBy = defaults.testSize === null ? 'fraction' : 'size';
  }

  /**
   * A new target brings its own transforms (chosen in Explore, else the engine's suggestion for it,
   * by the rules of the Explore hints); the other settings stay as the analyst set them.
   */
  async setTarget(target: string): Promise<void> {
    if (!this.settings || !this.datasetId) return;
    const datasetId = this.datasetId;
    this.settings.target = target;
    this.settings.features = this.settings.features.filter((f) => f !== target);
    const explored = this.studio.explore.transformsFor(datasetId, target);
    this.settings.transforms = explored;
    if (explored.length > 0) {
      this.transformSource = { from: 'explore', notes: [] };
      return;
    }
    const result = await this.studio.client.call('model:defaults', { datasetId, target });
    if (!result.ok || this.datasetId !== datasetId || this.settings?.target !== target) return;
    this.settings.transforms = result.value.transforms;
    this.transformSource = { from: 'suggested', notes: result.value.transformNotes };
  }

  toggleFeature(name: string): void {
    if (!this.settings) return;
    const features = this.settings.features;
    this.settings.features = features.includes(name)
      ? features.filter((f) => f !== name)
      : [...features, name];
  }

  /** The form as first shown for the current target: the same `model:defaults` call and rules. */
  async resetToDefaults(): Promise<void> {
    if (!this.defaults || !this.settings || !this.datasetId) return;
    await this.loadDefaults(this.datasetId, this.settings.target);
  }

  /** The settings as sent to the engine: only the chosen way of sizing the test part applies. */
  requestSettings(): FullSettings | null {
    if (!this.settings) return null;
    const settings = $state.snapshot(this.settings);
    if (this.testBy === 'fraction') settings.testSize = null;
    else if (settings.testSize === null) settings.testSize = settings.horizon;
    return settings;
  }

  async train(): Promise<void> {
    const settings = this.requestSettings();
    const datasetId = this.datasetId;
    if (!settings || !datasetId || this.training || this.studio.job) return;
    this.training = true;
    this.error = null;
    this.run = null;
    this.live = emptyLiveTraining(settings.epochs);
    const job = startStudioJob(
      this.studio,
      `Training ${settings.cell.toUpperCase()} on ${settings.target}`,
      'model:fit',
      { datasetId, settings },
      (progress) => {
        if (this.live && progress.detail) this.live = foldProgress(this.live, progress.detail);
      },
    );
    this.cancelTraining = job.cancel;
    const result = await job.result;
    this.cancelTraining = null;
    this.training = false;
    if (!result.ok) {
      this.error = result.error;
      this.studio.status = `Training failed: ${result.error.message}`;
      return;
    }
    this.run = result.value;
    this.studio.status =
      result.value.stoppedReason === 'cancelled'
        ? 'Training cancelled; the best weights so far were kept.'
        : `Trained ${result.value.epochs.length} epoch(s) in ${result.value.timings.trainingSeconds.toFixed(1)} s.`;
    await this.studio.runs.refresh();
  }

  async cancel(): Promise<void> {
    await this.cancelTraining?.();
  }
}
