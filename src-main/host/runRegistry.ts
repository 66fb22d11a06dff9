// The session's runs: the host is their source of truth (the engine may restart at any time).
import type { RunResult, RunSummary } from '../shared/schemas/model';
import { StudioFailure } from '../shared/result';

export type RunOrigin = RunSummary['origin'];

const scalerWords: Record<RunResult['config']['scaler'], string | null> = {
  none: null,
  minmax: 'min–max scaled',
  standard: 'standardised',
  robust: 'robust scaling',
};

/** "LSTM 2×32 · L24 H12", with the scaler in words when one was used (never its code). */
export function runLabel(run: RunResult): string {
  const c = run.config;
  const scaler = scalerWords[c.scaler];
  return `${c.cell.toUpperCase()} ${c.layers}×${c.units} · L${c.lookback} H${c.horizon}${scaler ? ` · ${scaler}` : ''}`;
}

export function summarize(run: RunResult, origin: RunOrigin, best: boolean): RunSummary {
  const last = run.epochs[run.epochs.length - 1];
  const bestEpoch = run.epochs.find((e) => e.epoch === run.bestEpoch) ?? last;
  return {
    id: run.id,
    datasetId: run.datasetId,
    datasetName: run.dataset.name,
    createdAt: run.createdAt,
    label: runLabel(run),
    target: run.config.target,
    stoppedReason: run.stoppedReason,
    metrics: run.metrics,
    naiveRmse: run.baselines.naive?.rmse ?? null,
    valLoss: bestEpoch?.valLoss ?? null,
    backend: run.backend.backend,
    kernel: run.kernel,
    trainingSeconds: run.timings.trainingSeconds,
    origin,
    best,
    verdict: run.verdict
      ? {
          outcome: run.verdict.outcome,
          baselineLabel: run.verdict.baselineLabel,
          headline: run.verdict.headline,
          baselineValue: run.verdict.baselineValue,
          pValue: run.verdict.dm?.pValue ?? null,
        }
      : null,
  };
}

export class RunRegistry {
  private readonly runs = new Map<string, { run: RunResult; origin: RunOrigin; best: boolean }>();

  add(run: RunResult, origin: RunOrigin, best = false): void {
    this.runs.set(run.id, { run, origin, best });
  }

  get(runId: string): RunResult {
    const entry = this.runs.get(runId);
    if (!entry) throw new StudioFailure('not-found', `No run ${runId} in this session.`);
    return entry.run;
  }

  list(): RunSummary[] {
    return [...this.runs.values()].map((e) => summarize(e.run, e.origin, e.best));
  }

  all(): { run: RunResult; origin: RunOrigin; best: boolean }[] {
    return [...this.runs.values()];
  }

  /** Marks the winner of a search; earlier winners keep their mark. */
  markBest(runId: string): void {
    const entry = this.runs.get(runId);
    if (entry) entry.best = true;
  }

  remove(runId: string): boolean {
    return this.runs.delete(runId);
  }
}
