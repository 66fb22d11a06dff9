// The combination's validation screen: a part whose validation MAE is more than SCREEN_RATIO times
// the best part's is left out of the test, validation and forecast combinations, and the run says
// so. Seen on UKgas one step ahead: Theta's fixed seasonal indices miss its growing seasonal
// swing (test RMSE 179 against ETS's 39), and with a network doing the same the median of three
// was 152. Expected values come from independent classicalBaselines fits, combined by hand.
import { describe, expect, it } from 'vitest';
import { classicalBaselines } from '../baselines/classical';
import { readSimpleCsv } from '../testing/sharedData';
import { combineWithClassical, SCREEN_MIN_WINDOWS, SCREEN_RATIO } from './combination';

const ukgas = Float64Array.from(readSimpleCsv('UKgas.csv')['UKgas'] ?? []);
const m = 4;
const h = 1;
const valStart = 73;
const testStart = 86;
const valStarts = Array.from({ length: testStart - valStart }, (_, i) => valStart + i);
const testStarts = Array.from({ length: ukgas.length - testStart }, (_, i) => testStart + i);
const starts = [...valStarts, ...testStarts];

// Independently: ETS and Theta on the training part, continued to each origin; and on all rows.
const fits = classicalBaselines(ukgas.subarray(0, valStart), m, h, {
  methods: ['ets', 'theta'],
  test: ukgas.subarray(valStart),
  origins: starts.map((t0) => t0 - valStart),
});
const all = classicalBaselines(ukgas, m, h, { methods: ['ets', 'theta'] });
const etsFit = fits.ets?.ok ? fits.ets : null;
const thetaFit = fits.theta?.ok ? fits.theta : null;
const etsAll = all.ets?.ok ? all.ets : null;
const thetaAll = all.theta?.ok ? all.theta : null;
const path = (f: { originPaths: number[][] } | null, k: number): number =>
  f?.originPaths[k]?.[0] ?? NaN;
const mae = (f: (k: number) => number, ks: number[]): number =>
  ks.reduce((s, k) => s + Math.abs((ukgas[starts[k] ?? 0] ?? NaN) - f(k)), 0) / ks.length;
const valKs = valStarts.map((_, k) => k);
// The same fits with origins only at the last 3 validation rows and the test rows.
const fewStarts = [...valStarts.slice(-3), ...testStarts];
const fewFits = classicalBaselines(ukgas.subarray(0, valStart), m, h, {
  methods: ['ets', 'theta'],
  test: ukgas.subarray(valStart),
  origins: fewStarts.map((t0) => t0 - valStart),
});
const etsFitFew = fewFits.ets?.ok ? fewFits.ets : null;
const thetaFitFew = fewFits.theta?.ok ? fewFits.theta : null;

describe('combineWithClassical: the validation screen', () => {
  it('the fits the expectations use exist', () => {
    expect([etsFit, thetaFit, etsAll, thetaAll].every((f) => f !== null)).toBe(true);
  });

  it('leaves out Theta on UKgas, and a network 3 times as far off as ETS, keeping ETS alone', () => {
    // A network whose every validation and test forecast misses by 3 × ETS's validation MAE.
    const etsMae = mae((k) => path(etsFit, k), valKs);
    const thetaMae = mae((k) => path(thetaFit, k), valKs);
    expect(thetaMae / etsMae).toBeGreaterThan(SCREEN_RATIO);
    const off = 3 * etsMae;
    const network = {
      validation: Float64Array.from(valStarts, (t) => (ukgas[t] ?? NaN) + off),
      valStarts,
      test: Float64Array.from(testStarts, (t) => (ukgas[t] ?? NaN) + off),
      testStarts,
      forecast: Float64Array.of(500),
    };
    const c = combineWithClassical(ukgas, m, h, valStart, network, 'median');
    // Only ETS is left: the combination is ETS's own forecasts.
    expect(Array.from(c.test)).toEqual(
      testStarts.map((_, w) => path(etsFit, valStarts.length + w)),
    );
    expect(Array.from(c.validation ?? [])).toEqual(valKs.map((k) => path(etsFit, k)));
    expect(Array.from(c.forecast)).toEqual([etsAll?.forecast[0]]);
    expect(c.peers.map((p) => p.method)).toEqual(['ets', 'theta']);
    expect(c.kept).toEqual({ network: false, peers: ['ets'] });
    const f4 = (x: number): string => x.toPrecision(4);
    expect(c.notes).toEqual([
      `the network ensemble left out of the combination: its validation MAE (${f4(off)}) is 3.0 times that of ${etsAll?.label} (${f4(etsMae)}), more than ${SCREEN_RATIO} times`,
      `Theta left out of the combination: its validation MAE (${f4(thetaMae)}) is ${(thetaMae / etsMae).toFixed(1)} times that of ${etsAll?.label} (${f4(etsMae)}), more than ${SCREEN_RATIO} times`,
    ]);
  });

  it('keeps every part within the ratio: a network as good as ETS makes the median of three', () => {
    const network = {
      validation: Float64Array.from(valKs, (k) => path(etsFit, k)),
      valStarts,
      test: Float64Array.from(testStarts, (_, w) => path(thetaFit, valStarts.length + w)),
      testStarts,
      forecast: Float64Array.of(500),
    };
    const c = combineWithClassical(ukgas, m, h, valStart, network, 'median');
    // Theta still fails the screen; the network (validation MAE = ETS's) and ETS stay: their mean.
    expect(c.kept).toEqual({ network: true, peers: ['ets'] });
    expect(c.notes).toHaveLength(1);
    expect(c.notes[0]).toMatch(/^Theta left out of the combination/);
    testStarts.forEach((_, w) => {
      const k = valStarts.length + w;
      expect(c.test[w]).toBeCloseTo((path(thetaFit, k) + path(etsFit, k)) / 2, 9);
    });
    expect(c.forecast[0]).toBeCloseTo((500 + (etsAll?.forecast[0] ?? NaN)) / 2, 9);
  });

  it(`fewer than ${SCREEN_MIN_WINDOWS} validation origins: nothing is screened`, () => {
    // The last 3 validation origins only (rows 83..85), the same far-off network as above.
    const few = valStarts.slice(-3);
    const c = combineWithClassical(
      ukgas,
      m,
      h,
      valStart,
      {
        validation: Float64Array.from(few, (t) => (ukgas[t] ?? NaN) + 1000),
        valStarts: few,
        test: Float64Array.from(testStarts, (t) => (ukgas[t] ?? NaN) + 1000),
        testStarts,
        forecast: Float64Array.of(500),
      },
      'median',
    );
    expect(few.length).toBeLessThan(SCREEN_MIN_WINDOWS);
    expect(c.notes).toEqual([]);
    expect(c.kept).toEqual({ network: true, peers: ['ets', 'theta'] });
    // The median of three: of the network (actual + 1000), ETS and Theta.
    testStarts.forEach((t, w) => {
      const k = few.length + w;
      const parts = [(ukgas[t] ?? NaN) + 1000, path(etsFitFew, k), path(thetaFitFew, k)];
      const expected = parts.reduce((a, b) => a + b) - Math.max(...parts) - Math.min(...parts);
      expect(c.test[w]).toBeCloseTo(expected, 9);
    });
  });

  it('without validation windows nothing is screened: the median of all three', () => {
    const network = {
      validation: null,
      valStarts: [],
      test: Float64Array.from(testStarts, () => 0),
      testStarts,
      forecast: Float64Array.of(500),
    };
    const c = combineWithClassical(ukgas, m, h, valStart, network, 'median');
    expect(c.notes).toEqual([]);
    expect(c.kept).toEqual({ network: true, peers: ['ets', 'theta'] });
    const e = etsAll?.forecast[0] ?? NaN;
    const t = thetaAll?.forecast[0] ?? NaN;
    expect(c.forecast[0]).toBeCloseTo(500 + e + t - Math.max(500, e, t) - Math.min(500, e, t), 9);
  });
});
