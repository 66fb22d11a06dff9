// Windows normalised by their own last input level, so a network sees shapes, not levels, and a
// trend beyond the training range stays in range:
// - 'ratio': z = log(v / level) (positive series), inverse level·exp(z);
// - 'difference': z = (v − level) / scale, scale a fixed per-series size (mean |v| of the training
//   part), inverse level + z·scale.
// level = the value at row t0 − 1 (the last input). Inputs before the series' first row are
// padded with the first value, so any series with at least one row before its first target has
// a window whatever the lookback.
import type { WindowSet } from '../model/windows';

export type WindowNormalisation = 'ratio' | 'difference';

export interface LocalNorm {
  kind: WindowNormalisation;
  /** 'difference' only; 1 for 'ratio'. */
  scale: number;
}

export interface LocalWindowSet extends WindowSet {
  /** The level (last input value) of each window. */
  levels: Float64Array;
}

export function normalise(v: number, level: number, norm: LocalNorm): number {
  return norm.kind === 'ratio' ? Math.log(v / level) : (v - level) / norm.scale;
}

export function denormalise(z: number, level: number, norm: LocalNorm): number {
  return norm.kind === 'ratio' ? level * Math.exp(z) : level + z * norm.scale;
}

/** 'ratio' for positive values, else 'difference' scaled by mean |v| (1 when that is 0). */
export function chooseNormalisation(values: ArrayLike<number>): LocalNorm {
  let positive = values.length > 0;
  let sumAbs = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    if (!(v > 0)) positive = false;
    sumAbs += Math.abs(v);
  }
  if (positive) return { kind: 'ratio', scale: 1 };
  const scale = values.length > 0 ? sumAbs / values.length : 1;
  return { kind: 'difference', scale: scale > 0 && Number.isFinite(scale) ? scale : 1 };
}

/**
 * Target starts t0 (chronological) whose h targets lie in [lo, hi) and which have at least
 * minInputs real input rows at or after firstRow; the last maxWindows of them when capped.
 */
export function localWindowStarts(
  firstRow: number,
  lo: number,
  hi: number,
  horizon: number,
  minInputs = 1,
  maxWindows = Infinity,
): number[] {
  const out: number[] = [];
  const from = Math.max(lo, firstRow + Math.max(1, minInputs));
  for (let t0 = from; t0 + horizon <= hi; t0++) out.push(t0);
  return out.length > maxWindows ? out.slice(out.length - maxWindows) : out;
}

/** Normalised windows of one (adjusted) series; targets past the end are NaN (forecast windows). */
export function buildLocalWindows(
  series: ArrayLike<number>,
  starts: readonly number[],
  lookback: number,
  horizon: number,
  norm: LocalNorm,
  firstRow = 0,
): LocalWindowSet {
  const L = lookback;
  const H = horizon;
  const x = new Float32Array(starts.length * L);
  const y = new Float32Array(starts.length * H);
  const levels = new Float64Array(starts.length);
  starts.forEach((t0, w) => {
    const level = series[t0 - 1] ?? Number.NaN;
    levels[w] = level;
    for (let l = 0; l < L; l++) {
      const row = Math.max(firstRow, t0 - L + l);
      x[w * L + l] = normalise(series[row] ?? Number.NaN, level, norm);
    }
    for (let h = 0; h < H; h++) {
      const row = t0 + h;
      y[w * H + h] =
        row < series.length ? normalise(series[row] ?? Number.NaN, level, norm) : Number.NaN;
    }
  });
  return {
    x,
    y,
    levels,
    targetStarts: Int32Array.from(starts),
    count: starts.length,
    lookback: L,
    horizon: H,
    nFeatures: 1,
  };
}

/** Network outputs [count, horizon] back to the (adjusted) series' units. */
export function denormaliseOutputs(
  outputs: ArrayLike<number>,
  set: Pick<LocalWindowSet, 'levels' | 'count' | 'horizon'>,
  norm: LocalNorm,
): Float64Array {
  const out = new Float64Array(set.count * set.horizon);
  for (let w = 0; w < set.count; w++) {
    const level = set.levels[w] ?? Number.NaN;
    for (let h = 0; h < set.horizon; h++) {
      const i = w * set.horizon + h;
      out[i] = denormalise(outputs[i] ?? Number.NaN, level, norm);
    }
  }
  return out;
}

/** Windows of several series in one set (same lookback and horizon), in the given order. */
export function concatWindows(sets: readonly WindowSet[]): WindowSet {
  const first = sets[0];
  if (!first) throw new Error('no window sets to pool');
  const { lookback, horizon, nFeatures } = first;
  let count = 0;
  for (const s of sets) {
    if (s.lookback !== lookback || s.horizon !== horizon || s.nFeatures !== nFeatures)
      throw new Error('pooled window sets must share lookback, horizon and features');
    count += s.count;
  }
  const per = lookback * nFeatures;
  const x = new Float32Array(count * per);
  const y = new Float32Array(count * horizon);
  const targetStarts = new Int32Array(count);
  let at = 0;
  for (const s of sets) {
    x.set(s.x, at * per);
    y.set(s.y, at * horizon);
    targetStarts.set(s.targetStarts, at);
    at += s.count;
  }
  return { x, y, targetStarts, count, lookback, horizon, nFeatures };
}
