import { describe, expect, it } from 'vitest';
import { forecastMadeBy, memberPaths, memberRange, peerForecasts } from './runForecasts';

const forecast = { times: [1, 2, 3], values: [10, 11, 12] };

describe('peerForecasts', () => {
  it('names ETS and Theta by their fitted labels, in print order, at the forecast times', () => {
    const peers = peerForecasts({
      forecast,
      baselineModels: {
        theta: { label: 'Theta', forecast: [9, 10, 11, 12] },
        ets: { label: 'ETS(M,Ad,M)', forecast: [8, Number.NaN, 10] },
        arima: { label: 'ARIMA(0,1,1)' },
      },
    });
    expect(peers).toEqual([
      { key: 'ets', name: 'ETS(M,Ad,M) forecast', values: [8, null, 10] },
      { key: 'theta', name: 'Theta forecast', values: [9, 10, 11] },
    ]);
  });

  it('nothing without fitted models', () => {
    expect(peerForecasts({ forecast })).toEqual([]);
  });
});

describe('memberPaths', () => {
  it("reads the members' forecasts from the forecaster record", () => {
    const m = memberPaths({
      forecast,
      forecaster: {
        combine: 'median',
        members: [{ forecast: [1, 2, 3] }, { forecast: [3, 2, 5] }, { seed: 3 }],
      },
    });
    expect(m).toEqual({
      name: 'Ensemble members (2)',
      paths: [
        [1, 2, 3],
        [3, 2, 5],
      ],
      combine: 'median',
    });
    expect(memberRange(m?.paths ?? [])).toEqual({ lower: [1, 2, 3], upper: [3, 2, 5] });
  });

  it('a single network has no spread to show', () => {
    expect(
      memberPaths({ forecast, forecaster: { members: [{ forecast: [1, 2, 3] }] } }),
    ).toBeNull();
    expect(memberPaths({ forecast })).toBeNull();
  });
});

describe('forecastMadeBy', () => {
  it("reads the forecast model's label, or nothing", () => {
    expect(
      forecastMadeBy({ forecastModel: { kind: 'all-data-refit', label: 'median of 5 networks' } }),
    ).toBe('median of 5 networks');
    expect(forecastMadeBy({})).toBeNull();
  });
});
