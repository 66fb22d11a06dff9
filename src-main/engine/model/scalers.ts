// Per-column affine scalers with scikit-learn semantics. Every kind reduces to
// scaled = (x - offset) / scale, so params stay tiny and JSON-able.

import type { ScalerParams } from './runResult';

export type { ScalerParams };
export type ScalerKind = ScalerParams['kind'];

export interface ScalerOptions {
  /** minmax only: target range, [0, 1] (default) or [-1, 1]. */
  featureRange?: [number, number];
}

/** numpy.quantile with the default 'linear' method on sorted data. */
export function linearQuantile(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (pos - lo);
}

// scikit-learn replaces a zero scale by 1 so constant columns map to a constant instead of NaN.
const safe = (s: number): number => (s === 0 || !Number.isFinite(s) ? 1 : s);

function fitColumn(kind: ScalerKind, v: Float64Array, range: [number, number]): [number, number] {
  if (kind === 'none') return [0, 1];
  if (v.length === 0) throw new Error('cannot fit a scaler on an empty training part');
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) throw new Error(`scaler input has a non-finite value at row ${i}`);
  }
  if (kind === 'minmax') {
    let min = Infinity;
    let max = -Infinity;
    for (const x of v) {
      if (x < min) min = x;
      if (x > max) max = x;
    }
    const [a, b] = range;
    const s = safe(max - min) / (b - a);
    return [min - a * s, s];
  }
  if (kind === 'standard') {
    let mean = 0;
    for (const x of v) mean += x;
    mean /= v.length;
    let ss = 0;
    for (const x of v) ss += (x - mean) * (x - mean);
    return [mean, safe(Math.sqrt(ss / v.length))];
  }
  const sorted = Float64Array.from(v).sort();
  const iqr = linearQuantile(sorted, 0.75) - linearQuantile(sorted, 0.25);
  return [linearQuantile(sorted, 0.5), safe(iqr)];
}

/** Fits one scaler per column on training values only. */
export function fitScaler(
  kind: ScalerKind,
  trainColumns: readonly Float64Array[],
  options: ScalerOptions = {},
): ScalerParams {
  const range = options.featureRange ?? [0, 1];
  if (!(range[1] > range[0])) throw new Error(`bad feature range [${range.join(', ')}]`);
  const fitted = trainColumns.map((c) => fitColumn(kind, c, range));
  const params: ScalerParams = {
    kind,
    offset: fitted.map((f) => f[0]),
    scale: fitted.map((f) => f[1]),
  };
  if (kind === 'minmax') params.featureRange = [range[0], range[1]];
  return params;
}

function columnParams(params: ScalerParams, column: number): [number, number] {
  const o = params.offset[column];
  const s = params.scale[column];
  if (o === undefined || s === undefined) throw new Error(`scaler has no column ${column}`);
  return [o, s];
}

export function scale(params: ScalerParams, values: Float64Array, column = 0): Float64Array {
  const [o, s] = columnParams(params, column);
  return values.map((x) => (x - o) / s);
}

export function unscale(params: ScalerParams, values: Float64Array, column = 0): Float64Array {
  const [o, s] = columnParams(params, column);
  return values.map((x) => x * s + o);
}
