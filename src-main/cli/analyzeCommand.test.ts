import { describe, expect, it } from 'vitest';
import { AnalyzeRequest } from '../shared/schemas/analysis';
import { testOptions } from './analyzeCommand';
import { parseArgs } from './args';

const base = { datasetId: 'ds_0123abcd', column: 'C' };
const flags = new Set(['json', 'box-pierce']);

function request(argv: string[]) {
  return { ...base, ...testOptions(parseArgs(argv, flags)) };
}

describe('analyze test options', () => {
  it('turns the flags into the engine request', () => {
    const argv = [
      'x.csv',
      '--adf-regression',
      'ct',
      '--adf-autolag',
      'bic',
      '--adf-maxlag',
      '6',
      '--kpss-regression',
      'ct',
      '--kpss-nlags',
      'legacy',
      '--lb-lags',
      '12,24',
      '--model-df',
      '2',
      '--box-pierce',
      '--boxcox-method',
      'guerrero',
    ];
    const parsed = AnalyzeRequest.parse(request(argv));
    expect(parsed).toMatchObject({
      adf: { regression: 'ct', autolag: 'BIC', maxlag: 6 },
      kpss: { regression: 'ct', nlags: 'legacy' },
      ljungBox: { lags: [12, 24], modelDf: 2, boxPierce: true },
      boxcoxMethod: 'guerrero',
    });
    expect(AnalyzeRequest.parse(request(['x.csv', '--kpss-nlags', '7'])).kpss).toEqual({
      nlags: 7,
    });
    expect(testOptions(parseArgs(['x.csv'], flags))).toEqual({});
  });

  it.each([
    [
      ['--adf-regression', 'ttc'],
      'ADF regression "ttc" is not supported; use c (constant), ct (constant + trend), ctt (constant + trend + trend²) or n (none).',
    ],
    [
      ['--adf-autolag', 'hqic'],
      'ADF lag selection "hqic" is not supported; use AIC, BIC, t-stat or none (fixed at the maximum lag).',
    ],
    [
      ['--kpss-regression', 'n'],
      'KPSS regression "n" is not supported; use c (level stationarity) or ct (trend stationarity).',
    ],
    [
      ['--kpss-nlags', 'hobijn'],
      'KPSS lags must be auto (Hobijn et al.), legacy (⌈12·(n/100)^¼⌉) or a whole number ≥ 0.',
    ],
    [
      ['--boxcox-method', 'loglik'],
      'Box-Cox method "loglik" is not supported; use mle (maximum likelihood) or guerrero.',
    ],
    [['--lb-lags', '12,x'], 'Ljung-Box lags must be whole numbers ≥ 1, for example 10,20.'],
  ])('refuses %j, saying what is supported', (argv, message) => {
    const result = AnalyzeRequest.safeParse(request(['x.csv', ...argv]));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([message]);
  });

  it('refuses options it does not know instead of ignoring them', () => {
    const result = AnalyzeRequest.safeParse({ ...base, adf: { regresion: 'ct' } });
    expect(result.success).toBe(false);
  });
});
