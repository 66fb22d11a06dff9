// Forecast of the next H steps past the end of a dataset with a trained model and the
// preprocessing it was trained with.
import type * as tf from '@tensorflow/tfjs';
import { inferNextTimes, type NextTimes } from './futureTimes';
import type { LoadedModel, ModelSidecar } from './modelFiles';
import { selectColumns, transformAndScale, type DataSpec } from './prepareData';
import { predictScaled, toOriginalUnits } from './predictWindows';
import { buildWindows } from './windows';
import { adjustSeries, unadjust, type SeasonalAdjustment } from '../forecasting/preprocessing';
import { buildLocalWindows, denormaliseOutputs } from '../forecasting/localWindows';

export interface ForecastDataset {
  time: Float64Array;
  columns: Record<string, Float64Array>;
  /** Overrides the timestamp extrapolation inferred from `time`. */
  nextTimes?: NextTimes;
}

export interface FutureForecast {
  times: number[];
  values: number[];
}

type Preprocessing = Pick<
  ModelSidecar,
  'target' | 'features' | 'transforms' | 'scaler' | 'window' | 'forecasting'
>;

/** A forecasting-pipeline model: seasonal adjustment, then a window normalised by its last level. */
function forecastLocal(
  model: tf.LayersModel,
  prep: Preprocessing & { forecasting: NonNullable<ModelSidecar['forecasting']> },
  dataset: ForecastDataset,
): FutureForecast {
  const target = selectColumns(dataset.columns, { target: prep.target, features: [] })[0];
  const n = target?.length ?? 0;
  if (!target || n < 1) throw new Error('forecasting needs at least 1 row');
  const seasonal: SeasonalAdjustment = { ...prep.forecasting.seasonal, test: null, reason: '' };
  const adjusted = adjustSeries(target, seasonal);
  const { lookback, horizon } = prep.window;
  const set = buildLocalWindows(adjusted, [n], lookback, horizon, prep.forecasting.norm);
  const values = unadjust(
    denormaliseOutputs(predictScaled(model, set, 512), set, prep.forecasting.norm),
    n,
    seasonal,
  );
  const next = dataset.nextTimes ?? inferNextTimes(dataset.time);
  return { times: next(dataset.time[n - 1] ?? n - 1, horizon), values: Array.from(values) };
}

export function forecastFuture(
  model: tf.LayersModel,
  prep: Preprocessing,
  dataset: ForecastDataset,
): FutureForecast {
  if (prep.forecasting)
    return forecastLocal(model, { ...prep, forecasting: prep.forecasting }, dataset);
  const spec: DataSpec = {
    target: prep.target,
    features: prep.features,
    transforms: prep.transforms,
    scaler: prep.scaler.kind,
    window: prep.window,
  };
  const raw = selectColumns(dataset.columns, spec);
  const n = raw[0]?.length ?? 0;
  const scaled = transformAndScale(raw, spec, n, prep.scaler);
  const needed = scaled.transformed.offset + prep.window.lookback;
  if (n < needed)
    throw new Error(`forecasting needs at least ${needed} rows, the dataset has ${n}`);
  const set = buildWindows(scaled.inputs, scaled.inputs[0] as Float64Array, [n], prep.window);
  const values = toOriginalUnits(
    predictScaled(model, set),
    set,
    prep.scaler,
    scaled.transformed.levels,
    prep.transforms,
  );
  const next = dataset.nextTimes ?? inferNextTimes(dataset.time);
  return {
    times: next(dataset.time[n - 1] ?? n - 1, prep.window.horizon),
    values: Array.from(values),
  };
}

/** Uses the column names stored with the model; missing columns give an error naming them. */
export function forecastWithModel(loaded: LoadedModel, dataset: ForecastDataset): FutureForecast {
  return forecastFuture(loaded.model, loaded.sidecar, dataset);
}
