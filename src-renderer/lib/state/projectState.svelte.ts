// Projects: save what the session holds (datasets, explore choices, runs) to a .seriesstudio file,
// open one again (asking for CSVs that moved), the crash-recovery offer and the report export.
import type { StudioError } from '../../../src-main/shared/result';
import type { DatasetInfo } from '../../../src-main/shared/schemas/dataset';
import type { OpenedProject } from '../../../src-main/shared/schemas/projectChannels';
import type { RequestOf, ResponseOf } from '../../../src-main/shared/contract';
import { base64ToBytes, downloadBlob } from './download';
import { exploreForProject, transformsFromProject } from './projectExplore';
import { startStudioJob } from './studioJob';
import type { StudioState } from './studioState.svelte';

export type ProjectDialog = 'save' | 'open' | 'report' | null;
export type ReportSection = RequestOf<'report:export'>['sections'][number];
type Recovery = ResponseOf<'project:recovery'>;

export class ProjectState {
  dialog = $state<ProjectDialog>(null);
  title = $state('Untitled project');
  path = $state('');
  embedCsv = $state(false);
  busy = $state(false);
  error = $state<StudioError | null>(null);
  warnings = $state<string[]>([]);
  savedPath = $state<string | null>(null);
  opened = $state.raw<OpenedProject | null>(null);
  /** New paths typed for CSVs that moved, by the project's datasetId. */
  relocate = $state<Record<string, string>>({});
  recovery = $state<Recovery | null>(null);
  recoveryDismissed = $state(false);
  reportMessage = $state<string | null>(null);

  constructor(private readonly studio: StudioState) {}

  get desktop(): boolean {
    return this.studio.client.mode === 'desktop';
  }

  async checkRecovery(): Promise<void> {
    const result = await this.studio.client.call('project:recovery', {});
    if (result.ok) this.recovery = result.value;
  }

  open(dialog: Exclude<ProjectDialog, null>): void {
    this.error = null;
    this.warnings = [];
    this.reportMessage = null;
    this.dialog = dialog;
  }

  close(): void {
    this.dialog = null;
  }

  async save(): Promise<boolean> {
    const studio = this.studio;
    const path = this.desktop && this.path.trim() === '' ? null : this.path.trim();
    if (path === '') return false;
    const ids = studio.datasets.map((d) => d.datasetId);
    const selected = studio.currentId ? { [studio.currentId]: studio.selectedColumns } : {};
    this.busy = true;
    this.error = null;
    const result = await studio.client.call('project:save', {
      path,
      title: this.title,
      explore: exploreForProject($state.snapshot(studio.explore.transformsByKey), ids, selected),
      embedCsv: this.embedCsv,
      datasetIds: ids,
    });
    this.busy = false;
    if (!result.ok) {
      if (result.error.code !== 'cancelled') this.error = result.error;
      return false;
    }
    this.savedPath = result.value.path;
    this.path = result.value.path;
    this.warnings = result.value.warnings;
    studio.status = `Saved project to ${result.value.path}.`;
    if (result.value.warnings.length === 0) this.dialog = null;
    return true;
  }

  /**
   * Ctrl+S: saves to the project's file when it has one; otherwise (or when that fails) the save
   * dialog opens, where the path is asked for and any error is shown.
   */
  async saveShortcut(): Promise<void> {
    if (this.dialog !== null || this.busy) return;
    if (this.savedPath === null) return this.open('save');
    this.path = this.savedPath;
    this.warnings = [];
    const saved = await this.save();
    if (!saved || this.warnings.length > 0) this.dialog = 'save';
  }

  async openProject(pathOverride?: string): Promise<boolean> {
    const studio = this.studio;
    const typed = (pathOverride ?? this.path).trim();
    const path = this.desktop && typed === '' ? null : typed;
    if (path === '' || studio.job) return false;
    this.busy = true;
    this.error = null;
    const job = startStudioJob(studio, 'Opening project', 'project:open', {
      path,
      relocate: $state.snapshot(this.relocate),
    });
    const result = await job.result;
    this.busy = false;
    if (!result.ok) {
      if (result.error.code !== 'cancelled') this.error = result.error;
      return false;
    }
    const opened = result.value;
    // A recovery copy is not the project's file: saving asks where (the title is kept).
    const recovered = this.recovery?.path === opened.path;
    this.opened = opened;
    this.path = recovered ? '' : opened.path;
    this.savedPath = recovered ? null : opened.path;
    this.title = opened.title;
    this.warnings = opened.warnings;
    // Datasets that still need their CSV keep the dialog open with a path field each.
    if (opened.needsFile.length > 0) {
      this.dialog = 'open';
      return false;
    }
    await this.restore(opened);
    studio.inspect.restore(opened.explanations ?? {});
    this.dialog = null;
    this.recoveryDismissed = true;
    studio.status = `Opened project "${opened.title}": ${opened.datasetIds.length} dataset(s), ${opened.runIds.length} run(s).`;
    return true;
  }

  /** Brings the session to the project's state: its datasets in the sidebar, transforms, runs. */
  private async restore(opened: OpenedProject): Promise<void> {
    const studio = this.studio;
    const idMap: Record<string, string> = {};
    const given = (opened as { datasets?: unknown }).datasets;
    if (Array.isArray(given)) {
      // A host that returns the opened datasets' infos spares the re-import below.
      const infos = given as DatasetInfo[];
      const ids = infos.map((d) => d.datasetId);
      studio.datasets = [...studio.datasets.filter((d) => !ids.includes(d.datasetId)), ...infos];
      for (const d of infos) idMap[d.datasetId] = d.datasetId;
    } else {
      for (const check of opened.checks) {
        const path = this.relocate[check.datasetId] ?? check.path;
        const info = await studio.open({ kind: 'path', path });
        if (info) idMap[check.datasetId] = info.datasetId;
      }
    }
    studio.explore.transformsByKey = {
      ...studio.explore.transformsByKey,
      ...transformsFromProject(opened.explore, idMap),
    };
    const first = opened.datasetIds[0];
    const current = first ? (idMap[first] ?? first) : null;
    if (current && studio.datasets.some((d) => d.datasetId === current)) {
      if (studio.currentId !== current) studio.select(current);
      const columns = first ? (opened.explore[first]?.selectedColumns ?? []) : [];
      if (columns.length > 0) {
        studio.selectedColumns = columns;
        await studio.loadSeries();
      }
    }
    await studio.explore.refresh();
    await studio.runs.refresh();
  }

  async exportReport(request: {
    title: string;
    runIds: string[];
    sections: ReportSection[];
    format: 'pdf' | 'html';
  }): Promise<void> {
    const studio = this.studio;
    if (studio.job) return;
    this.busy = true;
    this.error = null;
    this.reportMessage = null;
    const job = startStudioJob(
      studio,
      `Exporting ${request.format.toUpperCase()} report`,
      'report:export',
      {
        ...request,
        datasetId: studio.currentId,
        column: studio.explore.column,
        path: null,
      },
    );
    const result = await job.result;
    this.busy = false;
    if (!result.ok) {
      if (result.error.code !== 'cancelled') this.error = result.error;
      return;
    }
    const report = result.value;
    if (report.base64 !== null) {
      downloadBlob(report.fileName, report.mimeType, base64ToBytes(report.base64));
      this.reportMessage = `Downloaded ${report.fileName}.`;
    } else {
      this.reportMessage = `Saved ${report.path ?? report.fileName}.`;
    }
    studio.status = this.reportMessage;
    this.dialog = null;
  }
}
