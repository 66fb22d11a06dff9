import { describe, it, expect } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { suggestTransforms } from '../runs/suggestTransforms';
import { analyzeSeries } from './analyzeSeries';
import { interpretDiagnostics } from './hints';

const BAND = 0.2; // z/√n for n ≈ 96
const flat = (n: number): number[] => [1, ...Array.from({ length: n }, () => 0.01)];

/** A reproducible uniform(−0.5, 0.5) stream (the LCG of the C standard). */
function uniform(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31 - 0.5;
  };
}

/** 80 quarters of a straight trend plus small noise: no calendar seasonality. */
function quarterlyTrend(): Float64Array {
  const u = uniform(99);
  return Float64Array.from({ length: 80 }, (_, i) => 10 + 0.5 * i + u());
}

/** 600 months of x_t = 0.95·x_{t−1} + e_t: persistent, slowly decaying ACF, no season. */
function persistentMonthly(): Float64Array {
  const u = uniform(12345);
  const x = new Float64Array(600);
  for (let i = 1; i < 600; i++) x[i] = 0.95 * (x[i - 1] as number) + (u() + u() + u()) * 2;
  return x;
}

const hintsOf = (x: Float64Array, m: number): string[] =>
  analyzeSeries(x, { seasonalPeriod: m }).hints;
const LEVELS = 'ADF and KPSS agree: the series looks stationary, so it can be modelled in levels.';
const WANDERS =
  'ADF and KPSS agree: the series looks non-stationary (it wanders like a unit-root process).';
const TREND_OR_BREAK =
  'ADF rejects a unit root but KPSS rejects level stationarity: the series may be stationary around a trend or have a structural break.';
const UNCERTAIN =
  'Neither ADF nor KPSS rejects its null: the data cannot tell stationarity from a unit root (often a short or near-boundary series); treat the conclusion as uncertain.';

describe('interpretDiagnostics on the R datasets (exact hint sets)', () => {
  // [test name, series, seasonal period, the hints in order]
  it.each<[string, string, number, string[]]>([
    [
      'Nile (annual): no seasonality hint, a break, log then first difference',
      'Nile.csv:Nile',
      1,
      [
        'The PACF cuts off after lag 1: the series behaves like an AR(1) process.',
        'Ljung-Box finds significant autocorrelation up to lag 10 (p = 1.3e-14): past values carry information a model can use.',
        TREND_OR_BREAK,
        `Suggested transforms, the Model tab's defaults: log, then first difference. Why: log: all values positive and the level grows 3.0×; first difference: KPSS rejects stationarity of the log (a trend or a break).`,
      ],
    ],
    [
      'lynx (annual, a 10-year cycle): no seasonality hint, modelled in levels',
      'lynx.csv:lynx',
      1,
      [
        'Ljung-Box finds significant autocorrelation up to lag 10 (p = 9.6e-41): past values carry information a model can use.',
        LEVELS,
        `Suggested transforms, the Model tab's defaults: none. Why: no transforms: ADF rejects a unit root (p = 0.035) and KPSS does not reject stationarity, so the series is modelled in levels.`,
      ],
    ],
    [
      'LakeHuron (annual): no seasonality hint, first difference',
      'LakeHuron.csv:LakeHuron',
      1,
      [
        'The PACF cuts off after lag 2: the series behaves like an AR(2) process.',
        'Ljung-Box finds significant autocorrelation up to lag 10 (p = 2.1e-35): past values carry information a model can use.',
        TREND_OR_BREAK,
        `Suggested transforms, the Model tab's defaults: first difference. Why: first difference: KPSS rejects stationarity of the series (a trend or a break).`,
      ],
    ],
    [
      'AirPassengers (monthly): seasonal, the airline transforms',
      'AirPassengers.csv:AirPassengers',
      12,
      [
        'The ACF decays slowly (r1 = 0.95, still 0.70 at lag 10): a trend, a unit root or strong persistence; the tests below tell them apart.',
        'Seasonality with period 12: the seasonality test on the changes of the log finds r12 = 0.84, above the 90% threshold of 0.18 (clear evidence).',
        'Ljung-Box finds significant autocorrelation up to lag 10 (p = 1.1e-177): past values carry information a model can use.',
        WANDERS,
        `Suggested transforms, the Model tab's defaults: log, then seasonal difference (m = 12), then first difference. Why: log: all values positive and the level grows 6.0×; seasonal difference (m = 12): the changes are seasonal; first difference: ADF does not reject a unit root in the seasonally differenced series (p = 0.072).`,
      ],
    ],
    [
      'co2 (monthly): seasonal',
      'co2.csv:co2',
      12,
      [
        'The ACF decays slowly (r1 = 0.99, still 0.93 at lag 10): a trend, a unit root or strong persistence; the tests below tell them apart.',
        'Seasonality with period 12: the seasonality test on the period-to-period changes finds r12 = 0.92, above the 90% threshold of 0.18 (clear evidence).',
        'Ljung-Box finds significant autocorrelation up to lag 10 (p < 1e-300): past values carry information a model can use.',
        WANDERS,
        `Suggested transforms, the Model tab's defaults: seasonal difference (m = 12), then first difference. Why: seasonal difference (m = 12): the changes are seasonal; first difference: KPSS rejects stationarity of the seasonally differenced series (a trend or a break).`,
      ],
    ],
    [
      'UKgas (quarterly): seasonal',
      'UKgas.csv:UKgas',
      4,
      [
        'Seasonality with period 4: the seasonality test on the changes of the log finds r4 = 0.93, above the 90% threshold of 0.25 (clear evidence).',
        'Ljung-Box finds significant autocorrelation up to lag 10 (p = 3.9e-64): past values carry information a model can use.',
        WANDERS,
        `Suggested transforms, the Model tab's defaults: log, then seasonal difference (m = 4). Why: log: all values positive and the level grows 13.7×; seasonal difference (m = 4): the changes are seasonal; no further difference: ADF and KPSS call the seasonally differenced series stationary.`,
      ],
    ],
    [
      'ldeaths (monthly, 72 values): seasonal, and says the evidence is borderline',
      'ldeaths.csv:ldeaths',
      12,
      [
        'Seasonality with period 12: the seasonality test on the changes of the log finds r12 = 0.45, above the 90% threshold of 0.36 (borderline evidence: about one non-seasonal series in ten passes this test, so check the STL view).',
        'Ljung-Box finds significant autocorrelation up to lag 10 (p = 1.0e-34): past values carry information a model can use.',
        UNCERTAIN,
        `Suggested transforms, the Model tab's defaults: log, then seasonal difference (m = 12), then first difference. Why: log: all values positive and the level grows 3.0×; seasonal difference (m = 12): the changes are seasonal; first difference: ADF does not reject a unit root in the seasonally differenced series (p = 0.276).`,
      ],
    ],
  ])('%s', (_name, key, m, hints) => {
    expect(hintsOf(referenceSeries(key), m)).toEqual(hints);
  });
});

describe('interpretDiagnostics on synthetic series without seasonality', () => {
  // [test name, series, seasonal period, the hints in order]
  it.each<[string, Float64Array, number, string[]]>([
    [
      'a quarterly trend: no seasonality at lag 4',
      quarterlyTrend(),
      4,
      [
        'The ACF decays slowly (r1 = 0.96, still 0.63 at lag 10): a trend, a unit root or strong persistence; the tests below tell them apart.',
        'No seasonality with period 4: the seasonality test on the changes of the log finds r4 = 0.07, within the 90% threshold of 0.21.',
        'Ljung-Box finds significant autocorrelation up to lag 10 (p = 4.5e-114): past values carry information a model can use.',
        WANDERS,
        `Suggested transforms, the Model tab's defaults: log, then first difference. Why: log: all values positive and the level grows 4.9×; first difference: KPSS rejects stationarity of the log (a trend or a break).`,
      ],
    ],
    [
      'an exact straight-line trend: its changes are constant',
      Float64Array.from({ length: 40 }, (_, i) => 3 * i - 50),
      4,
      [
        'No seasonality with period 4: the period-to-period changes are constant (a straight-line trend).',
        'The PACF cuts off after lag 1: the series behaves like an AR(1) process.',
        'Ljung-Box finds significant autocorrelation up to lag 8 (p = 1.5e-33): past values carry information a model can use.',
        `Suggested transforms, the Model tab's defaults: none. Why: no transforms: ADF or KPSS could not run on this series.`,
      ],
    ],
    [
      'a persistent AR(1), φ = 0.95, monthly: no season, no differencing advice',
      persistentMonthly(),
      12,
      [
        'No seasonality with period 12: the seasonality test on the period-to-period changes finds r12 = 0.01, within the 90% threshold of 0.07.',
        'The PACF cuts off after lag 1: the series behaves like an AR(1) process.',
        'Ljung-Box finds significant autocorrelation up to lag 10 (p < 1e-300): past values carry information a model can use.',
        LEVELS,
        `Suggested transforms, the Model tab's defaults: none. Why: no transforms: ADF rejects a unit root (p < 0.001) and KPSS does not reject stationarity, so the series is modelled in levels.`,
      ],
    ],
  ])('%s', (_name, x, m, hints) => {
    expect(hintsOf(x, m)).toEqual(hints);
  });

  it('a smooth curve whose changes pass the threshold without a peak is slow decay, not a season', () => {
    // Changes that decay smoothly: r4 is large but r3 is larger.
    const x = Float64Array.from({ length: 120 }, (_, i) => Math.sqrt(i + 1) * 10 + 50);
    const season = hintsOf(x, 4)[1];
    expect(season).toMatch(
      /^No seasonality with period 4: in the changes of the log r4 = 0\.\d\d passes the 90% threshold of 0\.\d\d but is no peak \(r3 = 0\.\d\d, r5 = 0\.\d\d\), which is slow decay rather than a season\.$/,
    );
  });
});

describe('the hints and the Model defaults agree', () => {
  const cases: [string, number][] = [
    ['Nile.csv:Nile', 1],
    ['lynx.csv:lynx', 1],
    ['LakeHuron.csv:LakeHuron', 1],
    ['AirPassengers.csv:AirPassengers', 12],
    ['co2.csv:co2', 12],
    ['UKgas.csv:UKgas', 4],
    ['ldeaths.csv:ldeaths', 12],
    ['USAccDeaths.csv:USAccDeaths', 12],
  ];
  it.each(cases)('%s: the suggested-transforms hint names the defaults', (key, m) => {
    const x = referenceSeries(key);
    const suggested = suggestTransforms(x, m);
    const hint = hintsOf(x, m).at(-1);
    expect(hint).toBe(
      `Suggested transforms, the Model tab's defaults: ${
        suggested.steps.length === 0
          ? 'none'
          : suggested.steps
              .map((s) =>
                s.kind === 'seasonalDiff'
                  ? `seasonal difference (m = ${s.period})`
                  : s.kind === 'diff'
                    ? 'first difference'
                    : s.kind,
              )
              .join(', then ')
      }. Why: ${suggested.reasons.join('; ')}.`,
    );
  });
});

describe('interpretDiagnostics parts', () => {
  it('slow ACF decay is described, not turned into advice', () => {
    const acf = Array.from({ length: 21 }, (_, k) => 1 - 0.03 * k); // 0.97 at lag 1, 0.7 at lag 10
    expect(interpretDiagnostics({ acf, band: BAND })).toEqual([
      'The ACF decays slowly (r1 = 0.97, still 0.70 at lag 10): a trend, a unit root or strong persistence; the tests below tell them apart.',
    ]);
  });

  it('no seasonality hint without the series or with m = 1', () => {
    const acf = Array.from({ length: 25 }, (_, k) => Math.cos((2 * Math.PI * k) / 12));
    expect(interpretDiagnostics({ acf, band: BAND, seasonalPeriod: 12 })).toEqual([]);
    const x = Float64Array.from({ length: 96 }, (_, i) => Math.sin((2 * Math.PI * i) / 12));
    expect(
      interpretDiagnostics({ series: x, seasonalPeriod: 1 }).some((h) => /season/i.test(h)),
    ).toBe(false);
  });

  it('PACF with two significant lags then nothing reads as AR(2)', () => {
    const pacf = flat(20);
    pacf[1] = 0.7;
    pacf[2] = -0.35;
    expect(interpretDiagnostics({ pacf, band: BAND })).toEqual([
      'The PACF cuts off after lag 2: the series behaves like an AR(2) process.',
    ]);
  });

  it('no PACF hint when significant lags keep coming', () => {
    const pacf = flat(20);
    pacf[1] = 0.7;
    pacf[4] = 0.4;
    expect(interpretDiagnostics({ pacf, band: BAND })).toEqual([]);
  });

  it('Ljung-Box: white noise warns that an LSTM may not beat the mean', () => {
    expect(interpretDiagnostics({ ljungBox: { pValue: 0.42, lags: 10 } })).toEqual([
      'Ljung-Box finds no significant autocorrelation up to lag 10 (p = 0.42): little temporal dependence, so an LSTM may not beat forecasting the mean.',
    ]);
    expect(interpretDiagnostics({ ljungBox: { pValue: 5.6e-89, lags: 10 } })).toEqual([
      'Ljung-Box finds significant autocorrelation up to lag 10 (p = 5.6e-89): past values carry information a model can use.',
    ]);
  });

  it('ADF and KPSS: the four combinations', () => {
    const text = (adfP: number, kpssP: number, clip: 'below' | 'above' | null): string[] =>
      interpretDiagnostics({
        adf: { pValue: adfP },
        kpss: { pValue: kpssP, pValueClipped: clip },
      });
    expect(text(0.001, 0.1, 'above')).toEqual([LEVELS]);
    expect(text(0.99, 0.01, 'below')).toEqual([WANDERS]);
    expect(text(0.01, 0.01, 'below')).toEqual([TREND_OR_BREAK]);
    expect(text(0.3, 0.08, null)).toEqual([UNCERTAIN]);
  });

  it('says nothing without inputs', () => {
    expect(interpretDiagnostics({})).toEqual([]);
  });
});
