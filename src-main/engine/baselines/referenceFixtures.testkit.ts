// Test kit: the R reference fixtures made by scripts/reference/classical.R and auto_arima.R, and the relative-error
// measure the tests compare them with. Never imported by product code.
import { readFileSync } from 'node:fs';

export function readFixture<T>(
  name: 'classical-fixed.json' | 'classical-auto.json' | 'auto-arima.json',
): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** max_i |a_i − b_i| / |b_i|; Infinity when the lengths differ. */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < b.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    const e = Math.abs(x - y) / Math.max(Math.abs(y), 1e-12);
    worst = Number.isNaN(e) ? Number.POSITIVE_INFINITY : Math.max(worst, e);
  }
  return worst;
}
