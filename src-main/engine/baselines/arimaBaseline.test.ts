import { describe, it, expect } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { fitArimaBaseline } from './arimaBaseline';

function rmse(a: Float64Array, b: Float64Array): number {
  let s = 0;
  a.forEach((v, i) => (s += (v - (b[i] as number)) ** 2));
  return Math.sqrt(s / a.length);
}

describe('fitArimaBaseline', () => {
  const air = referenceSeries('AirPassengers.csv:AirPassengers').map(Math.log);
  const train = air.slice(0, 120);
  const test = air.slice(120);

  it('fits log AirPassengers and beats the training-mean baseline one step ahead', () => {
    const r = fitArimaBaseline(train, 12, test);
    if (!r.ok) throw new Error(r.reason);
    expect(r.predictions).toHaveLength(24);
    expect(r.predictions.every(Number.isFinite)).toBe(true);
    expect(r.order.s).toBe(12);
    expect(r.order.d + r.order.D).toBeGreaterThan(0); // trending, seasonal series
    expect(r.label).toMatch(/^ARIMA\(\d,\d,\d\)\(\d,\d,\d\)\[12\]$/);
    const mean = train.reduce((a, b) => a + b, 0) / train.length;
    const meanRmse = rmse(test, new Float64Array(test.length).fill(mean));
    const arimaRmse = rmse(test, r.predictions);
    expect(arimaRmse).toBeLessThan(meanRmse / 3);
    // Our forward filter and the package's Kalman forecast agree on the first test point (the
    // package prints coefficients to 6 significant digits, hence the tolerance).
    expect(Math.abs((r.predictions[0] as number) - r.packageFirstForecast)).toBeLessThan(1e-3);
  });

  it('explains failures instead of throwing', () => {
    const constant = fitArimaBaseline(
      new Float64Array(60).fill(3),
      12,
      new Float64Array(5).fill(3),
    );
    expect(constant).toEqual({ ok: false, reason: expect.stringMatching(/constant/) as unknown });
    const short = fitArimaBaseline(Float64Array.from([1, 2, 3, 4, 5]), 0, Float64Array.from([6]));
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.reason).toMatch(/too short .*5 values; needs at least 6/);
    const gaps = fitArimaBaseline(
      Float64Array.from({ length: 30 }, (_, i) => (i === 4 ? Number.NaN : i)),
      0,
      new Float64Array(2),
    );
    expect(gaps.ok).toBe(false);
  });
});
