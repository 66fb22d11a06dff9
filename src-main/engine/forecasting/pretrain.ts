// Pretraining of a global forecaster for one frequency class: one network trained on pooled,
// locally normalised windows of many series (every series' own preprocessing, decided on its own
// rows), seeded and reproducible. The pool is chosen by validation on held-out series: every
// `holdoutEvery`-th series of each collection is held out, each candidate pool is trained on the
// rest with early stopping on the held-out series' last windows, and the pool with the lowest mean
// sMAPE over the collections' held-out series wins; it is then retrained on all its series for
// the epoch count its validation chose.
import type * as tf from '@tensorflow/tfjs';
import type { ModelSidecar } from '../model/modelFiles';
import { saveModel } from '../model/modelFiles';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CollectionSeries } from './collections';
import { CLASS_PERIOD, type FrequencyClass } from './frequency';
import { buildLocalWindows, concatWindows, localWindowStarts } from './localWindows';
import { trainNetwork, type NetworkSpec } from './network';
import { adjustSeries, decidePreprocessing } from './preprocessing';
import { PRETRAINED_META, type PretrainedMeta } from './pretrained';
import { predictStarts } from './member';
import type { WindowSet } from '../model/windows';
import type { TrainHooks } from '../model/train';

export interface PretrainSource {
  name: string;
  series: CollectionSeries[];
  /** The collection's own forecast horizon (for the validation sMAPE). */
  h: number;
}

export interface PretrainConfig {
  frequencyClass: FrequencyClass;
  network: NetworkSpec;
  maxWindowsPerSeries: number;
  /** Real (unpadded) inputs a training window needs at least. */
  minInputs: number;
  holdoutEvery: number;
  /** Candidate pools (names of sources); the first wins ties. */
  pools: string[][];
  /** Retrain the chosen pool on all its series (else ship the candidate). */
  refitAll: boolean;
  /** Seeds of the shipped networks (the first is validated; each retrained on all series). */
  seeds: number[];
}

export interface CandidateResult {
  pool: string[];
  /** Mean sMAPE of each collection's held-out series, and their mean. */
  smape: Record<string, number>;
  score: number;
  bestEpoch: number | null;
  epochsRun: number;
  windows: number;
  seconds: number;
}

export interface PretrainResult {
  /** One network per seed, the first seed's first. */
  models: tf.LayersModel[];
  model: tf.LayersModel;
  meta: PretrainedMeta;
  candidates: CandidateResult[];
  candidateModels: Map<string, tf.LayersModel>;
}

const isHeldOut = (index: number, every: number): boolean =>
  every > 0 && index % every === every - 1;

function seriesWindows(
  values: Float64Array,
  m: number,
  cfg: PretrainConfig,
  end: number,
): WindowSet | null {
  const { lookback, horizon } = cfg.network;
  const part = values.subarray(0, end);
  const prep = decidePreprocessing(part, end, m, { seasonality: 'auto', normalisation: 'auto' });
  const adjusted = adjustSeries(part, prep.seasonal);
  const starts = localWindowStarts(
    0,
    0,
    end,
    horizon,
    Math.min(cfg.minInputs, Math.max(1, end - horizon)),
    cfg.maxWindowsPerSeries,
  );
  if (starts.length === 0) return null;
  return buildLocalWindows(adjusted, starts, lookback, horizon, prep.norm);
}

function pooled(sets: (WindowSet | null)[], cfg: PretrainConfig): WindowSet {
  const present = sets.filter((s): s is WindowSet => s !== null && s.count > 0);
  if (present.length === 0) {
    const { lookback, horizon } = cfg.network;
    return buildLocalWindows([], [], lookback, horizon, { kind: 'ratio', scale: 1 });
  }
  return concatWindows(present);
}

const smape = (actual: ArrayLike<number>, forecast: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] ?? Number.NaN;
    const f = forecast[i] ?? Number.NaN;
    s += (200 * Math.abs(a - f)) / (Math.abs(a) + Math.abs(f));
  }
  return s / actual.length;
};

/** Mean sMAPE of the held-out series' last h values, forecast from the rows before them. */
function heldOutSmape(
  model: tf.LayersModel,
  source: PretrainSource,
  cfg: PretrainConfig,
  m: number,
): number {
  const { lookback, horizon } = cfg.network;
  const h = Math.min(source.h, horizon);
  let total = 0;
  let count = 0;
  source.series.forEach((s, i) => {
    if (!isHeldOut(i, cfg.holdoutEvery) || s.values.length < h + 2) return;
    const origin = s.values.length - h;
    const part = s.values.subarray(0, origin);
    const prep = decidePreprocessing(part, origin, m, {
      seasonality: 'auto',
      normalisation: 'auto',
    });
    const adjusted = adjustSeries(part, prep.seasonal);
    const path = predictStarts(model, adjusted, [origin], lookback, horizon, prep).subarray(0, h);
    total += smape(s.values.subarray(origin), path);
    count++;
  });
  return count > 0 ? total / count : Number.NaN;
}

export async function pretrainClass(
  sources: readonly PretrainSource[],
  cfg: PretrainConfig,
  log: (s: string) => void = () => {},
  hooks: TrainHooks = {},
): Promise<PretrainResult> {
  const m = CLASS_PERIOD[cfg.frequencyClass];
  const { horizon } = cfg.network;
  const windowsOf = (src: PretrainSource, which: 'train' | 'val' | 'all'): (WindowSet | null)[] =>
    src.series.map((s, i) => {
      const held = isHeldOut(i, cfg.holdoutEvery);
      if (which === 'train' && held) return null;
      if (which === 'val') {
        if (!held) return null;
        const n = s.values.length;
        if (n < horizon + 1) return null;
        // The held-out series' last window only.
        return seriesWindows(s.values, m, { ...cfg, maxWindowsPerSeries: 1 }, n);
      }
      return seriesWindows(s.values, m, cfg, s.values.length);
    });
  const val = pooled(
    sources.flatMap((s) => windowsOf(s, 'val')),
    cfg,
  );
  const candidates: CandidateResult[] = [];
  const candidateModels = new Map<string, tf.LayersModel>();
  for (const pool of cfg.pools) {
    const started = performance.now();
    const train = pooled(
      sources.filter((s) => pool.includes(s.name)).flatMap((s) => windowsOf(s, 'train')),
      cfg,
    );
    const net = await trainNetwork(train, val.count > 0 ? val : null, cfg.network, null, hooks);
    const smapes: Record<string, number> = {};
    for (const src of sources) smapes[src.name] = heldOutSmape(net.model, src, cfg, m);
    const values = Object.values(smapes).filter(Number.isFinite);
    const score = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
    const result: CandidateResult = {
      pool,
      smape: smapes,
      score,
      bestEpoch: net.result.bestEpoch,
      epochsRun: net.result.epochs.length,
      windows: train.count,
      seconds: (performance.now() - started) / 1000,
    };
    candidates.push(result);
    candidateModels.set(pool.join('+'), net.model);
    log(
      `${cfg.frequencyClass} pool ${pool.join('+')}: ${train.count} windows, ${result.epochsRun} epochs (best ${(result.bestEpoch ?? -1) + 1}), held-out sMAPE ${Object.entries(
        smapes,
      )
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(', ')}, ${result.seconds.toFixed(1)} s`,
    );
  }
  const best = candidates.reduce((a, b) => (b.score < a.score ? b : a));
  let model = candidateModels.get(best.pool.join('+')) as tf.LayersModel;
  let windows = best.windows;
  let epochsTrained = (best.bestEpoch ?? -1) + 1;
  let seriesCount = sources
    .filter((s) => best.pool.includes(s.name))
    .reduce((a, s) => a + s.series.filter((_, i) => !isHeldOut(i, cfg.holdoutEvery)).length, 0);
  const models: tf.LayersModel[] = [model];
  if (cfg.refitAll) {
    const all = pooled(
      sources.filter((s) => best.pool.includes(s.name)).flatMap((s) => windowsOf(s, 'all')),
      cfg,
    );
    epochsTrained = Math.max(1, epochsTrained);
    models.length = 0;
    for (const seed of cfg.seeds.length > 0 ? cfg.seeds : [cfg.network.seed]) {
      const refit = await trainNetwork(
        all,
        null,
        { ...cfg.network, seed, epochs: epochsTrained, patience: 0 },
        null,
        hooks,
      );
      models.push(refit.model);
    }
    model = models[0] as tf.LayersModel;
    windows = all.count;
    seriesCount = sources
      .filter((s) => best.pool.includes(s.name))
      .reduce((a, s) => a + s.series.length, 0);
    log(
      `${cfg.frequencyClass}: chose ${best.pool.join('+')}, retrained on ${all.count} windows for ${epochsTrained} epochs, seeds ${cfg.seeds.join(', ')}`,
    );
  }
  const meta: PretrainedMeta = {
    format: 'series-studio-pretrained',
    version: 1,
    frequencyClass: cfg.frequencyClass,
    network: cfg.network,
    pool: best.pool,
    series: seriesCount,
    windows,
    maxWindowsPerSeries: cfg.maxWindowsPerSeries,
    epochsTrained,
    seeds: cfg.refitAll ? cfg.seeds : [cfg.network.seed],
    validation: Object.fromEntries(
      candidates.map((c) => [c.pool.join('+'), Number(c.score.toFixed(4))]),
    ),
    createdBy: 'scripts/pretrain.ts',
  };
  return { models, model, meta, candidates, candidateModels };
}

/** Saves the first network in dir and the others in dir/seed-<seed>/, with pretrained.json. */
export async function savePretrained(
  dir: string,
  models: tf.LayersModel | tf.LayersModel[],
  meta: PretrainedMeta,
): Promise<void> {
  const list = Array.isArray(models) ? models : [models];
  const seeds = meta.seeds.slice(0, list.length);
  for (const [i, model] of list.entries()) {
    const seed = seeds[i] ?? meta.network.seed;
    await saveOne(i === 0 ? dir : path.join(dir, `seed-${seed}`), model, {
      ...meta,
      network: { ...meta.network, seed },
    });
  }
  await writeFile(
    path.join(dir, PRETRAINED_META),
    `${JSON.stringify({ ...meta, seeds }, null, 2)}\n`,
  );
}

async function saveOne(dir: string, model: tf.LayersModel, meta: PretrainedMeta): Promise<void> {
  const { network } = meta;
  const sidecar: ModelSidecar = {
    format: 'series-studio-model',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    modelConfig: {
      cell: network.cell,
      layers: network.layers,
      units: network.units,
      activation: 'tanh',
      dropout: 0,
      recurrentDropout: 0,
      horizon: network.horizon,
      lookback: network.lookback,
      nFeatures: 1,
      optimizer: 'adam',
      learningRate: network.learningRate,
      momentum: 0,
      loss: network.loss,
      seed: network.seed,
    },
    target: 'value',
    features: [],
    transforms: [],
    scaler: { kind: 'none', offset: [0], scale: [1] },
    window: { lookback: network.lookback, horizon: network.horizon, stride: 1 },
    seasonalPeriod: CLASS_PERIOD[meta.frequencyClass],
    cellInfo: `${network.cell.toUpperCase()} ${network.layers}×${network.units} tanh`,
    trainedOn: { dataset: meta.pool.join('+'), rows: meta.windows, runId: null },
  };
  await saveModel(dir, model, sidecar);
}
