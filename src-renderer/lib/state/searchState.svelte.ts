// Hyper-parameter search: grid or random over a few settings, each trial a run ranked by its
// validation loss (never the test part, which would leak it into the choice).
import type { SearchParam } from '../../../src-main/shared/schemas/search';
import type { SettingsForm } from './modelState.svelte';
import { PanelJob } from './panelJob.svelte';
import { gridSize, parseValues, searchParams } from './searchGrid';
import type { JobRunner } from './studioJobs.svelte';

export type SearchMode = 'grid' | 'random';

/** What a search needs: the Model tab's form (its settings are each trial's base) and the studio. */
export interface SearchDeps {
  jobs: JobRunner;
  form: SettingsForm;
  /** The status bar's line. */
  report: (status: string) => void;
  /** Each trial is a run: the Runs tab's list is stale afterwards. */
  runsChanged: () => Promise<void>;
}

export class SearchState extends PanelJob<'search:run'> {
  #mode = $state<SearchMode>('random');
  /** The text of each parameter's values field. */
  #values = $state<Record<SearchParam, string>>({
    cell: 'lstm, gru',
    layers: '',
    units: '8, 16, 32',
    lookback: '',
    dropout: '',
    learningRate: '0.001, 0.01',
    batchSize: '',
  });
  #budget = $state(6);
  #seed = $state(1);
  readonly #deps: SearchDeps;

  readonly parsed = $derived(
    Object.fromEntries(searchParams.map((p) => [p.id, parseValues(p.id, this.#values[p.id])])),
  );
  readonly invalid = $derived(
    searchParams.flatMap((p) => {
      const parsed = this.parsed[p.id];
      return parsed && !parsed.ok ? [`${p.label}: ${parsed.error}`] : [];
    }),
  );
  readonly grid = $derived.by(() => {
    const grid: Partial<Record<SearchParam, (string | number)[]>> = {};
    for (const p of searchParams) {
      const parsed = this.parsed[p.id];
      if (parsed?.ok && parsed.values.length > 0) grid[p.id] = parsed.values;
    }
    return grid;
  });
  /** Trials the job will run: the whole grid, or the random budget capped by the grid's size. */
  readonly planned = $derived(
    this.#mode === 'grid' ? gridSize(this.grid) : Math.min(this.#budget, gridSize(this.grid)),
  );

  constructor(deps: SearchDeps) {
    super(deps.jobs, 'search:run');
    this.#deps = deps;
  }

  get mode(): SearchMode {
    return this.#mode;
  }
  get values(): Readonly<Record<SearchParam, string>> {
    return this.#values;
  }
  get budget(): number {
    return this.#budget;
  }
  get seed(): number {
    return this.#seed;
  }

  setMode(mode: SearchMode): void {
    this.#mode = mode;
  }
  setValues(param: SearchParam, text: string): void {
    this.#values[param] = text;
  }
  setBudget(budget: number): void {
    this.#budget = budget;
  }
  setSeed(seed: number): void {
    this.#seed = seed;
  }

  async run(): Promise<void> {
    const { form, report, runsChanged } = this.#deps;
    const base = form.requestSettings();
    const datasetId = form.state.datasetId;
    if (!base || !datasetId || !this.idle || this.invalid.length > 0) return;
    const mode = this.#mode;
    const result = await this.runJob(`${mode === 'grid' ? 'Grid' : 'Random'} search`, {
      datasetId,
      base,
      mode,
      grid: $state.snapshot(this.grid),
      budget: mode === 'grid' ? Math.max(1, this.planned) : this.#budget,
      seed: this.#seed,
    });
    if (result.ok)
      report(
        result.value.cancelled
          ? `Search cancelled; ${result.value.trials.length} finished trial(s) kept.`
          : `Search finished: ${result.value.trials.length} trial(s).`,
      );
    await runsChanged();
  }
}
