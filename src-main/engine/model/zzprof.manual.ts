import * as tf from '@tensorflow/tfjs';
import { initBackend } from './backend';
import { buildModel } from './buildModel';
await initBackend((process.argv[2] ?? 'wasm') as 'wasm');
const m = buildModel({ cell: 'lstm', layers: 1, units: 50, activation: 'tanh', dropout: 0, recurrentDropout: 0, horizon: 1, lookback: 30, nFeatures: 1, optimizer: 'adam', learningRate: 1e-3, momentum: 0, loss: 'mse', seed: 1 });
const s = tf.sequential(); s.add(tf.layers.lstm({ units: 50, recurrentActivation: 'sigmoid', inputShape: [30, 1] })); s.add(tf.layers.dense({ units: 1 }));
const x = tf.randomNormal([32, 30, 1]); const y = tf.randomNormal([32, 1]);
for (let rep = 0; rep < 2; rep++) for (const [name, model] of [['seam', m], ['stock', s]] as const) {
  const f = () => tf.tidy(() => (model.predict(x) as tf.Tensor).dataSync());
  f(); let t = performance.now(); for (let i = 0; i < 30; i++) f(); const fw = (performance.now() - t) / 30;
  const g = () => tf.tidy(() => { const r = tf.variableGrads(() => tf.mean(tf.squaredDifference(model.apply(x, { training: true }) as tf.Tensor, y)) as tf.Scalar); r.value.dataSync(); Object.values(r.grads)[0]!.dataSync(); });
  g(); t = performance.now(); for (let i = 0; i < 30; i++) g(); const gr = (performance.now() - t) / 30;
  console.log(name, 'forward ms', fw.toFixed(2), 'fwd+bwd ms', gr.toFixed(2));
}
