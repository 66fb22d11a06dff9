// Multi-step evaluation beside the rolling one-step metrics.
//
// hStepEvaluation: the M-competition protocol on a run — the h-step forecast from ONE origin, the
// first test window (it covers the run's h steps), scored against the actuals. Only forecasts made
// from that origin without later actuals take part: the model, naive, seasonal naive and the mean
// (their test forecasts read only values before each window), plus any classical method the caller
// passes as an h-step path. One-step-ahead baselines (each point from the actuals before it) would
// be an easier task, so they get a note instead of a row.
//
// rollingOneStep: the other half for a backtest, whose folds are h-step forecasts from several
// origins: the first step of every fold, pooled over folds (the rolling one-step forecast).
import { forecasterTitle, type NamedBaselines } from '../../shared/charts/forecasterNames';
import { meanForecast, naiveForecast, seasonalNaiveForecast } from '../baselines/baselines';
import { computeMetrics, maseScale, type ForecastMetrics } from '../model/metrics';

type Values = ArrayLike<number | null>;

/** Baselines whose test forecasts are made from each window's origin alone. */
export const FROM_ORIGIN_BASELINES = ['naive', 'seasonalNaive', 'mean'] as const;

export interface HStepRun {
  test: {
    targetStarts: ArrayLike<number>;
    horizon: number;
    times: ArrayLike<number>;
    actual: Values;
    predicted: Values;
    baselinePredictions: Record<string, Values>;
  };
  baselineNotes?: Record<string, string>;
  baselineModels?: NamedBaselines['baselineModels'];
}

export interface HStepResult {
  origin: number;
  horizon: number;
  times: number[];
  actual: number[];
  predicted: number[];
  metrics: ForecastMetrics;
  baselines: Record<string, ForecastMetrics>;
  notes: string[];
}

const num = (v: number | null | undefined): number =>
  v === null || v === undefined ? Number.NaN : v;

/**
 * The h-step evaluation of a run, or null without a test window. `paths` are other methods'
 * forecasts of the same h points from the same origin (e.g. ETS fitted on the data before it).
 */
export function hStepEvaluation(
  run: HStepRun,
  target: Float64Array,
  period: number,
  paths: Record<string, ArrayLike<number>> = {},
): HStepResult | null {
  const { test } = run;
  const h = Math.max(1, Math.floor(test.horizon));
  const origin = test.targetStarts[0];
  if (origin === undefined || test.actual.length < h) return null;
  const take = (values: Values): number[] => Array.from({ length: h }, (_, i) => num(values[i]));
  const actual = take(test.actual);
  const predicted = take(test.predicted);
  const insample = target.subarray(0, origin);
  const score = (p: ArrayLike<number>): ForecastMetrics =>
    computeMetrics(actual, p, insample, period);
  const baselines: Record<string, ForecastMetrics> = {};
  const notes: string[] = [];
  for (const name of FROM_ORIGIN_BASELINES) {
    const p = test.baselinePredictions[name];
    if (p) baselines[name] = score(take(p));
  }
  for (const [name, path] of Object.entries(paths)) {
    if (path.length >= h) baselines[name] = score(Array.from(path).slice(0, h));
  }
  const names = { baselineNotes: run.baselineNotes, baselineModels: run.baselineModels };
  const stepwise = Object.keys(test.baselinePredictions).filter((n) => !(n in baselines));
  if (h > 1 && stepwise.length > 0) {
    notes.push(
      `${stepwise.map((n) => forecasterTitle(n, names)).join(', ')}: test forecasts are one step ahead (each from the actuals before it), so ${stepwise.length === 1 ? 'it has' : 'they have'} no row here.`,
    );
  } else if (h === 1) {
    // One step from one origin: the one-step forecasts are the h-step ones.
    for (const name of stepwise) {
      const p = test.baselinePredictions[name];
      if (p) baselines[name] = score(take(p));
    }
  }
  if (h === 1) notes.push('The run forecasts one step, so this is a single value.');
  return {
    origin,
    horizon: h,
    times: Array.from({ length: h }, (_, i) => num(test.times[i])),
    actual,
    predicted,
    metrics: score(predicted),
    baselines,
    notes,
  };
}

export interface FoldForOneStep {
  trainStart: number;
  testStart: number;
  actual: Values;
  predicted: Values;
}

/**
 * Step 1 of every fold, pooled: model and the from-origin baselines (`extra` adds other methods'
 * step-1 forecasts per fold, by name). MASE scales each fold's error by its own in-sample scale.
 */
export function rollingOneStep(
  folds: readonly FoldForOneStep[],
  target: Float64Array,
  period: number,
  extra: Record<string, readonly (number | null)[]> = {},
): Record<string, ForecastMetrics> {
  if (folds.length === 0) return {};
  const actual = folds.map((f) => num(f.actual[0]));
  const scales = folds.map((f) => maseScale(target.subarray(f.trainStart, f.testStart), period));
  const forecasts: Record<string, number[]> = {
    model: folds.map((f) => num(f.predicted[0])),
    naive: folds.map((f) => naiveForecast(target, [f.testStart], 1)[0] ?? Number.NaN),
    seasonalNaive: folds.map(
      (f) => seasonalNaiveForecast(target, [f.testStart], 1, period)[0] ?? Number.NaN,
    ),
    mean: folds.map((f) => {
      const train = target.subarray(f.trainStart, f.testStart);
      return meanForecast(train, train.length, 1, 1)[0] ?? Number.NaN;
    }),
  };
  for (const [name, values] of Object.entries(extra)) {
    if (values.length === folds.length) forecasts[name] = values.map(num);
  }
  const out: Record<string, ForecastMetrics> = {};
  for (const [name, p] of Object.entries(forecasts)) {
    const metrics = computeMetrics(actual, p, [], period);
    let s = 0;
    for (let i = 0; i < folds.length; i++)
      s += Math.abs((actual[i] as number) - (p[i] as number)) / (scales[i] as number);
    out[name] = { ...metrics, mase: s / folds.length };
  }
  return out;
}
