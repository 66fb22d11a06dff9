// The fused kernels against the stock tfjs-layers recurrent layers (cpu backend): same weights,
// same dropout masks (injected through the cells' dropoutFunc hook), same outputs/gradients.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureRnnWasm } from './ensureRnnWasm.testkit';
import { loadFusedKernels } from './fusedRnn';
import type { FusedRnnKernels } from './fusedRnn';
import type { RnnActivation, RnnCellKind } from './planLayout';
import {
  dropoutMask,
  gradientErrors,
  maxAbsDiff,
  randomArray,
  seededRandom,
} from './testRandom.testkit';

let kernels: FusedRnnKernels;

beforeAll(async () => {
  await tf.setBackend('cpu');
  kernels = await loadFusedKernels({ wasmPath: ensureRnnWasm(), variant: 'simd' });
});

const [B, T, D, H] = [3, 5, 2, 5];

interface Case {
  cell: RnnCellKind;
  activation: RnnActivation;
  returnSequences: boolean;
  masks: boolean;
}

function stockLayer(c: Case, inMask: tf.Tensor, recMask: tf.Tensor): tf.layers.Layer {
  const dropout = c.masks ? 0.3 : 0;
  // tfjs asks for masks shaped like the step input [B, D] and like the state [B, H].
  const dropoutFunc = (ones: tf.Tensor): tf.Tensor => (ones.shape[1] === D ? inMask : recMask);
  const args = {
    units: H,
    activation: c.activation,
    returnSequences: c.returnSequences,
    dropout,
    recurrentDropout: dropout,
    dropoutFunc,
  };
  if (c.cell === 'lstm') return tf.layers.lstm({ ...args, recurrentActivation: 'sigmoid' });
  if (c.cell === 'gru') return tf.layers.gru({ ...args, recurrentActivation: 'sigmoid' });
  return tf.layers.simpleRNN(args);
}

const cases: Case[] = [
  { cell: 'lstm', activation: 'tanh', returnSequences: true, masks: false },
  { cell: 'lstm', activation: 'tanh', returnSequences: false, masks: true },
  { cell: 'lstm', activation: 'relu', returnSequences: true, masks: true },
  { cell: 'gru', activation: 'tanh', returnSequences: true, masks: true },
  { cell: 'gru', activation: 'tanh', returnSequences: false, masks: false },
  { cell: 'simpleRnn', activation: 'tanh', returnSequences: false, masks: true },
  { cell: 'simpleRnn', activation: 'relu', returnSequences: true, masks: false },
];

describe('fused kernels vs stock tf.layers recurrent layers', () => {
  cases.forEach((c, n) => {
    it(`${c.cell} ${c.activation} returnSequences=${c.returnSequences} masks=${c.masks}`, () => {
      const rand = seededRandom(100 + n);
      const G = c.cell === 'lstm' ? 4 : c.cell === 'gru' ? 3 : 1;
      const x = randomArray(rand, B * T * D, 1.5);
      const kernel = randomArray(rand, D * G * H, 0.6);
      const recurrentKernel = randomArray(rand, H * G * H, 0.6);
      const bias = randomArray(rand, G * H, 0.3);
      const inMask = dropoutMask(rand, B * D, 0.3);
      const recMask = dropoutMask(rand, B * H, 0.3);
      const outLen = c.returnSequences ? B * T * H : B * H;
      const R = randomArray(rand, outLen, 1);

      const inMaskT = tf.tensor2d(inMask, [B, D]);
      const recMaskT = tf.tensor2d(recMask, [B, H]);
      const layer = stockLayer(c, inMaskT, recMaskT);
      const xVar = tf.variable(tf.tensor3d(x, [B, T, D]));
      layer.apply(xVar, { training: c.masks });
      layer.setWeights([
        tf.tensor2d(kernel, [D, G * H]),
        tf.tensor2d(recurrentKernel, [H, G * H]),
        tf.tensor1d(bias),
      ]);
      const weightVars = layer.trainableWeights.map((w) => w.read() as tf.Variable);
      const lossFn = (): tf.Scalar => {
        const y = layer.apply(xVar, { training: c.masks }) as tf.Tensor;
        return tf.sum(tf.mul(y, tf.tensor(R, y.shape)));
      };
      const stockOut = (layer.apply(xVar, { training: c.masks }) as tf.Tensor).dataSync();
      const { grads } = tf.variableGrads(lossFn, [xVar, ...weightVars]);
      const grad = (v: tf.Variable): Float32Array => {
        const g = grads[v.name];
        if (!g) throw new Error(`no gradient for ${v.name}`);
        return g.dataSync() as Float32Array;
      };

      const { output, cache } = kernels.forward({
        ...c,
        batch: B,
        steps: T,
        inputDim: D,
        units: H,
        x,
        kernel,
        recurrentKernel,
        bias,
        inputDropoutMask: c.masks ? inMask : null,
        recurrentDropoutMask: c.masks ? recMask : null,
      });
      expect(maxAbsDiff(output, stockOut)).toBeLessThan(1e-5);
      const mine = kernels.backward(cache, R);
      const [wK, wR, wB] = weightVars;
      if (!wK || !wR || !wB) throw new Error('expected kernel, recurrentKernel, bias');
      const stock = {
        dX: grad(xVar),
        dKernel: grad(wK),
        dRecurrentKernel: grad(wR),
        dBias: grad(wB),
      };
      for (const [name, error] of Object.entries(gradientErrors(mine, stock)))
        expect(error, name).toBeLessThan(1e-4);
      tf.dispose([inMaskT, recMaskT, xVar, ...Object.values(grads)]);
      layer.dispose();
    });
  });
});
