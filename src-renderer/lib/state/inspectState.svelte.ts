// Residual diagnostics and input sensitivity ("Explain") of the run shown in the Runs tab.
import type { StudioError } from '../../../src-main/shared/result';
import type {
  ResidualDiagnostics,
  SensitivityResult,
} from '../../../src-main/shared/schemas/interpret';
import { LatestRequest } from './latestRequest.svelte';
import { startStudioJob } from './studioJob';
import type { StudioState } from './studioState.svelte';

export type SensitivityMethod = SensitivityResult['method'];

export class InspectState {
  residualStep = $state(0);
  readonly #residuals = new LatestRequest<ResidualDiagnostics>();

  method = $state<SensitivityMethod>('perturbation');
  delta = $state(0.1);
  deltaUnit = $state<'scaled' | 'std'>('scaled');
  /** 0 = every test window. */
  maxWindows = $state(200);
  horizonStep = $state(0);
  steps = $state(32);
  sensitivity = $state.raw<SensitivityResult | null>(null);
  /** The latest explanation of each run this session (and those a reopened project brought back). */
  saved = $state.raw<Record<string, SensitivityResult>>({});
  sensitivityError = $state<StudioError | null>(null);
  computing = $state(false);
  progress = $state<number | null>(null);
  private cancelSensitivity: (() => Promise<void>) | null = null;

  constructor(private readonly studio: StudioState) {}

  get residuals(): ResidualDiagnostics | null {
    return this.#residuals.value;
  }
  get residualsError(): StudioError | null {
    return this.#residuals.error;
  }
  get residualsLoading(): boolean {
    return this.#residuals.loading;
  }

  async loadResiduals(runId: string, horizonStep = this.residualStep): Promise<void> {
    this.residualStep = horizonStep;
    await this.#residuals.load(() =>
      this.studio.client.call('runs:residuals', { runId, horizonStep }),
    );
  }

  async computeSensitivity(runId: string): Promise<void> {
    if (this.computing || this.studio.job) return;
    this.computing = true;
    this.progress = null;
    this.sensitivityError = null;
    const job = startStudioJob(
      this.studio,
      `Explaining with ${this.method}`,
      'runs:sensitivity',
      {
        runId,
        method: this.method,
        delta: this.delta,
        deltaUnit: this.deltaUnit,
        maxWindows: this.maxWindows,
        horizonStep: this.horizonStep,
        steps: this.steps,
      },
      (p) => {
        this.progress = p.fraction;
      },
    );
    this.cancelSensitivity = job.cancel;
    const result = await job.result;
    this.cancelSensitivity = null;
    this.computing = false;
    if (result.ok) {
      this.sensitivity = result.value;
      this.saved = { ...this.saved, [runId]: result.value };
    } else if (result.error.code === 'cancelled') this.studio.status = 'Sensitivity cancelled.';
    else this.sensitivityError = result.error;
  }

  /** The explanation to show for a run: the one just computed, else the one saved for it. */
  explanationOf(runId: string): SensitivityResult | null {
    return this.sensitivity?.runId === runId ? this.sensitivity : (this.saved[runId] ?? null);
  }

  /** Explanations a reopened project brought back. */
  restore(explanations: Record<string, SensitivityResult>): void {
    this.saved = { ...this.saved, ...explanations };
  }

  async cancel(): Promise<void> {
    await this.cancelSensitivity?.();
  }

  /** A different run was selected: its results replace nothing of the previous run's. */
  clear(): void {
    this.#residuals.clear();
    this.sensitivity = null;
    this.sensitivityError = null;
    this.residualStep = 0;
  }
}
