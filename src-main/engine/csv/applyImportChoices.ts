// Carries out the analyst's answers to findProblems, in a fixed order (columns, order, duplicates,
// gaps, non-finite values, missing values) and says in words what was done, for the dataset's report.
import { overflowSafeMean } from './columnSummary';
import { forwardFill, linearInterpolate } from './fillMissing';
import { formatTime } from './findProblems';
import { addSteps, stepsBetween } from './timeSteps';
import { isSorted, pickRows, withColumnValues } from './tableRows';
import type {
  FrequencyInfo,
  ImportChoices,
  ImportedTable,
  MissingChoice,
  NonFiniteChoice,
} from './types';

export interface AppliedImport {
  table: ImportedTable;
  appliedChoices: string[];
}

function sortRows(table: ImportedTable, done: string[]): ImportedTable {
  if (isSorted(table.time.values)) return table;
  const t = table.time.values;
  const order = Array.from(t.keys()).sort((a, b) => (t[a] as number) - (t[b] as number) || a - b);
  done.push(`rows sorted by time (stable: rows with equal times keep their file order)`);
  return pickRows(table, order);
}

function resolveDuplicates(
  table: ImportedTable,
  how: 'keep-first' | 'mean',
  done: string[],
): ImportedTable {
  const firstAt = new Map<number, number>();
  const groups: number[][] = [];
  table.time.values.forEach((t, i) => {
    const g = firstAt.get(t);
    if (g === undefined) {
      firstAt.set(t, groups.length);
      groups.push([i]);
    } else (groups[g] as number[]).push(i);
  });
  const removed = table.rowCount - groups.length;
  if (removed === 0) return table;
  const kept = pickRows(
    table,
    groups.map((g) => g[0] as number),
  );
  if (how === 'keep-first') {
    done.push(
      `${removed} row(s) with a repeated time dropped, keeping the first row for each time`,
    );
    return kept;
  }
  const columns = table.columns.map((c, ci) => {
    const keptColumn = kept.columns[ci] as ImportedTable['columns'][number];
    const values = keptColumn.values.slice();
    const mask = keptColumn.nonFiniteMask?.slice();
    groups.forEach((g, gi) => {
      values[gi] = overflowSafeMean(c.values, g);
      // A merged row is non-finite only when it has no value and one of its cells was non-finite.
      if (mask !== undefined && c.nonFiniteMask !== undefined)
        mask[gi] = Number.isNaN(values[gi]) && g.some((i) => c.nonFiniteMask?.[i] === 1) ? 1 : 0;
    });
    const merged = withColumnValues(keptColumn, values);
    return mask === undefined ? merged : { ...merged, nonFiniteMask: mask };
  });
  done.push(
    `${removed} row(s) with a repeated time merged into one row per time by averaging non-missing values`,
  );
  return { ...kept, columns };
}

function insertGaps(table: ImportedTable, frequency: FrequencyInfo, done: string[]): ImportedTable {
  const step = frequency.step;
  const t = table.time.values;
  if (step === null || frequency.frequency === 'irregular' || frequency.frequency === 'index') {
    done.push(`gaps not filled: a ${frequency.frequency} series has no regular calendar to fill`);
    return table;
  }
  if (!isSorted(t)) {
    done.push('gaps not filled: the rows are not sorted by time (choose "sort" first)');
    return table;
  }
  let total = 0;
  for (let i = 1; i < t.length; i++) {
    if ((t[i] as number) > (t[i - 1] as number)) {
      total += Math.max(0, Math.round(stepsBetween(t[i - 1] as number, t[i] as number, step)) - 1);
    }
  }
  const limit = Math.max(10 * t.length, 100_000);
  if (total > limit) {
    done.push(
      `gaps not filled: ${total} rows would be inserted, more than ${limit}; check the frequency`,
    );
    return table;
  }
  const indices: number[] = [];
  const times: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (i > 0 && (t[i] as number) > (t[i - 1] as number)) {
      const k = Math.round(stepsBetween(t[i - 1] as number, t[i] as number, step));
      for (let j = 1; j < k; j++) {
        indices.push(-1);
        times.push(addSteps(t[i - 1] as number, j, step));
      }
    }
    indices.push(i);
  }
  if (times.length === 0) return table;
  const first = formatTime(times[0] as number, table.time.format);
  done.push(
    `${times.length} missing ${frequency.frequency} time(s) inserted as rows with missing values (first ${first})`,
  );
  return pickRows(table, indices, times);
}

const FILL_WORDS: Record<'forward-fill' | 'linear-interpolation', string> = {
  'forward-fill': 'forward fill (last value carried forward)',
  'linear-interpolation': 'linear interpolation',
};

function fillColumn(
  table: ImportedTable,
  name: string,
  how: MissingChoice,
  done: string[],
): ImportedTable {
  const column = table.columns.find((c) => c.name === name);
  if (column === undefined || column.missing === 0 || how === 'leave') return table;
  if (how === 'drop-rows') {
    const keep = Array.from(column.values.keys()).filter((i) => !Number.isNaN(column.values[i]));
    done.push(`${name}: ${column.missing} row(s) with a missing value dropped`);
    return pickRows(table, keep);
  }
  const result =
    how === 'forward-fill' ? forwardFill(column.values) : linearInterpolate(column.values);
  const where =
    how === 'forward-fill'
      ? 'at the start, before any value'
      : 'at the start or end, with no value on one side';
  const rest = result.left > 0 ? `; ${result.left} left missing ${where}` : '';
  done.push(`${name}: ${result.filled} missing value(s) filled by ${FILL_WORDS[how]}${rest}`);
  const columns = table.columns.map((c) => (c === column ? withColumnValues(c, result.values) : c));
  return { ...table, columns };
}

/** A column's non-finite cells (nonFiniteMask): left missing, their rows dropped, or filled alone. */
function fixNonFinite(
  table: ImportedTable,
  name: string,
  how: NonFiniteChoice,
  done: string[],
): ImportedTable {
  const column = table.columns.find((c) => c.name === name);
  const mask = column?.nonFiniteMask;
  if (column === undefined || mask === undefined) return table;
  const count = mask.reduce((n, m) => n + m, 0);
  if (count === 0) return table;
  if (how === 'treat-as-missing') {
    done.push(`${name}: ${count} non-finite value(s) treated as missing`);
    return table;
  }
  if (how === 'drop-rows') {
    const keep = Array.from(mask.keys()).filter((i) => mask[i] !== 1);
    done.push(`${name}: ${count} row(s) with a non-finite value dropped`);
    return pickRows(table, keep);
  }
  const result =
    how === 'forward-fill'
      ? forwardFill(column.values, mask)
      : linearInterpolate(column.values, mask);
  const where =
    how === 'forward-fill'
      ? 'at the start, before any value'
      : 'at the start or end, with no value on one side';
  const rest = result.left > 0 ? `; ${result.left} left missing ${where}` : '';
  done.push(`${name}: ${result.filled} non-finite value(s) filled by ${FILL_WORDS[how]}${rest}`);
  const columns = table.columns.map((c) => (c === column ? withColumnValues(c, result.values) : c));
  return { ...table, columns };
}

export function applyImportChoices(
  input: ImportedTable,
  choices: ImportChoices,
  frequency: FrequencyInfo,
): AppliedImport {
  const done: string[] = [];
  let table = input;
  const drop = choices.dropColumns ?? [];
  if (drop.length > 0) {
    const dropped = table.columns.filter((c) => drop.includes(c.name)).map((c) => c.name);
    if (dropped.length > 0)
      done.push(`column(s) dropped: ${dropped.map((n) => `"${n}"`).join(', ')}`);
    table = { ...table, columns: table.columns.filter((c) => !drop.includes(c.name)) };
  }
  if (choices.order === 'sort') table = sortRows(table, done);
  if (choices.duplicates === 'keep-first' || choices.duplicates === 'mean') {
    table = resolveDuplicates(table, choices.duplicates, done);
  }
  if (choices.gaps === 'insert-missing-rows') table = insertGaps(table, frequency, done);
  for (const [name, how] of Object.entries(choices.nonFinite ?? {}))
    table = fixNonFinite(table, name, how, done);
  for (const [name, how] of Object.entries(choices.missing ?? {}))
    table = fillColumn(table, name, how, done);
  const appliedChoices = [...input.appliedChoices, ...done];
  return { table: { ...table, appliedChoices }, appliedChoices };
}
