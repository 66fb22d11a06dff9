// Worst-case disagreement of a kernel build with the Float64 reference over random shapes;
// shared by the tests and by relaxedVariantCheck.ts (which runs under a V8 flag).
import type { FusedRnnForwardArgs, FusedRnnKernels } from './fusedRnn';
import type { RnnCellKind } from './planLayout';
import { referenceBackward, referenceForward } from './referenceRnn.testkit';
import type { ReferenceRnnArgs } from './referenceRnn.testkit';
import {
  dropoutMask,
  gradientErrors,
  maxAbsDiff,
  randomArray,
  seededRandom,
} from './testRandom.testkit';

export function randomCase(
  seed: number,
  cell: RnnCellKind,
  returnSequences: boolean,
  masks: boolean,
): FusedRnnForwardArgs {
  const rand = seededRandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const [batch, steps, inputDim, units] = [int(1, 5), int(1, 7), int(1, 4), int(1, 9)];
  const G = cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
  return {
    ...{ cell, batch, steps, inputDim, units, returnSequences },
    activation: rand() < 0.25 ? 'relu' : 'tanh',
    x: randomArray(rand, batch * steps * inputDim, 1.5),
    kernel: randomArray(rand, inputDim * G * units, 0.7),
    recurrentKernel: randomArray(rand, units * G * units, 0.7),
    bias: randomArray(rand, G * units, 0.3),
    inputDropoutMask: masks ? dropoutMask(rand, batch * inputDim, 0.3) : null,
    recurrentDropoutMask: masks ? dropoutMask(rand, batch * units, 0.3) : null,
  };
}

export function referenceArgs(a: FusedRnnForwardArgs): ReferenceRnnArgs {
  return { ...a, activation: a.activation ?? 'tanh', bias: a.bias ?? new Float32Array(0) };
}

export interface CaseErrors {
  /** max |wasm − reference| of the output */
  forward: number;
  /** largest relative error over dX, dKernel, dRecurrentKernel, dBias */
  gradient: number;
}

export function caseErrors(k: FusedRnnKernels, a: FusedRnnForwardArgs, seed: number): CaseErrors {
  const ref = referenceArgs(a);
  const { output, cache } = k.forward(a);
  const dOut = randomArray(seededRandom(seed), output.length, 1);
  const got = k.backward(cache, dOut);
  const want = referenceBackward(ref, dOut);
  return {
    forward: maxAbsDiff(output, referenceForward(ref)),
    gradient: Math.max(...Object.values(gradientErrors(got, want))),
  };
}

/** Worst errors over `perCombo` random cases for every cell × returnSequences × masks. */
export function worstErrors(k: FusedRnnKernels, perCombo: number, seed0 = 1): CaseErrors {
  const worst: CaseErrors = { forward: 0, gradient: 0 };
  let seed = seed0;
  for (const cell of ['lstm', 'gru', 'simpleRnn'] as const) {
    for (const rs of [true, false]) {
      for (const masks of [false, true]) {
        for (let i = 0; i < perCombo; i++) {
          const e = caseErrors(k, randomCase(seed++ * 7919, cell, rs, masks), seed);
          worst.forward = Math.max(worst.forward, e.forward);
          worst.gradient = Math.max(worst.gradient, e.gradient);
        }
      }
    }
  }
  return worst;
}
