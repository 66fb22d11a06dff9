// Split-conformal prediction intervals. Each horizon step gets its own calibration, because errors
// typically grow with the step and a pooled quantile would under-cover the far steps.

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
