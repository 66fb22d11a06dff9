import { describe, expect, it } from 'vitest';
import {
  autoEts,
  etsForecast,
  etsWithState,
  normalBands,
  rootsWithin,
  type EtsSpec,
  type SeasonType,
  type TrendType,
} from './ets';
import { maxRelativeError, readFixture } from './referenceFixtures.testkit';

// Made by scripts/reference/classical.R (R 4.2, forecast 8.20).
interface FixedCase {
  series: string;
  m: number;
  spec: string;
  error: 'A' | 'M';
  trend: TrendType;
  season: SeasonType;
  damped: boolean;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  initstate: number[];
  sigma2: number;
  loglik: number;
  fitted: number[];
  mean: number[];
  /** Absent for multiplicative trends (R simulates those intervals). */
  lower80?: number[];
  upper80?: number[];
  lower95?: number[];
  upper95?: number[];
}
const fixture = readFixture<{ series: Record<string, number[]>; ets: FixedCase[] }>(
  'classical-fixed.json',
);

describe('ETS with given parameters and initial states (R: ets(y, model = fit, use.initial.values = TRUE))', () => {
  it('has all 54 reference models', () => {
    expect(fixture.ets).toHaveLength(54);
    expect(fixture.ets.filter((c) => c.trend === 'M')).toHaveLength(12);
  });
  for (const c of fixture.ets) {
    it(`${c.series} ETS ${c.spec}: one-step fits, point forecasts and 80/95% intervals within 1e-6`, () => {
      const y = fixture.series[c.series] as number[];
      const spec: EtsSpec = { error: c.error, trend: c.trend, season: c.season, damped: c.damped };
      const fit = etsWithState(y, c.m, spec, c, c.initstate, c.sigma2);
      expect(maxRelativeError(fit.fitted, c.fitted)).toBeLessThan(1e-6);
      expect(Math.abs(fit.loglik - c.loglik)).toBeLessThan(1e-6 * Math.abs(c.loglik));
      const f = etsForecast(fit, c.mean.length);
      expect(maxRelativeError(f.mean, c.mean)).toBeLessThan(1e-6);
      if (c.trend === 'M') {
        // No analytical intervals for a multiplicative trend (R simulates them).
        expect(f.variance).toBeNull();
        return;
      }
      if (!f.variance || !c.lower80 || !c.upper80 || !c.lower95 || !c.upper95)
        throw new Error('no intervals');
      const [b80, b95] = normalBands(f.mean, f.variance, [0.8, 0.95]);
      expect(maxRelativeError(b80?.lower ?? [], c.lower80)).toBeLessThan(1e-6);
      expect(maxRelativeError(b80?.upper ?? [], c.upper80)).toBeLessThan(1e-6);
      expect(maxRelativeError(b95?.lower ?? [], c.lower95)).toBeLessThan(1e-6);
      expect(maxRelativeError(b95?.upper ?? [], c.upper95)).toBeLessThan(1e-6);
    });
  }
});

describe('rootsWithin', () => {
  it('separates polynomials by the modulus of their largest root', () => {
    // (z − 0.5)(z + 0.9) = z² + 0.4z − 0.45 : roots 0.5, −0.9
    expect(rootsWithin([-0.45, 0.4, 1], 1)).toBe(true);
    // (z − 1.1)(z − 0.2) = z² − 1.3z + 0.22
    expect(rootsWithin([0.22, -1.3, 1], 1)).toBe(false);
    expect(rootsWithin([0.22, -1.3, 1], 1.2)).toBe(true);
    // z² + 1: roots ±i on the circle, inside a radius a hair above 1
    expect(rootsWithin([1, 0, 1], 1 + 1e-10)).toBe(true);
  });
});

describe('autoEts', () => {
  it('refuses series too short to fit', () => {
    expect(() => autoEts([1, 2, 3, 4, 5, 6], 1)).toThrow(/too few observations/);
  });
});
