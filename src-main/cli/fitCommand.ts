import { cp } from 'node:fs/promises';
import path from 'node:path';
import { memberThreadsInWords } from '../shared/charts/backendWords';
import { StudioFailure } from '../shared/result';
import { stringOption } from './args';
import { openCliSession } from './cliSession';
import type { CliCommand } from './commands';
import { fitFlagNames, fitSettingsFromArgs, trainingCommandArgs } from './fitFlags';
import { missingFlagFromArgs, withMissingHint } from './missingFlag';
import { writeJsonFile } from './writeJson';

export const fitCommand: CliCommand = {
  summary:
    'fit <csv> --target NAME [--missing drop-rows|forward-fill|linear-interpolation] [model flags] --out run.json — train headless, write the run as JSON',
  async run(argv) {
    const { args, file, out } = trainingCommandArgs(argv, [...fitFlagNames, 'save-model']);
    if (!file || !out)
      throw new StudioFailure(
        'invalid-request',
        'usage: series-studio fit <csv> --target NAME [--missing drop-rows|forward-fill|linear-interpolation] [flags] --out run.json',
      );
    const settings = fitSettingsFromArgs(args);
    const missing = missingFlagFromArgs(args);
    const session = await openCliSession(file, args.options.has('quiet'), {
      target: settings.target,
      missing,
    });
    try {
      const target = settings.target ?? session.info.columns[0]?.name;
      if (!target)
        throw new StudioFailure(
          'invalid-request',
          `${session.info.name} has no numeric column to forecast.`,
        );
      const run = await withMissingHint(target, missing, () =>
        session.engine.call('model:fit', {
          spec: session.spec,
          settings: { ...settings, target },
          workDir: session.workDir,
        }),
      );
      const saveModel = stringOption(args, 'save-model');
      if (saveModel)
        await cp(path.join(session.workDir, 'models', run.id), path.resolve(saveModel), {
          recursive: true,
        });
      await writeJsonFile(out, 'run', {
        ...run,
        modelDir: saveModel ? path.resolve(saveModel) : null,
      });
      const m = run.metrics;
      const threads = memberThreadsInWords(run.forecaster);
      const members = threads ? ` (${threads.members} members on ${threads.threads})` : '';
      process.stderr.write(
        `${run.stoppedReason}: ${run.epochs.length} epochs on ${run.backend.backend} (${run.kernel}) in ${run.timings.trainingSeconds.toFixed(1)} s${members} · ` +
          `${run.verdict?.headline ?? `test RMSE ${m.rmse?.toPrecision(5)} vs naive ${run.baselines.naive?.rmse?.toPrecision(5)}`} · wrote ${out}\n`,
      );
    } finally {
      await session.close();
    }
  },
};
