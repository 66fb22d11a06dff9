import { describe, expect, it } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { suggestTransforms } from './suggestTransforms';

describe('suggestTransforms', () => {
  it('logs and seasonally differences AirPassengers (growth with seasonal swings)', () => {
    const train = referenceSeries('AirPassengers.csv:AirPassengers').subarray(0, 115);
    const s = suggestTransforms(train, 12);
    expect(s.steps).toEqual([{ kind: 'log' }, { kind: 'seasonalDiff', period: 12 }]);
    expect(s.reasons[1]).toMatch(/lag 12/);
  });

  it('leaves a stationary series alone (LakeHuron: ADF p = 0.002 on the full series)', () => {
    const train = referenceSeries('LakeHuron.csv:LakeHuron');
    const s = suggestTransforms(train, 1);
    expect(s.steps.filter((t) => t.kind === 'diff')).toEqual([]);
  });

  it('differences a random walk', () => {
    let level = 0;
    let seed = 7;
    const walk = Float64Array.from({ length: 300 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      level += seed / 2 ** 31 - 0.5;
      return level;
    });
    expect(suggestTransforms(walk, 1).steps).toEqual([{ kind: 'diff' }]);
  });
});
