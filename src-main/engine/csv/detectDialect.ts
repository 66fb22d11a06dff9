// Delimiter, quote character, decimal mark and header detection on a decoded text sample.
import Papa from 'papaparse';
import { isBlank } from './missingTokens';
import { parseNumberCell } from './parseNumber';
import { isoFormatOf } from './detectTimeColumn';
import type { Delimiter } from './types';

export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

export function parseSample(text: string, delimiter: Delimiter, quoteChar: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter, quoteChar, skipEmptyLines: false });
  return result.data.filter((row) => !(row.length === 1 && isBlank(row[0] ?? '')));
}

/** The delimiter giving the most rows with one consistent field count above 1 (',' if none). */
export function detectDelimiter(
  text: string,
  quoteChar: string,
): { delimiter: Delimiter; reason: string } {
  let best: { delimiter: Delimiter; score: number; fields: number } | null = null;
  for (const delimiter of DELIMITERS) {
    const rows = parseSample(text, delimiter, quoteChar).slice(0, 500);
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [fields, n] of counts)
      if (n > modeCount || (n === modeCount && fields > mode)) {
        mode = fields;
        modeCount = n;
      }
    if (mode < 2 || rows.length === 0) continue;
    const score = modeCount / rows.length;
    if (best === null || score > best.score + 1e-9) best = { delimiter, score, fields: mode };
  }
  if (best === null) {
    return { delimiter: ',', reason: 'no delimiter splits the rows, so the file has one column' };
  }
  const name = best.delimiter === '\t' ? 'tab' : `"${best.delimiter}"`;
  const pct = Math.round(best.score * 100);
  return {
    delimiter: best.delimiter,
    reason: `${name} splits ${pct}% of rows into ${best.fields} fields`,
  };
}

/** Single quotes only when cells are wrapped in them and double quotes never appear. */
export function detectQuoteChar(text: string): '"' | "'" {
  if (text.includes('"')) return '"';
  const wrapped = text.match(/(^|[,;\t|])'[^'\n]*'(?=[,;\t|\r\n]|$)/gm);
  return wrapped !== null && wrapped.length >= 2 ? "'" : '"';
}

const COMMA_DECIMAL = [
  /^[+-]?\d+,\d{1,2}$/,
  /^[+-]?\d+,\d{4,}$/,
  /^[+-]?\d{1,3}(\.\d{3})+,\d+$/,
  /^[+-]?\d{1,3}(\.\d{3}){2,}$/,
  /^[+-]?\d{4,},\d{3}$/,
];
const POINT_DECIMAL = [
  /^[+-]?\d+\.\d{1,2}$/,
  /^[+-]?\d+\.\d{4,}$/,
  /^[+-]?\d{1,3}(,\d{3})+\.\d+$/,
  /^[+-]?\d{1,3}(,\d{3}){2,}$/,
  /^[+-]?\d{4,}\.\d{3}$/,
];

/**
 * Counts cells that only make sense with one decimal mark ("1,5", "1.234,5" vs "1.5", "1,234.5").
 * "1,234" or "1.234" alone is ambiguous and ignored; a tie in a ';' file means decimal comma, the
 * usual reason for choosing ';'.
 */
export function detectDecimal(
  rows: string[][],
  delimiter: Delimiter,
): { decimal: '.' | ','; reason: string } {
  let comma = 0;
  let point = 0;
  for (const row of rows) {
    for (const raw of row) {
      const cell = raw.trim();
      if (cell.length === 0 || cell.length > 30) continue;
      if (COMMA_DECIMAL.some((re) => re.test(cell))) comma++;
      else if (POINT_DECIMAL.some((re) => re.test(cell))) point++;
    }
  }
  if (comma > point) {
    return { decimal: ',', reason: `${comma} cells use a decimal comma (e.g. 1,5 or 1.234,5)` };
  }
  if (
    comma === point &&
    comma === 0 &&
    delimiter === ';' &&
    rows.some((r) => r.some((c) => /^\s*[+-]?\d+,\d{3}\s*$/.test(c)))
  ) {
    return {
      decimal: ',',
      reason: 'numbers like 1,234 in a ";" file were read with a decimal comma',
    };
  }
  if (point === 0) return { decimal: '.', reason: 'no decimal fractions seen; "." assumed' };
  return { decimal: '.', reason: `${point} cells use a decimal point` };
}

type CellType = 'number' | 'time' | 'text' | 'missing';

function cellType(cell: string, decimal: '.' | ',', missing: ReadonlySet<string>): CellType {
  const t = cell.trim();
  if (missing.has(t)) return 'missing';
  if (!Number.isNaN(parseNumberCell(t, decimal))) return 'number';
  return isoFormatOf([t]) !== null ? 'time' : 'text';
}

/**
 * The first row is a header when some column is mostly numbers or dates below it but holds text in
 * it; a file of text columns only is assumed to have a header (data rows of pure text are rarer).
 */
export function detectHeader(
  rows: string[][],
  decimal: '.' | ',',
  missing: ReadonlySet<string>,
): { header: boolean; reason: string } {
  const first = rows[0];
  if (first === undefined) return { header: true, reason: 'no rows' };
  const body = rows.slice(1, 200);
  let dataLike = 0;
  for (let j = 0; j < first.length; j++) {
    const below = body
      .map((r) => cellType(r[j] ?? '', decimal, missing))
      .filter((t) => t !== 'missing');
    const typed = below.filter((t) => t === 'number' || t === 'time').length;
    const head = cellType(first[j] ?? '', decimal, missing);
    if (head === 'text' && (below.length === 0 ? false : typed / below.length >= 0.5)) {
      return {
        header: true,
        reason: `"${(first[j] ?? '').trim()}" is text above a column of values`,
      };
    }
    if (head === 'number' || head === 'time') dataLike++;
  }
  if (body.length === 0 && dataLike === 0) {
    return { header: true, reason: 'the only row is all text, so it is a header' };
  }
  if (dataLike > 0) {
    return {
      header: false,
      reason: 'the first row holds values like the rows below, so no header',
    };
  }
  return { header: true, reason: 'the first row is text, taken as column names' };
}
