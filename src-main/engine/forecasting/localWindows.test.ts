import { describe, expect, it } from 'vitest';
import {
  buildLocalWindows,
  concatWindows,
  denormalise,
  denormaliseOutputs,
  localWindowStarts,
  normalise,
} from './localWindows';

const ratio = { kind: 'ratio' as const, scale: 1 };

describe('window-level normalisation', () => {
  it('round-trips values through ratio and difference normalisation', () => {
    for (const norm of [ratio, { kind: 'difference' as const, scale: 7 }]) {
      for (const v of [0.5, 3, 250])
        expect(denormalise(normalise(v, 4, norm), 4, norm)).toBeCloseTo(v, 12);
    }
    expect(normalise(10, 4, { kind: 'difference', scale: 2 })).toBe(3);
  });

  it('divides inputs and targets by the last input level, padding before the first row', () => {
    const x = [1, 2, 4, 8, 16];
    const set = buildLocalWindows(x, [3, 1], 3, 2, ratio);
    // t0 = 3: inputs rows 0..2 over level x[2] = 4; targets rows 3, 4.
    expect(Array.from(set.x.subarray(0, 3))).toEqual(
      [Math.log(1 / 4), Math.log(2 / 4), 0].map(Math.fround),
    );
    expect(Array.from(set.y.subarray(0, 2))).toEqual([Math.log(2), Math.log(4)].map(Math.fround));
    // t0 = 1: rows −2, −1 padded with row 0; level x[0] = 1.
    expect(Array.from(set.x.subarray(3, 6))).toEqual([0, 0, 0]);
    expect(Array.from(set.levels)).toEqual([4, 1]);
    // A trend beyond the training range stays in range: outputs log 2 map back to 2·level.
    const back = denormaliseOutputs([Math.log(2), Math.log(4), 0, 0], set, ratio);
    expect(Array.from(back).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([8, 16, 1, 1]);
  });

  it('always has a window once h + 1 rows exist, whatever the lookback', () => {
    expect(localWindowStarts(0, 0, 9, 8, 1)).toEqual([1]);
    expect(localWindowStarts(0, 0, 8, 8, 1)).toEqual([]);
    expect(localWindowStarts(0, 0, 20, 4, 2, 3)).toEqual([14, 15, 16]);
    const set = buildLocalWindows([5, 6, 7, 8, 9, 10, 11, 12, 13], [1], 24, 8, ratio);
    expect(set.count).toBe(1);
  });

  it('pools window sets in order', () => {
    const a = buildLocalWindows([1, 2, 3], [1], 2, 1, ratio);
    const b = buildLocalWindows([2, 4, 8], [2], 2, 1, ratio);
    const p = concatWindows([a, b]);
    expect(p.count).toBe(2);
    expect(Array.from(p.targetStarts)).toEqual([1, 2]);
    expect(Array.from(p.y)).toEqual([Math.log(2), Math.log(2)].map(Math.fround));
  });
});
