import type { AnalysisResult } from '../shared/schemas/analysis';
import { StudioFailure } from '../shared/result';
import { assertKnown, numberOption, parseArgs, stringOption, type ParsedArgs } from './args';
import { openCliSession } from './cliSession';
import type { CliCommand } from './commands';

function fmt(v: number | null | undefined, digits = 4): string {
  return v === null || v === undefined ? 'n/a' : Number(v.toPrecision(digits)).toString();
}

function describe(r: AnalysisResult): string {
  const lines = [
    `${r.column}: n = ${r.n}, mean ${fmt(r.summary.mean, 6)}, std ${fmt(r.summary.std, 6)}`,
    `  ${r.acf.method}: ${r.acf.values
      .slice(1, 13)
      .map((v) => fmt(v, 3))
      .join(' ')} …`,
    `  ${r.pacf.label}: ${r.pacf.values
      .slice(1, 13)
      .map((v) => fmt(v, 3))
      .join(' ')} …`,
    `  ${r.labels.adf}: τ ${fmt(r.adf?.statistic)} (p ${fmt(r.adf?.pValue, 3)}): ${r.adf?.verdict ?? 'not computed'}`,
    `  ${r.labels.kpss}: ${fmt(r.kpss?.statistic)} (p ${fmt(r.kpss?.pValue, 3)}): ${r.kpss?.verdict ?? 'not computed'}`,
    `  ${r.labels.ljungBox}:`,
    ...(r.portmanteau?.rows ?? []).map(
      (row) =>
        `    lag ${row.lags} (df ${row.df}): Ljung-Box Q ${fmt(row.ljungBox.statistic)} (p ${fmt(row.ljungBox.pValue, 3)})` +
        (row.boxPierce
          ? `, Box-Pierce Q ${fmt(row.boxPierce.statistic)} (p ${fmt(row.boxPierce.pValue, 3)})`
          : ''),
    ),
    ...(r.boxcox ? [`  ${r.boxcox.label}: λ = ${fmt(r.boxcox.lambda, 6)}`] : []),
    ...r.hints.map((h) => `  hint: ${h}`),
    ...r.notes.map((n) => `  note: ${n}`),
  ];
  return lines.join('\n');
}

const USAGE =
  'usage: series-studio analyze <csv> [--column NAME] [--nlags N] [--adf-regression c|ct|ctt|n] ' +
  '[--adf-autolag aic|bic|t-stat|none] [--adf-maxlag N] [--kpss-regression c|ct] ' +
  '[--kpss-nlags auto|legacy|N] [--lb-lags 10,20] [--model-df K] [--box-pierce] ' +
  '[--boxcox-method mle|guerrero] [--json]';

/** A number where one was given, else the text as typed, for the engine's schema to refuse. */
function numberOrText(raw: string): number | string {
  return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
}

/** The test options of `analyze`, as the engine's request takes them (values checked there). */
export function testOptions(args: ParsedArgs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const adf: Record<string, unknown> = {};
  const regression = stringOption(args, 'adf-regression');
  if (regression !== undefined) adf.regression = regression;
  const autolag = stringOption(args, 'adf-autolag');
  if (autolag !== undefined)
    adf.autolag = ['aic', 'bic'].includes(autolag.toLowerCase()) ? autolag.toUpperCase() : autolag;
  const maxlag = stringOption(args, 'adf-maxlag');
  if (maxlag !== undefined) adf.maxlag = numberOrText(maxlag);
  if (Object.keys(adf).length > 0) out.adf = adf;
  const kpss: Record<string, unknown> = {};
  const kpssRegression = stringOption(args, 'kpss-regression');
  if (kpssRegression !== undefined) kpss.regression = kpssRegression;
  const kpssNlags = stringOption(args, 'kpss-nlags');
  if (kpssNlags !== undefined) kpss.nlags = numberOrText(kpssNlags);
  if (Object.keys(kpss).length > 0) out.kpss = kpss;
  const lb: Record<string, unknown> = {};
  const lags = stringOption(args, 'lb-lags');
  if (lags !== undefined) lb.lags = lags.split(',').map(numberOrText);
  const modelDf = stringOption(args, 'model-df');
  if (modelDf !== undefined) lb.modelDf = numberOrText(modelDf);
  if (args.options.has('box-pierce')) lb.boxPierce = true;
  if (Object.keys(lb).length > 0) out.ljungBox = lb;
  const boxcox = stringOption(args, 'boxcox-method');
  if (boxcox !== undefined) out.boxcoxMethod = boxcox;
  return out;
}

export const analyzeCommand: CliCommand = {
  summary:
    'analyze <csv> [--column NAME] [--nlags N] [--adf-regression …] [--adf-autolag …] [--kpss-regression …] [--lb-lags 10,20] [--model-df K] [--box-pierce] [--boxcox-method mle|guerrero] [--json] — ACF/PACF, ADF, KPSS, Ljung-Box per column',
  async run(argv) {
    const args = parseArgs(argv, new Set(['json', 'box-pierce']));
    assertKnown(args, [
      'column',
      'nlags',
      'json',
      'adf-regression',
      'adf-autolag',
      'adf-maxlag',
      'kpss-regression',
      'kpss-nlags',
      'lb-lags',
      'model-df',
      'box-pierce',
      'boxcox-method',
    ]);
    const file = args.positional[0];
    if (!file) throw new StudioFailure('invalid-request', USAGE);
    const options = testOptions(args);
    const session = await openCliSession(file, true);
    try {
      const only = stringOption(args, 'column');
      const columns = session.info.columns
        .map((c) => c.name)
        .filter((c) => only === undefined || c === only);
      if (columns.length === 0)
        throw new StudioFailure(
          'not-found',
          `${session.info.name} has no numeric column "${only}".`,
        );
      const nlags = numberOption(args, 'nlags');
      const results: AnalysisResult[] = [];
      for (const column of columns) {
        results.push(
          await session.engine.call('analysis:diagnostics', {
            spec: session.spec,
            datasetId: session.spec.datasetId,
            column,
            transforms: [],
            pacfMethod: 'ywadjusted',
            ...(nlags === undefined ? {} : { nlags }),
            ...options,
          }),
        );
      }
      if (args.options.has('json'))
        process.stdout.write(
          `${JSON.stringify({ file: session.info.name, columns: results }, null, 2)}\n`,
        );
      else process.stdout.write(`${results.map(describe).join('\n\n')}\n`);
    } finally {
      await session.close();
    }
  },
};
