import { readFile } from 'node:fs/promises';
import { parseUnknown } from '../shared/parseUnknown';
import { RunResult } from '../shared/schemas/model';
import { StudioFailure } from '../shared/result';
import { assertKnown, isOneOf, numberOption, parseArgs, stringOption } from './args';
import { CliEngine, cliPaths } from './cliEngine';
import type { CliCommand } from './commands';

async function readRun(file: string): Promise<RunResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new StudioFailure(
      'invalid-request',
      `${file}: not a readable run JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  return parseUnknown(RunResult, raw, `run file ${file}`);
}

export const compareCommand: CliCommand = {
  summary:
    'compare <run-a.json> <run-b.json> [--loss squared|absolute] [--h 1] [--alternative two-sided|less|greater] — Diebold-Mariano and paired t-test',
  async run(argv) {
    const args = parseArgs(argv);
    assertKnown(args, ['loss', 'h', 'alternative']);
    const [fileA, fileB] = args.positional;
    if (!fileA || !fileB)
      throw new StudioFailure(
        'invalid-request',
        'usage: series-studio compare <run-a.json> <run-b.json> [--loss squared|absolute] [--h 1] [--alternative two-sided|less|greater]',
      );
    const loss = stringOption(args, 'loss') ?? 'squared';
    const alternative = stringOption(args, 'alternative') ?? 'two-sided';
    if (loss !== 'squared' && loss !== 'absolute')
      throw new StudioFailure('invalid-request', '--loss is squared or absolute');
    if (!isOneOf(['two-sided', 'less', 'greater'] as const, alternative))
      throw new StudioFailure('invalid-request', '--alternative is two-sided, less or greater');
    const [a, b] = await Promise.all([readRun(fileA), readRun(fileB)]);
    const engine = new CliEngine(cliPaths());
    try {
      const result = await engine.call('runs:compare', {
        a,
        b,
        loss,
        h: numberOption(args, 'h') ?? 1,
        alternative,
      });
      process.stdout.write(
        `${JSON.stringify(
          {
            runA: fileA,
            runB: fileB,
            n: result.n,
            h: result.h,
            loss: result.loss,
            alternative: result.alternative,
            dieboldMariano: result.dieboldMariano,
            pairedTTest: result.pairedTTest,
          },
          null,
          2,
        )}\n`,
      );
    } finally {
      await engine.dispose();
    }
  },
};
