// The run's headline: the model against the BEST baseline on the test part (lowest test RMSE, or
// MASE when no RMSE is finite), with a Diebold–Mariano test (HLN correction, h = the horizon) on the
// very same test windows. "Beats" and "loses to" need p below the level; otherwise the honest
// answer is "no significant difference". When a classical model wins, it is offered as the forecast.
//
// The test is on one loss per test window: the window's mean squared error (mean absolute error
// for MASE) over its h steps. Windows that start one step apart overlap, so these losses are
// autocorrelated up to lag h − 1, which is what the h-step variance of dm.test allows for. The
// errors handed to dieboldMarianoTest are the root of that mean (or the mean itself with power 1),
// so its loss differential is exactly the per-window one.
import {
  CLASSICAL,
  forecasterInline,
  forecasterTitle,
  type NamedBaselines,
} from '../../shared/charts/forecasterNames';
import { verdictHeadline, type VerdictOutcome } from '../../shared/charts/verdictText';
import type { RunVerdict } from '../../shared/schemas/model';
import { dieboldMarianoTest } from '../evaluation/dieboldMariano';

type Values = readonly (number | null)[];
type MetricRow = { rmse: number | null; mase: number | null };

/** What the verdict reads from a run (the contract's RunResult satisfies it). */
export interface VerdictInput {
  metrics: MetricRow;
  baselines: Record<string, MetricRow>;
  baselineNotes?: Record<string, string>;
  baselineModels?: NamedBaselines['baselineModels'];
  test: {
    horizon: number;
    actual: Values;
    predicted: Values;
    baselinePredictions: Record<string, Values>;
  };
}

export const VERDICT_LEVEL = 0.05;

const usable = (v: number | null | undefined): v is number =>
  v !== null && v !== undefined && Number.isFinite(v);

/** Per-window losses of the model and one baseline, over windows where every step is known. */
export function windowLosses(
  test: VerdictInput['test'],
  baseline: Values,
  power: 1 | 2,
): { model: Float64Array; baseline: Float64Array } {
  const h = Math.max(1, test.horizon);
  const windows = Math.floor(test.actual.length / h);
  const model: number[] = [];
  const base: number[] = [];
  for (let w = 0; w < windows; w++) {
    let lm = 0;
    let lb = 0;
    let complete = true;
    for (let s = 0; s < h; s++) {
      const i = w * h + s;
      const a = test.actual[i];
      const p = test.predicted[i];
      const b = baseline[i];
      if (!usable(a) || !usable(p) || !usable(b)) {
        complete = false;
        break;
      }
      lm += Math.abs(a - p) ** power;
      lb += Math.abs(a - b) ** power;
    }
    if (!complete) continue;
    // |e|^power of these "errors" is the window's mean loss.
    model.push((lm / h) ** (1 / power));
    base.push((lb / h) ** (1 / power));
  }
  return { model: Float64Array.from(model), baseline: Float64Array.from(base) };
}

function pickMetric(run: VerdictInput): 'rmse' | 'mase' | null {
  const has = (m: 'rmse' | 'mase'): boolean =>
    usable(run.metrics[m]) &&
    Object.keys(run.baselines).some(
      (k) => usable(run.baselines[k]?.[m]) && k in run.test.baselinePredictions,
    );
  if (has('rmse')) return 'rmse';
  if (has('mase')) return 'mase';
  return null;
}

/** The winning classical method, with its forecast past the data when the run carries one. */
function offerOf(
  run: VerdictInput,
  baseline: string,
  label: string,
): NonNullable<RunVerdict['offer']> {
  const forecast = run.baselineModels?.[baseline]?.forecast;
  if (!forecast) return { baseline, label };
  return {
    baseline,
    label,
    forecast: forecast.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)),
  };
}

/** The verdict, or null when the run has no scored baseline to compare with. */
export function runVerdict(run: VerdictInput, level = VERDICT_LEVEL): RunVerdict | null {
  const metric = pickMetric(run);
  if (metric === null) return null;
  const names = { baselineNotes: run.baselineNotes, baselineModels: run.baselineModels };
  const ranking = Object.entries(run.baselines)
    .filter(([k, m]) => usable(m[metric]) && k in run.test.baselinePredictions)
    .map(([k, m]) => ({ name: k, label: forecasterTitle(k, names), value: m[metric] as number }))
    .sort((a, b) => a.value - b.value);
  const best = ranking[0];
  if (!best) return null;
  const modelValue = run.metrics[metric] as number;
  const power: 1 | 2 = metric === 'rmse' ? 2 : 1;
  const basePredicted = run.test.baselinePredictions[best.name] ?? [];
  const losses = windowLosses(run.test, basePredicted, power);
  const horizon = Math.max(1, run.test.horizon);
  // The model's forecasts are the baseline's own (e.g. a combination that kept ETS alone) up to
  // rounding: a DM test of rounding noise would print a meaningless p-value.
  const sameForecasts =
    run.test.predicted.length > 0 &&
    run.test.predicted.every((v, i) => {
      const b = basePredicted[i];
      return (
        typeof v === 'number' &&
        typeof b === 'number' &&
        Math.abs(v - b) <= 1e-9 * Math.max(1, Math.abs(b))
      );
    });
  let dm: RunVerdict['dm'] = null;
  if (losses.model.length >= 2 && !sameForecasts) {
    const r = dieboldMarianoTest(losses.model, losses.baseline, {
      h: horizon,
      power,
      alternative: 'two.sided',
      level,
    });
    dm = {
      statistic: usable(r.statistic) ? r.statistic : null,
      pValue: usable(r.pValue) ? r.pValue : null,
      h: r.h,
      n: r.n,
      power,
      meanLossDifferential: usable(r.meanLossDifferential) ? r.meanLossDifferential : null,
      note: r.note ?? null,
    };
  }
  const p = dm?.pValue ?? null;
  let outcome: VerdictOutcome;
  if (p === null) outcome = 'untested';
  else if (p >= level) outcome = 'no-difference';
  else outcome = (dm?.meanLossDifferential ?? 0) < 0 ? 'beats' : 'loses';
  const classicalWins =
    CLASSICAL.has(best.name) && best.value < modelValue && outcome !== 'beats' && !sameForecasts;
  const baselineLabel = forecasterInline(best.name, names);
  const offer = classicalWins ? offerOf(run, best.name, best.label) : null;
  const headline = verdictHeadline({
    outcome,
    metric,
    baselineLabel,
    modelValue,
    baselineValue: best.value,
    pValue: p,
    n: dm?.n ?? losses.model.length,
    level,
    identical: sameForecasts || (dm !== null && p === null),
    offer,
  });
  return {
    outcome,
    metric,
    baseline: best.name,
    baselineLabel,
    modelValue,
    baselineValue: best.value,
    relativeDifference: best.value !== 0 ? (modelValue - best.value) / Math.abs(best.value) : null,
    level,
    dm,
    ranking,
    offer,
    headline,
  };
}
