// Walk-forward backtest folds. Test blocks sit at the end of the series (the part a forecaster is
// judged on), each fold's training data ends where its test block starts, and the last block ends
// exactly at n. Training windows need `lookback` inputs plus `horizon` targets, hence the minimum.

export type FoldWindow = 'expanding' | 'sliding';

export interface FoldOptions {
  /** Series length. */
  n: number;
  /** Number of folds (k ≥ 1). */
  folds: number;
  /** Forecast horizon h = length of each test block. */
  horizon: number;
  /** Distance between consecutive test origins; default h (adjacent, non-overlapping test blocks). */
  stride?: number;
  window: FoldWindow;
  /** Minimum (expanding) or fixed (sliding) training length. */
  minTrain: number;
  /** Model input length; the test block's inputs are the `lookback` values before testStart. */
  lookback: number;
}

export interface Fold {
  index: number;
  trainStart: number;
  /** Exclusive. Always equals testStart: no training target lies inside the test block. */
  trainEnd: number;
  testStart: number;
  /** Exclusive; ≤ n. */
  testEnd: number;
  /** First index of the inputs that feed the first test forecast (testStart − lookback). */
  contextStart: number;
}

function assertPositiveInt(name: string, v: number): void {
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer`);
}

/** Smallest training length that still yields one (lookback → horizon) training window. */
export function requiredTrainLength(
  opts: Pick<FoldOptions, 'minTrain' | 'lookback' | 'horizon'>,
): number {
  return Math.max(opts.minTrain, opts.lookback + opts.horizon);
}

/** Largest fold count the series supports with these settings (0 when even one is impossible). */
export function maxFolds(opts: Omit<FoldOptions, 'folds'>): number {
  const stride = opts.stride ?? opts.horizon;
  const room = opts.n - opts.horizon - requiredTrainLength(opts);
  return room < 0 ? 0 : Math.floor(room / stride) + 1;
}

/**
 * Fold i (0-based, oldest first) tests on [n − h − (k−1−i)·stride, … + h). Throws a RangeError in
 * words when the series is too short for k folds, naming the largest k that fits.
 */
export function makeFolds(opts: FoldOptions): Fold[] {
  const { n, folds: k, horizon: h, window, lookback } = opts;
  const stride = opts.stride ?? h;
  assertPositiveInt('n', n);
  assertPositiveInt('folds', k);
  assertPositiveInt('horizon', h);
  assertPositiveInt('stride', stride);
  assertPositiveInt('minTrain', opts.minTrain);
  assertPositiveInt('lookback', lookback);
  const need = requiredTrainLength(opts);
  const firstTestStart = n - h - (k - 1) * stride;
  if (firstTestStart < need) {
    const fit = maxFolds(opts);
    throw new RangeError(
      `A series of ${n} points cannot hold ${k} folds of horizon ${h} with stride ${stride} and at ` +
        `least ${need} training points; at most ${fit} fold${fit === 1 ? '' : 's'} fit.`,
    );
  }
  const out: Fold[] = [];
  for (let i = 0; i < k; i++) {
    const testStart = firstTestStart + i * stride;
    const trainStart = window === 'expanding' ? 0 : testStart - need;
    out.push({
      index: i,
      trainStart,
      trainEnd: testStart,
      testStart,
      testEnd: testStart + h,
      contextStart: testStart - lookback,
    });
  }
  return out;
}
