// The one seeded PRNG (mulberry32: 32-bit state, fast, good enough for sampling plans, shuffles and
// test data), so that hyperparameter plans, training shuffles and anything else that samples are
// reproducible from a number the user can write down. Math.random cannot be seeded.

export type Random = () => number;

/** A generator of uniform numbers in [0, 1) fully determined by `seed` (any finite number). */
export function mulberry32(seed: number): Random {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform integer in [lo, hi] inclusive. */
export function randomInt(random: Random, lo: number, hi: number): number {
  return lo + Math.floor(random() * (hi - lo + 1));
}

/** One element of a non-empty array, uniformly. */
export function pick<T>(random: Random, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick: empty list');
  return items[Math.floor(random() * items.length)] as T;
}

/** Fisher–Yates permutation of 0..n-1. */
export function shuffledIndices(n: number, random: Random): Int32Array {
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = idx[i] ?? 0;
    idx[i] = idx[j] ?? 0;
    idx[j] = tmp;
  }
  return idx;
}
