// The array optimizers against tfjs' own optimizers (the behaviour they must reproduce) on the
// cpu backend, over several steps with changing gradients.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { optimizerStepFor } from './optimizerStep';
import { maxAbsDiff, randomArray, seededRandom } from '../wasm/testRandom.testkit';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function compare(make: () => tf.Optimizer): number {
  const rand = seededRandom(3);
  const init = randomArray(rand, 12);
  const v = tf.variable(tf.tensor1d(init));
  const tfOpt = make();
  const ours = optimizerStepFor(tfOpt.getClassName(), tfOpt.getConfig() as Record<string, unknown>);
  if (ours === null) throw new Error('not supported');
  const value = init.slice();
  for (let step = 0; step < 5; step++) {
    const grad = randomArray(rand, 12, 3);
    const g = tf.tensor1d(grad);
    tfOpt.applyGradients({ [v.name]: g });
    g.dispose();
    ours.apply([{ value, grad }]);
  }
  const diff = maxAbsDiff(value, v.dataSync());
  tfOpt.dispose();
  v.dispose();
  return diff;
}

describe('optimizerStepFor', () => {
  it('Adam moves the weights as tf.train.adam does', () => {
    expect(compare(() => tf.train.adam(0.01))).toBeLessThan(1e-6);
    expect(compare(() => tf.train.adam(0.1, 0.8, 0.99, 1e-4))).toBeLessThan(1e-6);
  });

  it('SGD moves the weights as tf.train.sgd does', () => {
    expect(compare(() => tf.train.sgd(0.05))).toBeLessThan(1e-6);
  });

  it('declines optimizers it does not implement', () => {
    const rms = tf.train.rmsprop(0.01);
    expect(
      optimizerStepFor(rms.getClassName(), rms.getConfig() as Record<string, unknown>),
    ).toBeNull();
    const mom = tf.train.momentum(0.01, 0.9);
    expect(
      optimizerStepFor(mom.getClassName(), mom.getConfig() as Record<string, unknown>),
    ).toBeNull();
  });
});
