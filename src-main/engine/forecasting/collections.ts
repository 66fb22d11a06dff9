// Collections of series in the long format `id,date,value` (one row per observation, each series'
// rows in time order), as the M1 and tourism training parts are stored; the same shape serves
// user collections of many series.
import { readFileSync } from 'node:fs';

export interface CollectionSeries {
  id: string;
  values: Float64Array;
}

export function parseLongCsv(text: string): CollectionSeries[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((s) => s.trim().replace(/^"|"$/g, ''));
  const idCol = header.indexOf('id');
  const valueCol = header.indexOf('value');
  if (idCol < 0 || valueCol < 0)
    throw new Error('a long-format collection needs id and value columns');
  const byId = new Map<string, number[]>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    const cells = line.split(',');
    const id = (cells[idCol] ?? '').trim().replace(/^"|"$/g, '');
    const v = Number(cells[valueCol]);
    if (!Number.isFinite(v))
      throw new Error(`row ${i + 1}: value "${cells[valueCol]}" is not a number`);
    let list = byId.get(id);
    if (!list) byId.set(id, (list = []));
    list.push(v);
  }
  return [...byId].map(([id, values]) => ({ id, values: Float64Array.from(values) }));
}

export function readLongCsv(file: string): CollectionSeries[] {
  return parseLongCsv(readFileSync(file, 'utf8'));
}
