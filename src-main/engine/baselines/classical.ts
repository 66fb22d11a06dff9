// The classical peers of every run and every backtest fold, behind one call: ETS (automatic
// selection as forecast::ets), Theta (as forecast::thetaf) and auto-ARIMA (the `arima` package's
// stepwise search, forecasts by an exact Kalman filter). Each method is fitted once on `train` and
// never refitted: the forecast path runs h steps from the end of train, the one-step forecasts and
// the paths from later origins continue the fitted model through the given actuals.
import { fitArimaBaseline } from './arimaBaseline';
import { kalmanForecast } from './kalmanArima';
import { autoEts, etsFilter, etsForecast, etsOneStep, normalBands, type EtsFit } from './ets';
import { fitTheta, thetaForecast, thetaOneStep, type ThetaFit } from './theta';

export type ClassicalMethod = 'ets' | 'theta' | 'arima';
export const CLASSICAL_METHODS: readonly ClassicalMethod[] = ['ets', 'theta', 'arima'];

export interface ClassicalOptions {
  /** Actuals after the training part: one-step forecasts of each from the values before it. */
  test?: ArrayLike<number>;
  /**
   * Offsets into `test` (0 = the end of train, k = after test[0..k−1]) from which to forecast h
   * steps, given the actuals before the origin, without refitting.
   */
  origins?: readonly number[];
  /** Interval levels, default [0.8, 0.95]. */
  levels?: readonly number[];
  /** Which methods to fit (default all three). */
  methods?: readonly ClassicalMethod[];
  /** The fitted rows in words, for the notes (default "the training part"). */
  fittedOn?: string;
  /** Results of earlier identical calls (same rows, actuals, origins and settings) to reuse. */
  cache?: ClassicalFitCache;
}

/**
 * The classical results of one run, by everything that determines them, so that the
 * combination's classical parts and the run's baselines (the same fits on the same rows) are
 * fitted once. Owned by the caller for the length of one run; holds no other state.
 */
export class ClassicalFitCache {
  readonly #results = new Map<string, ClassicalResult>();
  #hits = 0;

  get hits(): number {
    return this.#hits;
  }

  lookup(key: string, fit: () => ClassicalResult): ClassicalResult {
    const found = this.#results.get(key);
    if (found) {
      this.#hits++;
      return found;
    }
    const result = fit();
    this.#results.set(key, result);
    return result;
  }
}

/** Every input that determines a method's result, as text (exact: values written in full). */
function cacheKey(
  method: ClassicalMethod,
  train: ArrayLike<number>,
  period: number,
  h: number,
  opts: ClassicalOptions,
  levels: readonly number[],
): string {
  const values = (x: ArrayLike<number> | undefined) => (x ? Array.from(x).join(',') : '-');
  return [
    method,
    period,
    h,
    levels.join(','),
    opts.fittedOn ?? '',
    (opts.origins ?? []).join(','),
    values(train),
    values(opts.test),
  ].join('|');
}

export interface ClassicalBand {
  level: number;
  lower: number[];
  upper: number[];
}

export type ParameterValue = number | string | boolean | number[];

export interface ClassicalSuccess {
  ok: true;
  method: ClassicalMethod;
  /** "ETS(M,Ad,M)", "Theta", "ARIMA(1,1,1)(0,1,1)[12]" */
  label: string;
  /** h steps from the end of train. */
  forecast: number[];
  /** Prediction intervals for `forecast` (empty where the method has none). */
  intervals: ClassicalBand[];
  /** One-step forecasts of each `test` value (null without a test part). */
  oneStep: number[] | null;
  /** h-step paths from each of `origins`, in the same order. */
  originPaths: number[][];
  parameters: Record<string, ParameterValue>;
  note: string;
}
export interface ClassicalFailure {
  ok: false;
  method: ClassicalMethod;
  label: string;
  /** Why there is no forecast, in words. */
  note: string;
}
export type ClassicalResult = ClassicalSuccess | ClassicalFailure;
export type ClassicalBaselines = Partial<Record<ClassicalMethod, ClassicalResult>>;

const round = (v: number): number => Number(v.toPrecision(10));
const arr = (x: ArrayLike<number>): number[] => Array.from(x);
const bandsOf = (
  b: { level: number; lower: Float64Array; upper: Float64Array }[],
): ClassicalBand[] => b.map((x) => ({ level: x.level, lower: arr(x.lower), upper: arr(x.upper) }));

function concat(a: ArrayLike<number>, b: ArrayLike<number>, k: number): Float64Array {
  const out = new Float64Array(a.length + k);
  out.set(Array.from(a));
  for (let i = 0; i < k; i++) out[a.length + i] = b[i] as number;
  return out;
}

/** One method's fit: the training values, period m, horizon h and what the result reports on. */
interface ClassicalTask {
  train: Float64Array;
  m: number;
  h: number;
  test: ArrayLike<number> | undefined;
  origins: readonly number[];
  levels: readonly number[];
  fittedOn: string;
}

/**
 * The forecast path from each origin: `fromEnd` at origin 0 (or without test values), else
 * `fromOrigin(k)` after the first k test values.
 */
function pathsFromOrigins(
  task: ClassicalTask,
  fromEnd: ArrayLike<number>,
  fromOrigin: (k: number, test: ArrayLike<number>) => ArrayLike<number>,
): number[][] {
  const { test } = task;
  return task.origins.map((k) => arr(k === 0 || !test ? fromEnd : fromOrigin(k, test)));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function etsResult(task: ClassicalTask): ClassicalResult {
  const { train, m, h, test, levels, fittedOn } = task;
  let fit: EtsFit;
  let tried: number;
  try {
    const auto = autoEts(train, m);
    fit = auto.best;
    tried = auto.candidates.length;
  } catch (error) {
    return { ok: false, method: 'ets', label: 'ETS', note: `ETS not available: ${message(error)}` };
  }
  const f = etsForecast(fit, h);
  const { spec, par } = fit;
  const parameters: Record<string, ParameterValue> = {
    error: spec.error,
    trend: spec.trend,
    season: spec.season,
    damped: spec.damped,
    alpha: round(par.alpha),
    initialState: arr(fit.initialState).map(round),
    sigma2: round(fit.sigma2),
    aicc: round(fit.aicc),
    loglik: round(fit.loglik),
  };
  if (spec.trend !== 'N') parameters.beta = round(par.beta);
  if (spec.season !== 'N') parameters.gamma = round(par.gamma);
  if (spec.damped) parameters.phi = round(par.phi);
  const originPaths = pathsFromOrigins(task, f.mean, (k, values) => {
    const seen = Array.from({ length: k }, (_, i) => values[i] as number);
    const run = etsFilter(seen, fit.finalState, fit.m, spec, par);
    return etsForecast({ ...fit, finalState: run.finalState }, h).mean;
  });
  return {
    ok: true,
    method: 'ets',
    label: fit.label,
    forecast: arr(f.mean),
    intervals: f.variance ? bandsOf(normalBands(f.mean, f.variance, levels)) : [],
    oneStep: test ? arr(etsOneStep(fit, test)) : null,
    originPaths,
    parameters,
    note: `${fit.label} chosen by AICc among ${tried} exponential smoothing models fitted on ${fittedOn}`,
  };
}

function thetaResult(task: ClassicalTask): ClassicalResult {
  const { train, m, h, test, levels, fittedOn } = task;
  let fit: ThetaFit;
  try {
    fit = fitTheta(train, m);
  } catch (error) {
    return {
      ok: false,
      method: 'theta',
      label: 'Theta',
      note: `Theta not available: ${message(error)}`,
    };
  }
  const f = thetaForecast(fit, h, levels);
  const originPaths = pathsFromOrigins(task, f.mean, (k, values) => {
    const adjusted = Array.from(
      { length: k },
      (_, i) =>
        (values[i] as number) / (fit.seasonal ? (fit.figure[(fit.n + i) % fit.m] as number) : 1),
    );
    const level = etsFilter(adjusted, [fit.level], 1, fit.ses.spec, fit.ses.par)
      .finalState[0] as number;
    return thetaForecast({ ...fit, level, n: fit.n + k }, h, []).mean;
  });
  return {
    ok: true,
    method: 'theta',
    label: 'Theta',
    forecast: arr(f.mean),
    intervals: bandsOf(f.bands),
    oneStep: test ? arr(thetaOneStep(fit, test)) : null,
    originPaths,
    parameters: {
      alpha: round(fit.alpha),
      drift: round(fit.drift),
      level: round(fit.level),
      seasonal: fit.seasonal,
      ...(fit.seasonal ? { seasonalIndices: arr(fit.figure).map(round) } : {}),
      sigma2: round(fit.sigma2),
    },
    note: fit.seasonal
      ? `Theta on ${fittedOn}, multiplicatively deseasonalised (the 90% seasonality test passed) and reseasonalised`
      : `Theta on ${fittedOn} (no seasonal adjustment: the 90% seasonality test did not pass)`,
  };
}

/**
 * Longest seasonal period the seasonal auto-ARIMA search is run for. Beyond it (hourly data's 24,
 * weekly data's 52) the seasonal model's state has 25 to over a hundred entries and every
 * likelihood the search evaluates costs n·r²/2: 26 s for one search of 300 hourly values here, and
 * a run searches three times. So a non-seasonal ARIMA is fitted instead (ETS and Theta still model
 * the season). Monthly (12), quarterly and weekday (5, 7) periods keep the seasonal search.
 */
export const MAX_SEASONAL_ARIMA_PERIOD = 12;

/**
 * The auto-ARIMA search runs on at most this many of the latest training values: its cost grows with
 * the length, while the references checked against R are all shorter (at most 468).
 */
export const MAX_ARIMA_SEARCH_LENGTH = 600;

function arimaResult(task: ClassicalTask): ClassicalResult {
  const { train: fullTrain, m, h, test, levels, fittedOn } = task;
  const testArray = test ? Float64Array.from(Array.from(test)) : new Float64Array(0);
  const seasonalTooLong = m > MAX_SEASONAL_ARIMA_PERIOD;
  // The search, the filter through the test part and the forecasts all start at the same value, so
  // an intercept or drift means the same in each.
  const trimmed = fullTrain.length > MAX_ARIMA_SEARCH_LENGTH;
  const train = trimmed
    ? fullTrain.subarray(fullTrain.length - MAX_ARIMA_SEARCH_LENGTH)
    : fullTrain;
  const fit = fitArimaBaseline(train, seasonalTooLong ? 1 : m, testArray, h);
  if (!fit.ok)
    return {
      ok: false,
      method: 'arima',
      label: 'ARIMA',
      note: `auto-ARIMA not available: ${fit.reason}`,
    };
  const { order, coefficients: c } = fit;
  let originPaths: number[][];
  try {
    originPaths = pathsFromOrigins(
      task,
      fit.forecast,
      (k) => kalmanForecast(concat(train, testArray, k), order, c, h).mean,
    );
  } catch (error) {
    return {
      ok: false,
      method: 'arima',
      label: fit.label,
      note: `auto-ARIMA not available: ${message(error)}`,
    };
  }
  return {
    ok: true,
    method: 'arima',
    label: fit.label,
    forecast: arr(fit.forecast),
    intervals: bandsOf(normalBands(fit.forecast, fit.forecastVariance, levels)),
    oneStep: test ? arr(fit.predictions) : null,
    originPaths,
    parameters: {
      p: order.p,
      d: order.d,
      q: order.q,
      P: order.P,
      D: order.D,
      Q: order.Q,
      s: order.s,
      ar: c.ar,
      ma: c.ma,
      sar: c.sar,
      sma: c.sma,
      ...(order.d === 0 && order.D === 0 ? { mean: c.mean } : {}),
      ...(c.drift !== 0 ? { drift: c.drift } : {}),
      sigma2: round(fit.sigma2),
      // Not finite for a deterministic model (a constant differenced series: zero residuals).
      ...(Number.isFinite(fit.aic) ? { aic: round(fit.aic), aicc: round(fit.aicc) } : {}),
    },
    note:
      `${fit.label} chosen by R's auto.arima stepwise search (AICc) on ${fittedOn}; forecasts by an exact Kalman filter` +
      (trimmed ? `; fitted on the latest ${MAX_ARIMA_SEARCH_LENGTH} of those values` : '') +
      (seasonalTooLong
        ? `; non-seasonal, as a seasonal search with period ${m} would take tens of seconds to minutes`
        : ''),
  };
}

/**
 * Fits ETS, Theta and auto-ARIMA on `train` (seasonal period m; 1 or less = none) and forecasts h
 * steps from its end. Never throws: a method that cannot be fitted comes back with ok: false and a
 * note saying why.
 */
export function classicalBaselines(
  train: Float64Array,
  m: number,
  h: number,
  opts: ClassicalOptions = {},
): ClassicalBaselines {
  const period = Number.isInteger(m) && m > 1 ? m : 1;
  const levels = opts.levels ?? [0.8, 0.95];
  const origins = opts.origins ?? [];
  const methods = opts.methods ?? CLASSICAL_METHODS;
  const fittedOn = opts.fittedOn ?? 'the training part';
  const out: ClassicalBaselines = {};
  const steps = Math.max(1, Math.floor(h));
  const task: ClassicalTask = {
    train,
    m: period,
    h: steps,
    test: opts.test,
    origins,
    levels,
    fittedOn,
  };
  const fitOne = (method: ClassicalMethod): ClassicalResult => {
    try {
      if (method === 'ets') return etsResult(task);
      if (method === 'theta') return thetaResult(task);
      return arimaResult(task);
    } catch (error) {
      return { ok: false, method, label: method, note: `${method} failed: ${message(error)}` };
    }
  };
  for (const method of methods) {
    out[method] = opts.cache
      ? opts.cache.lookup(cacheKey(method, train, period, steps, opts, levels), () =>
          fitOne(method),
        )
      : fitOne(method);
  }
  return out;
}

/**
 * The classical fits a run scores on its test part: fitted on every row before the test part
 * (a classical method needs no validation rows), continued through the test actuals to each test
 * window's origin, and to the end of the data (the last path). The run's baselines and the
 * combination's classical parts both come from here, so with a shared cache each is fitted once.
 */
export function fitBeforeTest(
  series: Float64Array,
  m: number,
  h: number,
  testStart: number,
  testStarts: readonly number[],
  methods: readonly ClassicalMethod[],
  cache?: ClassicalFitCache,
): ClassicalBaselines {
  return classicalBaselines(series.subarray(0, testStart), m, h, {
    methods,
    test: series.subarray(testStart),
    origins: [...testStarts.map((t0) => t0 - testStart), series.length - testStart],
    fittedOn: 'the rows before the test part',
    ...(cache ? { cache } : {}),
  });
}
