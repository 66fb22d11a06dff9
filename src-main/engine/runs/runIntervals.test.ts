import { describe, expect, it } from 'vitest';
import type { ClassicalSuccess } from '../baselines/classical';
import { runIntervals, type ClassicalRow } from './enrichRun';
import type { ClassicalMethod } from '../baselines/classical';

const H = 2;

/** `windows` validation windows with |residual| = w + 1 at step 1 and 2(w + 1) at step 2. */
function validation(windows: number): {
  targetStarts: number[];
  horizon: number;
  times: number[];
  predicted: number[];
  actual: number[];
} {
  const predicted: number[] = [];
  const actual: number[] = [];
  for (let w = 0; w < windows; w++) {
    predicted.push(0, 0);
    actual.push(w + 1, -2 * (w + 1));
  }
  return {
    targetStarts: Array.from({ length: windows }, (_, w) => w),
    horizon: H,
    times: predicted.map((_, i) => i),
    predicted,
    actual,
  };
}

const test = {
  targetStarts: [100, 101],
  horizon: H,
  times: [0, 1, 2, 3],
  predicted: [100, 200, 50, 60],
  actual: [110, 260, 50, 40],
  baselinePredictions: { naive: [0, 0, 0, 0], seasonalNaive: [0, 0, 0, 0], mean: [0, 0, 0, 0] },
};
const forecast = { times: [4, 5], values: [300, 400] };

function classical(method: 'ets' | 'arima', error: 'A' | 'M'): ClassicalSuccess {
  return {
    ok: true,
    method,
    label: method === 'ets' ? `ETS(${error},N,N)` : 'ARIMA(0,1,1)',
    forecast: [10, 20],
    // Half-widths 80%: 2 and 5; 95%: 4 and 8.
    intervals: [
      { level: 0.8, lower: [8, 15], upper: [12, 25] },
      { level: 0.95, lower: [6, 12], upper: [14, 28] },
    ],
    oneStep: null,
    originPaths: [],
    parameters: { error },
    note: '',
  };
}

function rows(
  fits: Partial<Record<ClassicalMethod, ClassicalSuccess>>,
): Record<ClassicalMethod, ClassicalRow> {
  const row = (m: ClassicalMethod): ClassicalRow => {
    const result = fits[m];
    return result
      ? { fit: { metrics: {} as never, predictions: [], model: {} as never, result }, note: '' }
      : { fit: null, note: `${m} not fitted` };
  };
  return { ets: row('ets'), theta: row('theta'), arima: row('arima') };
}

describe('runIntervals', () => {
  it('uses split conformal when 19 validation windows bound the 95% interval (hand-worked)', () => {
    const out = runIntervals(
      { validation: validation(19), test, forecast },
      rows({ ets: classical('ets', 'M') }),
    );
    // n = 19: 80% rank ⌈20·0.8⌉ = 16 → 16 and 32; 95% rank ⌈20·0.95⌉ = 19 → 19 and 38.
    const [b80, b95] = out.intervals;
    expect(b80?.method).toBe('split-conformal');
    expect(b80?.methodLabel).toBe('split conformal on 19 validation windows, per horizon step');
    expect(b80?.halfWidth).toEqual([16, 32]);
    expect(b95?.halfWidth).toEqual([19, 38]);
    expect(b95?.lower).toEqual([81, 162, 31, 22]);
    expect(b95?.upper).toEqual([119, 238, 69, 98]);
    // Actuals 110 ∈ [81,119], 260 ∉ [162,238], 50 ∈ [31,69], 40 ∈ [22,98]: 3 of 4.
    expect(b95?.coverage).toBe(0.75);
    expect(out.forecastIntervals[1]?.lower).toEqual([281, 362]);
    expect(out.forecastIntervals[1]?.coverage).toBeNull();
  });

  it('falls back to ETS intervals scaled to the level when 18 windows leave 95% unbounded', () => {
    const out = runIntervals(
      { validation: validation(18), test, forecast },
      rows({ ets: classical('ets', 'M'), arima: classical('arima', 'A') }),
    );
    const [b80, b95] = out.intervals;
    expect(b95?.method).toBe('model-based');
    expect(b95?.methodLabel).toBe(
      "ETS(M,N,N) prediction intervals (fitted on the rows before the test part), centred on the model's forecast",
    );
    // 95% fractions 4/10 = 0.4 and 8/20 = 0.4: 100 ± 40, 200 ± 80, 50 ± 20, 60 ± 24.
    expect(b95?.lower).toEqual([60, 120, 30, 36]);
    expect(b95?.upper).toEqual([140, 280, 70, 84]);
    // 110 in, 260 in, 50 in, 40 in.
    expect(b95?.coverage).toBe(1);
    // 80% fractions 0.2 and 0.25: 100 ± 20, 200 ± 50, 50 ± 10, 60 ± 15 → 110 in, 260 out, 50 in, 40 out.
    expect(b80?.lower).toEqual([80, 150, 40, 45]);
    expect(b80?.coverage).toBe(0.5);
    expect(b80?.notes).toEqual([
      "Only 18 validation windows: a bounded 95% conformal interval needs at least 19, so both intervals are ETS(M,N,N)'s analytic prediction intervals, their width scaled to the forecast's level.",
    ]);
    // Forecast past the data: 300 ± 120, 400 ± 160.
    expect(out.forecastIntervals[1]?.lower).toEqual([180, 240]);
    expect(out.forecastIntervals[1]?.upper).toEqual([420, 560]);
    expect(out.forecastIntervals.every((b) => b.halfWidth.every(Number.isFinite))).toBe(true);
  });

  it('uses ARIMA absolute widths when ETS was not fitted', () => {
    const out = runIntervals(
      { validation: validation(5), test, forecast },
      rows({ arima: classical('arima', 'A') }),
    );
    expect(out.intervals[1]?.methodLabel).toMatch(/^ARIMA\(0,1,1\) prediction intervals/);
    expect(out.intervals[1]?.lower).toEqual([96, 192, 46, 52]);
    expect(out.forecastIntervals[0]?.upper).toEqual([302, 405]);
  });

  it('keeps the unbounded conformal bands, with the reason, when no classical model is there', () => {
    const out = runIntervals({ validation: validation(18), test, forecast }, rows({}));
    // n = 18: 80% rank ⌈19·0.8⌉ = 16 → 16 and 32; 95% rank ⌈18.05⌉ = 19 > 18 → unbounded.
    expect(out.intervals[0]?.halfWidth).toEqual([16, 32]);
    expect(out.intervals[1]?.halfWidth).toEqual([Infinity, Infinity]);
    expect(out.intervals[1]?.method).toBe('split-conformal');
    expect(out.intervals[1]?.notes).toHaveLength(2);
  });
});
