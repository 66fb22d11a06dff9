import { StudioFailure } from '../shared/result';
import { isOneOf, numberOption, stringOption } from './args';
import { openCliSession } from './cliSession';
import type { CliCommand } from './commands';
import { fitFlagNames, fitSettingsFromArgs, trainingCommandArgs } from './fitFlags';
import { missingFlagFromArgs, withMissingHint } from './missingFlag';
import { writeJsonFile } from './writeJson';

export const backtestCommand: CliCommand = {
  summary:
    'backtest <csv> --target NAME --folds K --horizon H [--refit scratch|finetune|none] [--window expanding|sliding] [--missing drop-rows|forward-fill|linear-interpolation] [model flags] --out backtest.json',
  async run(argv) {
    const { args, file, out } = trainingCommandArgs(argv, [
      ...fitFlagNames,
      'folds',
      'stride',
      'refit',
      'window',
    ]);
    const folds = numberOption(args, 'folds');
    const horizon = numberOption(args, 'horizon');
    if (!file || !out || folds === undefined || horizon === undefined) {
      throw new StudioFailure(
        'invalid-request',
        'usage: series-studio backtest <csv> --target NAME --folds K --horizon H [--refit scratch|finetune|none] [--missing drop-rows|forward-fill|linear-interpolation] --out backtest.json',
      );
    }
    const refit = stringOption(args, 'refit') ?? 'scratch';
    const window = stringOption(args, 'window') ?? 'expanding';
    if (!isOneOf(['scratch', 'finetune', 'none'] as const, refit))
      throw new StudioFailure('invalid-request', '--refit is scratch, finetune or none');
    if (!isOneOf(['expanding', 'sliding'] as const, window))
      throw new StudioFailure('invalid-request', '--window is expanding or sliding');
    const { horizon: _h, ...settings } = fitSettingsFromArgs(args);
    const missing = missingFlagFromArgs(args);
    const session = await openCliSession(file, args.options.has('quiet'), {
      target: settings.target,
      missing,
    });
    try {
      const target = settings.target ?? session.info.columns[0]?.name;
      const result = await withMissingHint(target, missing, () =>
        session.engine.call('backtest:run', {
          spec: session.spec,
          settings: { ...settings, target },
          folds,
          horizon,
          stride: numberOption(args, 'stride'),
          window,
          refit,
          workDir: session.workDir,
        }),
      );
      await writeJsonFile(out, 'backtest', result);
      const rmse = result.aggregate.rmse;
      process.stderr.write(
        `${result.folds.length}/${result.plannedFolds} folds · RMSE model ${rmse?.model?.mean?.toPrecision(4)} ± ${rmse?.model?.std?.toPrecision(3)}` +
          ` vs naive ${rmse?.naive?.mean?.toPrecision(4)} · wrote ${out}\n`,
      );
    } finally {
      await session.close();
    }
  },
};
