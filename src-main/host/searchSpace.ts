// Hyperparameter search planning. Plans are lists of parameter sets; training them is someone else's
// job. Ranking looks at validation loss only, so the test split stays unseen until the final report.
import { mulberry32, pick } from '../shared/random';

export type ParamValue = string | number;
export type ParamSpec =
  | { kind: 'choice'; values: readonly ParamValue[] }
  | { kind: 'uniform'; min: number; max: number; integer?: boolean }
  | { kind: 'logUniform'; min: number; max: number };
export type SearchSpace = Record<string, ParamSpec>;

export interface Trial {
  id: number;
  params: Record<string, ParamValue>;
}

export const DEFAULT_SEARCH_SPACE: SearchSpace = {
  cellType: { kind: 'choice', values: ['lstm', 'gru'] },
  layers: { kind: 'choice', values: [1, 2, 3] },
  units: { kind: 'choice', values: [16, 32, 64, 128] },
  lookback: { kind: 'choice', values: [12, 24, 48] },
  dropout: { kind: 'uniform', min: 0, max: 0.3 },
  learningRate: { kind: 'logUniform', min: 1e-4, max: 1e-2 },
  batchSize: { kind: 'choice', values: [16, 32, 64] },
};

/** Number of combinations of a full grid. */
export function gridSize(grid: Record<string, readonly unknown[]>): number {
  return Object.values(grid).reduce((acc, values) => acc * values.length, 1);
}

/**
 * The Cartesian product of `grid` (last key varies fastest). When it has more than `budget`
 * combinations, `budget` of them are taken evenly spaced through the product so that every value of
 * the slowest-varying keys is still represented, rather than just the first rows.
 */
export function gridTrials(grid: Record<string, readonly ParamValue[]>, budget: number): Trial[] {
  const keys = Object.keys(grid);
  const total = gridSize(grid);
  if (total === 0 || budget <= 0) return [];
  const count = Math.min(total, Math.floor(budget));
  const trials: Trial[] = [];
  for (let t = 0; t < count; t++) {
    let index = count === total ? t : Math.floor((t * total) / count);
    const params: Record<string, ParamValue> = {};
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k] as string;
      const values = grid[key] as readonly ParamValue[];
      params[key] = values[index % values.length] as ParamValue;
      index = Math.floor(index / values.length);
    }
    trials.push({ id: t, params: orderLike(keys, params) });
  }
  return trials;
}

function orderLike(keys: string[], params: Record<string, ParamValue>): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const k of keys) out[k] = params[k] as ParamValue;
  return out;
}

function sampleParam(spec: ParamSpec, random: () => number): ParamValue {
  switch (spec.kind) {
    case 'choice':
      return pick(random, spec.values);
    case 'uniform': {
      if (spec.integer) return spec.min + Math.floor(random() * (spec.max - spec.min + 1));
      return spec.min + random() * (spec.max - spec.min);
    }
    case 'logUniform': {
      const lo = Math.log(spec.min);
      return Math.exp(lo + random() * (Math.log(spec.max) - lo));
    }
  }
}

/**
 * `budget` independent draws from `space`, reproducible from `seed`. Exact duplicates (possible when
 * every parameter is a choice) are redrawn a bounded number of times, so small spaces may return
 * fewer than `budget` trials rather than repeats.
 */
export function randomTrials(space: SearchSpace, budget: number, seed: number): Trial[] {
  const random = mulberry32(seed);
  const keys = Object.keys(space);
  const seen = new Set<string>();
  const trials: Trial[] = [];
  let attempts = 0;
  while (trials.length < budget && attempts < budget * 20) {
    attempts++;
    const params: Record<string, ParamValue> = {};
    for (const key of keys) params[key] = sampleParam(space[key] as ParamSpec, random);
    const signature = JSON.stringify(params);
    if (seen.has(signature)) continue;
    seen.add(signature);
    trials.push({ id: trials.length, params });
  }
  return trials;
}

export interface ScoredTrial extends Trial {
  valLoss: number;
}
export interface RankedTrial extends ScoredTrial {
  rank: number;
  isBest: boolean;
}

/**
 * Trials sorted by validation loss (ascending; failed runs with a non-finite loss go last, unranked
 * as best). Only `valLoss` is read: any test metrics carried on the objects are ignored on purpose.
 */
export function rankTrials<T extends ScoredTrial>(trials: readonly T[]): (T & RankedTrial)[] {
  const sorted = [...trials].sort((a, b) => {
    const fa = Number.isFinite(a.valLoss);
    const fb = Number.isFinite(b.valLoss);
    if (fa !== fb) return fa ? -1 : 1;
    if (fa && a.valLoss !== b.valLoss) return a.valLoss - b.valLoss;
    return a.id - b.id;
  });
  return sorted.map((trial, i) => ({
    ...trial,
    rank: i + 1,
    isBest: i === 0 && Number.isFinite(trial.valLoss),
  }));
}
