// The Runs tab: every run the engine holds, sorted and filtered, the selection (one run shows its
// detail, several are compared) and the cache of full run results.
import type { StudioError } from '../../../src-main/shared/result';
import type { RunResult, RunSummary } from '../../../src-main/shared/schemas/model';
import { downloadBlob } from './download';
import { filterRuns, sortRuns, toggleSort, type RunSort, type RunSortKey } from './runsTable';
import type { StudioState } from './studioState.svelte';

export type RunDetailView = 'overview' | 'residuals' | 'explain';

export class RunsState {
  list = $state<RunSummary[]>([]);
  loaded = $state(false);
  sort = $state<RunSort>({ key: 'createdAt', descending: true });
  filter = $state('');
  selected = $state<string[]>([]);
  detailView = $state<RunDetailView>('overview');
  /** Full results by run id; raw because they hold long arrays nobody edits. */
  results = $state.raw<Record<string, RunResult>>({});
  error = $state<StudioError | null>(null);

  visible = $derived(sortRuns(filterRuns(this.list, this.filter), this.sort));
  selectedResults = $derived(
    this.selected.map((id) => this.results[id]).filter((r): r is RunResult => r !== undefined),
  );

  constructor(private readonly studio: StudioState) {}

  async refresh(): Promise<void> {
    const result = await this.studio.client.call('runs:list', {});
    this.loaded = true;
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.list = result.value;
    const ids = result.value.map((r) => r.id);
    this.selected = this.selected.filter((id) => ids.includes(id));
  }

  sortBy(key: RunSortKey): void {
    this.sort = toggleSort(this.sort, key);
  }

  async selectOnly(runId: string): Promise<void> {
    this.selected = [runId];
    this.detailView = 'overview';
    await this.load(runId);
  }

  async toggle(runId: string): Promise<void> {
    this.selected = this.selected.includes(runId)
      ? this.selected.filter((id) => id !== runId)
      : [...this.selected, runId];
    await Promise.all(this.selected.map((id) => this.load(id)));
  }

  /** Shows a run in the Runs tab, e.g. the best trial of a search. */
  async show(runId: string): Promise<void> {
    await this.refresh();
    this.studio.tab = 'runs';
    await this.selectOnly(runId);
  }

  async load(runId: string): Promise<RunResult | null> {
    const cached = this.results[runId];
    if (cached) return cached;
    const result = await this.studio.client.call('runs:get', { runId });
    if (!result.ok) {
      this.error = result.error;
      return null;
    }
    this.results = { ...this.results, [runId]: result.value };
    return result.value;
  }

  async remove(runId: string): Promise<void> {
    const result = await this.studio.client.call('runs:delete', { runId });
    if (!result.ok) this.error = result.error;
    const { [runId]: _dropped, ...rest } = this.results;
    this.results = rest;
    await this.refresh();
  }

  async exportAll(format: 'csv' | 'json'): Promise<void> {
    const result = await this.studio.client.call('runs:export', { format });
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    downloadBlob(result.value.fileName, result.value.mimeType, result.value.content);
    this.studio.status = `Exported ${this.list.length} run(s) as ${result.value.fileName}.`;
  }
}
