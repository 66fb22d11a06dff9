import { describe, it, expect } from 'vitest';
import { adfAutolagExact, adfDefaultMaxlag, adfStatisticExact, adfTest } from './adf';
import { adfAutolagGram, adfLaggedGram, adfStatisticGram } from './adfGram';
import { ar1Series, normalStream } from './syntheticSeries.testkit';

function differences(x: Float64Array): Float64Array {
  return Float64Array.from(
    { length: x.length - 1 },
    (_, i) => (x[i + 1] as number) - (x[i] as number),
  );
}

const cases: [string, Float64Array][] = [];
for (const n of [150, 1200, 4000]) {
  for (const phi of [-0.5, 0, 0.9, 0.999, 1])
    cases.push([`AR(1) φ=${phi} n=${n}`, ar1Series(n, phi, n)]);
  const noise = ar1Series(n, 0.3, 3 * n);
  cases.push([`trend n=${n}`, Float64Array.from(noise, (v, i) => 5000 + 3 * i + v)]);
}

describe('ADF from cross-product sums equals the Householder QR path', () => {
  it.each(cases)('%s', (_, x) => {
    const diff = differences(x);
    const maxlag = adfDefaultMaxlag(x.length);
    const gram = adfLaggedGram(x, diff, maxlag);
    const exact = adfAutolagExact(x, diff, maxlag);
    const fast = adfAutolagGram(gram, maxlag);
    expect(fast).not.toBeNull();
    expect(fast?.usedLag).toBe(exact.usedLag);
    expect(Math.abs((fast?.icBest ?? NaN) - exact.icBest)).toBeLessThan(
      1e-9 * Math.abs(exact.icBest),
    );
    const tau = adfStatisticExact(x, diff, exact.usedLag);
    const fit = adfStatisticGram(gram, exact.usedLag);
    expect(fit).not.toBeNull();
    // Relative to max(|τ|, 1): near τ = 0 both paths only carry absolute accuracy.
    expect(Math.abs((fit?.statistic ?? NaN) - tau)).toBeLessThan(1e-9 * Math.max(1, Math.abs(tau)));
    const a = adfTest(x);
    const b = adfTest(x, { method: 'exact' });
    expect(a.usedLag).toBe(b.usedLag);
    expect(Math.abs(a.pValue - b.pValue)).toBeLessThan(1e-9);
  });

  it('falls back to QR on an ill-conditioned design and still agrees', () => {
    // A smooth sine with 1e-4 noise: lagged differences are nearly collinear (condition > 1e8).
    const normal = normalStream(11);
    const x = Float64Array.from(
      { length: 400 },
      (_, i) => 100 * Math.sin(i / 10) + 1e-4 * normal(),
    );
    const diff = differences(x);
    const gram = adfLaggedGram(x, diff, adfDefaultMaxlag(x.length));
    const lag = adfAutolagExact(x, diff, adfDefaultMaxlag(x.length)).usedLag;
    expect(adfStatisticGram(gram, lag)).toBeNull();
    const a = adfTest(x);
    const b = adfTest(x, { method: 'exact' });
    expect(a.statistic).toBe(b.statistic);
    expect(a.usedLag).toBe(b.usedLag);
  });
});
