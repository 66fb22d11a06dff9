// Cell contents that analysts and common tools (R, pandas, Excel, SAS, SPSS) write for "no value".
// '.' is SAS's missing marker; it is accepted only as a whole cell, where it cannot be a number.
export const DEFAULT_MISSING_TOKENS: readonly string[] = [
  '',
  'NA',
  'N/A',
  'n/a',
  'NaN',
  'nan',
  'null',
  'NULL',
  'Null',
  '-',
  '?',
  '#N/A',
  '.',
];

export function isBlank(cell: string): boolean {
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xa0) return false;
  }
  return true;
}

/** Describes a missing token for messages ("empty" reads better than two quotes). */
export function describeToken(token: string): string {
  return token === '' ? 'empty' : JSON.stringify(token);
}
