import { StudioFailure } from '../shared/result';
import { assertKnown, parseArgs } from './args';
import { CliEngine, cliPaths } from './cliEngine';
import type { CliCommand } from './commands';
import { datasetSpecFor } from './datasetSpecFor';

export const infoCommand: CliCommand = {
  summary: 'info <csv> — rows, columns and detected types as JSON',
  async run(argv) {
    const args = parseArgs(argv);
    assertKnown(args, []);
    const file = args.positional[0];
    if (!file) throw new StudioFailure('invalid-request', 'usage: series-studio info <csv>');
    const engine = new CliEngine(cliPaths());
    try {
      const info = await engine.call('datasets:open', {
        spec: await datasetSpecFor(file),
      });
      const summary = {
        file: info.name,
        rows: info.rows,
        time: {
          column: info.timeColumn,
          format: info.timeFormat,
          first: info.firstTime,
          last: info.lastTime,
        },
        frequency: info.frequency,
        seasonalPeriod: info.seasonalPeriod,
        columns: info.columns.map((c) => ({
          name: c.name,
          type: 'numeric',
          count: c.count,
          missing: c.missing,
        })),
        textColumns: info.textColumns,
        problems: info.problems.map((p) => p.message),
        options: info.options,
      };
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    } finally {
      await engine.dispose();
    }
  },
};
