// The CLI's JSON outputs (run, backtest, search files) are checked against the shared schemas
// before they are written: what `series-studio report` or the app later reads is what was checked.
import { z } from 'zod';
import { writeFileAtomic } from '../engine/fsAtomic/writeFileAtomic';
import { StudioFailure } from '../shared/result';
import { RunResult } from '../shared/schemas/model';
import { BacktestResult, SearchResult } from '../shared/schemas/search';

/** What each CLI command writes. */
export const CliOutputs = {
  run: RunResult,
  backtest: BacktestResult,
  search: z.object({ search: SearchResult, runs: z.array(RunResult) }),
} as const;

export type CliOutput = keyof typeof CliOutputs;

/**
 * Writes `value` as JSON after checking the JSON text itself (NaN already null, as a reader sees
 * it) against the output's schema; a value that does not match is refused and nothing is written.
 */
export async function writeJsonFile<K extends CliOutput>(
  file: string,
  kind: K,
  value: z.input<(typeof CliOutputs)[K]>,
): Promise<void> {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  const checked = CliOutputs[kind].safeParse(JSON.parse(text));
  if (!checked.success) {
    const first = checked.error.issues[0];
    const where = first ? `${first.path.map(String).join('.') || '(root)'}: ${first.message}` : '';
    throw new StudioFailure(
      'internal',
      `The ${kind} JSON for ${file} does not match its schema (${where}); nothing was written.`,
    );
  }
  await writeFileAtomic(file, text, { backup: false });
}
