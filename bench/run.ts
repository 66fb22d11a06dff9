// Benchmark runner: npx tsx bench/run.ts [import|acf|train|all]. Runs our implementation and the
// Python peer side by side, prints the figures and ratios, and writes bench/results/latest.json.
// Benchmarks are not tests: nothing here fails on slowness.
import * as tf from '@tensorflow/tfjs';
import os from 'node:os';
import { acfBench } from './acfBench';
import { importBench } from './importBench';
import { describeMachine, machineFacts } from './machine';
import { comparisonTable, metricTable, writeLatest, type BenchResult } from './report';
import { trainBench } from './trainBench';

const BENCHES: Record<string, (log: (s: string) => void) => Promise<BenchResult>> = {
  import: importBench,
  acf: acfBench,
  train: trainBench,
};

const log = (s: string): void => console.log(`  · ${s}`);

async function main(): Promise<void> {
  const which = process.argv[2] ?? 'all';
  const names = which === 'all' ? Object.keys(BENCHES) : [which];
  const unknown = names.filter((n) => !(n in BENCHES));
  if (unknown.length > 0) {
    console.error(`unknown benchmark ${unknown.join(', ')}; use import, acf, train or all`);
    process.exitCode = 2;
    return;
  }
  const started = new Date();
  const machine = machineFacts();
  const results: BenchResult[] = [];
  // Other processes share the cores; the 1-minute load average says how quiet each run was.
  const load: Record<string, [number, number]> = {};
  for (const name of names) {
    const bench = BENCHES[name];
    if (bench === undefined) continue;
    console.log(`running ${name} ...`);
    const t0 = performance.now();
    const before = os.loadavg()[0] ?? Number.NaN;
    results.push(await bench(log));
    load[name] = [before, os.loadavg()[0] ?? Number.NaN];
    log(`${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const backend = names.includes('train') ? tf.getBackend() : null;
  console.log(`\nSeries Studio benchmarks, ${started.toISOString()}`);
  console.log(describeMachine(machine, backend));
  const loads = Object.entries(load).map(([n, [a, b]]) => `${n} ${a.toFixed(1)}→${b.toFixed(1)}`);
  console.log(`load average (1 min) before→after: ${loads.join(', ')}`);
  console.log(`\n${metricTable(results)}\n\n${comparisonTable(results)}\n`);
  for (const r of results) for (const n of r.notes) console.log(`[${r.name}] ${n}`);
  const file = await writeLatest({
    date: started.toISOString(),
    seconds: (Date.now() - started.getTime()) / 1000,
    machine: { ...machine, tfjsBackend: backend },
    loadAverage: load,
    results,
  });
  console.log(`\nwritten ${file}`);
}

await main();
