// Auto-ARIMA baseline for the model comparison table. The `arima` package can only forecast from
// the end of the series it was fitted on, so instead of refitting once per test point (one full
// AutoARIMA search each) we fit once on the training part, read the chosen model, and filter it
// forward through the test actuals with an exact Kalman filter (kalmanArima.ts): cost = one stepwise
// search + one filter pass.
import type { SarimaCoefficients, SarimaOrder } from './arimaFilter';
import { kalmanFilter, kalmanForecastFrom } from './kalmanArima';
import { fitShortArima } from './shortArima';
import { loadArima, parseArimaSummary, resetArima, type ArimaInstance } from './arimaWasm';

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
  /** The package's own forecast of the first test value, to compare with predictions[0] (NaN when
   * the short-series search ran instead of the package). */
  packageFirstForecast: number;
  method: string;
}
export interface ArimaBaselineFailure {
  ok: false;
  reason: string;
}
export type ArimaBaselineResult = ArimaBaselineSuccess | ArimaBaselineFailure;

const fail = (reason: string): ArimaBaselineFailure => ({ ok: false, reason });

const SHORT_MIN = 6;
/** AutoARIMA's own minimum with the default maximum d = 2. */
const packageMinimum = (s: number): number => Math.max(2 * s + 2, 20);

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

/** Series the package refuses: the small non-seasonal search of shortArima.ts. */
function fitShort(
  train: Float64Array,
  test: Float64Array,
  horizon: number,
  s: number,
): ArimaBaselineResult {
  try {
    const fit = fitShortArima(train);
    const { order, coefficients } = fit;
    const { predictions, path } = filterThroughTest(train, test, order, coefficients, horizon);
    if (!predictions.every(Number.isFinite) || !path.mean.every(Number.isFinite))
      return fail(`The fitted ${orderLabel(order)} model produced non-finite forecasts.`);
    return {
      ok: true,
      predictions,
      forecast: path.mean,
      forecastVariance: path.variance.map((v) => v * fit.sigma2),
      order,
      coefficients,
      sigma2: fit.sigma2,
      aic: fit.aic,
      label: modelLabel(order, coefficients),
      packageFirstForecast: Number.NaN,
      method:
        `The series is shorter than the arima package's minimum (${packageMinimum(s)}${s > 0 ? ` with seasonal period ${s}` : ''}), ` +
        'so a small non-seasonal search instead (d by KPSS, p + q ≤ 2, exact maximum likelihood, AICc).',
    };
  } catch (error) {
    return fail(`Auto-ARIMA failed: ${error instanceof Error ? error.message : String(error)}`);
  }
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
 * Fits AutoARIMA (stepwise search, max orders (5,2,5)(2,1,2)) on `train` and returns one-step
 * forecasts for every value of `test` given the actuals before it. Never throws: a failure comes
 * back as { ok: false, reason } for the baseline table.
 */
export function fitArimaBaseline(
  train: Float64Array,
  seasonalPeriod: number,
  test: Float64Array,
  horizon = 0,
): ArimaBaselineResult {
  const s = Number.isInteger(seasonalPeriod) && seasonalPeriod > 1 ? seasonalPeriod : 0;
  const problem = precheck(train);
  if (problem !== null) return fail(problem);
  if (train.length < packageMinimum(s)) return fitShort(train, test, horizon, s);
  let instance: ArimaInstance | null = null;
  try {
    const { ARIMA, lines } = loadArima();
    lines.length = 0;
    instance = new ARIMA({ auto: true, s, verbose: true }).train(Array.from(train));
    const [forecast] = instance.predict(1);
    const packageFirstForecast = forecast[0] ?? Number.NaN;
    const summary = parseArimaSummary(lines, s);
    lines.length = 0;
    if (summary === null)
      return fail('Auto-ARIMA finished but its model summary could not be read.');
    const { order, coefficients } = summary;
    const all = [...coefficients.ar, ...coefficients.ma, ...coefficients.sar, ...coefficients.sma];
    if (!all.every(Number.isFinite) || !Number.isFinite(packageFirstForecast)) {
      return fail(
        `Auto-ARIMA did not converge (${summary.exitMessage || 'non-finite estimates'}).`,
      );
    }
    const { predictions, path } = filterThroughTest(train, test, order, coefficients, horizon);
    const forecastVariance = path.variance.map((v) => v * summary.sigma2);
    if (!predictions.every(Number.isFinite) || !path.mean.every(Number.isFinite)) {
      return fail(
        `The fitted ${orderLabel(order)} model produced non-finite forecasts (likely a non-invertible MA part).`,
      );
    }
    return {
      ok: true,
      predictions,
      forecast: path.mean,
      forecastVariance,
      order,
      coefficients,
      sigma2: summary.sigma2,
      aic: summary.aic,
      label: modelLabel(order, coefficients),
      packageFirstForecast,
      method:
        'Auto-ARIMA fitted once on the training part (arima/ctsa, CSS-MLE, stepwise); test forecasts ' +
        'run the fitted model through the actuals with an exact Kalman filter, without refitting.',
    };
  } catch (error) {
    // A WebAssembly abort can leave the module's heap unusable; a fresh instance is cheap.
    resetArima();
    const message = error instanceof Error ? error.message : String(error);
    return fail(`Auto-ARIMA failed: ${message}`);
  } finally {
    try {
      instance?.destroy();
    } catch {
      resetArima();
    }
  }
}
