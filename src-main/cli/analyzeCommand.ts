import type { AnalysisResult } from '../shared/schemas/analysis';
import { StudioFailure } from '../shared/result';
import { assertKnown, numberOption, parseArgs, stringOption } from './args';
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
    `  ADF ${fmt(r.adf?.statistic)} (p ${fmt(r.adf?.pValue, 3)}): ${r.adf?.verdict ?? 'not computed'}`,
    `  KPSS ${fmt(r.kpss?.statistic)} (p ${fmt(r.kpss?.pValue, 3)}): ${r.kpss?.verdict ?? 'not computed'}`,
    `  Ljung-Box Q(${r.ljungBox?.lags ?? '?'}) ${fmt(r.ljungBox?.statistic)} (p ${fmt(r.ljungBox?.pValue, 3)}): ${r.ljungBox?.verdict ?? 'not computed'}`,
    ...r.hints.map((h) => `  hint: ${h}`),
    ...r.notes.map((n) => `  note: ${n}`),
  ];
  return lines.join('\n');
}

export const analyzeCommand: CliCommand = {
  summary:
    'analyze <csv> [--column NAME] [--nlags N] [--json] — ACF/PACF, ADF, KPSS, Ljung-Box per column',
  async run(argv) {
    const args = parseArgs(argv, new Set(['json']));
    assertKnown(args, ['column', 'nlags', 'json']);
    const file = args.positional[0];
    if (!file)
      throw new StudioFailure(
        'invalid-request',
        'usage: series-studio analyze <csv> [--column NAME] [--nlags N] [--json]',
      );
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
          await session.engine.call<AnalysisResult>('analysis:diagnostics', {
            spec: session.spec,
            datasetId: session.spec.datasetId,
            column,
            transforms: [],
            pacfMethod: 'ywadjusted',
            ...(nlags === undefined ? {} : { nlags }),
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
