// Maps the choices a Problem offers onto the ImportChoices the engine applies when re-opening, and
// back, so the Problems panel can show which choice is in force.
import type { ImportChoices, Problem } from '../../../src-main/shared/schemas/dataset';

const WORDS: Record<string, string> = {
  sort: 'Sort by time',
  'keep-file-order': 'Keep file order',
  'keep-first': 'Keep first',
  mean: 'Average them',
  'keep-all': 'Keep all',
  leave: 'Leave as is',
  'insert-missing-rows': 'Insert missing rows',
  'drop-rows': 'Drop rows',
  'forward-fill': 'Forward fill',
  'linear-interpolation': 'Interpolate',
  'treat-as-missing': 'Treat as missing',
  'drop-column': 'Drop column',
  keep: 'Keep column',
};

export function choiceLabel(choice: string): string {
  return WORDS[choice] ?? choice;
}

/** The choice currently recorded for a problem, or null when the analyst has not decided. */
export function currentChoice(problem: Problem, choices: ImportChoices): string | null {
  switch (problem.kind) {
    case 'unsorted-time':
      return choices.order ?? null;
    case 'duplicate-time':
      return choices.duplicates ?? null;
    case 'gaps':
      return choices.gaps ?? null;
    case 'missing-values':
      return problem.column === undefined ? null : (choices.missing?.[problem.column] ?? null);
    case 'non-finite-values':
      return problem.column === undefined ? null : (choices.nonFinite?.[problem.column] ?? null);
    case 'all-missing-column':
    case 'constant-column': {
      if (problem.column === undefined) return null;
      if (choices.dropColumns?.includes(problem.column)) return 'drop-column';
      return problem.kind === 'constant-column' && choices.dropColumns !== undefined
        ? 'keep'
        : null;
    }
    case 'time-not-recognised':
    case 'mixed-time-formats':
      // Settled in the import settings (time column and format), not by a choice here.
      return null;
  }
}

const isMissingChoice = (
  c: string,
): c is 'leave' | 'drop-rows' | 'forward-fill' | 'linear-interpolation' =>
  c === 'leave' || c === 'drop-rows' || c === 'forward-fill' || c === 'linear-interpolation';

const isNonFiniteChoice = (
  c: string,
): c is 'treat-as-missing' | 'drop-rows' | 'forward-fill' | 'linear-interpolation' =>
  c === 'treat-as-missing' ||
  c === 'drop-rows' ||
  c === 'forward-fill' ||
  c === 'linear-interpolation';

/** Returns new choices with `choice` recorded for `problem`; other decisions are kept. */
export function withProblemChoice(
  choices: ImportChoices,
  problem: Problem,
  choice: string,
): ImportChoices {
  if (!problem.choices.includes(choice)) return choices;
  const next: ImportChoices = { ...choices };
  switch (problem.kind) {
    case 'unsorted-time':
      if (choice === 'sort' || choice === 'keep-file-order') next.order = choice;
      break;
    case 'duplicate-time':
      if (choice === 'keep-first' || choice === 'mean' || choice === 'keep-all')
        next.duplicates = choice;
      break;
    case 'gaps':
      if (choice === 'leave' || choice === 'insert-missing-rows') next.gaps = choice;
      break;
    case 'missing-values':
      if (problem.column !== undefined && isMissingChoice(choice)) {
        next.missing = { ...(choices.missing ?? {}), [problem.column]: choice };
      }
      break;
    case 'non-finite-values':
      if (problem.column !== undefined && isNonFiniteChoice(choice)) {
        next.nonFinite = { ...(choices.nonFinite ?? {}), [problem.column]: choice };
      }
      break;
    case 'all-missing-column':
    case 'constant-column': {
      const column = problem.column;
      if (column === undefined) break;
      const others = (choices.dropColumns ?? []).filter((c) => c !== column);
      next.dropColumns = choice === 'drop-column' ? [...others, column] : others;
      break;
    }
  }
  return next;
}
