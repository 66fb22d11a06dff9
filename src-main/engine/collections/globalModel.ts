// The global model of a collection: one network per frequency class trained on windows from every
// series of the class, each series deseasonalised and each window scaled by its own last level.
// It is trained through the same global-training path as the shipped pretrained forecasters
// (engine/forecasting/pretrain.ts `pretrainClass`, with the collection as the only pool), so the
// two cannot drift apart.
//
// Evaluation and forecast, per series of n rows and horizon h:
// - the evaluation networks are trained on every series' first n − h rows (every 5th series held
//   out for early stopping, then K seeds retrained on all of them for the epoch count validation
//   chose) and forecast the last h rows from the rows before them;
// - the forecast networks are the same K seeds retrained on all n rows of every series for that
//   epoch count, and forecast h steps past the end. The median over the seeds is the forecast.
// Memory: a series contributes at most its last TRAIN_TAIL rows, and at most MAX_TRAIN_SERIES
// series (chosen by id hash) are trained on; every series is forecast.
import type * as tf from '@tensorflow/tfjs';
import type { CollectionSeries } from '../forecasting/collections';
import { medianCombine } from '../forecasting/ensemble';
import { CLASS_PERIOD, type FrequencyClass } from '../forecasting/frequency';
import { adjustSeries, decidePreprocessing } from '../forecasting/preprocessing';
import type { NetworkSpec } from '../forecasting/network';
import { pretrainClass, type PretrainConfig } from '../forecasting/pretrain';
import type { TrainHooks } from '../model/train';
import { PRETRAIN_CONFIGS } from '../forecasting/pretrainConfig';
import { predictStarts } from '../forecasting/member';
import { idHash } from './shard';

export const TRAIN_TAIL = 500;
export const MAX_TRAIN_SERIES = 20_000;
/** A class needs this many series with a training window for a global model. */
export const GLOBAL_MIN_SERIES = 20;

export interface GlobalInfo {
  frequencyClass: FrequencyClass;
  seriesTrained: number;
  windows: number;
  epochs: number;
  seeds: number[];
  validationSmape: number | null;
  seconds: number;
}

export interface GlobalPaths {
  /** Forecast of the last h rows from the rows before them (null when n ≤ h + 1). */
  test: Float64Array | null;
  forecast: Float64Array;
}

export interface TrainedGlobal {
  info: GlobalInfo;
  evaluation: tf.LayersModel[];
  final: tf.LayersModel[];
  lookback: number;
  horizon: number;
  dispose(): void;
}

/** What the app may change of a class's shipped settings (the CLI keeps them). */
export interface GlobalOverrides {
  cell?: NetworkSpec['cell'];
  epochs?: number;
  hooks?: TrainHooks;
}

function configFor(
  cls: FrequencyClass,
  h: number,
  seeds: number[],
  count: number,
  overrides: GlobalOverrides,
): PretrainConfig {
  const base = PRETRAIN_CONFIGS[cls];
  return {
    ...base,
    network: {
      ...base.network,
      horizon: h,
      seed: seeds[0] ?? base.network.seed,
      ...(overrides.cell ? { cell: overrides.cell } : {}),
      ...(overrides.epochs ? { epochs: overrides.epochs } : {}),
    },
    pools: [['collection']],
    refitAll: true,
    seeds,
    // Early stopping needs held-out series; a small collection trains the full epoch budget.
    holdoutEvery: count >= 10 ? 5 : 0,
  };
}

export function trainingSubset<T extends { id: string }>(series: readonly T[]): T[] {
  if (series.length <= MAX_TRAIN_SERIES) return [...series];
  const every = Math.ceil(series.length / MAX_TRAIN_SERIES);
  return series.filter((s) => idHash(s.id) % every === 0);
}

/** Trains the evaluation and forecast networks of one class on the given series. */
export async function trainGlobal(
  series: readonly CollectionSeries[],
  cls: FrequencyClass,
  h: number,
  ensemble: number,
  log: (line: string) => void = () => {},
  overrides: GlobalOverrides = {},
): Promise<TrainedGlobal> {
  const hooks = overrides.hooks ?? {};
  const started = performance.now();
  const seeds = Array.from({ length: Math.max(1, ensemble) }, (_, k) => 7 + k);
  const tails = trainingSubset(series).map((s) => ({
    id: s.id,
    values: s.values.length > TRAIN_TAIL ? s.values.slice(-TRAIN_TAIL) : s.values,
  }));
  const evalSeries = tails
    .filter((s) => s.values.length > h + 1)
    .map((s) => ({ id: s.id, values: s.values.slice(0, s.values.length - h) }));
  const cfg = configFor(cls, h, seeds, evalSeries.length, overrides);
  const evalRun = await pretrainClass(
    [{ name: 'collection', series: evalSeries, h }],
    cfg,
    log,
    hooks,
  );
  for (const m of evalRun.candidateModels.values()) if (!evalRun.models.includes(m)) m.dispose();
  const epochs = Math.max(1, evalRun.meta.epochsTrained);
  const final: tf.LayersModel[] = [];
  let windows = 0;
  try {
    for (const seed of seeds) {
      const run = await pretrainClass(
        [{ name: 'collection', series: tails, h }],
        {
          ...cfg,
          network: { ...cfg.network, seed, epochs, patience: 0 },
          holdoutEvery: 0,
          refitAll: false,
          seeds: [seed],
        },
        log,
        hooks,
      );
      final.push(run.model);
      windows = run.meta.windows;
    }
  } catch (e) {
    for (const m of [...evalRun.models, ...final]) m.dispose();
    throw e;
  }
  const score = evalRun.candidates[0]?.score;
  return {
    info: {
      frequencyClass: cls,
      seriesTrained: tails.length,
      windows,
      epochs,
      seeds,
      validationSmape: score !== undefined && Number.isFinite(score) ? score : null,
      seconds: (performance.now() - started) / 1000,
    },
    evaluation: evalRun.models,
    final,
    lookback: cfg.network.lookback,
    horizon: h,
    dispose() {
      for (const m of [...evalRun.models, ...final]) m.dispose();
    },
  };
}

function pathFrom(
  models: readonly tf.LayersModel[],
  values: Float64Array,
  m: number,
  lookback: number,
  h: number,
): Float64Array {
  const n = values.length;
  const prep = decidePreprocessing(values, n, m, { seasonality: 'auto', normalisation: 'auto' });
  const adjusted = adjustSeries(values, prep.seasonal);
  return medianCombine(
    models.map((model) => predictStarts(model, adjusted, [n], lookback, h, prep)),
  );
}

/** The global model's test path (from row n − h) and forecast past the end of one series. */
export function globalPaths(g: TrainedGlobal, values: Float64Array): GlobalPaths {
  const m = CLASS_PERIOD[g.info.frequencyClass];
  const tail = values.length > TRAIN_TAIL ? values.slice(-TRAIN_TAIL) : values;
  const h = g.horizon;
  return {
    test:
      tail.length > h + 1
        ? pathFrom(g.evaluation, tail.slice(0, tail.length - h), m, g.lookback, h)
        : null,
    forecast: pathFrom(g.final, tail, m, g.lookback, h),
  };
}
