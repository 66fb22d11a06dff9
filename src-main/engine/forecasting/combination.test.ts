// The combination's validation screen and its one-step rule. A part whose validation MAE is more
// than SCREEN_RATIO times the best part's is left out of the test, validation and forecast
// combinations, and the run says so. Seen on UKgas: Theta's fixed seasonal indices miss its
// growing seasonal swing (test RMSE 179 against ETS's 39), and with a network doing the same the
// median of three was 152. One step ahead (h = 1) the parts are ETS and auto-ARIMA, averaged, and
// the network ensemble joins only when its validation MAE is below their mean's. Expected values
// come from independent classicalBaselines fits, combined by hand: the validation paths from fits
// on the training part, the test paths from fits on every row before the test part (as the run's
// classical baselines), the forecast from fits on all rows.
import { describe, expect, it } from 'vitest';
import {
  ClassicalFitCache,
  classicalBaselines,
  fitBeforeTest,
  type ClassicalResult,
  type ClassicalSuccess,
} from '../baselines/classical';
import { readSimpleCsv } from '../testing/sharedData';
import { combineWithClassical, SCREEN_MIN_WINDOWS, SCREEN_RATIO } from './combination';

const ukgas = Float64Array.from(readSimpleCsv('UKgas.csv')['UKgas'] ?? []);
const m = 4;
const h = 1;
const valStart = 73;
const testStart = 86;
const valStarts = Array.from({ length: testStart - valStart }, (_, i) => valStart + i);
const testStarts = Array.from({ length: ukgas.length - testStart }, (_, i) => testStart + i);

// Independently: ETS and Theta on the training part, continued to each validation origin; on the
// rows before the test part, continued to each test origin; and on all rows.
const valFits = classicalBaselines(ukgas.subarray(0, valStart), m, h, {
  methods: ['ets', 'theta', 'arima'],
  test: ukgas.subarray(valStart, testStart),
  origins: valStarts.map((t0) => t0 - valStart),
});
const testFits = classicalBaselines(ukgas.subarray(0, testStart), m, h, {
  methods: ['ets', 'theta', 'arima'],
  test: ukgas.subarray(testStart),
  origins: testStarts.map((t0) => t0 - testStart),
});
const all = classicalBaselines(ukgas, m, h, { methods: ['ets', 'theta', 'arima'] });
const success = (r: ClassicalResult | undefined): ClassicalSuccess | null => (r?.ok ? r : null);
const etsVal = success(valFits.ets);
const thetaVal = success(valFits.theta);
const etsTest = success(testFits.ets);
const thetaTest = success(testFits.theta);
const arimaVal = success(valFits.arima);
const arimaTest = success(testFits.arima);
const etsAll = success(all.ets);
const thetaAll = success(all.theta);
const arimaAll = success(all.arima);
const median3 = (a: number, b: number, c: number): number =>
  a + b + c - Math.max(a, b, c) - Math.min(a, b, c);
const path = (f: { originPaths: number[][] } | null, k: number): number =>
  f?.originPaths[k]?.[0] ?? NaN;
const valMae = (f: (k: number) => number): number =>
  valStarts.reduce((s, t, k) => s + Math.abs((ukgas[t] ?? NaN) - f(k)), 0) / valStarts.length;
const valKs = valStarts.map((_, k) => k);
const split = { valStart, testStart };

describe('combineWithClassical one step ahead: the mean of ETS and ARIMA, and the network when it earns its place', () => {
  it('the fits the expectations use exist', () => {
    const fitted = [etsVal, thetaVal, arimaVal, etsTest, thetaTest, arimaTest, etsAll, thetaAll];
    expect(fitted.map((f) => f?.ok)).toEqual(fitted.map(() => true));
    expect(arimaAll?.ok).toBe(true);
  });

  const mean2 = (a: number, b: number): number => (a + b) / 2;
  const classicalMean = (k: number): number => mean2(path(etsVal, k), path(arimaVal, k));
  const f4 = (x: number): string => x.toPrecision(4);
  /** A network whose every one-step validation and test forecast misses by `off`. */
  const offBy = (off: number) => ({
    validation: Float64Array.from(valStarts, (t) => (ukgas[t] ?? NaN) + off),
    valStarts,
    test: Float64Array.from(testStarts, (t) => (ukgas[t] ?? NaN) + off),
    testStarts,
    forecast: Float64Array.of(500),
  });

  it('a network 3 times as far off as ETS fails the screen: the mean of ETS and ARIMA', () => {
    const etsMae = valMae((k) => path(etsVal, k));
    const arimaMae = valMae((k) => path(arimaVal, k));
    // ETS is the best part (37.4 on these rows) and ARIMA within the ratio of it.
    expect(arimaMae).toBeGreaterThan(etsMae);
    expect(arimaMae / etsMae).toBeLessThan(SCREEN_RATIO);
    const off = 3 * etsMae;
    const network = offBy(off);
    const c = combineWithClassical(ukgas, m, h, split, network, 'median');
    expect(c.by).toBe('mean');
    testStarts.forEach((_, w) =>
      expect(c.test[w]).toBeCloseTo(mean2(path(etsTest, w), path(arimaTest, w)), 9),
    );
    valKs.forEach((k) => expect(c.validation?.[k]).toBeCloseTo(classicalMean(k), 9));
    expect(c.forecast[0]).toBeCloseTo(
      mean2(etsAll?.forecast[0] ?? NaN, arimaAll?.forecast[0] ?? NaN),
      9,
    );
    expect(c.peers.map((p) => p.method)).toEqual(['ets', 'arima']);
    expect(c.kept).toEqual({ network: false, peers: ['ets', 'arima'] });
    expect(c.notes).toEqual([
      `the network ensemble left out of the combination: its validation MAE (${f4(off)}) is 3.0 times that of ${etsAll?.label} (${f4(etsMae)}), more than ${SCREEN_RATIO} times`,
    ]);
  });

  it('a network that matches ETS on validation beats the ETS–ARIMA mean there and joins it: the mean of three', () => {
    const etsMae = valMae((k) => path(etsVal, k));
    const meanMae = valMae(classicalMean);
    // On these rows ETS alone (37.4) is closer than its mean with ARIMA (42.0).
    expect(etsMae).toBeLessThan(meanMae);
    const network = {
      validation: Float64Array.from(valKs, (k) => path(etsVal, k)),
      valStarts,
      test: Float64Array.from(testStarts, (_, w) => path(thetaTest, w)),
      testStarts,
      forecast: Float64Array.of(500),
    };
    const c = combineWithClassical(ukgas, m, h, split, network, 'median');
    expect(c.kept).toEqual({ network: true, peers: ['ets', 'arima'] });
    expect(c.notes).toEqual([
      `The network ensemble joins the one-step combination: its validation MAE (${f4(etsMae)}) is below that of the mean of ETS and auto-ARIMA (${f4(meanMae)})`,
    ]);
    testStarts.forEach((_, w) => {
      const expected = (path(thetaTest, w) + path(etsTest, w) + path(arimaTest, w)) / 3;
      expect(c.test[w]).toBeCloseTo(expected, 9);
    });
    expect(c.forecast[0]).toBeCloseTo(
      (500 + (etsAll?.forecast[0] ?? NaN) + (arimaAll?.forecast[0] ?? NaN)) / 3,
      9,
    );
  });

  it('a network within the screen but farther off than the ETS–ARIMA mean is left out', () => {
    const etsMae = valMae((k) => path(etsVal, k));
    const meanMae = valMae(classicalMean);
    const off = 1.2 * meanMae;
    expect(off).toBeLessThan(SCREEN_RATIO * etsMae);
    const network = offBy(off);
    const c = combineWithClassical(ukgas, m, h, split, network, 'median');
    expect(c.kept).toEqual({ network: false, peers: ['ets', 'arima'] });
    expect(c.notes).toEqual([
      `The network ensemble left out of the one-step combination: its validation MAE (${f4(off)}) is not below that of the mean of ETS and auto-ARIMA (${f4(meanMae)})`,
    ]);
    testStarts.forEach((_, w) =>
      expect(c.test[w]).toBeCloseTo(mean2(path(etsTest, w), path(arimaTest, w)), 9),
    );
  });

  it(`fewer than ${SCREEN_MIN_WINDOWS} validation origins cannot show the network is better: the classical mean`, () => {
    const few = valStarts.slice(-3);
    const c = combineWithClassical(
      ukgas,
      m,
      h,
      split,
      {
        validation: Float64Array.from(few, (t) => ukgas[t] ?? NaN),
        valStarts: few,
        test: Float64Array.from(testStarts, (t) => ukgas[t] ?? NaN),
        testStarts,
        forecast: Float64Array.of(500),
      },
      'median',
    );
    expect(few.length).toBeLessThan(SCREEN_MIN_WINDOWS);
    expect(c.kept).toEqual({ network: false, peers: ['ets', 'arima'] });
    expect(c.notes).toEqual([
      'The network ensemble left out of the one-step combination: 3 validation windows cannot show it beats the mean of ETS and auto-ARIMA',
    ]);
    testStarts.forEach((_, w) =>
      expect(c.test[w]).toBeCloseTo(mean2(path(etsTest, w), path(arimaTest, w)), 9),
    );
  });
});

describe('combineWithClassical beyond one step: the screen over the network, ETS and Theta', () => {
  // Two steps ahead: ETS and Theta on the training part, continued to each validation origin.
  const h2 = 2;
  const starts2 = valStarts.slice(0, -1);
  const val2 = classicalBaselines(ukgas.subarray(0, valStart), m, h2, {
    methods: ['ets', 'theta'],
    test: ukgas.subarray(valStart, testStart),
    origins: starts2.map((t0) => t0 - valStart),
  });
  const mae2 = (f: ClassicalResult | undefined): number => {
    const r = success(f);
    let sum = 0;
    starts2.forEach((t0, k) => {
      for (let i = 0; i < h2; i++)
        sum += Math.abs((ukgas[t0 + i] ?? NaN) - (r?.originPaths[k]?.[i] ?? NaN));
    });
    return sum / (starts2.length * h2);
  };

  it('leaves out Theta on UKgas, and a network 3 times as far off as ETS: ETS alone', () => {
    const etsMae = mae2(val2.ets);
    const thetaMae = mae2(val2.theta);
    expect(thetaMae / etsMae).toBeGreaterThan(SCREEN_RATIO);
    const off = 3 * etsMae;
    const tStarts = testStarts.slice(0, -1);
    const network = {
      validation: Float64Array.from(
        starts2.flatMap((t) => [t, t + 1]),
        (t) => (ukgas[t] ?? NaN) + off,
      ),
      valStarts: starts2,
      test: Float64Array.from(
        tStarts.flatMap((t) => [t, t + 1]),
        (t) => (ukgas[t] ?? NaN) + off,
      ),
      testStarts: tStarts,
      forecast: Float64Array.of(500, 500),
    };
    const c = combineWithClassical(ukgas, m, h2, split, network, 'median');
    expect(c.by).toBe('median');
    expect(c.kept).toEqual({ network: false, peers: ['ets'] });
    const f4 = (x: number): string => x.toPrecision(4);
    const etsLabel = success(all.ets)?.label;
    expect(c.notes).toEqual([
      `the network ensemble left out of the combination: its validation MAE (${f4(off)}) is 3.0 times that of ${etsLabel} (${f4(etsMae)}), more than ${SCREEN_RATIO} times`,
      `Theta left out of the combination: its validation MAE (${f4(thetaMae)}) is ${(thetaMae / etsMae).toFixed(1)} times that of ${etsLabel} (${f4(etsMae)}), more than ${SCREEN_RATIO} times`,
    ]);
    const etsAll2 = success(classicalBaselines(ukgas, m, h2, { methods: ['ets'] }).ets);
    expect(Array.from(c.forecast)).toEqual(
      (etsAll2?.forecast.slice(0, 2) ?? []).map((v) => expect.closeTo(v, 9)),
    );
  });

  it('without validation windows nothing is screened: the median of the network, ETS and Theta', () => {
    const tStarts = testStarts.slice(0, -1);
    const network = {
      validation: null,
      valStarts: [],
      test: new Float64Array(tStarts.length * 2),
      testStarts: tStarts,
      forecast: Float64Array.of(500, 500),
    };
    const c = combineWithClassical(ukgas, m, h2, split, network, 'median');
    expect(c.notes).toEqual([]);
    expect(c.kept).toEqual({ network: true, peers: ['ets', 'theta'] });
    const both = classicalBaselines(ukgas, m, h2, { methods: ['ets', 'theta'] });
    const e = success(both.ets)?.forecast[0] ?? NaN;
    const t = success(both.theta)?.forecast[0] ?? NaN;
    expect(c.forecast[0]).toBeCloseTo(median3(500, e, t), 9);
  });
});

describe('combineWithClassical: parts by horizon, fits shared with the baselines', () => {
  it('two steps ahead the classical parts are ETS and Theta only', () => {
    const starts2 = testStarts.slice(0, -1);
    const c = combineWithClassical(
      ukgas,
      m,
      2,
      split,
      {
        validation: null,
        valStarts: [],
        test: new Float64Array(starts2.length * 2),
        testStarts: starts2,
        forecast: Float64Array.of(500, 500),
      },
      'median',
    );
    expect(c.peers.map((p) => p.method)).toEqual(['ets', 'theta']);
  });

  it("its test fits are the run's baselines' own: each fitted once through the run's cache", () => {
    const cache = new ClassicalFitCache();
    const network = {
      validation: null,
      valStarts: [],
      test: new Float64Array(testStarts.length),
      testStarts,
      forecast: Float64Array.of(500),
    };
    const c = combineWithClassical(ukgas, m, h, split, network, 'median', cache);
    expect(cache.hits).toBe(0);
    // The baselines, as enrichRun asks for them: one method at a time.
    const baselines = (['ets', 'theta', 'arima'] as const).map(
      (method) => fitBeforeTest(ukgas, m, h, testStart, testStarts, [method], cache)[method],
    );
    // ETS and ARIMA are the one-step parts: their fits are shared, Theta's is the baseline's own.
    expect(cache.hits).toBe(2);
    // The same paths as independent fits on the rows before the test part.
    expect(
      baselines.map((r) => (r?.ok ? r.originPaths.slice(0, testStarts.length) : null)),
    ).toEqual([etsTest, thetaTest, arimaTest].map((r) => r?.originPaths ?? null));
    expect(c.peers.map((p) => p.method)).toEqual(['ets', 'arima']);
  });
});
