// Does a sniffed CSV look like a long-format collection (one row per observation of one of many
// series)? An id column whose values repeat, a time column and a numeric target; other numeric
// columns are features. The import dialog proposes it and the user may change each choice.
import type { LongLayout } from '../../../src-main/shared/schemas/collection';
import type { CsvSniff } from '../../../src-main/shared/schemas/dataset';

export interface LongFormatGuess extends LongLayout {
  features: string[];
}

/** Columns that could key the series: text columns, and numeric ones of whole numbers. */
export function idCandidates(sniff: CsvSniff): string[] {
  return sniff.columns
    .filter((c) => c.kind === 'text' || c.kind === 'numeric')
    .filter((c) => c.name !== sniff.timeCandidate?.column)
    .map((c) => c.name);
}

function previewColumn(sniff: CsvSniff, name: string): string[] {
  const i = sniff.columnNames.indexOf(name);
  return i < 0 ? [] : sniff.preview.map((row) => (row[i] ?? '').trim());
}

export function detectLongFormat(sniff: CsvSniff): LongFormatGuess | null {
  const time = sniff.timeCandidate?.column;
  if (!time) return null;
  const times = previewColumn(sniff, time);
  const repeatsTime = new Set(times).size < times.length;
  // A text column with repeated values keys the series; a whole-number column does only when
  // the times repeat too (else it is more likely a count).
  const id = sniff.columns.find((c) => {
    if (c.name === time || (c.kind !== 'text' && c.kind !== 'numeric')) return false;
    const cells = previewColumn(sniff, c.name);
    if (cells.length < 2 || new Set(cells).size === cells.length) return false;
    if (c.kind === 'text') return true;
    return repeatsTime && cells.every((x) => /^\d+$/.test(x));
  });
  if (!id) return null;
  const numeric = sniff.numericColumns.filter((n) => n !== id.name && n !== time);
  const target = numeric[0];
  if (target === undefined) return null;
  return { idColumn: id.name, timeColumn: time, target, features: numeric.slice(1) };
}

/**
 * A wide file's series: with a time column and at least two other numeric columns, those columns
 * (each can be a series named after it); else null.
 */
export function wideColumns(sniff: CsvSniff): { timeColumn: string; columns: string[] } | null {
  const time = sniff.timeCandidate?.column;
  const columns = sniff.numericColumns.filter((n) => n !== time);
  return time && columns.length >= 2 ? { timeColumn: time, columns } : null;
}
