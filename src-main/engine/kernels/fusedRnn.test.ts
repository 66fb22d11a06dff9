import { beforeAll, describe, expect, it } from 'vitest';
import { ensureRnnWasm } from './ensureRnnWasm';
import { loadFusedKernels } from './fusedRnn';
import type { FusedRnnForwardArgs, FusedRnnKernels } from './fusedRnn';
import type { RnnActivation, RnnCellKind } from './planLayout';
import { referenceBackward, referenceForward } from './referenceRnn';
import { dropoutMask, maxAbsDiff, randomArray, relativeError, seededRandom } from './testRandom';

let kernels: FusedRnnKernels;

beforeAll(async () => {
  kernels = await loadFusedKernels({ wasmPath: ensureRnnWasm() });
});

const CELLS: RnnCellKind[] = ['lstm', 'gru', 'simpleRnn'];

function randomCase(seed: number, cell: RnnCellKind, returnSequences: boolean, masks: boolean): FusedRnnForwardArgs {
  const rand = seededRandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const [batch, steps, inputDim, units] = [int(1, 5), int(1, 7), int(1, 4), int(1, 9)];
  const G = cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
  const activation: RnnActivation = rand() < 0.25 ? 'relu' : 'tanh';
  return {
    cell,
    batch,
    steps,
    inputDim,
    units,
    activation,
    returnSequences,
    x: randomArray(rand, batch * steps * inputDim, 1.5),
    kernel: randomArray(rand, inputDim * G * units, 0.7),
    recurrentKernel: randomArray(rand, units * G * units, 0.7),
    bias: randomArray(rand, G * units, 0.3),
    inputDropoutMask: masks ? dropoutMask(rand, batch * inputDim, 0.3) : null,
    recurrentDropoutMask: masks ? dropoutMask(rand, batch * units, 0.3) : null,
  };
}

function referenceArgs(a: FusedRnnForwardArgs): Parameters<typeof referenceForward>[0] {
  return { ...a, activation: a.activation ?? 'tanh', bias: a.bias ?? new Float32Array(0) };
}

describe('fused wasm kernels vs Float64 reference (random shapes)', () => {
  let seed = 1;
  for (const cell of CELLS) {
    for (const returnSequences of [true, false]) {
      for (const masks of [false, true]) {
        it(`${cell} returnSequences=${returnSequences} masks=${masks}`, () => {
          for (let rep = 0; rep < 8; rep++) {
            const a = randomCase(seed++ * 7919, cell, returnSequences, masks);
            const ref = referenceArgs(a);
            const { output, cache } = kernels.forward(a);
            expect(maxAbsDiff(output, referenceForward(ref))).toBeLessThan(1e-5);
            const dOut = randomArray(seededRandom(seed), output.length, 1);
            const got = kernels.backward(cache, dOut);
            const want = referenceBackward(ref, dOut);
            const label = JSON.stringify({ ...a, x: 0, kernel: 0, recurrentKernel: 0, bias: 0 });
            expect(relativeError(got.dX, want.dX), label).toBeLessThan(1e-4);
            expect(relativeError(got.dKernel, want.dKernel), label).toBeLessThan(1e-4);
            expect(relativeError(got.dRecurrentKernel, want.dRecurrentKernel), label).toBeLessThan(1e-4);
            expect(relativeError(got.dBias, want.dBias), label).toBeLessThan(1e-4);
          }
        });
      }
    }
  }
});

describe('fused kernel caches', () => {
  it('keeps interleaved same-shape caches apart (stacked layers run forward, forward, backward, backward)', () => {
    const a = randomCase(11, 'lstm', true, false);
    const bSame = { ...a, x: randomArray(seededRandom(5), a.x.length, 1) };
    const fa = kernels.forward(a);
    const fb = kernels.forward(bSame);
    const dOut = randomArray(seededRandom(6), fa.output.length, 1);
    const gb = kernels.backward(fb.cache, dOut);
    const ga = kernels.backward(fa.cache, dOut);
    expect(relativeError(ga.dKernel, referenceBackward(referenceArgs(a), dOut).dKernel)).toBeLessThan(1e-4);
    expect(relativeError(gb.dKernel, referenceBackward(referenceArgs(bSame), dOut).dKernel)).toBeLessThan(1e-4);
  });

  it('rejects a second backward on the same cache and caches released by keepCache: false', () => {
    const a = randomCase(21, 'gru', false, false);
    const { output, cache } = kernels.forward(a);
    kernels.backward(cache, new Float32Array(output.length));
    expect(() => kernels.backward(cache, new Float32Array(output.length))).toThrow(/released/);
    const inference = kernels.forward({ ...a, keepCache: false });
    expect(inference.cache.released).toBe(true);
    expect(maxAbsDiff(inference.output, output)).toBe(0);
  });

  it('rejects inputs whose length does not match the declared shape', () => {
    const a = randomCase(31, 'simpleRnn', false, false);
    expect(() => kernels.forward({ ...a, x: new Float32Array(a.x.length + 1) })).toThrow(/x has/);
  });
});
