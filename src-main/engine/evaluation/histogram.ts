// Histogram with numpy-compatible bin rules ('fd' = Freedman-Diaconis, 'sturges') and a fitted
// normal curve scaled to counts, so that a residual plot can show "how far from Gaussian" at a glance.

export type BinRule = 'fd' | 'sturges';

export interface Histogram {
  rule: BinRule;
  /** nBins + 1 equal-width edges from min to max. */
  edges: Float64Array;
  counts: Float64Array;
  centres: Float64Array;
  /** n · binWidth · φ((c − mean)/sd)/sd at each centre: the normal fit in count units. */
  normalCounts: Float64Array;
}

/** Percentile with linear interpolation between order statistics (numpy's default method). */
export function percentile(sorted: Float64Array, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] as number) + (pos - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

const MAX_BINS = 200;

/**
 * Bin count as numpy.histogram_bin_edges: fd width 2·IQR·n^(−1/3), Sturges log2(n) + 1 bins.
 * Freedman-Diaconis falls back to Sturges when the IQR is 0 (heavily tied data).
 */
export function binCount(sorted: Float64Array, rule: BinRule): { bins: number; rule: BinRule } {
  const n = sorted.length;
  const range = (sorted[n - 1] as number) - (sorted[0] as number);
  if (n < 2 || !(range > 0)) return { bins: 1, rule };
  const sturges = Math.ceil(range / (range / (Math.log2(n) + 1)));
  if (rule === 'sturges') return { bins: Math.min(sturges, MAX_BINS), rule };
  const iqr = percentile(sorted, 0.75) - percentile(sorted, 0.25);
  if (!(iqr > 0)) return { bins: Math.min(sturges, MAX_BINS), rule: 'sturges' };
  const width = 2 * iqr * n ** (-1 / 3);
  return { bins: Math.min(Math.ceil(range / width), MAX_BINS), rule };
}

export function histogram(
  values: Float64Array,
  rule: BinRule = 'fd',
  mean?: number,
  sd?: number,
): Histogram {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  if (n === 0) throw new RangeError('histogram: no values');
  const { bins, rule: used } = binCount(sorted, rule);
  let lo = sorted[0] as number;
  let hi = sorted[n - 1] as number;
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = lo + ((hi - lo) * i) / bins;
  edges[bins] = hi;
  const counts = new Float64Array(bins);
  for (const v of sorted) {
    let i = Math.min(bins - 1, Math.floor(((v - lo) / (hi - lo)) * bins));
    // Correct for rounding so that each value lands in [edges[i], edges[i+1]) (last bin closed).
    if (i > 0 && v < (edges[i] as number)) i--;
    else if (i < bins - 1 && v >= (edges[i + 1] as number)) i++;
    counts[i] = (counts[i] as number) + 1;
  }
  const m = mean ?? sorted.reduce((a, b) => a + b, 0) / n;
  const s = sd ?? Math.sqrt(sorted.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(n - 1, 1));
  const width = (hi - lo) / bins;
  const centres = new Float64Array(bins);
  const normalCounts = new Float64Array(bins);
  for (let i = 0; i < bins; i++) {
    const c = ((edges[i] as number) + (edges[i + 1] as number)) / 2;
    centres[i] = c;
    const z = (c - m) / s;
    normalCounts[i] =
      s > 0 ? (n * width * Math.exp(-0.5 * z * z)) / (s * Math.sqrt(2 * Math.PI)) : 0;
  }
  return { rule: used, edges, counts, centres, normalCounts };
}
