import { describe, expect, it } from 'vitest';
import { nelderMead } from './nelderMead';
import { maxRelativeError, readFixture } from './referenceFixtures.testkit';

interface NmCase {
  start: number[];
  par: number[];
  value: number;
  evaluations: number;
  maxit: number;
  reltol: number;
}
const { nelderMead: cases } = readFixture<{ nelderMead: NmCase[] }>('classical-fixed.json');
const rosenbrock = (x: ArrayLike<number>): number =>
  100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2 + (1 - (x[0] as number)) ** 2;

describe("nelderMead follows R's optim(method = 'Nelder-Mead') step for step", () => {
  it('Rosenbrock from (−1.2, 1): same optimum, value and evaluation count', () => {
    const c = cases[0] as NmCase;
    const r = nelderMead(rosenbrock, c.start, { maxit: c.maxit, reltol: c.reltol });
    expect(maxRelativeError(r.par, c.par)).toBeLessThan(1e-12);
    expect(r.value).toBeCloseTo(c.value, 18);
    expect(r.evaluations).toBe(195);
    expect(r.fail).toBe(0);
  });
  it('three parameters, maxit 2000 (as ets calls it)', () => {
    const c = cases[1] as NmCase;
    const f = (x: ArrayLike<number>): number => rosenbrock(x) + ((x[2] as number) - 2) ** 2;
    const r = nelderMead(f, c.start, { maxit: c.maxit, reltol: c.reltol });
    expect(maxRelativeError(r.par, c.par)).toBeLessThan(1e-12);
    expect(r.evaluations).toBe(272);
  });
  it('treats a non-finite value as very large and refuses a non-finite start', () => {
    const r = nelderMead(
      (x) => ((x[0] as number) < 0 ? Number.NaN : ((x[0] as number) - 1) ** 2),
      [0.5],
    );
    // A 1-D polytope stalls early in this algorithm: R's optim stops at 0.95 as well. The point is
    // that it never steps into the NaN region.
    expect(r.par[0]).toBeCloseTo(0.95, 12);
    expect(Number.isFinite(r.value)).toBe(true);
    expect(() => nelderMead(() => Number.NaN, [1])).toThrow(/initial parameters/);
  });
});
