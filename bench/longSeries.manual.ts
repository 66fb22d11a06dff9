// Manual timing of analyzeSeries on long AR(1) series (not a test): `npx tsx
// bench/longSeries.manual.ts [sizes...] [--exact]`. --exact times the Householder
// QR paths (the behaviour before the Gram fast paths), which takes minutes at 1M points.
import { analyzeSeries, type AnalyzeOptions } from '../src-main/engine/stats/analyzeSeries';
import { ar1Series } from '../src-main/engine/stats/syntheticSeries.testkit';

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
