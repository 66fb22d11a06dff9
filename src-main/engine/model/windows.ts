// Sliding windows for direct multi-output forecasting: inputs are rows t0-L..t0-1 of all feature
// columns, targets the target column at rows t0..t0+H-1 ("target start" t0).

export interface WindowSpec {
  lookback: number;
  horizon: number;
  stride: number;
}

export interface WindowSet {
  /** Row-major [count, lookback, nFeatures]. */
  x: Float32Array;
  /** Row-major [count, horizon]; all NaN for forecast-only windows. */
  y: Float32Array;
  /** Row index of the first target of each window. */
  targetStarts: Int32Array;
  count: number;
  lookback: number;
  horizon: number;
  nFeatures: number;
}

/**
 * Target starts t0 with inputs in [firstRow, ...) and every target inside [lo, hi), in
 * chronological order. Anchored at the end of the range so the last window ends at hi-1.
 */
export function windowStarts(spec: WindowSpec, firstRow: number, lo: number, hi: number): number[] {
  const { lookback, horizon, stride } = spec;
  if (lookback < 1 || horizon < 1 || stride < 1)
    throw new Error('lookback, horizon, stride must be >= 1');
  const out: number[] = [];
  for (let t0 = hi - horizon; t0 >= lo && t0 - lookback >= firstRow; t0 -= stride) out.push(t0);
  return out.reverse();
}

/** features: columns (target first when it is an input); target: column predicted. */
export function buildWindows(
  features: readonly Float64Array[],
  target: Float64Array,
  starts: readonly number[],
  spec: WindowSpec,
): WindowSet {
  const { lookback: L, horizon: H } = spec;
  const F = features.length;
  const x = new Float32Array(starts.length * L * F);
  const y = new Float32Array(starts.length * H);
  starts.forEach((t0, w) => {
    for (let l = 0; l < L; l++) {
      const row = t0 - L + l;
      for (let f = 0; f < F; f++) x[(w * L + l) * F + f] = features[f]?.[row] ?? Number.NaN;
    }
    for (let h = 0; h < H; h++) {
      const row = t0 + h;
      y[w * H + h] = row < target.length ? (target[row] ?? Number.NaN) : Number.NaN;
    }
  });
  return {
    x,
    y,
    targetStarts: Int32Array.from(starts),
    count: starts.length,
    lookback: L,
    horizon: H,
    nFeatures: F,
  };
}

/** First window index/row with a non-finite input, or null. */
export function findNonFinite(
  set: WindowSet,
  part: 'x' | 'y',
): { window: number; row: number } | null {
  const arr = part === 'x' ? set.x : set.y;
  const per = part === 'x' ? set.lookback * set.nFeatures : set.horizon;
  for (let i = 0; i < arr.length; i++) {
    if (!Number.isFinite(arr[i])) {
      const window = Math.floor(i / per);
      const t0 = set.targetStarts[window] ?? 0;
      const within = i - window * per;
      const row =
        part === 'x' ? t0 - set.lookback + Math.floor(within / set.nFeatures) : t0 + within;
      return { window, row };
    }
  }
  return null;
}
