// The two training tasks, described once so our side and the PyTorch peer get the same settings.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ModelConfig } from '../src-main/engine/model/buildModel';
import { fitScaler, scale } from '../src-main/engine/model/scalers';
import { mulberry32 } from '../src-main/shared/random';
import { bundledDatasetsDir } from '../src-main/engine/testing/sharedData';
import { buildWindows, windowStarts, type WindowSet } from '../src-main/engine/model/windows';

export interface TrainTask {
  id: 'T1' | 'T2';
  title: string;
  layers: number;
  units: number;
  lookback: number;
  batch: number;
  epochs: number;
  learningRate: number;
  /** Feature columns (target first) for the CSV task; null for the synthetic one. */
  columns: string[] | null;
  csv: string | null;
  /** Windows requested from the peer (it caps them at what the data allows). */
  samples: number;
}

export const T1: TrainTask = {
  id: 'T1',
  title: 'sin(0.1t)+0.1·N(0,1), 2,000 windows, lookback 30, LSTM 50, batch 32, Adam 1e-3, 3 epochs',
  layers: 1,
  units: 50,
  lookback: 30,
  batch: 32,
  epochs: 3,
  learningRate: 1e-3,
  columns: null,
  csv: null,
  samples: 2000,
};

export const T2: TrainTask = {
  id: 'T2',
  title: 'EuStockMarkets, 4 features → DAX, lookback 60, 2×LSTM 64, batch 32, Adam 1e-3, 2 epochs',
  layers: 2,
  units: 64,
  lookback: 60,
  batch: 32,
  epochs: 2,
  learningRate: 1e-3,
  columns: ['DAX', 'SMI', 'CAC', 'FTSE'],
  csv: path.join(bundledDatasetsDir, 'EuStockMarkets.csv'),
  samples: 2000,
};

export function torchArgs(task: TrainTask, threads: number): string[] {
  const args = [
    '--cell',
    'lstm',
    '--window',
    String(task.lookback),
    '--hidden',
    String(task.units),
  ];
  args.push(
    '--layers',
    String(task.layers),
    '--batch',
    String(task.batch),
    '--epochs',
    String(task.epochs),
  );
  args.push(
    '--samples',
    String(task.samples),
    '--threads',
    String(threads),
    '--lr',
    String(task.learningRate),
  );
  if (task.csv !== null && task.columns !== null)
    args.push('--csv', task.csv, '--columns', task.columns.join(','));
  return args;
}

export function modelConfig(task: TrainTask, nFeatures: number): ModelConfig {
  return {
    cell: 'lstm',
    layers: task.layers,
    units: task.units,
    activation: 'tanh',
    dropout: 0,
    recurrentDropout: 0,
    horizon: 1,
    lookback: task.lookback,
    nFeatures,
    optimizer: 'adam',
    learningRate: task.learningRate,
    momentum: 0,
    loss: 'mse',
    seed: 1,
  };
}

/** Columns of a small well-formed CSV by header name (quotes stripped). */
export function readColumns(file: string, names: string[]): Float64Array[] {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split(',').map((h) => h.replace(/"/g, ''));
  return names.map((name) => {
    const j = header.indexOf(name);
    if (j < 0) throw new Error(`no column ${name} in ${file}`);
    return Float64Array.from(lines.slice(1), (l) =>
      Number((l.split(',')[j] ?? '').replace(/"/g, '')),
    );
  });
}

function synthetic(n: number): Float64Array {
  const random = mulberry32(0);
  const normal = (): number =>
    Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Float64Array.from({ length: n }, (_, t) => Math.sin(0.1 * t) + 0.1 * normal());
}

/** Min-max scaled windows over the whole series, as the peer builds them. */
export function taskWindows(task: TrainTask): WindowSet {
  const raw =
    task.csv !== null && task.columns !== null
      ? readColumns(task.csv, task.columns)
      : [synthetic(task.samples + task.lookback)];
  const scaler = fitScaler('minmax', raw);
  const cols = raw.map((c, j) => scale(scaler, c, j));
  const target = cols[0];
  if (target === undefined) throw new Error('no target column');
  const n = target.length;
  const spec = { lookback: task.lookback, horizon: 1, stride: 1 };
  const starts = windowStarts(spec, 0, 0, n).slice(0, task.samples);
  return buildWindows(cols, target, starts, spec);
}

/** The first `count` windows, for warm-up and profiling. */
export function headWindows(set: WindowSet, count: number): WindowSet {
  const c = Math.min(count, set.count);
  const per = set.lookback * set.nFeatures;
  return {
    ...set,
    x: set.x.slice(0, c * per),
    y: set.y.slice(0, c * set.horizon),
    targetStarts: set.targetStarts.slice(0, c),
    count: c,
  };
}
