import { describe, it, expect } from 'vitest';
import { applyTransforms, type TransformStep } from './transformSteps';
import { invertPredictions } from './inverseTransforms';

const series = Float64Array.from({ length: 30 }, (_, t) => 10 + t + 3 * Math.sin(t) + (t % 4));

describe('invertPredictions', () => {
  const chains: TransformStep[][] = [
    [],
    [{ kind: 'log' }],
    [{ kind: 'boxcox', lambda: 0.3 }],
    [{ kind: 'diff' }],
    [{ kind: 'seasonalDiff', period: 4 }],
    [{ kind: 'log' }, { kind: 'diff' }, { kind: 'seasonalDiff', period: 4 }],
    [{ kind: 'boxcox', lambda: -0.5 }, { kind: 'seasonalDiff', period: 3 }, { kind: 'diff' }],
  ];
  for (const steps of chains) {
    it(`round-trips exact transformed values for ${JSON.stringify(steps)}`, () => {
      const r = applyTransforms(series, steps);
      const start = 20;
      const h = 6;
      const pred = r.values.slice(start, start + h);
      const back = invertPredictions(pred, start, r.levels, steps);
      for (let k = 0; k < h; k++) expect(back[k]).toBeCloseTo(series[start + k] ?? NaN, 9);
    });
  }

  it('first difference: levels before start plus cumulative predicted changes', () => {
    // last actual before start is series[9]; predicted changes 1, 2, -1
    const r = applyTransforms(series, [{ kind: 'diff' }]);
    const back = invertPredictions(Float64Array.from([1, 2, -1]), 10, r.levels, [{ kind: 'diff' }]);
    const y9 = series[9] ?? NaN;
    expect(Array.from(back)).toEqual([y9 + 1, y9 + 3, y9 + 2]);
  });

  it('seasonal difference m=2 uses actuals for t-m < start and predictions after', () => {
    const steps: TransformStep[] = [{ kind: 'seasonalDiff', period: 2 }];
    const r = applyTransforms(series, steps);
    const back = invertPredictions(Float64Array.from([1, 1, 1]), 10, r.levels, steps);
    const y8 = series[8] ?? NaN;
    const y9 = series[9] ?? NaN;
    expect(Array.from(back)).toEqual([y8 + 1, y9 + 1, y8 + 2]);
  });

  it('never reads data at or after the start (future values changed -> same result)', () => {
    const steps: TransformStep[] = [
      { kind: 'log' },
      { kind: 'diff' },
      { kind: 'seasonalDiff', period: 4 },
    ];
    const altered = series.slice();
    for (let t = 15; t < altered.length; t++) altered[t] = 1000 + t;
    const pred = Float64Array.from([0.1, -0.2, 0.05]);
    const a = invertPredictions(pred, 15, applyTransforms(series, steps).levels, steps);
    const b = invertPredictions(pred, 15, applyTransforms(altered, steps).levels, steps);
    expect(Array.from(b)).toEqual(Array.from(a));
  });
});
