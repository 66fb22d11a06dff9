// The Runs tab: every run the engine holds, sorted and filtered, the selection (one run shows its
// detail, several are compared) and the cache of full run results.
import type { StudioError } from '../../../src-main/shared/result';
import type { RunResult, RunSummary } from '../../../src-main/shared/schemas/model';
import type { StudioClient } from '../studioClient';
import { downloadBlob } from './download';
import { filterRuns, sortRuns, toggleSort, type RunSort, type RunSortKey } from './runsTable';

export type RunDetailView = 'overview' | 'residuals' | 'explain';

export interface RunsDeps {
  client: Pick<StudioClient, 'call'>;
  /** Brings the Runs tab to the front. */
  showTab: () => void;
  /** The status bar's line. */
  report: (status: string) => void;
}

export class RunsState {
  #list = $state<RunSummary[]>([]);
  #loaded = $state(false);
  #sort = $state<RunSort>({ key: 'createdAt', descending: true });
  #filter = $state('');
  #selected = $state<string[]>([]);
  #detailView = $state<RunDetailView>('overview');
  /** Full results by run id; raw because they hold long arrays nobody edits. */
  #results = $state.raw<Record<string, RunResult>>({});
  #error = $state<StudioError | null>(null);
  readonly #deps: RunsDeps;

  readonly visible = $derived(sortRuns(filterRuns(this.#list, this.#filter), this.#sort));
  readonly selectedResults = $derived(
    this.#selected.map((id) => this.#results[id]).filter((r): r is RunResult => r !== undefined),
  );

  constructor(deps: RunsDeps) {
    this.#deps = deps;
  }

  get list(): readonly RunSummary[] {
    return this.#list;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  get sort(): Readonly<RunSort> {
    return this.#sort;
  }
  get filter(): string {
    return this.#filter;
  }
  get selected(): readonly string[] {
    return this.#selected;
  }
  get detailView(): RunDetailView {
    return this.#detailView;
  }
  get error(): StudioError | null {
    return this.#error;
  }

  setFilter(filter: string): void {
    this.#filter = filter;
  }
  showDetail(view: RunDetailView): void {
    this.#detailView = view;
  }
  dismissError(): void {
    this.#error = null;
  }

  async refresh(): Promise<void> {
    const result = await this.#deps.client.call('runs:list', {});
    this.#loaded = true;
    if (!result.ok) {
      this.#error = result.error;
      return;
    }
    this.#list = result.value;
    const ids = result.value.map((r) => r.id);
    this.#selected = this.#selected.filter((id) => ids.includes(id));
  }

  sortBy(key: RunSortKey): void {
    this.#sort = toggleSort(this.#sort, key);
  }

  async selectOnly(runId: string): Promise<void> {
    this.#selected = [runId];
    this.#detailView = 'overview';
    await this.load(runId);
  }

  async toggle(runId: string): Promise<void> {
    this.#selected = this.#selected.includes(runId)
      ? this.#selected.filter((id) => id !== runId)
      : [...this.#selected, runId];
    await Promise.all(this.#selected.map((id) => this.load(id)));
  }

  /** Shows a run in the Runs tab, e.g. the best trial of a search. */
  async show(runId: string): Promise<void> {
    await this.refresh();
    this.#deps.showTab();
    await this.selectOnly(runId);
  }

  async load(runId: string): Promise<RunResult | null> {
    const cached = this.#results[runId];
    if (cached) return cached;
    const result = await this.#deps.client.call('runs:get', { runId });
    if (!result.ok) {
      this.#error = result.error;
      return null;
    }
    this.#results = { ...this.#results, [runId]: result.value };
    return result.value;
  }

  async remove(runId: string): Promise<void> {
    const result = await this.#deps.client.call('runs:delete', { runId });
    if (!result.ok) this.#error = result.error;
    const { [runId]: _dropped, ...rest } = this.#results;
    this.#results = rest;
    await this.refresh();
  }

  async exportAll(format: 'csv' | 'json'): Promise<void> {
    const result = await this.#deps.client.call('runs:export', { format });
    if (!result.ok) {
      this.#error = result.error;
      return;
    }
    downloadBlob(result.value.fileName, result.value.mimeType, result.value.content);
    this.#deps.report(`Exported ${this.#list.length} run(s) as ${result.value.fileName}.`);
  }
}
