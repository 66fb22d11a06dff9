import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src-main/shared/schemas/dataset';
import { choiceLabel, currentChoice, withProblemChoice } from './problemChoices';

const problem = (kind: Problem['kind'], choices: string[], column?: string): Problem => ({
  kind,
  ...(column === undefined ? {} : { column }),
  count: 2,
  positions: [12, 38],
  positionKind: 'row',
  message: 'm',
  choices,
});

describe('withProblemChoice', () => {
  it('records the order, duplicate and gap decisions in their ImportChoices fields', () => {
    const unsorted = problem('unsorted-time', ['sort', 'keep-file-order']);
    expect(withProblemChoice({}, unsorted, 'sort')).toEqual({ order: 'sort' });
    const dup = problem('duplicate-time', ['keep-first', 'mean', 'keep-all']);
    expect(withProblemChoice({ order: 'sort' }, dup, 'mean')).toEqual({
      order: 'sort',
      duplicates: 'mean',
    });
    const gaps = problem('gaps', ['leave', 'insert-missing-rows']);
    expect(withProblemChoice({}, gaps, 'insert-missing-rows')).toEqual({
      gaps: 'insert-missing-rows',
    });
  });

  it('records missing-value handling per column without touching other columns', () => {
    const missing = problem(
      'missing-values',
      ['drop-rows', 'forward-fill', 'linear-interpolation', 'leave'],
      'Umsatz',
    );
    const next = withProblemChoice(
      { missing: { Temp: 'forward-fill' } },
      missing,
      'linear-interpolation',
    );
    expect(next.missing).toEqual({ Temp: 'forward-fill', Umsatz: 'linear-interpolation' });
  });

  it('records what to do with non-finite values per column, apart from the missing values', () => {
    const nonFinite = problem(
      'non-finite-values',
      ['treat-as-missing', 'drop-rows', 'forward-fill', 'linear-interpolation'],
      'value',
    );
    const next = withProblemChoice(
      { missing: { value: 'leave' } },
      nonFinite,
      'linear-interpolation',
    );
    expect(next).toEqual({
      missing: { value: 'leave' },
      nonFinite: { value: 'linear-interpolation' },
    });
    expect(currentChoice(nonFinite, next)).toBe('linear-interpolation');
    expect(currentChoice(nonFinite, { missing: { value: 'leave' } })).toBeNull();
    expect(withProblemChoice(next, nonFinite, 'leave')).toEqual(next);
    expect(choiceLabel('treat-as-missing')).toBe('Treat as missing');
  });

  it('adds and removes a dropped column', () => {
    const constant = problem('constant-column', ['keep', 'drop-column'], 'flag');
    const dropped = withProblemChoice({ dropColumns: ['other'] }, constant, 'drop-column');
    expect(dropped.dropColumns).toEqual(['other', 'flag']);
    expect(withProblemChoice(dropped, constant, 'keep').dropColumns).toEqual(['other']);
  });

  it('ignores a choice the problem does not offer', () => {
    const unsorted = problem('unsorted-time', ['sort', 'keep-file-order']);
    expect(withProblemChoice({}, unsorted, 'mean')).toEqual({});
  });
});

describe('currentChoice', () => {
  it('reads back what withProblemChoice recorded', () => {
    const missing = problem(
      'missing-values',
      ['drop-rows', 'forward-fill', 'linear-interpolation', 'leave'],
      'Umsatz',
    );
    const unsorted = problem('unsorted-time', ['sort', 'keep-file-order']);
    const choices = withProblemChoice(
      withProblemChoice({}, missing, 'forward-fill'),
      unsorted,
      'sort',
    );
    expect(currentChoice(missing, choices)).toBe('forward-fill');
    expect(currentChoice(unsorted, choices)).toBe('sort');
    expect(currentChoice(problem('gaps', ['leave', 'insert-missing-rows']), choices)).toBeNull();
  });
});

describe('choiceLabel', () => {
  it('words the engine choices for buttons and falls back to the raw name', () => {
    expect(choiceLabel('linear-interpolation')).toBe('Interpolate');
    expect(choiceLabel('something-new')).toBe('something-new');
  });
});
