// Filling missing values (NaN) in one column. Neither method invents values outside the observed
// range: leading gaps stay missing for forward fill, and both ends stay missing for interpolation.

export interface FillResult {
  values: Float64Array;
  filled: number;
  left: number;
}

export function forwardFill(values: Float64Array): FillResult {
  const out = values.slice();
  let last = NaN;
  let filled = 0;
  let left = 0;
  for (let i = 0; i < out.length; i++) {
    const v = out[i] as number;
    if (!Number.isNaN(v)) last = v;
    else if (Number.isNaN(last)) left++;
    else {
      out[i] = last;
      filled++;
    }
  }
  return { values: out, filled, left };
}

/** Linear in row position (the series is assumed regular, as after sorting and gap filling). */
export function linearInterpolate(values: Float64Array): FillResult {
  const out = values.slice();
  let filled = 0;
  let left = 0;
  let prev = -1;
  for (let i = 0; i < out.length; i++) {
    if (Number.isNaN(out[i])) continue;
    if (prev < 0) left += i;
    else if (i - prev > 1) {
      const a = out[prev] as number;
      const b = out[i] as number;
      for (let j = prev + 1; j < i; j++) out[j] = a + ((b - a) * (j - prev)) / (i - prev);
      filled += i - prev - 1;
    }
    prev = i;
  }
  left += prev < 0 ? out.length : out.length - 1 - prev;
  return { values: out, filled, left };
}
