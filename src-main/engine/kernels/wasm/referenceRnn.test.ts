import { describe, expect, it } from 'vitest';
import { referenceBackward, referenceForward } from './referenceRnn.testkit';
import type { ReferenceRnnArgs } from './referenceRnn.testkit';
import type { RnnActivation, RnnCellKind } from './planLayout';
import { dropoutMask, randomArray, relativeError, seededRandom } from './testRandom.testkit';

function one(cell: RnnCellKind, kernel: number[], steps: number, x: number[]): ReferenceRnnArgs {
  const G = kernel.length;
  return {
    cell,
    batch: 1,
    steps,
    inputDim: 1,
    units: 1,
    activation: 'tanh',
    returnSequences: false,
    x,
    kernel,
    recurrentKernel: new Array<number>(G).fill(-0.3),
    bias: new Array<number>(G).fill(0),
  };
}

describe('referenceForward closed forms (1 unit, 1 feature)', () => {
  it('SimpleRNN: h1 = tanh(0.5·1 + 0.1), h2 = tanh(0.5·2 + 0.1 − 0.3·h1)', () => {
    const a = { ...one('simpleRnn', [0.5], 2, [1, 2]), bias: [0.1] };
    // h1 = tanh(0.6) = 0.5370495669980353; h2 = tanh(1.1 − 0.3·h1) = 0.7347096078210295
    expect(referenceForward(a)[0]).toBeCloseTo(0.7347096078210295, 12);
  });

  it('LSTM one step from zero state: h = σ(wo)·tanh(σ(wi)·tanh(wc))', () => {
    // W = [i 0.4, f −0.2, c 0.7, o 0.3]; the forget gate multiplies c0 = 0 → 0.19922973682794443
    expect(referenceForward(one('lstm', [0.4, -0.2, 0.7, 0.3], 1, [1]))[0]).toBeCloseTo(
      0.19922973682794443,
      12,
    );
  });

  it('GRU one step from zero state: h = (1 − σ(wz))·tanh(wh)', () => {
    // W = [z 0.5, r −0.1, h 0.8]; r only scales h0 = 0 → 0.2507008863534842
    expect(referenceForward(one('gru', [0.5, -0.1, 0.8], 1, [1]))[0]).toBeCloseTo(
      0.2507008863534842,
      12,
    );
  });
});

// Central differences of L = Σ output ⊙ R check the hand-written BPTT of the reference.
function numericGrad(
  a: ReferenceRnnArgs,
  weights: Float64Array,
  key: keyof ReferenceRnnArgs,
): Float64Array {
  const target = a[key] as Float64Array;
  const out = new Float64Array(target.length);
  const loss = (): number => referenceForward(a).reduce((s, v, i) => s + v * (weights[i] ?? 0), 0);
  const eps = 1e-6;
  for (let i = 0; i < target.length; i++) {
    const keep = target[i] ?? 0;
    target[i] = keep + eps;
    const up = loss();
    target[i] = keep - eps;
    const down = loss();
    target[i] = keep;
    out[i] = (up - down) / (2 * eps);
  }
  return out;
}

describe('referenceBackward matches finite differences', () => {
  const cases: [RnnCellKind, RnnActivation, boolean, boolean][] = [
    ['lstm', 'tanh', true, true],
    ['lstm', 'relu', false, false],
    ['gru', 'tanh', false, true],
    ['gru', 'relu', true, false],
    ['simpleRnn', 'tanh', true, true],
    ['simpleRnn', 'relu', false, false],
  ];
  for (const [cell, activation, returnSequences, masks] of cases) {
    it(`${cell} ${activation} returnSequences=${returnSequences} masks=${masks}`, () => {
      const rand = seededRandom(cell.length * 31 + (masks ? 7 : 0) + (returnSequences ? 3 : 0));
      const [B, T, D, H] = [2, 3, 2, 3];
      const G = cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
      const f64 = (n: number, s = 0.8): Float64Array => Float64Array.from(randomArray(rand, n, s));
      const a: ReferenceRnnArgs = {
        cell,
        batch: B,
        steps: T,
        inputDim: D,
        units: H,
        activation,
        returnSequences,
        x: f64(B * T * D, 1),
        kernel: f64(D * G * H),
        recurrentKernel: f64(H * G * H),
        bias: f64(G * H, 0.3),
        inputDropoutMask: masks ? dropoutMask(rand, B * D, 0.3) : null,
        recurrentDropoutMask: masks ? dropoutMask(rand, B * H, 0.3) : null,
      };
      const R = f64(returnSequences ? B * T * H : B * H, 1);
      const g = referenceBackward(a, R);
      expect(relativeError(g.dX, numericGrad(a, R, 'x'))).toBeLessThan(1e-6);
      expect(relativeError(g.dKernel, numericGrad(a, R, 'kernel'))).toBeLessThan(1e-6);
      expect(relativeError(g.dRecurrentKernel, numericGrad(a, R, 'recurrentKernel'))).toBeLessThan(
        1e-6,
      );
      expect(relativeError(g.dBias, numericGrad(a, R, 'bias'))).toBeLessThan(1e-6);
    });
  }
});
