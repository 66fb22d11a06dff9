// Min/max-per-bucket downsampling: each bucket keeps its lowest and highest point in time order, so
// peaks and troughs survive at any zoom level (a plain stride would drop them). O(n), no allocation
// beyond the output. Missing values (NaN) never become points; a bucket of only NaN yields a gap.

export interface DownsampleResult {
  /** Indices into the source arrays, ascending. -1 marks a gap (all-missing bucket). */
  indices: Int32Array;
  downsampled: boolean;
}

export function minMaxIndices(
  values: readonly Float64Array[],
  start: number,
  end: number,
  maxPoints: number,
): DownsampleResult {
  const count = Math.max(0, end - start);
  if (count <= maxPoints) {
    const indices = new Int32Array(count);
    for (let i = 0; i < count; i++) indices[i] = start + i;
    return { indices, downsampled: false };
  }
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const picked: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = start + Math.floor((b * count) / buckets);
    const to = start + Math.floor(((b + 1) * count) / buckets);
    const chosen = new Set<number>();
    for (const column of values) {
      let lo = -1;
      let hi = -1;
      for (let i = from; i < to; i++) {
        const v = column[i] ?? Number.NaN;
        if (Number.isNaN(v)) continue;
        if (lo < 0 || v < (column[lo] ?? 0)) lo = i;
        if (hi < 0 || v > (column[hi] ?? 0)) hi = i;
      }
      if (lo >= 0) chosen.add(lo);
      if (hi >= 0) chosen.add(hi);
    }
    if (chosen.size === 0) picked.push(-1);
    else picked.push(...[...chosen].sort((a, c) => a - c));
  }
  return { indices: Int32Array.from(picked), downsampled: true };
}

/** First index with time >= t (times ascending). */
export function lowerBound(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
