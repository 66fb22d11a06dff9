import { describe, it, expect, beforeAll } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { SeqRecurrent } from './recurrentLayer';
import type { CellActivation, CellKind } from './recurrentKernel';
import { opByOpKernel } from './opByOpKernel';
import { runRecurrentSequence } from './recurrentSequence';

const sig = (v: number): number => 1 / (1 + Math.exp(-v));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** One recurrent layer over [t, d] inputs that returns every step's state. */
type OneLayerModel = (
  cell: CellKind,
  units: number,
  t: number,
  d: number,
  activation?: CellActivation,
) => tf.Sequential;

const seqModel: OneLayerModel = (cell, units, t, d, activation = 'tanh') => {
  const m = tf.sequential();
  m.add(new SeqRecurrent({ cell, units, activation, returnSequences: true, inputShape: [t, d] }));
  return m;
};

const stockModel: OneLayerModel = (cell, units, t, d, activation = 'tanh') => {
  const m = tf.sequential();
  const common = { units, activation, returnSequences: true, inputShape: [t, d] };
  if (cell === 'lstm') m.add(tf.layers.lstm({ ...common, recurrentActivation: 'sigmoid' }));
  else if (cell === 'gru') m.add(tf.layers.gru({ ...common, recurrentActivation: 'sigmoid' }));
  else m.add(tf.layers.simpleRNN(common));
  return m;
};

function run(m: tf.Sequential, x: number[][][]): number[] {
  return tf.tidy(() => Array.from((m.predict(tf.tensor3d(x)) as tf.Tensor).dataSync()));
}

function setWeights(
  m: tf.LayersModel,
  k: number[],
  rk: number[],
  b: number[],
  d: number,
  u: number,
): void {
  const g = b.length;
  m.layers[0]?.setWeights([tf.tensor2d(k, [d, g]), tf.tensor2d(rk, [u, g]), tf.tensor1d(b)]);
}

describe('SeqRecurrent forward against the equations (2 steps, 1 unit)', () => {
  const x = [[[1], [-2]]];
  it('LSTM (gates i,f,c,o, sigmoid gates, tanh)', () => {
    const k = [0.5, -0.3, 0.8, 0.1];
    const rk = [0.2, 0.4, -0.6, 0.3];
    const b = [0.1, 1, 0, -0.1];
    let h = 0;
    let c = 0;
    const expected: number[] = [];
    for (const xv of [1, -2]) {
      const z = [0, 1, 2, 3].map((j) => (k[j] ?? 0) * xv + (rk[j] ?? 0) * h + (b[j] ?? 0));
      const [i, f, g, o] = [sig(z[0] ?? 0), sig(z[1] ?? 0), Math.tanh(z[2] ?? 0), sig(z[3] ?? 0)];
      c = f * c + i * g;
      h = o * Math.tanh(c);
      expected.push(h);
    }
    const m = seqModel('lstm', 1, 2, 1);
    setWeights(m, k, rk, b, 1, 1);
    run(m, x).forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? NaN, 6));
  });

  it('GRU (z,r,h; reset before the recurrent product)', () => {
    const k = [0.4, -0.7, 0.9];
    const rk = [0.3, 0.5, -0.8];
    const b = [0.1, -0.2, 0.05];
    let h = 0;
    const expected: number[] = [];
    for (const xv of [1, -2]) {
      const z = sig(0.4 * xv + 0.3 * h + 0.1);
      const r = sig(-0.7 * xv + 0.5 * h - 0.2);
      const hh = Math.tanh(0.9 * xv + 0.05 + -0.8 * (r * h));
      h = z * h + (1 - z) * hh;
      expected.push(h);
    }
    const m = seqModel('gru', 1, 2, 1);
    setWeights(m, k, rk, b, 1, 1);
    run(m, x).forEach((v, i) => expect(v).toBeCloseTo(expected[i] ?? NaN, 6));
  });

  it('SimpleRNN with tanh and with relu', () => {
    const tanhH1 = Math.tanh(0.7 * 1 + 0.2);
    const tanhH2 = Math.tanh(0.7 * -2 + 0.5 * tanhH1 + 0.2);
    const m = seqModel('rnn', 1, 2, 1);
    setWeights(m, [0.7], [0.5], [0.2], 1, 1);
    const out = run(m, x);
    expect(out[0]).toBeCloseTo(tanhH1, 6);
    expect(out[1]).toBeCloseTo(tanhH2, 6);
    const r = seqModel('rnn', 1, 2, 1, 'relu');
    setWeights(r, [-0.7], [0.5], [0.2], 1, 1);
    // h1 = relu(-0.5) = 0 ; h2 = relu(1.4 + 0 + 0.2) = 1.6
    expect(run(r, x)).toEqual([0, expect.closeTo(1.6, 6)]);
  });
});

describe('SeqRecurrent equals stock tf.layers with the same weights', () => {
  const cases: [CellKind, CellActivation][] = [
    ['lstm', 'tanh'],
    ['gru', 'tanh'],
    ['rnn', 'tanh'],
    ['lstm', 'relu'],
    ['gru', 'relu'],
  ];
  for (const [cell, activation] of cases) {
    it(`${cell}/${activation}: outputs and gradients (input and all weights)`, () => {
      const [t, d, u, batch] = [4, 3, 2, 2];
      const ours = seqModel(cell, u, t, d, activation);
      const stock = stockModel(cell, u, t, d, activation);
      expect(ours.weights.map((w) => w.shape)).toEqual(stock.weights.map((w) => w.shape));
      const weights = stock
        .getWeights()
        .map((w, i) => tf.randomNormal(w.shape, 0, 0.6, 'float32', 11 + i));
      ours.setWeights(weights);
      stock.setWeights(weights);
      const x = tf.randomNormal([batch, t, d], 0, 1, 'float32', 5) as tf.Tensor3D;
      const proj = tf.randomNormal([batch, t, u], 0, 1, 'float32', 7);
      const lossOf = (m: tf.Sequential) => (): tf.Scalar =>
        tf.sum(tf.mul(m.apply(x, { training: true }) as tf.Tensor, proj)) as tf.Scalar;
      expect(run(ours, x.arraySync())).toEqual(
        run(stock, x.arraySync()).map((v) => expect.closeTo(v, 5)),
      );
      const gOurs = tf.variableGrads(lossOf(ours));
      const gStock = tf.variableGrads(lossOf(stock));
      ours.trainableWeights.forEach((w, i) => {
        const a = gOurs.grads[w.name]?.dataSync() ?? [];
        const b = gStock.grads[stock.trainableWeights[i]?.name ?? '']?.dataSync() ?? [];
        expect(a.length).toBeGreaterThan(0);
        Array.from(a).forEach((v, j) => expect(v).toBeCloseTo(b[j] ?? NaN, 4));
      });
      const dxOurs = tf
        .grad((xi: tf.Tensor) => tf.sum(tf.mul(ours.apply(xi) as tf.Tensor, proj)))(x)
        .dataSync();
      const dxStock = tf
        .grad((xi: tf.Tensor) => tf.sum(tf.mul(stock.apply(xi) as tf.Tensor, proj)))(x)
        .dataSync();
      Array.from(dxOurs).forEach((v, j) => expect(v).toBeCloseTo(dxStock[j] ?? NaN, 4));
      tf.dispose([weights, x, proj, gOurs.value, gStock.value]);
      tf.dispose(Object.values(gOurs.grads));
      tf.dispose(Object.values(gStock.grads));
      ours.dispose();
      stock.dispose();
    });
  }
});

describe('hand-written backward with a recurrent-dropout mask equals autodiff of the forward ops', () => {
  for (const cell of ['lstm', 'gru', 'rnn'] as const) {
    it(cell, () => {
      const [b, t, d, u] = [2, 3, 2, 3];
      const g = cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
      const spec = { cell, units: u, activation: 'tanh' as const };
      const x = tf.randomNormal([b, t, d], 0, 1, 'float32', 1) as tf.Tensor3D;
      const k = tf.randomNormal([d, g * u], 0, 0.5, 'float32', 2) as tf.Tensor2D;
      const rk = tf.randomNormal([u, g * u], 0, 0.5, 'float32', 3) as tf.Tensor2D;
      const bias = tf.randomNormal([g * u], 0, 0.5, 'float32', 4) as tf.Tensor1D;
      const mask = tf.tensor2d([2, 0, 2, 0, 2, 2], [b, u]);
      const proj = tf.randomNormal([b, t, u], 0, 1, 'float32', 6);
      const viaCustom = tf.grads((...a: tf.Tensor[]) => {
        const [xi, ki, ri, bi] = a as [tf.Tensor3D, tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
        return tf.sum(tf.mul(runRecurrentSequence(spec, xi, ki, ri, bi, mask, opByOpKernel), proj));
      })([x, k, rk, bias]);
      const viaTape = tf.grads((...a: tf.Tensor[]) => {
        const [xi, ki, ri, bi] = a as [tf.Tensor3D, tf.Tensor2D, tf.Tensor2D, tf.Tensor1D];
        const out = opByOpKernel.forward(spec, {
          x: xi,
          kernel: ki,
          recurrentKernel: ri,
          bias: bi,
          recurrentMask: mask,
        });
        return tf.sum(tf.mul(out.output, proj));
      })([x, k, rk, bias]);
      viaCustom.forEach((gc, i) => {
        const ref = viaTape[i]?.dataSync() ?? [];
        Array.from(gc.dataSync()).forEach((v, j) => expect(v).toBeCloseTo(ref[j] ?? NaN, 4));
      });
      tf.dispose([x, k, rk, bias, mask, proj, ...viaCustom, ...viaTape]);
    });
  }
});

describe('serialisation as the stock class', () => {
  it('reports the stock class name and a config the stock layer accepts', () => {
    const layer = new SeqRecurrent({ cell: 'gru', units: 3, name: 'rec' });
    expect(layer.getClassName()).toBe('GRU');
    const cfg = layer.getConfig();
    expect(cfg['recurrentActivation']).toBe('sigmoid');
    expect(cfg['resetAfter']).toBe(false);
    const stock = tf.layers.gru(cfg as unknown as Parameters<typeof tf.layers.gru>[0]);
    expect(stock.getConfig()['units']).toBe(3);
  });
});
