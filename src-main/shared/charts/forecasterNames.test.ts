import { describe, expect, it } from 'vitest';
import { forecasterTitle, modelTitle } from './forecasterNames';

describe('modelTitle: the run’s own forecasts named for what made them', () => {
  it('the classic path and runs recorded before the combination kept its parts: the cell', () => {
    expect(modelTitle({ config: { cell: 'lstm' } })).toBe('Model (LSTM)');
    expect(modelTitle({ config: { cell: 'gru' }, forecaster: { combination: null } })).toBe(
      'Model (GRU)',
    );
    expect(modelTitle({ config: { cell: 'gru' }, forecaster: { combination: {} } })).toBe(
      'Model (GRU)',
    );
  });

  it('a combination: the parts it kept, in words', () => {
    const kept = (network: boolean, peers: string[]) => ({
      config: { cell: 'lstm' },
      forecaster: { combination: { kept: { network, peers } } },
    });
    expect(modelTitle(kept(true, ['ets', 'theta']))).toBe('Model (LSTM + ETS + Theta)');
    expect(modelTitle(kept(false, ['ets', 'arima']))).toBe('Model (ETS + ARIMA)');
    expect(modelTitle(kept(true, ['arima']))).toBe('Model (LSTM + ARIMA)');
  });

  it('baselines keep their own names: a fitted label, else the words for the key', () => {
    expect(forecasterTitle('arima', { baselineModels: { arima: { label: 'ARIMA(0,1,1)' } } })).toBe(
      'ARIMA(0,1,1)',
    );
    expect(forecasterTitle('seasonalNaive')).toBe('Seasonal naive');
  });
});
