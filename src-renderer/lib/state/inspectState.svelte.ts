// Residual diagnostics and input sensitivity ("Explain") of the run shown in the Runs tab.
import type { StudioError } from '../../../src-main/shared/result';
import type {
  ResidualDiagnostics,
  SensitivityResult,
} from '../../../src-main/shared/schemas/interpret';
import type { StudioClient } from '../studioClient';
import { LatestRequest, type RequestView } from './latestRequest.svelte';
import type { JobRunner } from './studioJobs.svelte';

export type SensitivityMethod = SensitivityResult['method'];

/** The Explain form's settings, as `runs:sensitivity` takes them. */
export interface SensitivityOptions {
  delta: number;
  deltaUnit: 'scaled' | 'std';
  /** 0 = every test window. */
  maxWindows: number;
  horizonStep: number;
  steps: number;
}

export interface InspectDeps {
  client: Pick<StudioClient, 'call'>;
  jobs: JobRunner;
  /** The status bar's line. */
  report: (status: string) => void;
}

export class InspectState {
  #residualStep = $state(0);
  readonly #residuals = new LatestRequest<ResidualDiagnostics>();
  /** The residual diagnostics of the run shown, at `residualStep`. */
  readonly residuals: RequestView<ResidualDiagnostics> = this.#residuals;

  #method = $state<SensitivityMethod>('perturbation');
  #options = $state<SensitivityOptions>({
    delta: 0.1,
    deltaUnit: 'scaled',
    maxWindows: 200,
    horizonStep: 0,
    steps: 32,
  });
  #sensitivity = $state.raw<SensitivityResult | null>(null);
  /** The latest explanation of each run this session (and those a reopened project brought back). */
  #saved = $state.raw<Record<string, SensitivityResult>>({});
  #sensitivityError = $state<StudioError | null>(null);
  #computing = $state(false);
  #progress = $state<number | null>(null);
  #cancelSensitivity: (() => Promise<void>) | null = null;
  readonly #deps: InspectDeps;

  constructor(deps: InspectDeps) {
    this.#deps = deps;
  }

  get residualStep(): number {
    return this.#residualStep;
  }
  get method(): SensitivityMethod {
    return this.#method;
  }
  get options(): Readonly<SensitivityOptions> {
    return this.#options;
  }
  get sensitivityError(): StudioError | null {
    return this.#sensitivityError;
  }
  get computing(): boolean {
    return this.#computing;
  }
  /** The running explanation's fraction done (null before its first report). */
  get progress(): number | null {
    return this.#progress;
  }

  setMethod(method: SensitivityMethod): void {
    this.#method = method;
  }
  set<K extends keyof SensitivityOptions>(key: K, value: SensitivityOptions[K]): void {
    this.#options[key] = value;
  }
  dismissSensitivityError(): void {
    this.#sensitivityError = null;
  }

  async loadResiduals(runId: string, horizonStep = this.#residualStep): Promise<void> {
    this.#residualStep = horizonStep;
    await this.#residuals.load(() =>
      this.#deps.client.call('runs:residuals', { runId, horizonStep }),
    );
  }

  async computeSensitivity(runId: string): Promise<void> {
    const { jobs, report } = this.#deps;
    if (this.#computing || jobs.active) return;
    this.#computing = true;
    this.#progress = null;
    this.#sensitivityError = null;
    const method = this.#method;
    const job = jobs.start(
      `Explaining with ${method}`,
      'runs:sensitivity',
      { runId, method, ...$state.snapshot(this.#options) },
      (p) => {
        this.#progress = p.fraction;
      },
    );
    this.#cancelSensitivity = job.cancel;
    const result = await job.result;
    this.#cancelSensitivity = null;
    this.#computing = false;
    if (result.ok) {
      this.#sensitivity = result.value;
      this.#saved = { ...this.#saved, [runId]: result.value };
    } else if (result.error.code === 'cancelled') report('Sensitivity cancelled.');
    else this.#sensitivityError = result.error;
  }

  /** The explanation to show for a run: the one just computed, else the one saved for it. */
  explanationOf(runId: string): SensitivityResult | null {
    return this.#sensitivity?.runId === runId ? this.#sensitivity : (this.#saved[runId] ?? null);
  }

  /** Explanations a reopened project brought back. */
  restore(explanations: Record<string, SensitivityResult>): void {
    this.#saved = { ...this.#saved, ...explanations };
  }

  async cancel(): Promise<void> {
    await this.#cancelSensitivity?.();
  }

  /** A different run was selected: its results replace nothing of the previous run's. */
  clear(): void {
    this.#residuals.clear();
    this.#sensitivity = null;
    this.#sensitivityError = null;
    this.#residualStep = 0;
  }
}
