import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureRnnWasm } from './ensureRnnWasm.testkit';
import { wasmApi } from './wasmApi';
import { loadFusedKernels } from './fusedRnn';
import type { FusedRnnForwardArgs, FusedRnnKernels } from './fusedRnn';
import { randomCase, referenceArgs } from './kernelAccuracy.testkit';
import type { RnnCellKind } from './planLayout';
import { referenceBackward, referenceForward } from './referenceRnn.testkit';
import {
  dropoutMask,
  gradientErrors,
  maxAbsDiff,
  randomArray,
  relativeError,
  seededRandom,
} from './testRandom.testkit';

let kernels: FusedRnnKernels;

beforeAll(async () => {
  // The plain SIMD build explicitly; fusedRnnRelaxed.test.ts covers the relaxed-simd one.
  kernels = await loadFusedKernels({ wasmPath: ensureRnnWasm(), variant: 'simd' });
});

const CELLS: RnnCellKind[] = ['lstm', 'gru', 'simpleRnn'];

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
            for (const [name, error] of Object.entries(gradientErrors(got, want)))
              expect(error, `${name} ${label}`).toBeLessThan(1e-4);
          }
        });
      }
    }
  }
});

describe('stacked layers', () => {
  it('chains dX of an outer layer into an inner returnSequences layer like the reference does', () => {
    const rand = seededRandom(77);
    const [B, T, D, H1, H2] = [3, 6, 3, 5, 6];
    const inner: FusedRnnForwardArgs = {
      ...{ cell: 'lstm', batch: B, steps: T, inputDim: D, units: H1, returnSequences: true },
      x: randomArray(rand, B * T * D, 1),
      kernel: randomArray(rand, D * 4 * H1, 0.6),
      recurrentKernel: randomArray(rand, H1 * 4 * H1, 0.6),
      bias: randomArray(rand, 4 * H1, 0.3),
      recurrentDropoutMask: dropoutMask(rand, B * H1, 0.2),
    };
    const f1 = kernels.forward(inner);
    const outer: FusedRnnForwardArgs = {
      ...{ cell: 'gru', batch: B, steps: T, inputDim: H1, units: H2, returnSequences: false },
      x: f1.output,
      kernel: randomArray(rand, H1 * 3 * H2, 0.6),
      recurrentKernel: randomArray(rand, H2 * 3 * H2, 0.6),
      bias: randomArray(rand, 3 * H2, 0.3),
      inputDropoutMask: dropoutMask(rand, B * H1, 0.2),
    };
    const f2 = kernels.forward(outer);
    const dOut = randomArray(rand, B * H2, 1);
    const g2 = kernels.backward(f2.cache, dOut);
    const g1 = kernels.backward(f1.cache, g2.dX);

    const refInner = referenceArgs(inner);
    const refOuter = { ...referenceArgs(outer), x: referenceForward(refInner) };
    const r2 = referenceBackward(refOuter, dOut);
    const r1 = referenceBackward(refInner, r2.dX);
    expect(maxAbsDiff(f2.output, referenceForward(refOuter))).toBeLessThan(1e-5);
    expect(relativeError(g2.dKernel, r2.dKernel)).toBeLessThan(1e-4);
    expect(relativeError(g1.dX, r1.dX)).toBeLessThan(1e-4);
    expect(relativeError(g1.dKernel, r1.dKernel)).toBeLessThan(1e-4);
    expect(relativeError(g1.dRecurrentKernel, r1.dRecurrentKernel)).toBeLessThan(1e-4);
  });
});

describe('build selection', () => {
  it('auto-selects rnn-relaxed.wasm exactly when this engine validates relaxed-simd', async () => {
    const wasmPath = ensureRnnWasm();
    const relaxed = readFileSync(join(dirname(wasmPath), 'rnn-relaxed.wasm'));
    const auto = await loadFusedKernels({ wasmPath, variant: 'auto' });
    expect(auto.variant).toBe(wasmApi.validate(relaxed) ? 'relaxed' : 'simd');
    expect((await loadFusedKernels({ wasmPath, variant: 'simd' })).variant).toBe('simd');
  });
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
    expect(
      relativeError(ga.dKernel, referenceBackward(referenceArgs(a), dOut).dKernel),
    ).toBeLessThan(1e-4);
    expect(
      relativeError(gb.dKernel, referenceBackward(referenceArgs(bSame), dOut).dKernel),
    ).toBeLessThan(1e-4);
  });

  it('rejects a second backward on the same cache and caches released by keepCache: false', () => {
    const a = randomCase(21, 'gru', false, false);
    const { output, cache } = kernels.forward(a);
    kernels.backward(cache, new Float32Array(output.length));
    expect(() => kernels.backward(cache, new Float32Array(output.length))).toThrow(/released/);
    expect(() => kernels.release(cache)).not.toThrow();
    const inference = kernels.forward({ ...a, keepCache: false });
    expect(inference.cache.released).toBe(true);
    expect(maxAbsDiff(inference.output, output)).toBe(0);
  });

  it('rejects inputs whose length does not match the declared shape', () => {
    const a = randomCase(31, 'simpleRnn', false, false);
    expect(() => kernels.forward({ ...a, x: new Float32Array(a.x.length + 1) })).toThrow(/x has/);
  });
});
