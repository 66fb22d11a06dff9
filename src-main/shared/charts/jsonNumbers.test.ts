import { describe, expect, it } from 'vitest';
import { epochPoints, gapsAsNaN } from './jsonNumbers';

describe('epochPoints', () => {
  it('turns a missing loss into NaN so the chart leaves a gap', () => {
    expect(epochPoints([{ epoch: 0, loss: null, valLoss: 1, seconds: 2 } as never])).toEqual([
      { epoch: 0, loss: Number.NaN, valLoss: 1 },
    ]);
  });
});

describe('gapsAsNaN', () => {
  it('turns each null into NaN and keeps the numbers', () => {
    expect(gapsAsNaN([1, null, 3])).toEqual([1, Number.NaN, 3]);
  });
});
