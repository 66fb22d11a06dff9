// Automatic selection against R (forecast 8.20) on the 9 sample datasets and 60 M1 training parts
// (20 per period, evenly spaced through each file): fixtures made by scripts/reference/classical.R.
import { describe, expect, it } from 'vitest';
import { fitArimaBaseline } from './arimaBaseline';
import { autoEts, etsForecast } from './ets';
import { maxRelativeError, readFixture } from './referenceFixtures.testkit';
import { fitTheta, thetaForecast } from './theta';

interface Bands {
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
}
interface AutoCase {
  id: string;
  m: number;
  h: number;
  y: number[];
  period?: string;
  test?: number[];
  ets: Bands & { method: string; aicc: number; alpha: number; mean: number[] };
  etsMultiplicativeTrend: { method: string; aicc: number; mean: number[] };
  theta: Bands & { alpha: number; drift: number; mean: number[] };
  arima: { method: string; mean: number[] };
}
const { cases } = readFixture<{ cases: AutoCase[] }>('classical-auto.json');

const smape = (y: readonly number[], f: ArrayLike<number>): number =>
  y.reduce(
    (s, v, i) =>
      s + (200 * Math.abs(v - (f[i] as number))) / (Math.abs(v) + Math.abs(f[i] as number)),
    0,
  ) / y.length;

describe('automatic ETS selection (ets(y)) and Theta (thetaf(y, h)) against R', () => {
  it('covers 9 sample datasets and 60 M1 series', () => {
    expect(cases).toHaveLength(69);
    expect(cases.filter((c) => c.period !== undefined)).toHaveLength(60);
  });

  const etsRows = cases.map((c) => {
    const fit = autoEts(Float64Array.from(c.y), c.m).best;
    const f = etsForecast(fit, c.h);
    return { c, fit, f };
  });

  it('picks the same ETS model as R on all 69 series, with the same AICc', () => {
    const same = etsRows.filter(({ c, fit }) => fit.label === c.ets.method);
    expect(same.map((r) => r.c.id)).toEqual(cases.map((c) => c.id));
    for (const { c, fit } of etsRows)
      expect(Math.abs(fit.aicc - c.ets.aicc)).toBeLessThan(1e-6 * Math.abs(c.ets.aicc));
  });

  it("gives R's ETS point forecasts and intervals within 1e-6 on every series", () => {
    for (const { c, f } of etsRows) {
      expect(maxRelativeError(f.mean, c.ets.mean), c.id).toBeLessThan(1e-6);
      if (!f.variance) throw new Error(`${c.id}: no variance`);
      const sd = f.variance.map(Math.sqrt);
      const upper95 = f.mean.map((v, i) => v + 1.959963984540054 * (sd[i] as number));
      expect(maxRelativeError(upper95, c.ets.upper95), c.id).toBeLessThan(1e-6);
    }
  });

  it('with multiplicative trends allowed (allow.multiplicative.trend = TRUE): same model and forecasts on the 9 datasets and 20 yearly M1 series', () => {
    const subset = cases.filter((c) => c.period === undefined || c.period === 'yearly');
    expect(subset).toHaveLength(29);
    for (const c of subset) {
      const fit = autoEts(Float64Array.from(c.y), c.m, { allowMultiplicativeTrend: true }).best;
      expect(fit.label, c.id).toBe(c.etsMultiplicativeTrend.method);
      expect(
        maxRelativeError(etsForecast(fit, c.h).mean, c.etsMultiplicativeTrend.mean),
        c.id,
      ).toBeLessThan(1e-6);
    }
  });

  it("gives thetaf's forecasts, smoothing parameter, drift and intervals within 1e-6 on every series", () => {
    for (const c of cases) {
      const fit = fitTheta(Float64Array.from(c.y), c.m);
      const f = thetaForecast(fit, c.h);
      expect(
        maxRelativeError([fit.alpha, fit.drift], [c.theta.alpha, c.theta.drift]),
        c.id,
      ).toBeLessThan(1e-6);
      expect(maxRelativeError(f.mean, c.theta.mean), c.id).toBeLessThan(1e-6);
      expect(maxRelativeError(f.bands[0]?.lower ?? [], c.theta.lower80), c.id).toBeLessThan(1e-6);
      expect(maxRelativeError(f.bands[1]?.upper ?? [], c.theta.upper95), c.id).toBeLessThan(1e-6);
    }
  });
});

describe('auto-ARIMA (autoArima.ts, R’s search) against R auto.arima', () => {
  // The 9 sample datasets and the 60 M1 series (20 per period).
  const rows = cases.map((c) => ({
    c,
    fit: fitArimaBaseline(Float64Array.from(c.y), c.m, new Float64Array(0), c.h),
  }));

  it('chooses the same model as R (order and constant) on all 69 series', () => {
    expect(rows).toHaveLength(69);
    const differ = rows.filter(({ c, fit }) => !fit.ok || fit.label !== c.arima.method);
    expect(differ.map(({ c }) => c.id)).toEqual([]);
  });

  it('forecasts h steps as R does (1e-3 relative), so the M1 monthly mean sMAPE is R’s 17.395', () => {
    for (const { c, fit } of rows) {
      if (!fit.ok) throw new Error(`${c.id}: ${fit.reason}`);
      expect(maxRelativeError(fit.forecast, c.arima.mean), c.id).toBeLessThan(1e-3);
    }
    const monthly = rows.filter(({ c }) => c.period === 'monthly');
    expect(monthly).toHaveLength(20);
    let ours = 0;
    let r = 0;
    for (const { c, fit } of monthly) {
      if (!fit.ok || !c.test) throw new Error(`${c.id}: ${fit.ok ? 'no test part' : fit.reason}`);
      ours += smape(c.test, fit.forecast) / 20;
      r += smape(c.test, c.arima.mean) / 20;
    }
    expect(r).toBeCloseTo(17.395, 3);
    expect(ours).toBeCloseTo(r, 2);
  });
});
