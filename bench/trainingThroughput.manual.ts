// Manual benchmark (not a test): task T1 — sin(0.1 t) + 0.1·N(0,1), 2,000 windows, lookback 30,
// LSTM 50, batch 32, Adam 1e-3, 3 epochs, min-max scaling. Prints samples/s for the SeqRecurrent
// (seam) model and for stock tf.layers.lstm trained with model.fit, on the chosen backend.
// Run: npx tsx bench/trainingThroughput.manual.ts [wasm|cpu|tensorflow] [epochs]
import * as tf from '@tensorflow/tfjs';
import { initBackend, type BackendName } from '../src-main/engine/model/backend';
import { buildModel } from '../src-main/engine/model/buildModel';
import { opByOpRuntime } from '../src-main/engine/model/opByOpKernel';
import { fitScaler, scale } from '../src-main/engine/model/scalers';
import { mulberry32 } from '../src-main/shared/random';
import { trainModel } from '../src-main/engine/model/train';
import { buildWindows, windowStarts } from '../src-main/engine/model/windows';

const backendArg = (process.argv[2] ?? 'wasm') as BackendName;
const epochs = Number(process.argv[3] ?? 3);
const [L, H, U, WINDOWS, BATCH] = [30, 1, 50, 2000, 32];

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

async function main(): Promise<void> {
  const info = await initBackend(backendArg);
  console.log(`backend: ${info.detail}`);
  const random = mulberry32(1);
  const n = WINDOWS + L + H - 1;
  const series = Float64Array.from(
    { length: n },
    (_, t) => Math.sin(0.1 * t) + 0.1 * gaussian(random),
  );
  const scaler = fitScaler('minmax', [series]);
  const s = scale(scaler, series);
  const spec = { lookback: L, horizon: H, stride: 1 };
  const set = buildWindows([s], s, windowStarts(spec, 0, 0, n), spec);
  console.log(`windows: ${set.count}`);

  const model = buildModel(
    {
      cell: 'lstm',
      layers: 1,
      units: U,
      activation: 'tanh',
      dropout: 0,
      recurrentDropout: 0,
      horizon: H,
      lookback: L,
      nFeatures: 1,
      optimizer: 'adam',
      learningRate: 1e-3,
      momentum: 0,
      loss: 'mse',
      seed: 1,
    },
    opByOpRuntime,
  );
  const t0 = performance.now();
  const r = await trainModel(
    model,
    { train: set, val: null },
    {
      epochs,
      batchSize: BATCH,
      patience: 0,
      seed: 1,
      optimizer: 'adam',
      learningRate: 1e-3,
      momentum: 0,
      loss: 'mse',
    },
  );
  const seam = (epochs * set.count) / ((performance.now() - t0) / 1000);
  console.log(
    `SeqRecurrent (op-by-op kernel): ${seam.toFixed(0)} samples/s, losses ${r.epochs.map((e) => e.loss.toExponential(3)).join(', ')}`,
  );
  model.dispose();

  const stock = tf.sequential();
  stock.add(tf.layers.lstm({ units: U, recurrentActivation: 'sigmoid', inputShape: [L, 1] }));
  stock.add(tf.layers.dense({ units: H }));
  stock.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
  const x = tf.tensor3d(set.x, [set.count, L, 1]);
  const y = tf.tensor2d(set.y, [set.count, H]);
  const t1 = performance.now();
  await stock.fit(x, y, { epochs, batchSize: BATCH, shuffle: true, verbose: 0 });
  const stockRate = (epochs * set.count) / ((performance.now() - t1) / 1000);
  console.log(`stock tf.layers.lstm + model.fit: ${stockRate.toFixed(0)} samples/s`);
  console.log(`speed-up of the seam over stock: ${(seam / stockRate).toFixed(2)}×`);
  tf.dispose([x, y]);
  stock.dispose();
}

void main();
