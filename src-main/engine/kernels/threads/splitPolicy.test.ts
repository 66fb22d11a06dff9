import { describe, expect, it } from 'vitest';
import { SplitPolicy } from './splitPolicy';

function run(policy: SplitPolicy, steps: number, single: number, split: number): boolean[] {
  const chosen: boolean[] = [];
  for (let i = 0; i < steps; i++) {
    const s = policy.next();
    chosen.push(s);
    policy.record(s, s ? split : single);
  }
  return chosen;
}

describe('SplitPolicy', () => {
  it('alternates while probing, then keeps the faster choice for the hold phase', () => {
    const p = new SplitPolicy(3, 4);
    const c = run(p, 10, 1.0, 0.6);
    expect(c.slice(0, 6)).toEqual([false, true, false, true, false, true]);
    expect(c.slice(6)).toEqual([true, true, true, true]);
    expect(p.lastProbe).toEqual([1.0, 0.6]);
  });

  it('stays single-threaded when the split is not at least 5% faster', () => {
    const c = run(new SplitPolicy(3, 4), 10, 1.0, 0.97);
    expect(c.slice(6)).toEqual([false, false, false, false]);
  });

  it('probes again after the hold phase and follows a change of load', () => {
    const p = new SplitPolicy(2, 3);
    run(p, 7, 1.0, 0.5);
    // Second probe: the other core got busy, splitting is now slower.
    const c = run(p, 7, 1.0, 2.0);
    expect(c.slice(0, 4)).toEqual([false, true, false, true]);
    expect(c.slice(4)).toEqual([false, false, false]);
  });

  it('can split from the start, and probes only after that first hold phase', () => {
    const p = new SplitPolicy(2, 3, true);
    expect(run(p, 3, 1.0, 2.0)).toEqual([true, true, true]);
    expect(p.lastProbe).toBeNull();
    // The probe then finds splitting slower and holds one thread.
    const c = run(p, 7, 1.0, 2.0);
    expect(c.slice(0, 4)).toEqual([false, true, false, true]);
    expect(p.lastProbe).toEqual([1.0, 2.0]);
    expect(c.slice(4)).toEqual([false, false, false]);
  });
});
