// Non-finite numbers: infinities written as words ("Infinity", "-inf", "+INF"), IEEE's NaN ("NaN",
// "nan") and numerals beyond ±1.8e308 ("1e400", "1.8e308"). No statistic or model can use them,
// yet they are numbers, not text: the importer keeps the column numeric, reads each such cell as
// missing (NaN), remembers where they were, and findProblems lists them with their own choices
// ("treat as missing", drop the rows, fill them).
import { isOutOfRangeNumber } from './parseNumber';

const INFINITY = /^[+-]?(?:inf|infinity)$/i;
const NOT_A_NUMBER = /^[+-]?nan$/i;

/** Whether the (untrimmed) cell is a non-finite number with this decimal mark. */
export function isNonFiniteCell(cell: string, decimal: '.' | ','): boolean {
  const text = cell.trim();
  return INFINITY.test(text) || NOT_A_NUMBER.test(text) || isOutOfRangeNumber(text, decimal);
}
