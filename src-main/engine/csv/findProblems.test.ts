import { describe, expect, it } from 'vitest';
import { findProblems, formatTime } from './findProblems';
import { inferFrequency } from './inferFrequency';
import { makeTable, utc } from './testTables.testkit';

const problemsOf = (t: ReturnType<typeof makeTable>) =>
  findProblems(t, inferFrequency(t.time.values, t.time.format));

describe('findProblems', () => {
  it('reports unsorted rows by file row and duplicates by time', () => {
    const t = makeTable([utc(2020, 1), utc(2020, 3), utc(2020, 2), utc(2020, 3), utc(2020, 4)], {
      v: [1, 3, 2, 3, 4],
    });
    const problems = problemsOf(t);
    // The third data row (file row 4) goes back from March to February.
    expect(problems[0]).toMatchObject({
      kind: 'unsorted-time',
      count: 1,
      positions: [4],
      positionKind: 'row',
      choices: ['sort', 'keep-file-order'],
    });
    expect(problems[1]).toMatchObject({
      kind: 'duplicate-time',
      count: 1,
      positions: [utc(2020, 3)],
      positionKind: 'time',
      message: '1 row(s) repeat an earlier time (2020-03-01)',
    });
    expect(problems[1]?.choices).toEqual(['keep-first', 'mean', 'keep-all']);
    expect(problems).toHaveLength(2);
  });

  it('counts calendar gaps of a monthly series and lists the missing months', () => {
    const t = makeTable([utc(2020, 1), utc(2020, 2), utc(2020, 5), utc(2020, 6), utc(2020, 8)], {
      v: [1, 2, 5, 6, 8],
    });
    expect(problemsOf(t)).toEqual([
      {
        kind: 'gaps',
        count: 3,
        positions: [utc(2020, 3), utc(2020, 4), utc(2020, 7)],
        positionKind: 'time',
        message:
          '3 monthly time(s) are missing from the series (2020-03-01, 2020-04-01, 2020-07-01)',
        choices: ['leave', 'insert-missing-rows'],
      },
    ]);
  });

  it('reports missing values by file row, all-missing and constant columns', () => {
    const t = makeTable(
      [1, 2, 3, 4],
      { a: [1, NaN, 3, NaN], b: [NaN, NaN, NaN, NaN], c: [5, 5, NaN, 5] },
      'index',
    );
    expect(problemsOf(t).map((p) => [p.kind, p.column, p.count, p.positions])).toEqual([
      ['missing-values', 'a', 2, [3, 5]],
      ['all-missing-column', 'b', 4, []],
      ['missing-values', 'c', 1, [4]],
      ['constant-column', 'c', 3, []],
    ]);
  });

  it('lists at most 20 positions but counts all', () => {
    const values = Array.from({ length: 50 }, (_, i) => (i === 0 ? 1 : NaN));
    const t = makeTable(
      Array.from({ length: 50 }, (_, i) => i + 1),
      { v: values },
      'index',
    );
    const p = problemsOf(t).find((q) => q.kind === 'missing-values');
    // Data rows 2..50 are missing: file rows 3..51, the 20th listed is file row 22.
    expect([p?.count, p?.positions.length, p?.positions[0], p?.positions[19]]).toEqual([
      49, 20, 3, 22,
    ]);
  });

  it('formats times for messages', () => {
    expect(formatTime(utc(2020, 3), 'iso-date')).toBe('2020-03-01');
    expect(formatTime(Date.UTC(2020, 2, 1, 13, 5), 'iso-datetime')).toBe('2020-03-01T13:05:00Z');
    expect(formatTime(7, 'index')).toBe('7');
  });
});
