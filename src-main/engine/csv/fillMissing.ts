// Filling missing values (NaN) in one column. Neither method invents values outside the observed
// range: leading gaps stay missing for forward fill, and both ends stay missing for interpolation.
// With `only`, just the cells marked 1 are filled (a column's non-finite cells); other missing cells
// stay missing and are never used as a neighbour.

export interface FillResult {
  values: Float64Array;
  filled: number;
  left: number;
}

const wanted = (only: Uint8Array | undefined, i: number): boolean =>
  only === undefined || only[i] === 1;

export function forwardFill(values: Float64Array, only?: Uint8Array): FillResult {
  const out = values.slice();
  let last = NaN;
  let filled = 0;
  let left = 0;
  for (let i = 0; i < out.length; i++) {
    const v = out[i] as number;
    if (!Number.isNaN(v)) last = v;
    else if (!wanted(only, i)) continue;
    else if (Number.isNaN(last)) left++;
    else {
      out[i] = last;
      filled++;
    }
  }
  return { values: out, filled, left };
}

/** Linear in row position (the series is assumed regular, as after sorting and gap filling). */
export function linearInterpolate(values: Float64Array, only?: Uint8Array): FillResult {
  const out = values.slice();
  let filled = 0;
  let left = 0;
  let prev = -1;
  const unfilled = (from: number, to: number): void => {
    for (let j = from; j < to; j++) if (wanted(only, j)) left++;
  };
  for (let i = 0; i < out.length; i++) {
    if (Number.isNaN(out[i])) continue;
    if (prev < 0) unfilled(0, i);
    else if (i - prev > 1) {
      const a = out[prev] as number;
      const b = out[i] as number;
      for (let j = prev + 1; j < i; j++) {
        if (!wanted(only, j)) continue;
        out[j] = a + ((b - a) * (j - prev)) / (i - prev);
        filled++;
      }
    }
    prev = i;
  }
  unfilled(prev + 1, out.length);
  return { values: out, filled, left };
}
