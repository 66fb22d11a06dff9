// forecast::auto.arima (R 4.2, forecast 8.20) on 69 series: the R sample datasets' training parts
// and fixed M1 and tourism subsets (scripts/reference/auto_arima.R → fixtures/auto-arima.json).
import { describe, expect, it } from 'vitest';
import { fitArimaBaseline, modelLabel } from './arimaBaseline';
import { autoArima, firstDifferences, seasonalDifferences, seasonalStrength } from './autoArima';
import { maxRelativeError, readFixture } from './referenceFixtures.testkit';
import { differenced, sarimaLoglik, type SarimaCandidate } from './sarimaFit';

interface Case {
  id: string;
  m: number;
  y: number[];
  test: number[];
  strength: number | null;
  nsdiffs: number;
  ndiffs: number;
  label: string;
  order: [number, number, number, number, number, number];
  constant: boolean;
  coef: number[];
  loglik: number;
  loglikKappa1e9: number;
  aicc: number;
  oneStep: number[];
  forecast: number[];
}
const { cases } = readFixture<{ cases: Case[] }>('auto-arima.json');
const candidateOf = (c: Case): SarimaCandidate => {
  const [p, d, q, P, D, Q] = c.order;
  return { p, d, q, P, D, Q, s: c.m, constant: c.constant };
};
const totalDifferences = (c: Case): number => c.order[1] + c.order[4];

describe('the differencing tests, against nsdiffs, ndiffs and seas.heuristic', () => {
  it('STL seasonal strength equals R’s to 1e-12 on every seasonal series', () => {
    const seasonal = cases.filter((c) => c.strength !== null);
    expect(seasonal).toHaveLength(45);
    for (const c of seasonal)
      expect(
        Math.abs(seasonalStrength(Float64Array.from(c.y), c.m) - (c.strength as number)),
        c.id,
      ).toBeLessThan(1e-12);
  });

  it('the same seasonal and first differences as R on all 69 series', () => {
    expect(cases).toHaveLength(69);
    for (const c of cases) {
      const x = Float64Array.from(c.y);
      const D = c.m > 1 ? seasonalDifferences(x, c.m) : 0;
      expect(D, c.id).toBe(c.nsdiffs);
      expect(firstDifferences(differenced(x, 0, D, c.m)), c.id).toBe(c.ndiffs);
    }
  });
});

describe('sarimaLoglik: the exact likelihood of the differenced series', () => {
  it('equals R’s log-likelihood at R’s coefficients with a near-exact diffuse prior (κ = 1e9) to 1e-6', () => {
    for (const c of cases) {
      const ll = sarimaLoglik(Float64Array.from(c.y), candidateOf(c), c.coef);
      expect(
        Math.abs(ll - c.loglikKappa1e9) / Math.max(1, Math.abs(c.loglikKappa1e9)),
        c.id,
      ).toBeLessThan(1e-6);
    }
  });

  it('and arima’s own κ = 1e6 within 2e-4, except where three differences make κ = 1e6 far from diffuse (MRG25)', () => {
    for (const c of cases.filter((k) => totalDifferences(k) < 3)) {
      const ll = sarimaLoglik(Float64Array.from(c.y), candidateOf(c), c.coef);
      expect(Math.abs(ll - c.loglik) / Math.max(1, Math.abs(c.loglik)), c.id).toBeLessThan(2e-4);
    }
    expect(cases.filter((k) => totalDifferences(k) >= 3).map((k) => k.id)).toEqual(['MRG25']);
  });
});

describe('autoArima: the stepwise search', () => {
  const fits = cases.map((c) => ({ c, r: autoArima(Float64Array.from(c.y), c.m) }));

  it('chooses R’s model (orders and constant) on all 69 series', () => {
    const differ = fits.filter(
      ({ c, r }) => modelLabel(r.fit.order, r.fit.coefficients) !== c.label,
    );
    expect(differ.map(({ c }) => c.id)).toEqual([]);
  });

  it('with R’s coefficients to 3e-3 and AICc to 3e-3, or 6 where three differences change R’s likelihood', () => {
    for (const { c, r } of fits) {
      expect(r.fit.rCoefficients, c.id).toHaveLength(c.coef.length);
      r.fit.rCoefficients.forEach((v, i) =>
        expect(Math.abs(v - (c.coef[i] as number)), c.id).toBeLessThan(3e-3),
      );
      expect(Math.abs(r.fit.aicc - c.aicc), c.id).toBeLessThan(totalDifferences(c) < 3 ? 3e-3 : 6);
    }
  });

  it('forecasts as R does: h steps on the M1 and tourism series to 1e-3 relative', () => {
    const withH = fits.filter(({ c }) => c.forecast.length > 0);
    expect(withH).toHaveLength(60);
    for (const { c } of withH) {
      const fit = fitArimaBaseline(
        Float64Array.from(c.y),
        c.m,
        new Float64Array(0),
        c.forecast.length,
      );
      if (!fit.ok) throw new Error(`${c.id}: ${fit.reason}`);
      expect(maxRelativeError(fit.forecast, c.forecast), c.id).toBeLessThan(1e-3);
    }
  });

  it('and one step ahead through the sample datasets’ test parts to 1e-4 relative', () => {
    const withTest = cases.filter((c) => c.test.length > 0);
    expect(withTest).toHaveLength(9);
    for (const c of withTest) {
      const fit = fitArimaBaseline(Float64Array.from(c.y), c.m, Float64Array.from(c.test));
      if (!fit.ok) throw new Error(`${c.id}: ${fit.reason}`);
      expect(maxRelativeError(fit.predictions, c.oneStep), c.id).toBeLessThan(1e-4);
    }
  });
});

describe('autoArima on a constant differenced series (a polynomial), as auto.arima', () => {
  // R: auto.arima(ts(2 * (0:29) + 1)) → ARIMA(0,1,0) with drift 2, forecasts 61, 63, 65; and
  // auto.arima(ts(rep(c(1, 5, 3, 2), 6) + rep(0:5, each = 4) * 4, frequency = 4)) →
  // ARIMA(0,0,0)(0,1,0)[4] with drift 1, forecasts 25, 29, 27, 26.
  it('a line: ARIMA(0,1,0) with its slope as the drift', () => {
    const line = Float64Array.from({ length: 30 }, (_, t) => 2 * t + 1);
    const fit = fitArimaBaseline(line, 1, new Float64Array(0), 3);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.label).toBe('ARIMA(0,1,0) with drift');
    expect(fit.coefficients.drift).toBeCloseTo(2, 12);
    expect(Array.from(fit.forecast)).toEqual([61, 63, 65].map((v) => expect.closeTo(v, 9)));
  });

  it('a season on a line: ARIMA(0,0,0)(0,1,0)[4] with the yearly rise over 4 as the drift', () => {
    const y = Float64Array.from(
      { length: 24 },
      (_, t) => ([1, 5, 3, 2][t % 4] as number) + 4 * Math.floor(t / 4),
    );
    const fit = fitArimaBaseline(y, 4, new Float64Array(0), 4);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.label).toBe('ARIMA(0,0,0)(0,1,0)[4] with drift');
    expect(fit.coefficients.drift).toBeCloseTo(1, 12);
    expect(Array.from(fit.forecast)).toEqual([25, 29, 27, 26].map((v) => expect.closeTo(v, 9)));
  });
});
