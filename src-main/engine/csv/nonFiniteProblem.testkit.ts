// The problem an opened dataset lists for a column's non-finite cells, as the import tests expect it.
import type { Problem } from '../../shared/schemas/dataset';

/** Non-finite cells of `column` at these file rows, with the four fixes offered for them. */
export function nonFiniteProblem(column: string, rows: number[], message: string): Problem {
  return {
    kind: 'non-finite-values',
    column,
    count: rows.length,
    positions: rows,
    positionKind: 'row',
    message,
    choices: ['treat-as-missing', 'drop-rows', 'forward-fill', 'linear-interpolation'],
  };
}
