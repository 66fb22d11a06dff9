// Lists what an analyst should decide before analysing an imported table. Nothing is changed here;
// every Problem names its choices, which applyImportChoices carries out.
import { stepsBetween, addSteps } from './timeSteps';
import { sortedDistinct } from './inferFrequency';
import type { FrequencyInfo, ImportedTable, Problem } from './types';

const MAX_POSITIONS = 20;

/** A time value for messages: ISO date/date-time for calendar formats, the number for an index. */
export function formatTime(t: number, format: ImportedTable['time']['format']): string {
  if (format === 'index' || !Number.isFinite(t)) return String(t);
  const iso = new Date(t).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

function listTimes(times: number[], table: ImportedTable): string {
  const shown = times.slice(0, 3).map((t) => formatTime(t, table.time.format));
  return shown.join(', ') + (times.length > 3 ? ', ...' : '');
}

function orderProblems(table: ImportedTable): Problem[] {
  const t = table.time.values;
  const rows: number[] = [];
  const dupTimes: number[] = [];
  let unsorted = 0;
  let duplicates = 0;
  const seen = new Set<number>();
  for (let i = 0; i < t.length; i++) {
    const v = t[i] as number;
    if (i > 0 && v < (t[i - 1] as number)) {
      if (unsorted++ < MAX_POSITIONS) rows.push(table.rowNumbers[i] as number);
    }
    if (seen.has(v)) {
      if (duplicates++ < MAX_POSITIONS) dupTimes.push(v);
    } else seen.add(v);
  }
  const out: Problem[] = [];
  if (unsorted > 0) {
    const at = rows.slice(0, 3).join(', ');
    out.push({
      kind: 'unsorted-time',
      count: unsorted,
      positions: rows,
      positionKind: 'row',
      message: `time goes backwards ${unsorted} time(s) (rows ${at}${unsorted > 3 ? ', ...' : ''})`,
      choices: ['sort', 'keep-file-order'],
    });
  }
  if (duplicates > 0) {
    out.push({
      kind: 'duplicate-time',
      count: duplicates,
      positions: dupTimes,
      positionKind: 'time',
      message: `${duplicates} row(s) repeat an earlier time (${listTimes(dupTimes, table)})`,
      choices: ['keep-first', 'mean', 'keep-all'],
    });
  }
  return out;
}

/** Missing slots of a regular series, counted on its calendar (first 20 listed). */
export function missingSlots(
  table: ImportedTable,
  frequency: FrequencyInfo,
): { count: number; times: number[] } {
  const step = frequency.step;
  const times: number[] = [];
  let count = 0;
  if (step === null || frequency.frequency === 'irregular') return { count, times };
  const distinct = sortedDistinct(table.time.values);
  for (let i = 1; i < distinct.length; i++) {
    const a = distinct[i - 1] as number;
    const k = Math.round(stepsBetween(a, distinct[i] as number, step));
    if (k <= 1) continue;
    for (let j = 1; j < k && times.length < MAX_POSITIONS; j++) times.push(addSteps(a, j, step));
    count += k - 1;
  }
  return { count, times };
}

function columnProblems(table: ImportedTable): Problem[] {
  const out: Problem[] = [];
  const n = table.rowCount;
  for (const c of table.columns) {
    if (c.missing === n) {
      out.push({
        kind: 'all-missing-column',
        column: c.name,
        count: n,
        positions: [],
        positionKind: 'row',
        message: `"${c.name}" has no values at all`,
        choices: ['drop-column'],
      });
      continue;
    }
    const mask = c.nonFiniteMask;
    let nonFinite = 0;
    const nonFiniteRows: number[] = [];
    if (mask !== undefined) {
      for (let i = 0; i < n; i++) {
        if (mask[i] !== 1) continue;
        if (nonFinite++ < MAX_POSITIONS) nonFiniteRows.push(table.rowNumbers[i] as number);
      }
    }
    const missing = c.missing - nonFinite;
    if (missing > 0) {
      const rows: number[] = [];
      for (let i = 0; i < n && rows.length < MAX_POSITIONS; i++) {
        if (Number.isNaN(c.values[i]) && mask?.[i] !== 1) rows.push(table.rowNumbers[i] as number);
      }
      out.push({
        kind: 'missing-values',
        column: c.name,
        count: missing,
        positions: rows,
        positionKind: 'row',
        message: `"${c.name}" has ${missing} missing value(s) (first at row ${rows[0]})`,
        choices: ['drop-rows', 'forward-fill', 'linear-interpolation', 'leave'],
      });
    }
    if (nonFinite > 0) {
      const words = (c.nonFiniteTokens ?? []).map(([t, k]) => `${JSON.stringify(t)} ×${k}`);
      out.push({
        kind: 'non-finite-values',
        column: c.name,
        count: nonFinite,
        positions: nonFiniteRows,
        positionKind: 'row',
        message:
          `"${c.name}" has ${nonFinite} non-finite value(s) (${words.join(', ')}; first at row ` +
          `${nonFiniteRows[0]}), read as missing: no statistic can use them`,
        choices: ['treat-as-missing', 'drop-rows', 'forward-fill', 'linear-interpolation'],
      });
    }
    let first = NaN;
    let constant = true;
    for (const v of c.values) {
      if (Number.isNaN(v)) continue;
      if (Number.isNaN(first)) first = v;
      else if (v !== first) {
        constant = false;
        break;
      }
    }
    if (constant) {
      out.push({
        kind: 'constant-column',
        column: c.name,
        count: n - c.missing,
        positions: [],
        positionKind: 'row',
        message: `"${c.name}" is constant (${first}); it carries no information over time`,
        choices: ['keep', 'drop-column'],
      });
    }
  }
  return out;
}

export function findProblems(table: ImportedTable, frequency: FrequencyInfo): Problem[] {
  const out = orderProblems(table);
  const gaps = missingSlots(table, frequency);
  if (gaps.count > 0) {
    out.push({
      kind: 'gaps',
      count: gaps.count,
      positions: gaps.times,
      positionKind: 'time',
      message: `${gaps.count} ${frequency.frequency} time(s) are missing from the series (${listTimes(gaps.times, table)})`,
      choices: ['leave', 'insert-missing-rows'],
    });
  }
  return [...out, ...columnProblems(table)];
}
