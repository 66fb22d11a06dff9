import { readFile } from 'node:fs/promises';
import { parseUnknown } from '../shared/parseUnknown';
import type { RunResult } from '../shared/schemas/model';
import { SearchRequest } from '../shared/schemas/search';
import { StudioFailure } from '../shared/result';
import { runSearch } from '../host/searchRunner';
import { stringOption } from './args';
import { openCliSession } from './cliSession';
import type { CliCommand } from './commands';
import { fitFlagNames, fitSettingsFromArgs, trainingCommandArgs } from './fitFlags';
import { writeJsonFile } from './writeJson';

/** grid.json: { "mode": "grid"|"random", "budget": N, "seed": S, "grid": { "units": [16, 32], ... } } */
const GridFile = SearchRequest.pick({ mode: true, grid: true, budget: true, seed: true }).partial({
  mode: true,
  budget: true,
  seed: true,
});

export const searchCommand: CliCommand = {
  summary:
    'search <csv> --target NAME --grid grid.json --out runs.json — grid or random search ranked by validation loss',
  async run(argv) {
    const { args, file, out } = trainingCommandArgs(argv, [...fitFlagNames, 'grid']);
    const gridFile = stringOption(args, 'grid');
    if (!file || !gridFile || !out)
      throw new StudioFailure(
        'invalid-request',
        'usage: series-studio search <csv> --target NAME --grid grid.json --out runs.json',
      );
    const spec = parseUnknown(
      GridFile,
      JSON.parse(await readFile(gridFile, 'utf8')),
      `search grid ${gridFile}`,
    );
    const base = fitSettingsFromArgs(args);
    const session = await openCliSession(file, args.options.has('quiet'));
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
            const run = await session.engine.call(
              'model:fit',
              { spec: session.spec, settings, workDir: session.workDir },
              controller.signal,
            );
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
