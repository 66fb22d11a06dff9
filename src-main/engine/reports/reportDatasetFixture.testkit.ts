// Dataset side of the report test fixture: 48 months of a trending seasonal series with its
// import summary and hand-written diagnostics.
import type { AnalysisResult } from '../../shared/schemas/analysis';
import type { DatasetInfo, SeriesWindow } from '../../shared/schemas/dataset';
import { parseOptionsFixture } from '../csv/parseOptions.testkit';

export const month = (i: number): number => Date.UTC(1950 + Math.floor(i / 12), i % 12, 1);
export const N = 48;
export const times = Array.from({ length: N }, (_, i) => month(i));
export const values = times.map((_, i) => 100 + 2 * i + 10 * Math.sin((2 * Math.PI * i) / 12));

export const DATASET_INFO: DatasetInfo = {
  datasetId: 'ds_0123456789abcdef',
  name: 'demo.csv',
  source: { kind: 'path', path: '/data/demo <2024>.csv' },
  rows: N,
  timeColumn: 'month',
  timeFormat: 'year-month',
  frequency: 'monthly',
  seasonalPeriod: 12,
  frequencyExplanation: 'Median step is one calendar month.',
  firstTime: month(0),
  lastTime: month(N - 1),
  columns: [
    {
      name: 'passengers',
      count: N,
      missing: 2,
      mean: 147,
      std: 29,
      min: 98,
      q25: 123,
      median: 147,
      q75: 171,
      max: 196,
      firstTime: month(0),
      lastTime: month(N - 1),
    },
  ],
  textColumns: [],
  problems: [],
  appliedChoices: ['passengers: 2 missing values filled by linear interpolation'],
  warnings: [],
  options: parseOptionsFixture({ timeColumn: 'month', timeFormat: 'year-month' }),
  choices: { missing: { passengers: 'linear-interpolation' } },
};

export const SERIES: SeriesWindow = {
  datasetId: 'ds_0123456789abcdef',
  timeFormat: 'year-month',
  x: times,
  series: [{ name: 'passengers', values }],
  totalPoints: N,
  downsampled: false,
  method: 'none',
};

export const ANALYSIS: AnalysisResult = {
  column: 'passengers',
  transforms: ['log'],
  n: N,
  nlags: 4,
  summary: { count: N, mean: 147, std: 29, min: 98, q25: 123, median: 147, q75: 171, max: 196 },
  acf: {
    values: [1, 0.9, 0.8, 0.6, 0.5],
    band: [0, 0.28, 0.45, 0.55, 0.6],
    method: 'ACF, 95% Bartlett band',
  },
  pacf: {
    method: 'ywadjusted',
    values: [1, 0.9, -0.1, 0.05, 0.02],
    ywadjusted: [1, 0.9, -0.1, 0.05, 0.02],
    ols: null,
    band: 0.283,
    label: 'PACF (Yule-Walker), 95% band ±1.96/√n',
  },
  adf: {
    statistic: -1.2345,
    pValue: 0.6543,
    verdict: 'ADF: cannot reject a unit root',
    usedLag: 2,
    nobs: 45,
    critical: { '5%': -2.93 },
    icBest: 100,
  },
  kpss: {
    statistic: 0.9,
    pValue: 0.01,
    verdict: 'KPSS: not level-stationary',
    lags: 3,
    pValueClipped: 'below',
    critical: { '5%': 0.463 },
  },
  ljungBox: {
    statistic: 80.5,
    pValue: 0.00001,
    verdict: 'Ljung-Box: autocorrelated',
    lags: 4,
    df: 4,
  },
  hints: ['Try a first difference.'],
  labels: { adf: 'ADF (constant)', kpss: 'KPSS (level)', ljungBox: 'Ljung-Box' },
  notes: [],
  boxcoxLambda: 0.2,
};
