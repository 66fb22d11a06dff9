// Deterministic synthetic series for tests and timing scripts (seeded, no Math.random), so
// failures reproduce exactly.
import { mulberry32 } from '../../shared/random';

/** mulberry32 uniform stream on (0, 1): the shared generator's k / 2³² moved to (k + ½) / 2³². */
export function uniformStream(seed: number): () => number {
  const random = mulberry32(seed);
  return () => random() + 2 ** -33;
}

/** Standard normal draws by Box-Muller (one per pair of uniforms, the cosine branch). */
export function normalStream(seed: number): () => number {
  const uniform = uniformStream(seed);
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** AR(1) x_t = φ x_{t−1} + e_t from x_{−1} = 0 with standard normal innovations. */
export function ar1Series(n: number, phi: number, seed = 12345): Float64Array {
  const normal = normalStream(seed);
  const x = new Float64Array(n);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    prev = phi * prev + normal();
    x[i] = prev;
  }
  return x;
}
