// Split-conformal prediction intervals. Each horizon step gets its own calibration, because errors
// typically grow with the step and a pooled quantile would under-cover the far steps.
//
// When the calibration set is too small for a bounded interval at some level (a 95% interval needs
// 19 residuals per step), `modelBasedIntervals` gives the fallback: a classical model's analytic
// prediction intervals (ETS or ARIMA fitted on the training part, engine/baselines), their
// half-width per horizon step carried over to the model's point forecasts: as an absolute width,
// or as a fraction of the forecast when the classical model's errors are multiplicative.

export interface ConformalQuantile {
  /** Half-width of the interval; Infinity when the calibration set is too small for this level. */
  value: number;
  /** 1-based rank ⌈(n+1)(1−α)⌉ in the sorted |residuals|. */
  rank: number;
  n: number;
  /** Present when value is Infinity: says why in words. */
  note?: string;
}

/**
 * The ⌈(n+1)(1−α)⌉-th smallest |residual|, the finite-sample-valid split-conformal quantile. When that
 * rank exceeds n the guaranteed interval is unbounded, and we return Infinity rather than clamp.
 */
export function conformalQuantile(
  absResiduals: ArrayLike<number>,
  alpha: number,
): ConformalQuantile {
  if (!(alpha > 0 && alpha < 1)) throw new RangeError('alpha must lie strictly between 0 and 1');
  const values = Float64Array.from(absResiduals, Math.abs)
    .filter((v) => !Number.isNaN(v))
    .sort();
  const n = values.length;
  // Guard against (n+1)(1−α) landing a hair above an integer through rounding (e.g. 19·0.95).
  const exact = (n + 1) * (1 - alpha);
  const rank = Math.ceil(exact - 1e-9 * Math.max(1, exact));
  if (rank > n) {
    // rank ≤ n ⇔ n ≥ (1−α)/α.
    const minN = Math.ceil((1 - alpha) / alpha - 1e-9);
    return {
      value: Number.POSITIVE_INFINITY,
      rank,
      n,
      note: `Only ${n} calibration residuals: a ${+((1 - alpha) * 100).toFixed(2)}% conformal interval needs at least ${minN}, so it is unbounded.`,
    };
  }
  return { value: values[Math.max(rank, 1) - 1] as number, rank, n };
}

export interface ConformalBand {
  level: number;
  /** windows × H, row-major, same layout as the predictions. */
  lower: Float64Array;
  upper: Float64Array;
  /** Half-width per horizon step. */
  halfWidth: Float64Array;
  notes: string[];
}

/**
 * Intervals prediction ± q_h for each requested coverage level, where q_h is the conformal quantile
 * of the calibration residuals (actual − predicted) at horizon step h. Both matrices are row-major
 * [windows × H]; calibration may have a different number of windows than the predictions.
 */
export function conformalIntervals(
  predictions: Float64Array,
  calibrationResiduals: Float64Array,
  horizon: number,
  levels: readonly number[] = [0.8, 0.95],
): ConformalBand[] {
  if (predictions.length % horizon !== 0 || calibrationResiduals.length % horizon !== 0) {
    throw new RangeError('conformalIntervals: array lengths must be multiples of the horizon');
  }
  const calWindows = calibrationResiduals.length / horizon;
  const perStep: Float64Array[] = [];
  for (let h = 0; h < horizon; h++) {
    const col = new Float64Array(calWindows);
    for (let w = 0; w < calWindows; w++)
      col[w] = Math.abs(calibrationResiduals[w * horizon + h] as number);
    perStep.push(col);
  }
  return levels.map((level) => {
    const halfWidth = new Float64Array(horizon);
    const notes: string[] = [];
    perStep.forEach((col, h) => {
      const q = conformalQuantile(col, 1 - level);
      halfWidth[h] = q.value;
      if (q.note !== undefined) notes.push(`Horizon step ${h + 1}: ${q.note}`);
    });
    const lower = new Float64Array(predictions.length);
    const upper = new Float64Array(predictions.length);
    for (let i = 0; i < predictions.length; i++) {
      const hw = halfWidth[i % horizon] as number;
      lower[i] = (predictions[i] as number) - hw;
      upper[i] = (predictions[i] as number) + hw;
    }
    return { level, lower, upper, halfWidth, notes };
  });
}

/** Fraction of actual values inside [lower, upper] (inclusive), ignoring NaN actuals. */
export function empiricalCoverage(
  actual: ArrayLike<number>,
  lower: ArrayLike<number>,
  upper: ArrayLike<number>,
): number {
  let inside = 0;
  let count = 0;
  for (let i = 0; i < actual.length; i++) {
    const y = actual[i] as number;
    if (Number.isNaN(y)) continue;
    count++;
    if (y >= (lower[i] as number) && y <= (upper[i] as number)) inside++;
  }
  return count === 0 ? Number.NaN : inside / count;
}

/** A classical model's h-step forecast from one origin and its prediction intervals. */
export interface ReferenceIntervals {
  forecast: ArrayLike<number>;
  bands: readonly { level: number; lower: ArrayLike<number>; upper: ArrayLike<number> }[];
  /** 'relative': the width scales with the forecast's level (multiplicative errors). */
  scale: 'absolute' | 'relative';
}

/**
 * Bands prediction ± w_h per level from a classical model's intervals: w_h = (upper_h − lower_h)/2
 * (absolute), or w_h = |prediction| · (upper_h − lower_h) / (2 |forecast_h|) (relative). Both
 * matrices are row-major [windows × H]; the reference has H steps. Levels the reference lacks are
 * left out. `halfWidth` is w_h, averaged over the windows for relative bands.
 */
export function modelBasedIntervals(
  predictions: Float64Array,
  horizon: number,
  reference: ReferenceIntervals,
  levels: readonly number[] = [0.8, 0.95],
): ConformalBand[] {
  if (predictions.length % horizon !== 0) {
    throw new RangeError('modelBasedIntervals: predictions must be a multiple of the horizon');
  }
  const windows = predictions.length / horizon;
  const out: ConformalBand[] = [];
  for (const level of levels) {
    const ref = reference.bands.find((b) => Math.abs(b.level - level) < 1e-9);
    if (!ref || ref.lower.length < horizon || ref.upper.length < horizon) continue;
    const width = Float64Array.from(
      { length: horizon },
      (_, h) => ((ref.upper[h] as number) - (ref.lower[h] as number)) / 2,
    );
    const fraction = width.map((w, h) => w / Math.abs(reference.forecast[h] as number));
    const lower = new Float64Array(predictions.length);
    const upper = new Float64Array(predictions.length);
    const halfWidth = new Float64Array(horizon);
    for (let i = 0; i < predictions.length; i++) {
      const h = i % horizon;
      const p = predictions[i] as number;
      const w =
        reference.scale === 'relative'
          ? (fraction[h] as number) * Math.abs(p)
          : (width[h] as number);
      lower[i] = p - w;
      upper[i] = p + w;
      halfWidth[h] = (halfWidth[h] as number) + w / windows;
    }
    out.push({ level, lower, upper, halfWidth, notes: [] });
  }
  return out;
}

/** True when every level has a finite half-width at every step. */
export function allBounded(bands: readonly ConformalBand[]): boolean {
  return bands.every((b) => b.halfWidth.every((w) => Number.isFinite(w)));
}
