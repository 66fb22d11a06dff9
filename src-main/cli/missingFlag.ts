// `--missing drop-rows|forward-fill|linear-interpolation` for the training commands: the import
// choice the app's import dialog offers for a column's missing values, applied to the target column
// through the dataset spec's choices (the engine fills or drops, exactly as for the app).
import { z } from 'zod';
import { parseUnknown } from '../shared/parseUnknown';
import { StudioFailure, toStudioError } from '../shared/result';
import { MissingChoice, type ImportChoices } from '../shared/schemas/dataset';
import { stringOption, type ParsedArgs } from './args';

/** The contract's choices that change something ('leave' is what happens without the flag). */
export const MissingFlag = MissingChoice.exclude(['leave'], {
  error: `--missing is one of ${MissingChoice.exclude(['leave']).options.join(', ')}`,
});
export type MissingFlag = z.infer<typeof MissingFlag>;

/** --missing, validated like the model flags; undefined without the flag. */
export function missingFlagFromArgs(args: ParsedArgs): MissingFlag | undefined {
  const missing = stringOption(args, 'missing');
  if (missing === undefined) return undefined;
  return parseUnknown(z.object({ missing: MissingFlag }), { missing }, 'model flags').missing;
}

/** The import choices that apply --missing to the target column. */
export function missingChoices(target: string, missing: MissingFlag | undefined): ImportChoices {
  return missing === undefined ? {} : { missing: { [target]: missing } };
}

/** The details of the engine's refusal of a missing training value (engine/runs/finiteInputs.ts). */
const MissingValueRefusal = z.object({
  column: z.string(),
  index: z.number(),
  value: z.literal('missing'),
});

/** The line the CLI adds to the engine's refusal of a missing value (written for the app's dialog). */
export function missingValueHint(
  failure: { message: string; details?: unknown },
  target: string | undefined,
  missing: MissingFlag | undefined,
): string | null {
  const refused = MissingValueRefusal.safeParse(failure.details);
  if (!refused.success) return null;
  const details = refused.data;
  const { column } = details;
  if (target !== undefined && column !== target)
    return `From the command line: --missing applies to the target column only; "${column}" is a feature column (--features), so leave it out or fix its missing values in the file.`;
  if (missing === undefined)
    return details.index === 0
      ? 'From the command line: pass --missing drop-rows (the first value is missing, and forward-fill or linear-interpolation cannot fill a value with none before it).'
      : 'From the command line: pass --missing linear-interpolation (or forward-fill, drop-rows).';
  if (missing !== 'drop-rows')
    return `From the command line: --missing ${missing} cannot fill a value with no value before it${missing === 'linear-interpolation' ? ' or after it' : ''} (at the ${missing === 'linear-interpolation' ? 'start or end' : 'start'} of the column); pass --missing drop-rows instead.`;
  return null;
}

/** Runs a training call; a refused missing value gets the CLI's hint on a line of its own. */
export async function withMissingHint<T>(
  target: string | undefined,
  missing: MissingFlag | undefined,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const failure = toStudioError(error);
    const hint = missingValueHint(failure, target, missing);
    if (hint === null) throw error;
    throw new StudioFailure(failure.code, `${failure.message}\n${hint}`, failure.details);
  }
}
