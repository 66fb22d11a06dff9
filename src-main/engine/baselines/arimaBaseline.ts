// Auto-ARIMA baseline for the model comparison table: forecast::auto.arima's search (autoArima.ts)
// fitted once on the training part, then the chosen model filtered forward through the test
// actuals with an exact Kalman filter (kalmanArima.ts), without refitting: one search and one
// filter pass.
import type { SarimaCoefficients, SarimaOrder } from './arimaFilter';
import { autoArima } from './autoArima';
import { kalmanFilter, kalmanForecastFrom } from './kalmanArima';

export interface ArimaBaselineSuccess {
  ok: true;
  /** One-step-ahead forecasts of each test value from all values before it (original units). */
  predictions: Float64Array;
  /** Forecast of the `horizon` steps after the training part, and its variance (σ² included). */
  forecast: Float64Array;
  forecastVariance: Float64Array;
  order: SarimaOrder;
  coefficients: SarimaCoefficients;
  sigma2: number;
  aic: number;
  /** "ARIMA(p,d,q)(P,D,Q)[s]", with R's " with drift" / " with non-zero mean" where they apply. */
  label: string;
  /** AICc of the chosen model (exact likelihood). */
  aicc: number;
  method: string;
}
export interface ArimaBaselineFailure {
  ok: false;
  reason: string;
}
export type ArimaBaselineResult = ArimaBaselineSuccess | ArimaBaselineFailure;

const fail = (reason: string): ArimaBaselineFailure => ({ ok: false, reason });

const SHORT_MIN = 6;

/**
 * One pass through train + test: the one-step forecasts of the test values, and the forecast of
 * `horizon` steps from the state at the end of train.
 */
function filterThroughTest(
  train: Float64Array,
  test: Float64Array,
  order: SarimaOrder,
  coefficients: SarimaCoefficients,
  horizon: number,
): { predictions: Float64Array; path: ReturnType<typeof kalmanForecastFrom> } {
  const series = new Float64Array(train.length + test.length);
  series.set(train);
  series.set(test, train.length);
  const run = kalmanFilter(series, order, coefficients, train.length);
  const atEnd = run.snapshot ?? { state: run.state, cov: run.cov };
  const { state, cov } = atEnd;
  const path = kalmanForecastFrom(order, coefficients, state, cov, train.length, horizon);
  return { predictions: run.oneStep.slice(train.length), path };
}

export function orderLabel(o: SarimaOrder): string {
  const base = `ARIMA(${o.p},${o.d},${o.q})`;
  return o.s > 0 ? `${base}(${o.P},${o.D},${o.Q})[${o.s}]` : base;
}

/** The order with R's wording for the constant: "ARIMA(0,1,1) with drift", "… with non-zero mean". */
export function modelLabel(o: SarimaOrder, c: SarimaCoefficients): string {
  if (c.drift !== 0) return `${orderLabel(o)} with drift`;
  if (o.d === 0 && o.D === 0)
    return `${orderLabel(o)} with ${c.mean !== 0 ? 'non-zero' : 'zero'} mean`;
  return orderLabel(o);
}

function precheck(train: Float64Array): string | null {
  if (train.some((v) => !Number.isFinite(v))) {
    return 'The training series has missing or infinite values; fill or drop them before fitting ARIMA.';
  }
  // The short-series search's minimum (below the package's, see fitShort).
  if (train.length < SHORT_MIN) {
    return `The training series is too short for auto-ARIMA (${train.length} values; needs at least ${SHORT_MIN}).`;
  }
  const first = train[0] as number;
  if (train.every((v) => v === first)) {
    return 'The training series is constant, so there is nothing for ARIMA to fit (it would just repeat the value).';
  }
  return null;
}

/**
 * Fits auto-ARIMA (R's stepwise search, max orders (5,2,5)(2,1,2)) on `train` and returns one-step
 * forecasts for every value of `test` given the actuals before it. Never throws: a failure comes
 * back as { ok: false, reason } for the baseline table.
 */
export function fitArimaBaseline(
  train: Float64Array,
  seasonalPeriod: number,
  test: Float64Array,
  horizon = 0,
): ArimaBaselineResult {
  const problem = precheck(train);
  if (problem !== null) return fail(problem);
  try {
    const { fit, tried, approximation } = autoArima(train, seasonalPeriod);
    const { order, coefficients } = fit;
    const { predictions, path } = filterThroughTest(train, test, order, coefficients, horizon);
    if (!predictions.every(Number.isFinite) || !path.mean.every(Number.isFinite)) {
      return fail(`The fitted ${orderLabel(order)} model produced non-finite forecasts.`);
    }
    return {
      ok: true,
      predictions,
      forecast: path.mean,
      forecastVariance: path.variance.map((v) => v * fit.sigma2),
      order,
      coefficients,
      sigma2: fit.sigma2,
      aic: fit.aic,
      aicc: fit.aicc,
      label: modelLabel(order, coefficients),
      method:
        `Auto-ARIMA as R's forecast::auto.arima searches: ${tried.length} models compared by AICc` +
        (approximation
          ? ' (conditional sums of squares during the search, exact likelihood for the chosen one)'
          : ' on the exact likelihood') +
        ', fitted once on the training part; test forecasts run the model through the actuals with an exact Kalman filter, without refitting.',
    };
  } catch (error) {
    return fail(`Auto-ARIMA failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
