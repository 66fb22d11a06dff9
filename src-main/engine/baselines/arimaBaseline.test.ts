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

  it('fits log AirPassengers[1:120] as R does: the airline model, and its one-step forecasts of the last 24', () => {
    // R: auto.arima(ts(log(AirPassengers)[1:120], frequency = 12)) → ARIMA(0,1,1)(0,1,1)[12],
    // ma1 −0.3424, sma1 −0.5405, AICc −388.78; fitted(Arima(x, model = fit))[121:144] starts
    // 5.85388001682884 and ends 6.08199277122150, test RMSE 0.0339796569809002.
    const r = fitArimaBaseline(train, 12, test);
    if (!r.ok) throw new Error(r.reason);
    expect(r.label).toBe('ARIMA(0,1,1)(0,1,1)[12]');
    expect(r.coefficients.ma[0]).toBeCloseTo(0.3424, 4); // Box–Jenkins sign: θ = −ma1
    expect(r.coefficients.sma[0]).toBeCloseTo(0.5405, 4);
    expect(r.aicc).toBeCloseTo(-388.78, 2);
    expect(r.predictions[0]).toBeCloseTo(5.85388001682884, 4);
    expect(r.predictions[23]).toBeCloseTo(6.0819927712215, 4);
    expect(rmse(test, r.predictions)).toBeCloseTo(0.0339796569809002, 5);
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
