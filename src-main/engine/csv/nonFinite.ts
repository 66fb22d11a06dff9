// Infinite values written as words ("Infinity", "-inf", "+INF"): no statistic or model can use
// them, so the importer reads them as missing values (listed by token with the column's other
// missing values, and offered the same fixes), instead of turning the whole column into text.

const INFINITY = /^[+-]?(?:inf|infinity)$/i;

/** Whether the (untrimmed) cell spells an infinite value. */
export function isInfinityToken(cell: string): boolean {
  return INFINITY.test(cell.trim());
}
