// Collections of series in the window (issue 17): the session's collections and their global-model
// runs, the one the analyst is looking at (a series, the model form or a run), the sidebar's
// filter, and the import dialog's proposal to read a long-format file as a collection (a wide
// file's numeric columns are opened as one without a proposal). Its
// dependencies come through the constructor: the client's calls, the job runner and a status line.
import type { StudioError } from '../../../src-main/shared/result';
import type {
  CollectionFitSettings,
  CollectionInfo,
  CollectionLayout,
  CollectionRun,
  CollectionSeriesData,
  CollectionSeriesInfo,
} from '../../../src-main/shared/schemas/collection';
import type { JobProgress } from '../../../src-main/shared/schemas/app';
import type { FileSource } from '../../../src-main/shared/schemas/common';
import type { StudioClient } from '../studioClient';
import { LatestRequest } from './latestRequest.svelte';
import type { JobRunner } from './studioJobs.svelte';

export type CollectionView = 'series' | 'model' | 'runs';

export interface CollectionDeps {
  client: Pick<StudioClient, 'call'>;
  jobs: JobRunner;
  report(status: string): void;
}

/** "12 series keyed by store", or for a wide file "3 series, one per column". */
export function collectionInWords(count: number, layout: CollectionLayout): string {
  return layout.kind === 'wide'
    ? `${count} series, one per column`
    : `${count} series keyed by ${layout.idColumn}`;
}

export const DEFAULT_FIT: CollectionFitSettings = {
  horizon: 18,
  cell: 'lstm',
  epochs: 40,
  ensemble: 1,
  local: false,
  arima: true,
};

export class CollectionState {
  readonly #deps: CollectionDeps;
  #collections = $state<CollectionInfo[]>([]);
  #runs = $state<CollectionRun[]>([]);
  #activeId = $state<string | null>(null);
  #seriesId = $state<string | null>(null);
  #view = $state<CollectionView>('series');
  #filter = $state('');
  #runId = $state<string | null>(null);
  #runSeriesId = $state<string | null>(null);
  #settings = $state<CollectionFitSettings>({ ...DEFAULT_FIT });
  #progress = $state<JobProgress | null>(null);
  #training = $state(false);
  #error = $state<StudioError | null>(null);
  #proposal = $state<CollectionInfo | null>(null);
  #proposing = $state(false);
  readonly #series = new LatestRequest<CollectionSeriesData>();

  constructor(deps: CollectionDeps) {
    this.#deps = deps;
  }

  get collections(): readonly CollectionInfo[] {
    return this.#collections;
  }
  get runs(): readonly CollectionRun[] {
    return this.#runs;
  }
  /** The collection the main area shows, or null (the usual dataset views). */
  get active(): CollectionInfo | null {
    return this.#collections.find((c) => c.collectionId === this.#activeId) ?? null;
  }
  get seriesId(): string | null {
    return this.#seriesId;
  }
  get series(): CollectionSeriesData | null {
    return this.#series.value;
  }
  get seriesLoading(): boolean {
    return this.#series.loading;
  }
  get view(): CollectionView {
    return this.#view;
  }
  get filter(): string {
    return this.#filter;
  }
  get settings(): CollectionFitSettings {
    return this.#settings;
  }
  get progress(): JobProgress | null {
    return this.#progress;
  }
  get training(): boolean {
    return this.#training;
  }
  get error(): StudioError | null {
    return this.#error ?? this.#series.error;
  }
  get proposal(): CollectionInfo | null {
    return this.#proposal;
  }
  get proposing(): boolean {
    return this.#proposing;
  }
  /** The active collection's runs, newest first. */
  get activeRuns(): CollectionRun[] {
    return this.#runs.filter((r) => r.collectionId === this.#activeId).reverse();
  }
  /** The active collection's run picked in the run view, else its newest. */
  get run(): CollectionRun | null {
    const runs = this.activeRuns;
    return runs.find((r) => r.runId === this.#runId) ?? runs[0] ?? null;
  }
  /** The series the run view shows: the one last picked when the run has it, else its first. */
  get runSeriesId(): string | null {
    const run = this.run;
    const picked = this.#runSeriesId;
    if (picked !== null && run?.series.some((s) => s.id === picked)) return picked;
    return run?.series[0]?.id ?? null;
  }

  /** A collection's series whose id contains the filter text (any case). */
  filtered(collection: CollectionInfo): CollectionSeriesInfo[] {
    const f = this.#filter.trim().toLowerCase();
    return f === ''
      ? collection.series
      : collection.series.filter((s) => s.id.toLowerCase().includes(f));
  }

  setFilter(text: string): void {
    this.#filter = text;
  }
  setSettings(patch: Partial<CollectionFitSettings>): void {
    this.#settings = { ...this.#settings, ...patch };
  }
  show(view: CollectionView): void {
    this.#view = view;
  }
  /** Back to the dataset views. */
  deactivate(): void {
    this.#activeId = null;
  }

  /**
   * Shows one series of a collection (its chart, frequency and problems, and the shown run's
   * forecast for it); the run view shows the same series.
   */
  select(collectionId: string, seriesId: string): void {
    this.#activeId = collectionId;
    this.#runSeriesId = seriesId;
    this.#view = 'series';
    this.#load(collectionId, seriesId);
  }

  /** The series the sidebar marks and the series view shows, read in full. */
  #load(collectionId: string, seriesId: string): void {
    this.#seriesId = seriesId;
    void this.#series.load(() =>
      this.#deps.client.call('collections:series', { collectionId, id: seriesId }),
    );
  }

  selectRun(runId: string): void {
    this.#runId = runId;
    this.#runSeriesId = null;
    this.#view = 'runs';
  }
  /** Another series in the run view; the sidebar marks it too. */
  browse(seriesId: string): void {
    this.#runSeriesId = seriesId;
    if (this.#activeId) this.#load(this.#activeId, seriesId);
  }

  /** Everything the host holds (start-up, a reload, an opened project). */
  async refresh(): Promise<void> {
    const r = await this.#deps.client.call('collections:state', {});
    if (!r.ok) {
      this.#error = r.error;
      return;
    }
    this.#collections = r.value.collections;
    this.#runs = r.value.runs;
    if (this.#activeId && !this.active) this.#activeId = null;
  }

  /** Reads a file as a collection to show what it holds, without adding it to the session. */
  async propose(source: FileSource, layout: CollectionLayout): Promise<void> {
    this.#proposing = true;
    this.#proposal = null;
    this.#error = null;
    const job = this.#deps.jobs.start('Reading the collection', 'collections:open', {
      source,
      layout,
      preview: true,
    });
    const r = await job.result;
    this.#proposing = false;
    if (r.ok) this.#proposal = r.value;
    else if (r.error.code !== 'cancelled') this.#error = r.error;
  }

  clearProposal(): void {
    this.#proposal = null;
    this.#error = null;
  }

  /** Opens a file as a collection and shows its first series. */
  async open(source: FileSource, layout: CollectionLayout): Promise<boolean> {
    this.#error = null;
    const job = this.#deps.jobs.start('Opening the collection', 'collections:open', {
      source,
      layout,
    });
    const r = await job.result;
    if (!r.ok) {
      if (r.error.code !== 'cancelled') this.#error = r.error;
      return false;
    }
    const info = r.value;
    this.#collections = [
      ...this.#collections.filter((c) => c.collectionId !== info.collectionId),
      info,
    ];
    this.#proposal = null;
    this.#deps.report(`Opened ${info.name}: ${collectionInWords(info.series.length, info.layout)}`);
    const first = info.series[0];
    if (first) this.select(info.collectionId, first.id);
    else this.#activeId = info.collectionId;
    return true;
  }

  /** Trains the global model over the active collection (a job: progress, Escape cancels). */
  async fit(): Promise<void> {
    const collection = this.active;
    if (!collection || this.#training) return;
    this.#training = true;
    this.#progress = null;
    this.#error = null;
    const job = this.#deps.jobs.start(
      `Training a global model on ${collection.name}`,
      'collections:fit',
      { collectionId: collection.collectionId, settings: this.#settings },
      (p) => (this.#progress = p),
    );
    const r = await job.result;
    this.#training = false;
    this.#progress = null;
    if (!r.ok) {
      if (r.error.code === 'cancelled') this.#deps.report('Global model cancelled');
      else this.#error = r.error;
      return;
    }
    this.#runs = [...this.#runs, r.value];
    this.#deps.report(`Global model trained on ${r.value.global.seriesTrained} series`);
    this.selectRun(r.value.runId);
  }

  async cancel(): Promise<void> {
    await this.#deps.jobs.cancel();
  }
}
