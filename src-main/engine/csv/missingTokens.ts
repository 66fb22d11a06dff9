// Cell contents that analysts and common tools (R, pandas, Excel, SAS, SPSS) write for "no value".
// '.' is SAS's missing marker; it is accepted only as a whole cell, where it cannot be a number.
// NaN is not among them: it is a non-finite number (nonFinite.ts), listed with its own choices.
export const DEFAULT_MISSING_TOKENS: readonly string[] = [
  '',
  'NA',
  'N/A',
  'n/a',
  'null',
  'NULL',
  'Null',
  '-',
  '?',
  '#N/A',
  '.',
];

export function isBlank(cell: string): boolean {
  return isBlankRange(cell, 0, cell.length);
}

/** isBlank of text[from, to), without cutting it out. */
export function isBlankRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/** Describes a missing token for messages ("empty" reads better than two quotes). */
export function describeToken(token: string): string {
  return token === '' ? 'empty' : JSON.stringify(token);
}
