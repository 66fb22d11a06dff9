// A collection's file as the engine reads it, whatever its layout: a long-format index (byte
// ranges per id, longFormat.ts) or a wide table (one numeric column per series, wideFormat.ts).
// The app's collections and the batch CLI read series through this, so both layouts take the
// same path after reading. It is plain data (maps and typed arrays), so it can be sent to a worker.
import type { CollectionLayout } from '../../shared/schemas/collection';
import { indexLongCsv, readSeries, type LongFormatIndex, type LongSeries } from './longFormat';
import {
  readWideCsv,
  wideSeries,
  wideSubset,
  type LeftOutColumn,
  type WideTable,
} from './wideFormat';

export type CollectionSource =
  { kind: 'long'; index: LongFormatIndex } | { kind: 'wide'; table: WideTable };

export async function openSource(
  file: string,
  layout: CollectionLayout,
  features: readonly string[] = [],
): Promise<CollectionSource> {
  return layout.kind === 'wide'
    ? { kind: 'wide', table: await readWideCsv(file, layout) }
    : { kind: 'long', index: await indexLongCsv(file, { ...layout, features }) };
}

/** The series ids: a long file's in order of first appearance, a wide file's columns in order. */
export function sourceIds(source: CollectionSource): string[] {
  return source.kind === 'wide' ? [...source.table.columns.keys()] : [...source.index.ids.keys()];
}

export function sourceSeries(source: CollectionSource, id: string): LongSeries {
  return source.kind === 'wide' ? wideSeries(source.table, id) : readSeries(source.index, id);
}

/** Data rows, unreadable rows (1-based file lines) and the columns a wide file left out. */
export function sourceRows(source: CollectionSource): {
  rows: number;
  badRows: number[];
  leftOut: LeftOutColumn[];
} {
  const read = source.kind === 'wide' ? source.table : source.index;
  return {
    rows: read.rows,
    badRows: read.badRows,
    leftOut: source.kind === 'wide' ? source.table.leftOut : [],
  };
}

/** The same file with only the given series (what a worker needs for one task). */
export function sourceSubset(source: CollectionSource, ids: readonly string[]): CollectionSource {
  if (source.kind === 'wide') return { kind: 'wide', table: wideSubset(source.table, ids) };
  const map: LongFormatIndex['ids'] = new Map();
  for (const id of ids) {
    const runs = source.index.ids.get(id);
    if (runs) map.set(id, runs);
  }
  return { kind: 'long', index: { ...source.index, ids: map } };
}
