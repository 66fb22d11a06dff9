// Deterministic pseudo-random data for the kernel tests (the shared mulberry32).
import type { RnnGradients } from './rnnPacking';

export { mulberry32 as seededRandom } from '../../../shared/random';

export function randomArray(rand: () => number, n: number, scale = 1): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (rand() * 2 - 1) * scale;
  return out;
}

/** Inverted-dropout mask as tfjs builds it: 0 with probability `rate`, else 1 / (1 − rate). */
export function dropoutMask(rand: () => number, n: number, rate: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rand() < rate ? 0 : 1 / (1 - rate);
  return out;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs((a[i] ?? NaN) - (b[i] ?? NaN)));
  return a.length === b.length ? m : Infinity;
}

/** max |a − ref| / max(|ref|): relative error at the scale of the reference array. */
export function relativeError(a: ArrayLike<number>, ref: ArrayLike<number>): number {
  let scale = 0;
  for (let i = 0; i < ref.length; i++) scale = Math.max(scale, Math.abs(ref[i] ?? NaN));
  return maxAbsDiff(a, ref) / Math.max(scale, 1e-3);
}

/** The four gradients of a recurrent layer's backward pass, in any number type. */
export type LayerGradients = Record<keyof RnnGradients, ArrayLike<number>>;

/** relativeError of each gradient against the reference's. */
export function gradientErrors(
  got: LayerGradients,
  want: LayerGradients,
): Record<keyof LayerGradients, number> {
  return {
    dX: relativeError(got.dX, want.dX),
    dKernel: relativeError(got.dKernel, want.dKernel),
    dRecurrentKernel: relativeError(got.dRecurrentKernel, want.dRecurrentKernel),
    dBias: relativeError(got.dBias, want.dBias),
  };
}
