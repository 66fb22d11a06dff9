import { describe, it, expect } from 'vitest';
import { pacfOls } from './pacf';
import { pacfOlsGram } from './pacfOlsGram';
import { ar1Series, normalStream } from './syntheticSeries.testkit';

const cases: [string, Float64Array, number][] = [];
for (const [n, nlags] of [
  [120, 20],
  [900, 30],
  [3000, 40],
] as const) {
  for (const phi of [-0.5, 0, 0.6, 0.999, 1])
    cases.push([`AR(1) φ=${phi} n=${n}`, ar1Series(n, phi, n + 1), nlags]);
  const noise = ar1Series(n, 0.3, 5 * n);
  cases.push([`trend n=${n}`, Float64Array.from(noise, (v, i) => 200 + 0.5 * i + v), nlags]);
}

describe('OLS PACF from cross-product sums equals one QR per lag', () => {
  it.each(cases)('%s', (_, x, nlags) => {
    const fast = pacfOlsGram(x, nlags);
    const exact = pacfOls(x, nlags, 'exact');
    // The error bound is conservative: a few lags of persistent or trending series go to QR.
    expect(fast.filter((v) => v === null).length).toBeLessThanOrEqual(nlags / 10);
    for (let k = 0; k <= nlags; k++) {
      const e = exact[k] as number;
      const v = fast[k] ?? e;
      expect(Math.abs(v - e)).toBeLessThan(1e-9 * Math.max(Math.abs(e), 1e-3));
    }
  });

  it('leaves ill-conditioned lags to QR, and pacfOls fills them exactly', () => {
    const normal = normalStream(3);
    const x = Float64Array.from(
      { length: 300 },
      (_, i) => 100 * Math.sin(i / 10) + 0.01 * normal(),
    );
    const fast = pacfOlsGram(x, 20);
    expect(fast.some((v) => v === null)).toBe(true);
    expect(pacfOls(x, 20)).toEqual(pacfOls(x, 20, 'exact').map((v, k) => fast[k] ?? v));
  });
});
