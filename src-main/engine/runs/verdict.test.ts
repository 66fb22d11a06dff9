import { describe, expect, it } from 'vitest';
import { readSharedJson } from '../testing/sharedData';
import { runVerdict, windowLosses, type VerdictInput } from './verdict';

interface DmCase {
  e1: number[];
  e2: number[];
  h: number;
  power: 1 | 2;
  alternative: 'two.sided' | 'less' | 'greater';
  statistic: number;
  p_value: number;
}
const reference = readSharedJson<{ cases: DmCase[] }>('reference/dm-test-reference.json');
const fixture = (i: number): DmCase => {
  const c = reference.cases[i];
  if (!c) throw new Error(`no DM reference case ${i}`);
  return c;
};

const rms = (e: readonly number[]): number =>
  Math.sqrt(e.reduce((s, v) => s + v * v, 0) / e.length);
const meanAbs = (e: readonly number[]): number => e.reduce((s, v) => s + Math.abs(v), 0) / e.length;

/**
 * A run whose test part has one window per error, `horizon` steps each, every step of window w
 * missing its actual by ±errors[w] (so the window's mean squared and mean absolute losses are
 * errors[w]² and |errors[w]|), with each baseline given the same way.
 */
function handBuiltRun(
  horizon: number,
  model: readonly number[],
  baselines: Record<string, readonly number[]>,
  extra: Partial<VerdictInput> = {},
): VerdictInput {
  const actual: number[] = [];
  const predicted: number[] = [];
  const baselinePredictions: Record<string, number[]> = {};
  model.forEach((e, w) => {
    for (let s = 0; s < horizon; s++) {
      const a = 100 + 3 * w + s;
      const sign = s % 2 === 0 ? 1 : -1;
      actual.push(a);
      predicted.push(a - sign * e);
      for (const [name, errors] of Object.entries(baselines))
        (baselinePredictions[name] ??= []).push(a + sign * (errors[w] ?? 0));
    }
  });
  const row = (e: readonly number[]): { rmse: number; mase: number } => ({
    rmse: rms(e),
    mase: meanAbs(e) / 2,
  });
  return {
    metrics: row(model),
    baselines: Object.fromEntries(Object.entries(baselines).map(([k, e]) => [k, row(e)])),
    test: { horizon, actual, predicted, baselinePredictions },
    ...extra,
  };
}

const relClose = (actual: number | null | undefined, expected: number, tol = 1e-8): void => {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
};

describe('runVerdict', () => {
  it('hand-derived: 4 one-step windows, p = 1/2 − 1/π, no significant difference', () => {
    // d = e_model² − e_base² = [−3, 0, −3, 0]: mean −1.5, γ0 = 2.25, var(mean) = 0.5625,
    // HLN k = √(3/4), statistic = −1.5/0.75·k = −√3; t(3) gives P(|T| > √3) = 1/2 − 1/π.
    const run = handBuiltRun(1, [1, 1, 1, 1], { seasonalNaive: [2, 1, 2, 1], naive: [3, 3, 3, 3] });
    const v = runVerdict(run);
    expect(v?.outcome).toBe('no-difference');
    expect(v?.baseline).toBe('seasonalNaive');
    expect(v?.baselineLabel).toBe('seasonal naive');
    relClose(v?.dm?.statistic ?? null, -Math.sqrt(3), 1e-12);
    relClose(v?.dm?.pValue ?? null, 0.5 - 1 / Math.PI, 1e-10);
    expect(v?.ranking.map((r) => r.name)).toEqual(['seasonalNaive', 'naive']);
    expect(v?.headline).toBe(
      'No significant difference from seasonal naive, the best baseline: test RMSE 1 vs 1.581 (−36.75%), Diebold–Mariano p = 0.1817 (at the 5% level).',
    );
    expect(v?.offer).toBeNull();
  });

  it('matches dm.test on reference case 3 (h = 1, squared loss, two-sided)', () => {
    const c = fixture(3);
    const v = runVerdict(handBuiltRun(1, c.e1, { naive: c.e2 }));
    expect(v?.outcome).toBe('no-difference');
    relClose(v?.dm?.statistic ?? null, c.statistic);
    relClose(v?.dm?.pValue ?? null, c.p_value);
    expect(v?.dm?.h).toBe(1);
    expect(v?.dm?.n).toBe(40);
  });

  it('matches dm.test on reference case 9 with the run horizon as h (h = 3)', () => {
    const c = fixture(9);
    const v = runVerdict(handBuiltRun(3, c.e1, { mean: c.e2 }));
    expect(v?.baselineLabel).toBe('the training mean');
    expect(v?.dm?.h).toBe(3);
    relClose(v?.dm?.statistic ?? null, c.statistic);
    relClose(v?.dm?.pValue ?? null, c.p_value);
    expect(v?.outcome).toBe('no-difference');
  });

  // Case 22 is one-sided ("less"): its two-sided p-value is twice R's, statistic −3.338.
  const c22 = fixture(22);
  const ets = { baselineModels: { ets: { label: 'ETS(M,Ad,M)' } } };

  it('beats the best baseline (reference case 22, h = 3, n = 120)', () => {
    const v = runVerdict(
      handBuiltRun(3, c22.e1, { ets: c22.e2, naive: c22.e2.map((e) => 3 * e) }, ets),
    );
    expect(v?.outcome).toBe('beats');
    expect(v?.baseline).toBe('ets');
    expect(v?.baselineLabel).toBe('ETS(M,Ad,M)');
    relClose(v?.dm?.statistic ?? null, c22.statistic);
    relClose(v?.dm?.pValue ?? null, 2 * c22.p_value);
    expect(v?.headline).toMatch(
      /^The model beats ETS\(M,Ad,M\), the best baseline: test RMSE [\d.]+ vs [\d.]+ \(−[\d.]+%\), Diebold–Mariano p = 0\.0011\.$/,
    );
    expect(v?.offer).toBeNull();
  });

  it('loses to a classical method, says so and offers its forecast', () => {
    const v = runVerdict(handBuiltRun(3, c22.e2, { ets: c22.e1, naive: c22.e2 }, ets));
    expect(v?.outcome).toBe('loses');
    relClose(v?.dm?.statistic ?? null, -c22.statistic);
    relClose(v?.dm?.pValue ?? null, 2 * c22.p_value);
    expect(v?.offer).toEqual({ baseline: 'ets', label: 'ETS(M,Ad,M)' });
    expect(v?.headline).toMatch(/^The model loses to ETS\(M,Ad,M\), the best baseline: /);
    expect(v?.headline).toMatch(/p = 0\.0011\. ETS\(M,Ad,M\) forecasts better here\.$/);
  });

  it("names ARIMA by its fitted order from the baseline's note", () => {
    const run = handBuiltRun(1, [2, 2, 2, 2, 2], {
      arima: [1, 1, 1, 1, 1.5],
      naive: [2, 2, 2, 2, 2.5],
    });
    run.baselineNotes = { arima: 'ARIMA(0,1,1)(0,1,1)[12] fitted on the training part' };
    const v = runVerdict(run);
    expect(v?.baselineLabel).toBe('ARIMA(0,1,1)(0,1,1)[12]');
    expect(v?.offer).toEqual({ baseline: 'arima', label: 'ARIMA(0,1,1)(0,1,1)[12]' });
  });

  it("offers the winner's forecast past the data when the run carries it", () => {
    const run = handBuiltRun(1, [2, 2, 2, 2, 2], { theta: [1, 1, 1, 1, 1.5] });
    run.baselineModels = { theta: { label: 'Theta', forecast: [10, Number.NaN, 12] } };
    const v = runVerdict(run);
    expect(v?.offer).toEqual({ baseline: 'theta', label: 'Theta', forecast: [10, null, 12] });
    expect(v?.headline).toMatch(
      / Theta forecasts better here; you can use its forecast instead\.$/,
    );
  });

  it('uses MASE and absolute loss when no RMSE is finite (reference case 0)', () => {
    const c = fixture(0);
    const run = handBuiltRun(1, c.e1, { naive: c.e2 });
    run.metrics.rmse = null;
    const v = runVerdict(run);
    expect(v?.metric).toBe('mase');
    expect(v?.dm?.power).toBe(1);
    relClose(v?.dm?.statistic ?? null, c.statistic);
    relClose(v?.dm?.pValue ?? null, c.p_value);
  });

  it('one test window: no test, and it says so', () => {
    const v = runVerdict(handBuiltRun(4, [1], { naive: [2] }));
    expect(v?.outcome).toBe('untested');
    expect(v?.dm).toBeNull();
    expect(v?.headline).toBe(
      'Compared with naive, the best baseline: test RMSE 1 vs 2 (−50%); too few test windows (1) for a significance test.',
    );
  });

  it('the same errors as the best baseline (a classical fallback): nothing to test, and it says so', () => {
    const v = runVerdict(handBuiltRun(1, [1, 2, 3], { theta: [1, 2, 3], naive: [4, 4, 4] }));
    expect(v?.baseline).toBe('theta');
    expect(v?.outcome).toBe('untested');
    expect(v?.dm?.pValue).toBeNull();
    expect(v?.headline).toBe(
      'Compared with Theta, the best baseline: test RMSE 2.16 vs 2.16 (0%); the two forecasts have the same errors in every test window, so there is nothing to test.',
    );
    expect(v?.offer).toBeNull();
  });

  it("the baseline's own forecasts up to rounding (a combination that kept ETS alone): no test, no offer", () => {
    const run = handBuiltRun(1, [1, 2, 3, 1], { naive: [4, 4, 4, 4] });
    // ETS predicts what the model predicts, but for 1e-14 relative rounding: lower RMSE by 1e-13.
    const ets = run.test.predicted.map((v, i) => (v ?? NaN) * (1 + (i % 2 === 0 ? 1e-14 : -1e-14)));
    const rmse = (run.metrics.rmse ?? 0) - 1e-13;
    const v = runVerdict({
      ...run,
      baselines: { ...run.baselines, ets: { rmse, mase: run.metrics.mase ?? 0 } },
      test: { ...run.test, baselinePredictions: { ...run.test.baselinePredictions, ets } },
    });
    expect(v?.baseline).toBe('ets');
    expect(v?.outcome).toBe('untested');
    expect(v?.dm).toBeNull();
    expect(v?.offer).toBeNull();
    expect(v?.headline).toBe(
      'Compared with ETS, the best baseline: test RMSE 1.936 vs 1.936 (0%); the two forecasts have the same errors in every test window, so there is nothing to test.',
    );
  });

  it('no scored baseline: no verdict', () => {
    const run = handBuiltRun(1, [1, 2], {});
    expect(runVerdict(run)).toBeNull();
  });
});

describe('windowLosses', () => {
  it('skips windows with a missing value and averages the rest per window', () => {
    const test = {
      horizon: 2,
      actual: [1, 2, 3, 4, 5, 6],
      predicted: [0, 2, 3, null, 4, 8],
      baselinePredictions: {},
    };
    const l = windowLosses(test, [1, 1, 3, 4, 5, 5], 2);
    // window 0: model (1 + 0)/2, baseline (0 + 1)/2; window 1 skipped; window 2: (1 + 4)/2, (0 + 1)/2
    expect(Array.from(l.model)).toEqual([Math.sqrt(0.5), Math.sqrt(2.5)]);
    expect(Array.from(l.baseline)).toEqual([Math.sqrt(0.5), Math.sqrt(0.5)]);
  });
});

describe('runVerdict offer wording', () => {
  it('a lower but not significant error is not called better', () => {
    // Hand case of the first test with the roles swapped: theta has RMSE 1, the model √2.5.
    const run = handBuiltRun(1, [2, 1, 2, 1], { theta: [1, 1, 1, 1] });
    run.baselineModels = { theta: { label: 'Theta', forecast: [1, 2] } };
    const v = runVerdict(run);
    expect(v?.outcome).toBe('no-difference');
    relClose(v?.dm?.pValue ?? null, 0.5 - 1 / Math.PI, 1e-10);
    expect(v?.headline).toMatch(
      / Theta has the lower test RMSE, though not significantly; you can use its forecast instead\.$/,
    );
  });
});
