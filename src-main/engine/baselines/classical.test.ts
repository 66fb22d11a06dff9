import { describe, expect, it } from 'vitest';
import { classicalBaselines } from './classical';
import { seasonalityTest } from './theta';
import { readFixture } from './referenceFixtures.testkit';

const { series } = readFixture<{ series: Record<string, number[]> }>('classical-fixed.json');
const air = Float64Array.from(series.AirPassengers ?? []);
const nile = Float64Array.from(series.Nile ?? []);

describe('seasonalityTest (90% ACF test of the M competitions)', () => {
  it('finds seasonality in AirPassengers and UKgas, not at m = 1 or within two seasons', () => {
    expect(seasonalityTest(air, 12)).toBe(true);
    expect(seasonalityTest(Float64Array.from(series.UKgas ?? []), 4)).toBe(true);
    expect(seasonalityTest(air, 1)).toBe(false);
    // Needs more than two seasons.
    expect(seasonalityTest(air.slice(0, 24), 12)).toBe(false);
  });
});

describe('classicalBaselines', () => {
  const train = air.slice(0, 120);
  const test = air.slice(120);
  const r = classicalBaselines(train, 12, 12, { test, origins: [0, 5] });

  it('fits ETS, Theta and ARIMA with their labels and parameters', () => {
    expect(r.ets?.ok && r.ets.label).toBe('ETS(M,Ad,M)');
    expect(r.theta?.ok && r.theta.label).toBe('Theta');
    expect(r.arima?.ok && r.arima.label).toMatch(/^ARIMA\(\d,\d,\d\)\(\d,\d,\d\)\[12\]$/);
    if (!r.ets?.ok || !r.theta?.ok) throw new Error('not fitted');
    expect(Object.keys(r.ets.parameters)).toEqual(
      expect.arrayContaining(['alpha', 'beta', 'gamma', 'phi', 'initialState', 'aicc']),
    );
    expect(r.theta.parameters.seasonal).toBe(true);
  });

  it('returns h-step paths, 80/95% bands around them, and one-step forecasts of the test part', () => {
    for (const m of [r.ets, r.theta, r.arima]) {
      if (!m?.ok) throw new Error(m?.note);
      expect(m.forecast).toHaveLength(12);
      expect(m.intervals.map((b) => b.level)).toEqual([0.8, 0.95]);
      for (const b of m.intervals)
        b.lower.forEach((lo, i) => expect(lo).toBeLessThan(m.forecast[i] as number));
      expect(m.oneStep).toHaveLength(24);
      expect(m.originPaths[0]).toEqual(m.forecast);
    }
    // The first one-step forecast is the first step of the path from the end of train; from origin
    // 5 the first step is the one-step forecast of test[5]. (Not for ETS(M,Ad,M): R's class-3
    // forecast weights the damped slope by 1 rather than φ at step 1, and the paths follow R.)
    for (const m of [r.theta, r.arima]) {
      if (!m?.ok) throw new Error(m?.note);
      expect(m.oneStep?.[0]).toBeCloseTo(m.forecast[0] as number, 9);
      expect(m.originPaths[1]?.[0]).toBeCloseTo(m.oneStep?.[5] as number, 9);
    }
  });

  it('says why a method cannot be fitted instead of throwing', () => {
    const short = classicalBaselines(Float64Array.from([1, 2, 3, 4, 5]), 1, 3);
    expect(short.ets).toEqual({
      ok: false,
      method: 'ets',
      label: 'ETS',
      note: 'ETS not available: too few observations for ETS (5; needs at least 7)',
    });
    expect(short.theta?.ok).toBe(false);
    expect(short.arima?.note).toMatch(/too short/);
    const gaps = classicalBaselines(Float64Array.from([1, 2, Number.NaN, 4, 5, 6, 7, 8]), 1, 2, {
      methods: ['ets', 'theta'],
    });
    expect(gaps.ets?.note).toMatch(/finite/);
    expect(gaps.theta?.note).toMatch(/finite/);
    expect(gaps.arima).toBeUndefined();
  });

  it('Nile (no season): ETS and Theta without seasonal terms', () => {
    const n = classicalBaselines(nile, 1, 10, { methods: ['ets', 'theta'] });
    expect(n.ets?.label).toBe('ETS(M,N,N)'); // as R's ets(Nile)
    expect(n.theta?.ok && n.theta.parameters.seasonal).toBe(false);
  });
});
