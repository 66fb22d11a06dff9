// Manual timing of analyzeSeries on long AR(1) series (not a test): `npx tsx
// src-main/engine/stats/longSeries.manual.ts [sizes...] [--exact]`. --exact times the Householder
// QR paths (the behaviour before the Gram fast paths), which takes minutes at 1M points.
import { analyzeSeries, type AnalyzeOptions } from './analyzeSeries';

/** Deterministic AR(1) x_t = φ x_{t−1} + e_t with Box-Muller normals from a mulberry32 stream. */
export function ar1Series(n: number, phi: number, seed = 12345): Float64Array {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  const x = new Float64Array(n);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    prev = phi * prev + e;
    x[i] = prev;
  }
  return x;
}

function time(label: string, run: () => unknown): void {
  const t0 = performance.now();
  run();
  const ms = performance.now() - t0;
  console.log(`${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(8)} s`);
}

const args = process.argv.slice(2);
const exact = args.includes('--exact');
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
const solver: AnalyzeOptions['solver'] = exact ? 'exact' : 'fast';
for (const n of sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000]) {
  const x = ar1Series(n, 0.9);
  time(`n=${n} ${solver} default (Yule-Walker PACF)`, () => analyzeSeries(x, { solver }));
  time(`n=${n} ${solver} pacfMethod=ols`, () => analyzeSeries(x, { solver, pacfMethod: 'ols' }));
}
