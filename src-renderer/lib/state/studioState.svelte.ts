// Session state of the studio window (Svelte 5 runes in a class). Talks only to the StudioClient.
// Sub-states: `importer` (the import dialog), `explore` (analysis of one column), `theme`,
// `model`/`search`/`backtest` (Model tab), `runs`/`inspect`/`compare` (Runs tab), `project`.
import type { AppInfo, EngineStatus, JobProgress } from '../../../src-main/shared/schemas/app';
import type { FileSource } from '../../../src-main/shared/schemas/common';
import type {
  DatasetInfo,
  ImportChoices,
  ParseOptions,
  SeriesWindow,
} from '../../../src-main/shared/schemas/dataset';
import type { StudioError } from '../../../src-main/shared/result';
import type { StudioClient } from '../studioClient';
import { BacktestState } from './backtestState.svelte';
import { CompareState } from './compareState.svelte';
import { ExploreState } from './exploreState.svelte';
import { ImportState } from './importState.svelte';
import { InspectState } from './inspectState.svelte';
import { ModelState } from './modelState.svelte';
import { ProjectState } from './projectState.svelte';
import { RunsState } from './runsState.svelte';
import { SearchState } from './searchState.svelte';
import { sourceKey } from './sameSource';
import { ThemeState } from './themeState.svelte';

export interface ActiveJob {
  label: string;
  progress: JobProgress | null;
  cancel: () => Promise<void>;
}

export type StudioTab = 'explore' | 'model' | 'runs';

export class StudioState {
  info = $state<AppInfo | null>(null);
  engine = $state<EngineStatus | null>(null);
  /** Browser mode: false while the connection to the server is lost. */
  connected = $state(true);
  /** One entry per file: re-opening a file with other options or choices replaces its entry. */
  datasets = $state<DatasetInfo[]>([]);
  currentId = $state<string | null>(null);
  selectedColumns = $state<string[]>([]);
  series = $state<SeriesWindow | null>(null);
  error = $state<StudioError | null>(null);
  job = $state<ActiveJob | null>(null);
  /** Last outcome in words, for the status bar when no job runs. */
  status = $state('Ready');
  samples = $state<string[]>([]);
  tab = $state<StudioTab>('explore');

  current = $derived(this.datasets.find((d) => d.datasetId === this.currentId) ?? null);

  readonly theme = new ThemeState();
  readonly importer: ImportState;
  readonly explore: ExploreState;
  readonly model: ModelState;
  readonly search: SearchState;
  readonly backtest: BacktestState;
  readonly runs: RunsState;
  readonly inspect: InspectState;
  readonly compare: CompareState;
  readonly project: ProjectState;
  private openSeq = 0;

  constructor(readonly client: StudioClient) {
    this.importer = new ImportState(this);
    this.explore = new ExploreState(this);
    this.model = new ModelState(this);
    this.search = new SearchState(this);
    this.backtest = new BacktestState(this);
    this.runs = new RunsState(this);
    this.inspect = new InspectState(this);
    this.compare = new CompareState(this);
    this.project = new ProjectState(this);
    client.on('engine:status', (status) => {
      this.engine = status;
    });
    client.onConnection((connected) => {
      this.connected = connected;
    });
  }

  async start(): Promise<void> {
    const [info, samples, session] = await Promise.all([
      this.client.call('app:info', {}),
      this.client.call('datasets:samples', {}),
      this.client.call('session:state', {}),
    ]);
    if (info.ok) this.info = info.value;
    else this.error = info.error;
    if (samples.ok) this.samples = samples.value.map((s) => s.name);
    void this.runs.refresh();
    void this.project.checkRecovery();
    // The host is the session's source of truth: a reloaded page shows what it holds.
    if (session.ok && this.datasets.length === 0 && this.restoreSession(session.value)) return;
    const sample = info.ok ? info.value.sampleDataset : 'AirPassengers.csv';
    // Not when the analyst is already importing a file: the sample must not supersede it.
    if (this.datasets.length === 0 && !this.importer.isOpen && !this.job)
      await this.open({ kind: 'sample', name: sample });
  }

  /** Shows the host's open datasets and project title (after a reload); false when it has none. */
  private restoreSession(session: {
    title: string | null;
    path: string | null;
    datasets: DatasetInfo[];
  }): boolean {
    if (session.title !== null) this.project.title = session.title;
    if (session.path !== null) this.project.path = this.project.savedPath = session.path;
    const last = session.datasets[session.datasets.length - 1];
    if (!last) return false;
    this.datasets = session.datasets;
    this.select(last.datasetId);
    this.status = `Session restored: ${session.datasets.length} open dataset(s).`;
    return true;
  }

  /** Imports a file (a job: progress in the status bar, Escape cancels) and makes it current. */
  async open(
    source: FileSource,
    options?: ParseOptions,
    choices?: ImportChoices,
  ): Promise<DatasetInfo | null> {
    this.error = null;
    const seq = ++this.openSeq;
    // A newer import supersedes a running one, so a slow first attempt cannot win the race.
    if (this.job) await this.job.cancel();
    const label =
      source.kind === 'sample' ? source.name : source.kind === 'path' ? source.path : 'upload';
    const job = this.client.job(
      'datasets:open',
      { source, ...(options ? { options } : {}), ...(choices ? { choices } : {}) },
      (progress) => {
        if (this.job && seq === this.openSeq) this.job.progress = progress;
      },
    );
    this.job = { label: `Importing ${label}`, progress: null, cancel: job.cancel };
    const result = await job.result;
    if (seq !== this.openSeq) return null;
    this.job = null;
    if (!result.ok) {
      if (result.error.code === 'cancelled') this.status = 'Import cancelled.';
      else this.error = result.error;
      return null;
    }
    const dataset = result.value;
    const key = sourceKey(dataset.source);
    const replaced = this.datasets.find((d) => sourceKey(d.source) === key) ?? null;
    this.datasets = [
      ...this.datasets.filter(
        (d) => sourceKey(d.source) !== key && d.datasetId !== dataset.datasetId,
      ),
      dataset,
    ];
    if (replaced) this.explore.carryOver(replaced.datasetId, dataset.datasetId);
    const kept = replaced
      ? this.selectedColumns.filter((c) => dataset.columns.some((d) => d.name === c))
      : [];
    this.currentId = dataset.datasetId;
    this.selectedColumns = kept.length > 0 ? kept : dataset.columns.slice(0, 1).map((c) => c.name);
    this.status = `Opened ${dataset.name}: ${dataset.rows.toLocaleString('en')} rows, ${dataset.columns.length} numeric column(s).`;
    await Promise.all([this.loadSeries(), this.explore.datasetChanged()]);
    return dataset;
  }

  /** Re-opens the current dataset with new import choices (problem fixes, frequency overrides). */
  async applyChoices(choices: ImportChoices): Promise<DatasetInfo | null> {
    const dataset = this.current;
    if (!dataset) return null;
    return this.open(dataset.source, dataset.options, choices);
  }

  select(datasetId: string): void {
    const dataset = this.datasets.find((d) => d.datasetId === datasetId);
    if (!dataset || datasetId === this.currentId) return;
    this.currentId = datasetId;
    this.selectedColumns = dataset.columns.slice(0, 1).map((c) => c.name);
    // The status bar speaks of what is shown now, not of an earlier dataset's import.
    this.status = `Showing ${dataset.name}: ${dataset.rows.toLocaleString('en')} rows, ${dataset.columns.length} numeric column(s).`;
    void this.loadSeries();
    void this.explore.datasetChanged();
  }

  close(datasetId: string): void {
    // The host's list too: a reload or a save must not bring it back.
    void this.client.call('datasets:close', { datasetId });
    this.datasets = this.datasets.filter((d) => d.datasetId !== datasetId);
    if (this.currentId !== datasetId) return;
    const next = this.datasets[this.datasets.length - 1];
    this.currentId = null;
    if (next) this.select(next.datasetId);
    else {
      this.selectedColumns = [];
      this.series = null;
      void this.explore.datasetChanged();
    }
  }

  toggleColumn(name: string): void {
    this.selectedColumns = this.selectedColumns.includes(name)
      ? this.selectedColumns.filter((c) => c !== name)
      : [...this.selectedColumns, name];
    void this.loadSeries();
  }

  async cancelJob(): Promise<void> {
    await this.job?.cancel();
  }

  async loadSeries(range?: { start: number; end: number }): Promise<void> {
    const dataset = this.current;
    if (!dataset || this.selectedColumns.length === 0) {
      this.series = null;
      return;
    }
    const result = await this.client.call('datasets:series', {
      datasetId: dataset.datasetId,
      columns: this.selectedColumns,
      maxPoints: 2000,
      ...(range ?? {}),
    });
    if (dataset.datasetId !== this.currentId) return;
    if (result.ok) this.series = result.value;
    else this.error = result.error;
  }
}
