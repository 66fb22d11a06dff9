import { describe, expect, it } from 'vitest';
import { referenceSeries } from '../testing/sharedData';
import { suggestTransforms } from './suggestTransforms';

describe('suggestTransforms (the rules of the Explore hints)', () => {
  it('AirPassengers: log, seasonal difference, first difference (the airline transforms)', () => {
    expect(suggestTransforms(referenceSeries('AirPassengers.csv:AirPassengers'), 12)).toEqual({
      steps: [{ kind: 'log' }, { kind: 'seasonalDiff', period: 12 }, { kind: 'diff' }],
      reasons: [
        'log: all values positive and the level grows 6.0×',
        'seasonal difference (m = 12): the changes are seasonal',
        'first difference: ADF does not reject a unit root in the seasonally differenced series (p = 0.072)',
      ],
    });
  });

  it('leaves a series both tests call stationary alone (lynx), even though it doubles', () => {
    expect(suggestTransforms(referenceSeries('lynx.csv:lynx'), 1)).toEqual({
      steps: [],
      reasons: [
        'no transforms: ADF rejects a unit root (p = 0.035) and KPSS does not reject stationarity, so the series is modelled in levels',
      ],
    });
  });

  it('a stationary seasonal monthly series gets neither log nor a seasonal difference', () => {
    let seed = 3;
    const noise = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31 - 0.5;
    };
    const x = Float64Array.from(
      { length: 240 },
      (_, i) => 100 + 60 * Math.sin((2 * Math.PI * i) / 12) + 10 * noise(),
    );
    expect(suggestTransforms(x, 12).steps).toEqual([]);
  });

  it('drops missing values as Explore does', () => {
    const x = referenceSeries('lynx.csv:lynx');
    const gappy = Float64Array.from([...x.subarray(0, 50), NaN, ...x.subarray(50)]);
    expect(suggestTransforms(gappy, 1)).toEqual(suggestTransforms(x, 1));
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

  it('too few values: nothing, and says so', () => {
    expect(
      suggestTransforms(
        Float64Array.from({ length: 20 }, (_, i) => i * i + 1),
        4,
      ),
    ).toEqual({
      steps: [],
      reasons: ['no transforms: 20 values are too few to judge'],
    });
  });
});
