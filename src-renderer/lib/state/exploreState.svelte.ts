// The Explore tab's analysis of one column: transforms (kept per dataset + column, because models
// apply the same ones), diagnostics (ACF, PACF, tests, hints), transform preview and STL.
import type {
  AnalysisResult,
  StlResult,
  TransformStep,
} from '../../../src-main/shared/schemas/analysis';
import type { SeriesWindow } from '../../../src-main/shared/schemas/dataset';
import type { DatasetInfo } from '../../../src-main/shared/schemas/dataset';
import type { StudioClient } from '../studioClient';
import { LatestRequest, type RequestView } from './latestRequest.svelte';

export type PacfMethod = 'ywadjusted' | 'ols';

/** The Tests card's settings, as the engine's request takes them. */
export interface TestOptions {
  adfRegression: 'c' | 'ct' | 'ctt' | 'n';
  adfAutolag: 'AIC' | 'BIC' | 't-stat' | 'none';
  /** null: the engine's default ⌈12·(n/100)^¼⌉. */
  adfMaxlag: number | null;
  kpssRegression: 'c' | 'ct';
  kpssNlags: 'auto' | 'legacy' | number;
  /** null: the engine's default min(10, n/5). */
  lbLags: number[] | null;
  modelDf: number;
  boxPierce: boolean;
  boxcoxMethod: 'mle' | 'guerrero';
}

export const DEFAULT_TEST_OPTIONS: TestOptions = {
  adfRegression: 'c',
  adfAutolag: 'AIC',
  adfMaxlag: null,
  kpssRegression: 'c',
  kpssNlags: 'auto',
  lbLags: null,
  modelDf: 0,
  boxPierce: false,
  boxcoxMethod: 'mle',
};
/** The contract accepts at most this many steps. */
export const MAX_TRANSFORMS = 4;

const keyOf = (datasetId: string, column: string): string => `${datasetId}\u0000${column}`;

export interface ExploreDeps {
  client: Pick<StudioClient, 'call'>;
  /** The dataset shown now (null when none is open). */
  current: () => DatasetInfo | null;
}

export class ExploreState {
  /** Column under analysis in the current dataset. */
  #column = $state<string | null>(null);
  /** null: the engine's default, min(10·log10 n, n/2 − 1). */
  #nlags = $state<number | null>(null);
  #pacfMethod = $state<PacfMethod>('ywadjusted');
  #testOptions = $state<TestOptions>({ ...DEFAULT_TEST_OPTIONS });
  /** Transform steps per dataset + column; read them with `transformsFor`. */
  #transformsByKey = $state<Record<string, TransformStep[]>>({});
  #history = $state<Record<string, TransformStep[][]>>({});

  readonly #diagnostics = new LatestRequest<AnalysisResult>();
  readonly #preview = new LatestRequest<SeriesWindow>();
  readonly #stl = new LatestRequest<StlResult>();
  /** ACF, PACF, tests and hints of the column under analysis, as transformed. */
  readonly diagnostics: RequestView<AnalysisResult> = this.#diagnostics;
  /** The column with its transforms applied (none while it has none). */
  readonly preview: RequestView<SeriesWindow> = this.#preview;
  /** The STL decomposition (none without a seasonal period). */
  readonly stl: RequestView<StlResult> = this.#stl;
  #stlPeriod = $state<number | null>(null);
  #stlRobust = $state(false);
  readonly #deps: ExploreDeps;

  /** Steps applied to the column under analysis. */
  readonly transforms = $derived<TransformStep[]>(
    this.#key ? (this.#transformsByKey[this.#key] ?? []) : [],
  );
  readonly canUndo = $derived(this.#key !== null && (this.#history[this.#key]?.length ?? 0) > 0);

  constructor(deps: ExploreDeps) {
    this.#deps = deps;
  }

  get column(): string | null {
    return this.#column;
  }
  get nlags(): number | null {
    return this.#nlags;
  }
  get pacfMethod(): PacfMethod {
    return this.#pacfMethod;
  }
  get testOptions(): Readonly<TestOptions> {
    return this.#testOptions;
  }
  /** Every column's transforms, keyed by dataset + column (what a project saves). */
  get transformsByKey(): Readonly<Record<string, TransformStep[]>> {
    return this.#transformsByKey;
  }
  get stlPeriod(): number | null {
    return this.#stlPeriod;
  }
  get stlRobust(): boolean {
    return this.#stlRobust;
  }

  get #key(): string | null {
    const datasetId = this.#currentId();
    return datasetId && this.#column ? keyOf(datasetId, this.#column) : null;
  }

  #currentId(): string | null {
    return this.#deps.current()?.datasetId ?? null;
  }

  /** The transforms chosen for a column: what a model trained on it should apply too. */
  transformsFor(datasetId: string, column: string): TransformStep[] {
    return $state.snapshot(this.#transformsByKey[keyOf(datasetId, column)] ?? []);
  }

  /** Called when the current dataset changes or is re-opened. */
  async datasetChanged(): Promise<void> {
    const dataset = this.#deps.current();
    if (!dataset) {
      this.#column = null;
      this.#diagnostics.clear();
      this.#preview.clear();
      this.#stl.clear();
      return;
    }
    const names = dataset.columns.map((c) => c.name);
    if (this.#column === null || !names.includes(this.#column)) this.#column = names[0] ?? null;
    this.#stlPeriod = dataset.seasonalPeriod >= 2 ? dataset.seasonalPeriod : null;
    await Promise.all([this.refresh(), this.runStl()]);
  }

  /** A re-opened dataset gets a new id; its transforms follow it. */
  carryOver(fromId: string, toId: string): void {
    const prefix = keyOf(fromId, '');
    const next = { ...this.#transformsByKey };
    for (const [key, steps] of Object.entries(this.#transformsByKey)) {
      if (key.startsWith(prefix)) next[keyOf(toId, key.slice(prefix.length))] = steps;
    }
    this.#transformsByKey = next;
  }

  /** Transforms a reopened project brought back (keyed as `transformsByKey`), over those held. */
  mergeTransforms(byKey: Record<string, TransformStep[]>): void {
    this.#transformsByKey = { ...this.#transformsByKey, ...byKey };
  }

  async setColumn(column: string): Promise<void> {
    this.#column = column;
    await Promise.all([this.refresh(), this.runStl()]);
  }

  async setNlags(nlags: number | null): Promise<void> {
    this.#nlags = nlags;
    await this.loadDiagnostics();
  }

  async setPacfMethod(method: PacfMethod): Promise<void> {
    this.#pacfMethod = method;
    await this.loadDiagnostics();
  }

  async setTestOptions(patch: Partial<TestOptions>): Promise<void> {
    this.#testOptions = { ...this.#testOptions, ...patch };
    await this.loadDiagnostics();
  }

  async addTransform(step: TransformStep): Promise<void> {
    if (this.transforms.length >= MAX_TRANSFORMS) return;
    await this.setTransforms([...this.transforms, step]);
  }

  async removeTransform(index: number): Promise<void> {
    await this.setTransforms(this.transforms.filter((_, i) => i !== index));
  }

  async clearTransforms(): Promise<void> {
    if (this.transforms.length > 0) await this.setTransforms([]);
  }

  async undoTransform(): Promise<void> {
    const key = this.#key;
    const past = key ? this.#history[key] : undefined;
    if (!key || !past || past.length === 0) return;
    const previous = past[past.length - 1] ?? [];
    this.#history[key] = past.slice(0, -1);
    this.#transformsByKey[key] = previous;
    await this.refresh();
  }

  async refresh(): Promise<void> {
    await Promise.all([this.loadDiagnostics(), this.loadPreview()]);
  }

  /** Decomposes with a new period (null, or below 2: none) and robustness. */
  async decompose(period: number | null, robust: boolean): Promise<void> {
    this.#stlPeriod = period !== null && period >= 2 ? Math.round(period) : null;
    this.#stlRobust = robust;
    await this.runStl();
  }

  async runStl(): Promise<void> {
    const datasetId = this.#currentId();
    const column = this.#column;
    const period = this.#stlPeriod;
    if (!datasetId || !column || period === null) {
      this.#stl.clear();
      return;
    }
    const robust = this.#stlRobust;
    await this.#stl.load(() =>
      this.#deps.client.call('analysis:stl', { datasetId, column, period, robust }),
    );
  }

  private async setTransforms(steps: TransformStep[]): Promise<void> {
    const key = this.#key;
    if (!key) return;
    this.#history[key] = [...(this.#history[key] ?? []), $state.snapshot(this.transforms)];
    this.#transformsByKey[key] = steps;
    await this.refresh();
  }

  /** The column under analysis and its transforms, as the analysis requests start; null: none. */
  #analysed(): { datasetId: string; column: string; transforms: TransformStep[] } | null {
    const datasetId = this.#currentId();
    const column = this.#column;
    return datasetId && column
      ? { datasetId, column, transforms: $state.snapshot(this.transforms) }
      : null;
  }

  private async loadDiagnostics(): Promise<void> {
    const analysed = this.#analysed();
    if (!analysed) {
      this.#diagnostics.clear();
      return;
    }
    const request = {
      ...analysed,
      pacfMethod: this.#pacfMethod,
      ...(this.#nlags === null ? {} : { nlags: this.#nlags }),
      ...testOptionsRequest($state.snapshot(this.#testOptions)),
    };
    await this.#diagnostics.load(() => this.#deps.client.call('analysis:diagnostics', request));
  }

  private async loadPreview(): Promise<void> {
    const analysed = this.#analysed();
    if (!analysed || analysed.transforms.length === 0) {
      this.#preview.clear();
      return;
    }
    const request = { ...analysed, maxPoints: 2000 };
    await this.#preview.load(() => this.#deps.client.call('analysis:transform', request));
  }
}

function testOptionsRequest(o: TestOptions) {
  return {
    adf: {
      regression: o.adfRegression,
      autolag: o.adfAutolag,
      ...(o.adfMaxlag === null ? {} : { maxlag: o.adfMaxlag }),
    },
    kpss: { regression: o.kpssRegression, nlags: o.kpssNlags },
    ljungBox: {
      ...(o.lbLags === null ? {} : { lags: o.lbLags }),
      modelDf: o.modelDf,
      boxPierce: o.boxPierce,
    },
    boxcoxMethod: o.boxcoxMethod,
  };
}
