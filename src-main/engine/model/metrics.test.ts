import { describe, it, expect } from 'vitest';
import { computeMetrics, mape, mase, maseScale, r2, smape } from './metrics';

describe('metrics (hand-computed)', () => {
  // actual 3,-0.5,2,7 ; predicted 2.5,0,2,8 -> errors .5,-.5,0,-1
  const a = [3, -0.5, 2, 7];
  const p = [2.5, 0, 2, 8];

  it('MSE, RMSE, MAE, R² (sklearn docs example)', () => {
    const m = computeMetrics(a, p, [1, 2, 3], 1);
    expect(m.mse).toBeCloseTo(0.375, 12); // (0.25+0.25+0+1)/4
    expect(m.rmse).toBeCloseTo(Math.sqrt(0.375), 12);
    expect(m.mae).toBeCloseTo(0.5, 12); // (0.5+0.5+0+1)/4
    expect(m.r2).toBeCloseTo(0.9486081370449679, 12); // 1 - 1.5/29.1875
    expect(m.count).toBe(4);
  });

  it('R² of constant actuals follows force_finite', () => {
    expect(r2([2, 2], [2, 2])).toBe(1);
    expect(r2([2, 2], [1, 2])).toBe(0);
  });

  it('MAPE skips zero actuals and reports how many', () => {
    // |(10-8)/10| = .2, |(-4+5)/-4| = .25, actual 0 skipped -> 100*(.45)/2 = 22.5
    const r = mape([10, 0, -4], [8, 3, -5]);
    expect(r.value).toBeCloseTo(22.5, 12);
    expect(r.skipped).toBe(1);
    expect(Number.isNaN(mape([0], [1]).value)).toBe(true);
  });

  it('sMAPE in percent 0..200', () => {
    // 200/3 * (2/18 + 1/1 + 0) ; the (0,0) pair contributes 0; (1,0) is the 200% maximum
    expect(smape([10, 1, 0], [8, 0, 0])).toBeCloseTo((200 / 3) * (2 / 18 + 1), 12);
    expect(smape([1], [-1])).toBeCloseTo(200, 12);
  });

  it('MASE with the M4 seasonal-naive in-sample scale', () => {
    // insample 1,2,4,7,8 with m=2: |4-1|,|7-2|,|8-4| -> mean 4
    expect(maseScale([1, 2, 4, 7, 8], 2)).toBeCloseTo(4, 12);
    // MAE of forecasts 2 -> MASE 0.5
    expect(mase([10, 12], [12, 10], [1, 2, 4, 7, 8], 2)).toBeCloseTo(0.5, 12);
    expect(Number.isNaN(mase([1], [2], [5, 5, 5], 1))).toBe(true);
  });
});
