import { describe, it, expect } from 'vitest';
import { LaggedGram } from './laggedGram';
import { normalStream } from './syntheticSeries.testkit';

/** Centred cross-product of columns a, b over rows s ∈ [lag, len−1], by definition. */
function direct(
  col: (c: number, s: number) => number,
  a: number,
  b: number,
  lag: number,
  len: number,
) {
  const rows = len - lag;
  let ma = 0;
  let mb = 0;
  for (let s = lag; s < len; s++) {
    ma += col(a, s) / rows;
    mb += col(b, s) / rows;
  }
  let sum = 0;
  for (let s = lag; s < len; s++) sum += (col(a, s) - ma) * (col(b, s) - mb);
  return sum;
}

describe('LaggedGram', () => {
  const normal = normalStream(7);
  const z = Float64Array.from({ length: 300 }, (_, i) => 50 + 0.1 * i + normal());
  const e = Float64Array.from({ length: 300 }, (_, i) => 1000 + i * i * 0.01 + normal());
  const maxLag = 6;
  const col = (c: number, s: number) =>
    c === maxLag + 1 ? (e[s] as number) : (z[s - c] as number);

  it('matches the definition for the base window and after growing it', () => {
    const gram = new LaggedGram(z, maxLag, e);
    for (const lag of [6, 4, 0]) {
      const columns = [maxLag + 1, ...Array.from({ length: lag }, (_, i) => i + 1), 0];
      const g = gram.centred(lag, columns);
      const k = columns.length;
      for (let a = 0; a < k; a++)
        for (let b = 0; b < k; b++) {
          const want = direct(col, columns[a] as number, columns[b] as number, lag, z.length);
          expect(Math.abs((g[a * k + b] as number) - want)).toBeLessThan(
            1e-10 * Math.abs(want) + 1e-9,
          );
        }
    }
  });

  it('refuses to shrink the window or use lags beyond it', () => {
    const gram = new LaggedGram(z, maxLag);
    gram.centred(3, [1, 2, 3, 0]);
    expect(() => gram.centred(5, [0])).toThrow(RangeError);
    expect(() => gram.centred(2, [3, 0])).toThrow(RangeError);
  });
});
