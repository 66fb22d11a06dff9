// Problems about the time column itself, found on the file's first rows (the sniffer's sample):
// rows numbered 1, 2, 3, … although a column holds dates ("No problems found" must never hide a
// fallback to row numbers), and a time column that mixes date formats.
import { sniffCsv } from './sniffCsv';
import { mixedDatesVerdict, shapesInWords } from './mixedDates';
import type { ParseOptions, Problem } from './types';

export async function timeProblems(filePath: string, options: ParseOptions): Promise<Problem[]> {
  if (options.timeColumn !== null && options.timeFormat !== 'mixed-dates') return [];
  const sniff = await sniffCsv(filePath, options);
  const cellsOf = (name: string): string[] => {
    const j = sniff.columnNames.indexOf(name);
    return j < 0 ? [] : sniff.preview.map((row) => row[j] ?? '');
  };
  if (options.timeColumn !== null) {
    const v = mixedDatesVerdict(cellsOf(options.timeColumn));
    if (v.shapes.length < 2) return [];
    return [
      {
        kind: 'mixed-time-formats',
        column: options.timeColumn,
        count: v.shapes.length,
        positions: [],
        positionKind: 'row',
        message: `"${options.timeColumn}" mixes ${v.shapes.length} date formats in its first rows (${shapesInWords(v.shapes)}); each date was read by the format that fits it, so check that the times run as expected.`,
        choices: [],
      },
    ];
  }
  const out: Problem[] = [];
  for (const name of sniff.columnNames) {
    const v = mixedDatesVerdict(cellsOf(name));
    if (v.share < 0.5) continue;
    const unread =
      v.unreadable.length > 0
        ? `, but ${v.unreadable.map((c) => `"${c}"`).join(', ')} ${v.unreadable.length === 1 ? 'fits' : 'fit'} no date format (day and month cannot be told apart, or the format is unknown)`
        : '';
    out.push({
      kind: 'time-not-recognised',
      column: name,
      count: v.unreadable.length,
      positions: [],
      positionKind: 'row',
      message: `Rows are numbered 1, 2, 3, … because "${name}" was not read as time: it holds dates${v.shapes.length > 1 ? ` in ${v.shapes.length} formats` : ''}${unread}. In the import settings choose "${name}" as the time column with the format "Dates in mixed formats", after writing any ambiguous date as YYYY-MM-DD.`,
      choices: [],
    });
  }
  return out;
}
