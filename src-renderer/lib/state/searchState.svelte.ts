// Hyper-parameter search: grid or random over a few settings, each trial a run ranked by its
// validation loss (never the test part, which would leak it into the choice).
import type { StudioError } from '../../../src-main/shared/result';
import type { JobProgress } from '../../../src-main/shared/schemas/app';
import type { SearchParam, SearchResult } from '../../../src-main/shared/schemas/search';
import { gridSize, parseValues, searchParams } from './searchGrid';
import { startStudioJob } from './studioJob';
import type { StudioState } from './studioState.svelte';

export class SearchState {
  mode = $state<'grid' | 'random'>('random');
  /** The text of each parameter's values field. */
  values = $state<Record<SearchParam, string>>({
    cell: 'lstm, gru',
    layers: '',
    units: '8, 16, 32',
    lookback: '',
    dropout: '',
    learningRate: '0.001, 0.01',
    batchSize: '',
  });
  budget = $state(6);
  seed = $state(1);
  running = $state(false);
  progress = $state<JobProgress | null>(null);
  result = $state.raw<SearchResult | null>(null);
  error = $state<StudioError | null>(null);
  private cancelSearch: (() => Promise<void>) | null = null;

  parsed = $derived(
    Object.fromEntries(searchParams.map((p) => [p.id, parseValues(p.id, this.values[p.id])])),
  );
  invalid = $derived(
    searchParams.flatMap((p) => {
      const parsed = this.parsed[p.id];
      return parsed && !parsed.ok ? [`${p.label}: ${parsed.error}`] : [];
    }),
  );
  grid = $derived.by(() => {
    const grid: Partial<Record<SearchParam, (string | number)[]>> = {};
    for (const p of searchParams) {
      const parsed = this.parsed[p.id];
      if (parsed?.ok && parsed.values.length > 0) grid[p.id] = parsed.values;
    }
    return grid;
  });
  /** Trials the job will run: the whole grid, or the random budget capped by the grid's size. */
  planned = $derived(
    this.mode === 'grid' ? gridSize(this.grid) : Math.min(this.budget, gridSize(this.grid)),
  );

  constructor(private readonly studio: StudioState) {}

  async run(): Promise<void> {
    const model = this.studio.model;
    const base = model.requestSettings();
    const datasetId = model.datasetId;
    if (!base || !datasetId || this.running || this.studio.job || this.invalid.length > 0) return;
    this.running = true;
    this.error = null;
    this.result = null;
    this.progress = null;
    const job = startStudioJob(
      this.studio,
      `${this.mode === 'grid' ? 'Grid' : 'Random'} search`,
      'search:run',
      {
        datasetId,
        base,
        mode: this.mode,
        grid: $state.snapshot(this.grid),
        budget: this.mode === 'grid' ? Math.max(1, this.planned) : this.budget,
        seed: this.seed,
      },
      (p) => {
        this.progress = p;
      },
    );
    this.cancelSearch = job.cancel;
    const result = await job.result;
    this.cancelSearch = null;
    this.running = false;
    if (result.ok) {
      this.result = result.value;
      this.studio.status = result.value.cancelled
        ? `Search cancelled; ${result.value.trials.length} finished trial(s) kept.`
        : `Search finished: ${result.value.trials.length} trial(s).`;
    } else {
      this.error = result.error;
    }
    await this.studio.runs.refresh();
  }

  async cancel(): Promise<void> {
    await this.cancelSearch?.();
  }
}
