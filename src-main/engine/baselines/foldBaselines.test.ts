import { describe, expect, it } from 'vitest';
import { classicalBaselines } from './classical';
import { foldBaselines } from './foldBaselines';
import { readFixture } from './referenceFixtures.testkit';
import { computeMetrics } from '../model/metrics';

const { series } = readFixture<{ series: Record<string, number[]> }>('classical-fixed.json');
const air = Float64Array.from(series.AirPassengers ?? []);

describe('foldBaselines', () => {
  const fold = { trainStart: 0, testStart: 120, testEnd: 132 };
  const r = foldBaselines(air, fold, 12);

  it('scores naive, seasonal naive, mean, ARIMA, ETS and Theta on the fold', () => {
    expect(Object.keys(r.metrics).sort()).toEqual(
      ['arima', 'ets', 'mean', 'naive', 'seasonalNaive', 'theta'].sort(),
    );
    expect(r.labels.ets).toBe('ETS(M,Ad,M)');
    expect(r.labels.theta).toBe('Theta');
    expect(r.notes.ets).toBe(
      "ETS(M,Ad,M) fitted on the fold's training part, forecasting the test block from its origin",
    );
  });

  it("forecasts the whole block from the fold's origin, fitted on the training part only", () => {
    const train = air.slice(0, 120);
    const direct = classicalBaselines(train, 12, 12);
    for (const method of ['ets', 'theta', 'arima'] as const) {
      const d = direct[method];
      if (!d?.ok) throw new Error(d?.note);
      expect(r.paths[method]).toEqual(d.forecast);
      expect(r.metrics[method]).toEqual(
        computeMetrics(air.subarray(120, 132), d.forecast, air.subarray(0, 120), 12),
      );
    }
    // Changing the test block changes no forecast.
    const changed = Float64Array.from(air);
    for (let i = 120; i < 132; i++) changed[i] = (changed[i] as number) * 2;
    expect(foldBaselines(changed, fold, 12).paths).toEqual(r.paths);
  });
});
