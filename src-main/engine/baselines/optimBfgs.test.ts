import { describe, expect, it } from 'vitest';
import { optimBfgs, optimHessian } from './optimBfgs';
import { readFixture } from './referenceFixtures.testkit';

interface OptimCase {
  start: number[];
  parscale: number[];
  par: number[];
  value: number;
  counts: [number, number];
  convergence: number;
  hessian: number[];
}
const { optim } = readFixture<{ optim: OptimCase[] }>('auto-arima.json');
const rosenbrock = (p: Float64Array): number =>
  100 * ((p[1] as number) - (p[0] as number) ** 2) ** 2 + (1 - (p[0] as number)) ** 2;
const scaledQuadratic = (p: Float64Array): number => {
  const a = (p[0] as number) - 3;
  const b = (p[1] as number) / 1000 - 2;
  return a * a + 0.5 * a * b + 4 * b * b;
};

describe("optimBfgs against R's optim(method = 'BFGS') (scripts/reference/auto_arima.R)", () => {
  it.each([
    ['Rosenbrock from (−1.2, 1)', 0, rosenbrock],
    ['a quadratic with parscale (1, 1000)', 1, scaledQuadratic],
  ] as const)('%s: the same iterates (counts), optimum and Hessian', (_name, k, fn) => {
    const ref = optim[k] as OptimCase;
    const res = optimBfgs(fn, ref.start, { parscale: ref.parscale });
    expect([res.counts.function, res.counts.gradient]).toEqual(ref.counts);
    expect(res.fail).toBe(ref.convergence);
    res.par.forEach((v, i) => expect(v).toBeCloseTo(ref.par[i] as number, 9));
    expect(Math.abs(res.value - ref.value)).toBeLessThan(1e-12);
    const H = optimHessian(fn, ref.par, { parscale: ref.parscale });
    // R stores the Hessian column-major; it is symmetric, so the order is the same.
    H.forEach((v, i) => {
      const r = ref.hessian[i] as number;
      expect(Math.abs(v - r)).toBeLessThan(1e-7 * Math.max(1, Math.abs(r)));
    });
  });
});
