// Projects: save what the session holds (datasets, explore choices, runs) to a .seriesstudio file,
// open one again (asking for CSVs that moved), the crash-recovery offer and the report export.
import type { StudioError } from '../../../src-main/shared/result';
import type { FileSource } from '../../../src-main/shared/schemas/common';
import type { DatasetInfo } from '../../../src-main/shared/schemas/dataset';
import type { OpenedProject } from '../../../src-main/shared/schemas/projectChannels';
import type { RequestOf, ResponseOf } from '../../../src-main/shared/contract';
import type { StudioClient } from '../studioClient';
import { base64ToBytes, downloadBlob } from './download';
import type { ExploreState } from './exploreState.svelte';
import type { InspectState } from './inspectState.svelte';
import { exploreForProject, transformsFromProject } from './projectExplore';
import type { JobRunner } from './studioJobs.svelte';

export type ProjectDialog = 'save' | 'open' | 'report' | null;
export type ReportSection = RequestOf<'report:export'>['sections'][number];
type Recovery = ResponseOf<'project:recovery'>;

/** The open datasets, as a project saves and restores them. */
export interface ProjectSession {
  datasets: () => readonly DatasetInfo[];
  currentId: () => string | null;
  selectedColumns: () => readonly string[];
  /** Imports a file (as a job) and makes it current. */
  open(source: FileSource): Promise<DatasetInfo | null>;
  /** Adds datasets the host already opened (replacing those with the same ids). */
  addDatasets(infos: DatasetInfo[]): void;
  select(datasetId: string): void;
  /** Shows these columns of the current dataset. */
  showColumns(columns: string[]): Promise<void>;
}

export interface ProjectDeps {
  client: Pick<StudioClient, 'call' | 'mode'>;
  jobs: JobRunner;
  session: ProjectSession;
  explore: Pick<ExploreState, 'transformsByKey' | 'column' | 'mergeTransforms' | 'refresh'>;
  inspect: Pick<InspectState, 'restore'>;
  /** An opened project brings its runs: the Runs tab's list is stale. */
  runsChanged: () => Promise<void>;
  /** The status bar's line. */
  report: (status: string) => void;
}

export class ProjectState {
  #dialog = $state<ProjectDialog>(null);
  #title = $state('Untitled project');
  /** The path field of the save and open dialogs. */
  #path = $state('');
  #embedCsv = $state(false);
  #busy = $state(false);
  #error = $state<StudioError | null>(null);
  #warnings = $state<string[]>([]);
  #savedPath = $state<string | null>(null);
  #opened = $state.raw<OpenedProject | null>(null);
  /** New paths typed for CSVs that moved, by the project's datasetId. */
  #relocate = $state<Record<string, string>>({});
  #recovery = $state<Recovery | null>(null);
  #recoveryDismissed = $state(false);
  #reportMessage = $state<string | null>(null);
  readonly #deps: ProjectDeps;

  constructor(deps: ProjectDeps) {
    this.#deps = deps;
  }

  get dialog(): ProjectDialog {
    return this.#dialog;
  }
  get title(): string {
    return this.#title;
  }
  get path(): string {
    return this.#path;
  }
  get embedCsv(): boolean {
    return this.#embedCsv;
  }
  get busy(): boolean {
    return this.#busy;
  }
  get error(): StudioError | null {
    return this.#error;
  }
  get warnings(): readonly string[] {
    return this.#warnings;
  }
  get savedPath(): string | null {
    return this.#savedPath;
  }
  get opened(): OpenedProject | null {
    return this.#opened;
  }
  get relocate(): Readonly<Record<string, string>> {
    return this.#relocate;
  }
  get recovery(): Recovery | null {
    return this.#recovery;
  }
  get recoveryDismissed(): boolean {
    return this.#recoveryDismissed;
  }
  get reportMessage(): string | null {
    return this.#reportMessage;
  }

  get desktop(): boolean {
    return this.#deps.client.mode === 'desktop';
  }

  setTitle(title: string): void {
    this.#title = title;
  }
  setPath(path: string): void {
    this.#path = path;
  }
  setEmbedCsv(embed: boolean): void {
    this.#embedCsv = embed;
  }
  /** A new path for a CSV of the project that moved. */
  relocateDataset(datasetId: string, path: string): void {
    this.#relocate[datasetId] = path;
  }
  dismissRecovery(): void {
    this.#recoveryDismissed = true;
  }

  /** The title and file of the project the host's session holds (after a page reload). */
  restoreSaved(session: { title: string | null; path: string | null }): void {
    if (session.title !== null) this.#title = session.title;
    if (session.path !== null) this.#path = this.#savedPath = session.path;
  }

  async checkRecovery(): Promise<void> {
    const result = await this.#deps.client.call('project:recovery', {});
    if (result.ok) this.#recovery = result.value;
  }

  open(dialog: Exclude<ProjectDialog, null>): void {
    this.#error = null;
    this.#warnings = [];
    this.#reportMessage = null;
    this.#dialog = dialog;
  }

  close(): void {
    this.#dialog = null;
  }

  async save(): Promise<boolean> {
    const { client, session, explore, report } = this.#deps;
    const path = this.desktop && this.#path.trim() === '' ? null : this.#path.trim();
    if (path === '') return false;
    const ids = session.datasets().map((d) => d.datasetId);
    const currentId = session.currentId();
    const selected = currentId ? { [currentId]: [...session.selectedColumns()] } : {};
    this.#busy = true;
    this.#error = null;
    const result = await client.call('project:save', {
      path,
      title: this.#title,
      explore: exploreForProject($state.snapshot(explore.transformsByKey), ids, selected),
      embedCsv: this.#embedCsv,
      datasetIds: ids,
    });
    this.#busy = false;
    if (!result.ok) {
      if (result.error.code !== 'cancelled') this.#error = result.error;
      return false;
    }
    this.#savedPath = result.value.path;
    this.#path = result.value.path;
    this.#warnings = result.value.warnings;
    report(`Saved project to ${result.value.path}.`);
    if (result.value.warnings.length === 0) this.#dialog = null;
    return true;
  }

  /**
   * Ctrl+S: saves to the project's file when it has one; otherwise (or when that fails) the save
   * dialog opens, where the path is asked for and any error is shown.
   */
  async saveShortcut(): Promise<void> {
    if (this.#dialog !== null || this.#busy) return;
    if (this.#savedPath === null) return this.open('save');
    this.#path = this.#savedPath;
    this.#warnings = [];
    const saved = await this.save();
    if (!saved || this.#warnings.length > 0) this.#dialog = 'save';
  }

  async openProject(pathOverride?: string): Promise<boolean> {
    const { jobs, inspect, report } = this.#deps;
    const typed = (pathOverride ?? this.#path).trim();
    const path = this.desktop && typed === '' ? null : typed;
    if (path === '' || jobs.active) return false;
    this.#busy = true;
    this.#error = null;
    const job = jobs.start('Opening project', 'project:open', {
      path,
      relocate: $state.snapshot(this.#relocate),
    });
    const result = await job.result;
    this.#busy = false;
    if (!result.ok) {
      if (result.error.code !== 'cancelled') this.#error = result.error;
      return false;
    }
    const opened = result.value;
    // A recovery copy is not the project's file: saving asks where (the title is kept).
    const recovered = this.#recovery?.path === opened.path;
    this.#opened = opened;
    this.#path = recovered ? '' : opened.path;
    this.#savedPath = recovered ? null : opened.path;
    this.#title = opened.title;
    this.#warnings = opened.warnings;
    // Datasets that still need their CSV keep the dialog open with a path field each.
    if (opened.needsFile.length > 0) {
      this.#dialog = 'open';
      return false;
    }
    await this.#restore(opened);
    inspect.restore(opened.explanations ?? {});
    this.#dialog = null;
    this.#recoveryDismissed = true;
    report(
      `Opened project "${opened.title}": ${opened.datasetIds.length} dataset(s), ${opened.runIds.length} run(s).`,
    );
    return true;
  }

  /** Brings the session to the project's state: its datasets in the sidebar, transforms, runs. */
  async #restore(opened: OpenedProject): Promise<void> {
    const { session, explore, runsChanged } = this.#deps;
    const idMap: Record<string, string> = {};
    const given = (opened as { datasets?: unknown }).datasets;
    if (Array.isArray(given)) {
      // A host that returns the opened datasets' infos spares the re-import below.
      const infos = given as DatasetInfo[];
      session.addDatasets(infos);
      for (const d of infos) idMap[d.datasetId] = d.datasetId;
    } else {
      for (const check of opened.checks) {
        const path = this.#relocate[check.datasetId] ?? check.path;
        const info = await session.open({ kind: 'path', path });
        if (info) idMap[check.datasetId] = info.datasetId;
      }
    }
    explore.mergeTransforms(transformsFromProject(opened.explore, idMap));
    const first = opened.datasetIds[0];
    const current = first ? (idMap[first] ?? first) : null;
    if (current && session.datasets().some((d) => d.datasetId === current)) {
      if (session.currentId() !== current) session.select(current);
      const columns = first ? (opened.explore[first]?.selectedColumns ?? []) : [];
      if (columns.length > 0) await session.showColumns(columns);
    }
    await explore.refresh();
    await runsChanged();
  }

  async exportReport(request: {
    title: string;
    runIds: string[];
    sections: ReportSection[];
    format: 'pdf' | 'html';
  }): Promise<void> {
    const { jobs, session, explore, report } = this.#deps;
    if (jobs.active) return;
    this.#busy = true;
    this.#error = null;
    this.#reportMessage = null;
    const job = jobs.start(`Exporting ${request.format.toUpperCase()} report`, 'report:export', {
      ...request,
      datasetId: session.currentId(),
      column: explore.column,
      path: null,
    });
    const result = await job.result;
    this.#busy = false;
    if (!result.ok) {
      if (result.error.code !== 'cancelled') this.#error = result.error;
      return;
    }
    const exported = result.value;
    const message =
      exported.base64 !== null
        ? `Downloaded ${exported.fileName}.`
        : `Saved ${exported.path ?? exported.fileName}.`;
    if (exported.base64 !== null)
      downloadBlob(exported.fileName, exported.mimeType, base64ToBytes(exported.base64));
    this.#reportMessage = message;
    report(message);
    this.#dialog = null;
  }
}
