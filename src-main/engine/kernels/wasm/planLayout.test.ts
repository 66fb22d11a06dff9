import { describe, expect, it } from 'vitest';
import { PLAN_FIELDS, paddedUnits, planLayout } from './planLayout';
import type { BufferName, RnnShape } from './planLayout';

const shape = (over: Partial<RnnShape>): RnnShape => ({
  cell: 'lstm',
  batch: 3,
  steps: 5,
  inputDim: 2,
  units: 7,
  activation: 'tanh',
  returnSequences: true,
  hasRecurrentMask: true,
  ...over,
});

describe('planLayout', () => {
  it('pads units to whole f32x4 vectors', () => {
    expect([1, 4, 5, 50, 64].map(paddedUnits)).toEqual([4, 4, 8, 52, 64]);
  });

  it('gives every buffer a 16-byte aligned, non-overlapping range after the plan record', () => {
    for (const cell of ['lstm', 'gru', 'simpleRnn'] as const) {
      const l = planLayout(shape({ cell }));
      const ranges = (Object.keys(l.offsets) as BufferName[])
        .filter((n) => l.lengths[n] > 0)
        .map((n) => [l.offsets[n], l.offsets[n] + l.lengths[n] * 4] as const)
        .sort((a, b) => a[0] - b[0]);
      expect(ranges[0]![0]).toBeGreaterThanOrEqual(PLAN_FIELDS.length * 4);
      ranges.forEach(([start, end], i) => {
        expect(start % 16).toBe(0);
        if (i > 0) expect(start).toBeGreaterThanOrEqual(ranges[i - 1]![1]);
        expect(end).toBeLessThanOrEqual(l.totalBytes);
      });
    }
  });

  it('sizes the LSTM gate buffer as steps·batch rows of 4 padded gate blocks', () => {
    // 5 steps · 3 rows · 4 gates · 8 padded units = 480 floats
    expect(planLayout(shape({})).lengths.gates).toBe(480);
  });

  it('aliases the masked-state buffer to the states when there is no recurrent mask', () => {
    const l = planLayout(shape({ hasRecurrentMask: false }));
    expect(l.offsets.hm).toBe(l.offsets.hs);
    expect(l.lengths.recurrentMask).toBe(0);
  });
});
