import { describe, expect, it } from 'vitest';
import {
  comparisonTable,
  formatGoal,
  formatRatio,
  formatTable,
  formatValue,
  meetsGoal,
  ratioOf,
  type Comparison,
} from './report';

const time = (ours: number | null, peer: number | null, goal: number | null = 1): Comparison => ({
  label: 'import',
  kind: 'time',
  ours,
  peer,
  goal,
});

describe('ratios', () => {
  it('divides ours by the peer and checks the goal in the right direction', () => {
    // 3 s against 4 s: 0.75, within "≤ 1.0".
    expect(ratioOf(time(3, 4))).toBeCloseTo(0.75, 12);
    expect(meetsGoal(time(3, 4))).toBe(true);
    expect(meetsGoal(time(5, 4))).toBe(false);
    // Throughput: 300 samples/s against 200 is 1.5, which meets "≥ 1.0".
    const tp: Comparison = { label: 'T1', kind: 'throughput', ours: 300, peer: 200, goal: 1 };
    expect(ratioOf(tp)).toBeCloseTo(1.5, 12);
    expect(meetsGoal(tp)).toBe(true);
    expect(meetsGoal({ ...tp, ours: 100 })).toBe(false);
  });

  it('has no ratio when a side is missing or not positive', () => {
    expect(ratioOf(time(3, null))).toBeNull();
    expect(ratioOf(time(null, 4))).toBeNull();
    expect(ratioOf(time(3, 0))).toBeNull();
    expect(meetsGoal(time(3, null))).toBeNull();
    expect(meetsGoal(time(3, 4, null))).toBeNull();
  });
});

describe('formatting', () => {
  it('keeps three significant digits and groups thousands', () => {
    expect(formatValue(0.27149, 's')).toBe('0.271 s');
    expect(formatValue(1.8166, 's')).toBe('1.82 s');
    expect(formatValue(29.14, 'samples/s')).toBe('29.1 samples/s');
    expect(formatValue(3613.4, 'samples/s')).toBe('3,613 samples/s');
    expect(formatValue(null, 's')).toBe('n/a');
    expect(formatValue(Number.NaN, 'MB')).toBe('n/a');
    expect(formatValue(706.4, 'count')).toBe('706');
  });

  it('prints ratios and goal verdicts', () => {
    expect(formatRatio(0.1492)).toBe('0.15×');
    expect(formatRatio(null)).toBe('n/a');
    expect(formatGoal(time(3, 4))).toBe('≤ 1.0×: met');
    expect(formatGoal(time(5, 4))).toBe('≤ 1.0×: missed');
    expect(formatGoal(time(5, null))).toBe('≤ 1.0×: not measured');
    expect(formatGoal(time(5, 4, null))).toBe('no goal');
  });

  it('aligns text left and numbers right under a rule', () => {
    const table = formatTable(
      ['name', 'value'],
      [
        ['a', '1.5 s'],
        ['longer', '12.25 s'],
      ],
    );
    expect(table.split('\n')).toEqual([
      'name      value',
      '------  -------',
      'a         1.5 s',
      'longer  12.25 s',
    ]);
  });

  it('builds one comparison row per ratio', () => {
    const out = comparisonTable([
      { name: 'acf', metrics: [], comparisons: [time(0.27, 1.82)], notes: [] },
    ]).split('\n');
    expect(out).toHaveLength(3);
    expect(out[2]).toBe('acf        import      0.15×  ours/peer time  ≤ 1.0×: met');
  });
});
