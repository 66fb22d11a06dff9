// Explainers cost (cells × sides) model evaluations per window, so they run on a bounded,
// evenly spaced subset of windows rather than on all of them.

export interface WindowShape {
  windows: number;
  lookback: number;
  features: number;
}

/** Up to `max` window indices evenly spaced over 0..total−1, including both ends. */
export function selectWindows(total: number, max = 200): number[] {
  if (total <= 0 || max <= 0) return [];
  if (total <= max) return Array.from({ length: total }, (_, i) => i);
  if (max === 1) return [total - 1];
  // Spacing (total−1)/(max−1) > 1, so rounding never produces duplicates.
  return Array.from({ length: max }, (_, i) => Math.round((i * (total - 1)) / (max - 1)));
}

/** Copies the chosen windows out of a row-major [windows × lookback × features] array. */
export function gatherWindows(
  inputs: Float32Array,
  shape: WindowShape,
  indices: readonly number[],
): Float32Array {
  const size = shape.lookback * shape.features;
  if (inputs.length !== shape.windows * size) throw new RangeError('inputs do not match shape');
  const out = new Float32Array(indices.length * size);
  indices.forEach((w, j) => {
    if (!(w >= 0 && w < shape.windows)) throw new RangeError(`window ${w} out of range`);
    out.set(inputs.subarray(w * size, (w + 1) * size), j * size);
  });
  return out;
}
