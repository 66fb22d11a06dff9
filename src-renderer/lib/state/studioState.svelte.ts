// Session state of the studio window (Svelte 5 runes in a class). Talks only to the StudioClient.
// Sub-states: `importer` (the import dialog), `explore` (analysis of one column), `theme`,
// `model`/`search`/`backtest` (Model tab), `runs`/`inspect`/`compare` (Runs tab), `project`.
// This class is the composition root: each sub-state gets what it uses (the client, the job runner,
// callbacks, a sibling's narrow interface) through its constructor and never sees this object.
// Components read it by context (`useStudio()`, studioContext.ts), never as a prop.
import type { AppInfo, EngineStatus } from '../../../src-main/shared/schemas/app';
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
import { CollectionState } from './collectionState.svelte';
import { CompareState } from './compareState.svelte';
import { ExploreState } from './exploreState.svelte';
import { ImportState } from './importState.svelte';
import { LatestRequest } from './latestRequest.svelte';
import { InspectState } from './inspectState.svelte';
import { ModelState } from './modelState.svelte';
import { ProjectState } from './projectState.svelte';
import { RunsState } from './runsState.svelte';
import { SearchState } from './searchState.svelte';
import { sourceKey } from './sameSource';
import { StudioJobs, type ActiveJob } from './studioJobs.svelte';
import { ThemeState } from './themeState.svelte';

export type { ActiveJob } from './studioJobs.svelte';
export type StudioTab = 'explore' | 'model' | 'runs';

export class StudioState {
  #info = $state<AppInfo | null>(null);
  #engine = $state<EngineStatus | null>(null);
  /** Browser mode: false while the connection to the server is lost. */
  #connected = $state(true);
  /** One entry per file: re-opening a file with other options or choices replaces its entry. */
  #datasets = $state<DatasetInfo[]>([]);
  #currentId = $state<string | null>(null);
  #selectedColumns = $state<string[]>([]);
  #series = $state<SeriesWindow | null>(null);
  #error = $state<StudioError | null>(null);
  /** Last outcome in words, for the status bar when no job runs. */
  #status = $state('Ready');
  #samples = $state<string[]>([]);
  #tab = $state<StudioTab>('explore');

  readonly current = $derived(this.#datasets.find((d) => d.datasetId === this.#currentId) ?? null);

  /** The one active job (imports, training, search, …): the status bar shows it, Escape stops it. */
  readonly jobs: StudioJobs;
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
  /** Collections of series and their global-model runs (issue 17). */
  readonly collections: CollectionState;
  /** The latest import: a newer one supersedes a running one, so a slow first attempt cannot win. */
  readonly #opening = new LatestRequest<DatasetInfo>();

  constructor(readonly client: StudioClient) {
    const jobs = (this.jobs = new StudioJobs(client));
    const current = (): DatasetInfo | null => this.current;
    const report = (status: string): void => this.setStatus(status);
    const runsChanged = (): Promise<void> => this.runs.refresh();
    this.importer = new ImportState({
      client,
      jobs,
      current,
      open: (source, options, choices) => this.open(source, options, choices),
    });
    const explore = (this.explore = new ExploreState({ client, current }));
    const model = (this.model = new ModelState({
      client,
      jobs,
      exploredColumn: () => explore.column,
      transformsFor: (datasetId, column) => explore.transformsFor(datasetId, column),
      report,
      runsChanged,
    }));
    this.search = new SearchState({ jobs, form: model, report, runsChanged });
    this.backtest = new BacktestState({ jobs, form: model });
    this.runs = new RunsState({ client, showTab: () => this.showTab('runs'), report });
    this.collections = new CollectionState({ client, jobs, report });
    const inspect = (this.inspect = new InspectState({ client, jobs, report }));
    this.compare = new CompareState({ client });
    this.project = new ProjectState({
      client,
      jobs,
      session: {
        datasets: () => this.datasets,
        currentId: () => this.currentId,
        selectedColumns: () => this.selectedColumns,
        open: (source) => this.open(source),
        addDatasets: (infos) => this.#addDatasets(infos),
        select: (datasetId) => this.select(datasetId),
        showColumns: (columns) => this.#showColumns(columns),
      },
      explore,
      inspect,
      // An opened project brings its collections and their runs back too.
      runsChanged: () =>
        Promise.all([runsChanged(), this.collections.refresh()]).then(() => undefined),
      report,
    });
    client.on('engine:status', (status) => {
      this.#engine = status;
    });
    client.onConnection((connected) => {
      this.#connected = connected;
    });
  }

  get info(): AppInfo | null {
    return this.#info;
  }
  get engine(): EngineStatus | null {
    return this.#engine;
  }
  get connected(): boolean {
    return this.#connected;
  }
  get datasets(): readonly DatasetInfo[] {
    return this.#datasets;
  }
  get currentId(): string | null {
    return this.#currentId;
  }
  get selectedColumns(): readonly string[] {
    return this.#selectedColumns;
  }
  get series(): SeriesWindow | null {
    return this.#series;
  }
  get error(): StudioError | null {
    return this.#error;
  }
  /** The active job, if any (see `jobs`). */
  get job(): ActiveJob | null {
    return this.jobs.active;
  }
  get status(): string {
    return this.#status;
  }
  get samples(): readonly string[] {
    return this.#samples;
  }
  get tab(): StudioTab {
    return this.#tab;
  }

  showTab(tab: StudioTab): void {
    this.#tab = tab;
    this.collections.deactivate();
  }
  /** The status bar's line when no job runs. */
  setStatus(status: string): void {
    this.#status = status;
  }
  /** Shows an error in the banner above the tabs. */
  showError(error: StudioError): void {
    this.#error = error;
  }
  dismissError(): void {
    this.#error = null;
  }

  async start(): Promise<void> {
    const [info, samples, session] = await Promise.all([
      this.client.call('app:info', {}),
      this.client.call('datasets:samples', {}),
      this.client.call('session:state', {}),
    ]);
    if (info.ok) this.#info = info.value;
    else this.#error = info.error;
    if (samples.ok) this.#samples = samples.value.map((s) => s.name);
    void this.runs.refresh();
    void this.collections.refresh();
    void this.project.checkRecovery();
    // The host is the session's source of truth: a reloaded page shows what it holds.
    if (session.ok && this.#datasets.length === 0 && this.#restoreSession(session.value)) return;
    const sample = info.ok ? info.value.sampleDataset : 'AirPassengers.csv';
    // Not when the analyst is already importing a file: the sample must not supersede it.
    if (this.#datasets.length === 0 && !this.importer.isOpen && !this.jobs.active)
      await this.open({ kind: 'sample', name: sample });
  }

  /** Shows the host's open datasets and project title (after a reload); false when it has none. */
  #restoreSession(session: {
    title: string | null;
    path: string | null;
    datasets: DatasetInfo[];
  }): boolean {
    this.project.restoreSaved(session);
    const last = session.datasets[session.datasets.length - 1];
    if (!last) return false;
    this.#datasets = session.datasets;
    this.select(last.datasetId);
    this.#status = `Session restored: ${session.datasets.length} open dataset(s).`;
    return true;
  }

  /** Imports a file (a job: progress in the status bar, Escape cancels) and makes it current. */
  async open(
    source: FileSource,
    options?: ParseOptions,
    choices?: ImportChoices,
  ): Promise<DatasetInfo | null> {
    this.#error = null;
    const label =
      source.kind === 'sample' ? source.name : source.kind === 'path' ? source.path : 'upload';
    const result = await this.#opening.load(async () => {
      await this.jobs.cancel();
      const job = this.jobs.start(`Importing ${label}`, 'datasets:open', {
        source,
        ...(options ? { options } : {}),
        ...(choices ? { choices } : {}),
      });
      return job.result;
    });
    // Superseded by a newer import.
    if (!result) return null;
    if (!result.ok) {
      if (result.error.code === 'cancelled') this.#status = 'Import cancelled.';
      else this.#error = result.error;
      return null;
    }
    const dataset = result.value;
    const key = sourceKey(dataset.source);
    const replaced = this.#datasets.find((d) => sourceKey(d.source) === key) ?? null;
    this.#datasets = [
      ...this.#datasets.filter(
        (d) => sourceKey(d.source) !== key && d.datasetId !== dataset.datasetId,
      ),
      dataset,
    ];
    if (replaced) this.explore.carryOver(replaced.datasetId, dataset.datasetId);
    const kept = replaced
      ? this.#selectedColumns.filter((c) => dataset.columns.some((d) => d.name === c))
      : [];
    this.#currentId = dataset.datasetId;
    this.#selectedColumns = kept.length > 0 ? kept : dataset.columns.slice(0, 1).map((c) => c.name);
    this.#status = `Opened ${dataset.name}: ${dataset.rows.toLocaleString('en')} rows, ${dataset.columns.length} numeric column(s).`;
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
    const dataset = this.#datasets.find((d) => d.datasetId === datasetId);
    this.collections.deactivate();
    if (!dataset || datasetId === this.#currentId) return;
    this.#currentId = datasetId;
    this.#selectedColumns = dataset.columns.slice(0, 1).map((c) => c.name);
    // The status bar speaks of what is shown now, not of an earlier dataset's import.
    this.#status = `Showing ${dataset.name}: ${dataset.rows.toLocaleString('en')} rows, ${dataset.columns.length} numeric column(s).`;
    void this.loadSeries();
    void this.explore.datasetChanged();
  }

  close(datasetId: string): void {
    // The host's list too: a reload or a save must not bring it back.
    void this.client.call('datasets:close', { datasetId });
    this.#datasets = this.#datasets.filter((d) => d.datasetId !== datasetId);
    if (this.#currentId !== datasetId) return;
    const next = this.#datasets[this.#datasets.length - 1];
    this.#currentId = null;
    if (next) this.select(next.datasetId);
    else {
      this.#selectedColumns = [];
      this.#series = null;
      void this.explore.datasetChanged();
    }
  }

  toggleColumn(name: string): void {
    this.#selectedColumns = this.#selectedColumns.includes(name)
      ? this.#selectedColumns.filter((c) => c !== name)
      : [...this.#selectedColumns, name];
    void this.loadSeries();
  }

  async cancelJob(): Promise<void> {
    await this.jobs.cancel();
  }

  /** Datasets the host already opened (a project's): added, replacing those with the same ids. */
  #addDatasets(infos: DatasetInfo[]): void {
    const ids = infos.map((d) => d.datasetId);
    this.#datasets = [...this.#datasets.filter((d) => !ids.includes(d.datasetId)), ...infos];
  }

  async #showColumns(columns: string[]): Promise<void> {
    this.#selectedColumns = columns;
    await this.loadSeries();
  }

  async loadSeries(range?: { start: number; end: number }): Promise<void> {
    const dataset = this.current;
    if (!dataset || this.#selectedColumns.length === 0) {
      this.#series = null;
      return;
    }
    const result = await this.client.call('datasets:series', {
      datasetId: dataset.datasetId,
      columns: $state.snapshot(this.#selectedColumns),
      maxPoints: 2000,
      ...(range ?? {}),
    });
    if (dataset.datasetId !== this.#currentId) return;
    if (result.ok) this.#series = result.value;
    else this.#error = result.error;
  }
}
