// All settings of one fit, JSON-able, with defaults for small/medium series (tens to a few
// thousand rows):
// - lookback = min(base, n/5): base 8 yearly, 12 quarterly, 24 monthly, else 2m (8–48), at least 1.
// - horizon = 1 (one step ahead): comparable with every baseline including auto-ARIMA's one-step
//   forecasts, and it leaves enough validation windows to calibrate prediction intervals.
// - 1 LSTM layer × 32 units, tanh, no dropout: enough capacity for one series, fast on CPU.
// - 100 epochs with early stopping (patience 10) and restored best weights; batch 32; Adam 1e-3.
// - min-max scaling to [0, 1] fitted on the training part; no transforms.
// - test = last 20% of rows (at least one horizon), validation = 15% of the rows before test, and
//   at least horizon + 9 rows (10 validation windows) when the training part can spare them; for
//   the forecasting pipeline at least one horizon (one window) when h + 1 training rows remain.
// - the forecasting pipeline (engine/forecasting): seasonal adjustment and window-level
//   normalisation decided on the training part ('auto'), 5 members started from the pretrained
//   forecaster of the frequency class and fine-tuned with early stopping (patience 10), MAE loss,
//   combined by the median, then per step the median of that ensemble, ETS and Theta
//   (combination 'median', what won on M1 and tourism: BENCHMARKS.md) — one step ahead the mean of
//   ETS and auto-ARIMA, with the ensemble when it beats that mean on validation — the forecast
//   from every part refitted on all rows. normalisation
//   'scaler' (or extra features, or a scaler other than min-max without a normalisation) selects
//   the classic path: one network on globally scaled rows.
import type { FitConfig as FitConfigSchema } from '../../shared/schemas/engine';
import type { ModelConfig } from './buildModel';
import { baseLookback } from '../forecasting/frequency';

/**
 * Every setting of one fit, resolved: the shared schema's type (shared/schemas/engine.ts), so the
 * engine, the engine map and the contract's FitSettings cannot drift. `features` are extra input
 * columns (the target's own past is always input 0); `patience` 0 disables early stopping;
 * `backend` null = best available (tfjs-node > wasm > cpu).
 */
export type FitConfig = FitConfigSchema;

/** The forecasting pipeline runs unless the classic scaler path is asked for (or features are used). */
export function usesForecaster(c: Pick<FitConfig, 'normalisation' | 'features'>): boolean {
  return c.normalisation !== 'scaler' && c.features.length === 0;
}

export function defaultFitConfig(n: number, seasonalPeriod: number, target = ''): FitConfig {
  const m = Math.max(1, Math.floor(seasonalPeriod));
  const cap = Math.max(1, Math.floor(n / 5));
  // The forecasting pipeline's base (8 yearly, 12 quarterly, 24 monthly, else 2m), at most n/5.
  const lookback = Math.max(1, Math.min(baseLookback(m, 1), cap));
  const horizon = 1;
  return {
    target,
    features: [],
    transforms: [],
    scaler: 'minmax',
    featureRange: [0, 1],
    lookback,
    horizon,
    stride: 1,
    testSize: null,
    testFraction: 0.2,
    valSize: null,
    valFraction: 0.15,
    cell: 'lstm',
    layers: 1,
    units: 32,
    activation: 'tanh',
    dropout: 0,
    recurrentDropout: 0,
    optimizer: 'adam',
    learningRate: 1e-3,
    momentum: 0,
    loss: 'mae',
    epochs: 100,
    batchSize: 32,
    patience: 10,
    seed: 42,
    backend: null,
    normalisation: 'auto',
    seasonality: 'auto',
    pretrained: 'auto',
    adaptation: 'fine-tune',
    ensemble: 5,
    refitAll: true,
    combination: 'median',
  };
}

/** Defaults overlaid with the given settings; the test part is widened to at least one horizon. */
export function resolveFitConfig(
  n: number,
  seasonalPeriod: number,
  partial: Partial<FitConfig>,
  firstColumn: string,
): FitConfig {
  const base = defaultFitConfig(n, seasonalPeriod, firstColumn);
  const merged: FitConfig = { ...base, ...partial };
  // Asking for a global scaler other than the default asks for the classic path.
  if (
    partial.normalisation === undefined &&
    partial.scaler !== undefined &&
    partial.scaler !== base.scaler
  )
    merged.normalisation = 'scaler';
  if (merged.testSize === null)
    merged.testSize = Math.max(merged.horizon, Math.round(merged.testFraction * n));
  if (merged.valSize === null && merged.valFraction > 0) {
    // Enough validation windows for early stopping and conformal calibration (10), if affordable.
    const beforeTest = n - merged.testSize;
    const wanted = merged.horizon + 9;
    const trainLeft = beforeTest - wanted;
    const fromFraction = Math.round(merged.valFraction * beforeTest);
    if (fromFraction < wanted && trainLeft >= merged.lookback + merged.horizon + 20) {
      merged.valSize = wanted;
    } else if (
      usesForecaster(merged) &&
      fromFraction < merged.horizon &&
      beforeTest - merged.horizon >= merged.horizon + 1
    ) {
      // One validation window for early stopping, if the training part keeps a window.
      merged.valSize = merged.horizon;
    }
  }
  return merged;
}

export function modelConfigOf(c: FitConfig): ModelConfig {
  return {
    cell: c.cell,
    layers: c.layers,
    units: c.units,
    activation: c.activation,
    dropout: c.dropout,
    recurrentDropout: c.recurrentDropout,
    horizon: c.horizon,
    lookback: c.lookback,
    nFeatures: 1 + c.features.length,
    optimizer: c.optimizer,
    learningRate: c.learningRate,
    momentum: c.momentum,
    loss: c.loss,
    seed: c.seed,
  };
}
