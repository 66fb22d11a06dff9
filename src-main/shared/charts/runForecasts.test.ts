import { describe, expect, it } from 'vitest';
import type { BaselineModel, RunResult } from '../schemas/model';
import { forecastMadeBy, memberPaths, memberRange, peerForecasts } from './runForecasts';

type Forecaster = NonNullable<RunResult['forecaster']>;
type Member = Forecaster['members'][number];

const forecast = { times: [1, 2, 3], values: [10, 11, 12] };

/** A fitted classical model with its label and, when given, its forecast past the data. */
function fitted(label: string, path?: number[]): BaselineModel {
  return { label, parameters: {}, note: '', ...(path ? { forecast: path } : {}) };
}

/** An ensemble member whose forecast past the data is `path`. */
function member(index: number, path: number[]): Member {
  return {
    index,
    seed: index,
    lookback: 12,
    init: 'random',
    adaptation: 'per-series',
    bestEpoch: null,
    epochsRun: 1,
    stoppedReason: 'completed',
    refitEpochs: null,
    forecast: path,
  };
}

/** The forecasting pipeline's record of an ensemble whose members forecast `paths`. */
function ensemble(...paths: number[][]): Forecaster {
  const preprocessing: Forecaster['preprocessing'] = {
    rows: 10,
    seasonality: { mode: 'none', period: 1, figure: [], rm: null, threshold: null, reason: '' },
    normalisation: { kind: 'ratio', scale: 1, reason: '' },
  };
  return {
    frequencyClass: null,
    pretrained: { used: false, frequencyClass: null, source: null, note: '' },
    adaptation: 'per-series',
    adaptationNote: '',
    lookback: 12,
    lookbackNote: '',
    preprocessing,
    refitPreprocessing: null,
    members: paths.map((path, i) => member(i, path)),
    combine: 'median',
    spread: { min: [], max: [] },
    windows: { train: 1, val: 0, test: 1 },
    notes: [],
  };
}

describe('peerForecasts', () => {
  it('names ETS and Theta by their fitted labels, in print order, at the forecast times', () => {
    const peers = peerForecasts({
      forecast,
      baselineModels: {
        theta: fitted('Theta', [9, 10, 11, 12]),
        ets: fitted('ETS(M,Ad,M)', [8, Number.NaN, 10]),
        arima: fitted('ARIMA(0,1,1)'),
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
    const m = memberPaths({ forecast, forecaster: ensemble([1, 2, 3], [3, 2, 5], []) });
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
    expect(memberPaths({ forecast, forecaster: ensemble([1, 2, 3]) })).toBeNull();
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
