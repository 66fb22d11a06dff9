import { readFile } from 'node:fs/promises';
import { parseUnknown } from '../shared/parseUnknown';
import type { RunResult } from '../shared/schemas/model';
import { SearchRequest } from '../shared/schemas/search';
import { StudioFailure, toStudioError } from '../shared/result';
import { runSearch } from '../host/searchRunner';
import { stringOption } from './args';
import { openCliSession } from './cliSession';
import type { CliCommand } from './commands';
import { fitFlagNames, fitSettingsFromArgs, trainingCommandArgs } from './fitFlags';
import { missingFlagFromArgs, withMissingHint } from './missingFlag';
import { writeJsonFile } from './writeJson';

/** grid.json: { "mode": "grid"|"random", "budget": N, "seed": S, "grid": { "units": [16, 32], ... } } */
const GridFile = SearchRequest.pick({ mode: true, grid: true, budget: true, seed: true }).partial({
  mode: true,
  budget: true,
  seed: true,
});

export const searchCommand: CliCommand = {
  summary:
    'search <csv> --target NAME --grid grid.json [--missing drop-rows|forward-fill|linear-interpolation] [model flags] --out runs.json — grid or random search ranked by validation loss',
  async run(argv) {
    const { args, file, out } = trainingCommandArgs(argv, [...fitFlagNames, 'grid']);
    const gridFile = stringOption(args, 'grid');
    if (!file || !gridFile || !out)
      throw new StudioFailure(
        'invalid-request',
        'usage: series-studio search <csv> --target NAME --grid grid.json [--missing drop-rows|forward-fill|linear-interpolation] [flags] --out runs.json',
      );
    const spec = parseUnknown(
      GridFile,
      JSON.parse(await readFile(gridFile, 'utf8')),
      `search grid ${gridFile}`,
    );
    const base = fitSettingsFromArgs(args);
    const missing = missingFlagFromArgs(args);
    const session = await openCliSession(file, args.options.has('quiet'), {
      target: base.target,
      missing,
    });
    try {
      const runs: RunResult[] = [];
      const controller = new AbortController();
      process.once('SIGINT', () => controller.abort());
      const result = await runSearch(
        {
          mode: spec.mode ?? 'grid',
          base,
          grid: spec.grid,
          budget: spec.budget ?? 20,
          seed: spec.seed ?? 1,
        },
        {
          signal: controller.signal,
          fit: async (settings, trial) => {
            process.stderr.write(
              `trial ${trial.index + 1}/${trial.total}: ${JSON.stringify(settings)}\n`,
            );
            // A failed trial is recorded in runs.json and the search goes on; say why here too.
            const run = await withMissingHint(
              settings.target ?? session.info.columns[0]?.name,
              missing,
              () =>
                session.engine.call(
                  'model:fit',
                  { spec: session.spec, settings, workDir: session.workDir },
                  controller.signal,
                ),
            ).catch((error: unknown) => {
              if (!controller.signal.aborted)
                process.stderr.write(
                  `trial ${trial.index + 1}/${trial.total} failed: ${toStudioError(error).message}\n`,
                );
              throw error;
            });
            runs.push(run);
            return run;
          },
        },
      );
      await writeJsonFile(out, 'search', { search: result, runs });
      process.stderr.write(
        `best: ${result.bestRunId ?? 'none'} (${result.trials.length} trials) · wrote ${out}\n`,
      );
    } finally {
      await session.close();
    }
  },
};
