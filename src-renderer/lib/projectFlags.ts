// The reopened project's file notes in a few short lines: base names only (never the folders a
// file was read from or moved out of), one line per kind of note however many files it concerns.
import type { DatasetCheck } from '../../src-main/shared/schemas/project';

type Check = Pick<DatasetCheck, 'status' | 'path' | 'embedded'>;

export interface FlagLine {
  kind: 'moved' | 'relocated' | 'changed';
  text: string;
}

/** "a.csv", from "/x/y/a.csv" or "C:\\x\\a.csv". */
export function baseName(path: string): string {
  return (
    path
      .split(/[\\/]/)
      .filter((p) => p !== '')
      .pop() ?? path
  );
}

function names(checks: readonly Check[]): string {
  const all = [...new Set(checks.map((c) => baseName(c.path)))];
  if (all.length <= 3) return all.join(', ');
  return `${all.slice(0, 2).join(', ')} and ${all.length - 2} more`;
}

export function projectFlagLines(checks: readonly Check[]): FlagLine[] {
  const moved = checks.filter((c) => c.status === 'moved' && c.embedded);
  const relocated = checks.filter((c) => c.status === 'moved' && !c.embedded);
  const changed = checks.filter((c) => c.status === 'changed');
  const lines: FlagLine[] = [];
  if (moved.length > 0)
    lines.push({
      kind: 'moved',
      text:
        moved.length === 1
          ? `${names(moved)} is no longer where it was saved from; the copy kept in the project was used.`
          : `${moved.length} files are no longer where they were saved from (${names(moved)}); the copies kept in the project were used.`,
    });
  if (relocated.length > 0)
    lines.push({
      kind: 'relocated',
      text: `Opened from the new location you gave: ${names(relocated)}.`,
    });
  if (changed.length > 0)
    lines.push({
      kind: 'changed',
      text: `${names(changed)} ${changed.length === 1 ? 'has' : 'have'} changed since the project was saved; ${changed.length === 1 ? 'its' : 'their'} runs were trained on the earlier contents.`,
    });
  return lines;
}
