// ACF (with Bartlett band) + PACF (Yule-Walker adjusted, with band) at 40 lags on 1,000,000 AR(1)
// points: our stats engine against statsmodels acf(fft=True, alpha) + pacf("ywadjusted", alpha),
// both reading the same file, best of 3 each. Goal: ours/statsmodels ≤ 1.0.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { acf, acfBartlettBand } from '../src-main/engine/stats/acf';
import { pacfBand, pacfYuleWalker } from '../src-main/engine/stats/pacf';
import { uniform } from './csvFixture';
import { cpuBetween, missingPythonModules, numberField, runPeer } from './peers';
import type { BenchResult } from './report';
import { fmtSeconds } from './timing';

const N = 1_000_000;
const NLAGS = 40;
const PHI = 0.7;
const RUNS = 3;

/** x_t = φ x_{t−1} + e_t with standard normal e (Box-Muller on a seeded uniform). */
export function ar1(n: number, phi: number, seed: number): Float64Array {
  const rand = uniform(seed);
  const x = new Float64Array(n);
  let prev = 0;
  for (let t = 0; t < n; t++) {
    const e = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
    prev = phi * prev + e;
    x[t] = prev;
  }
  return x;
}

interface Timing {
  acf: number;
  pacf: number;
  /** CPU seconds of ACF + PACF together. */
  cpu: number;
}

function fastest(runs: Timing[]): Timing {
  const first = runs[0];
  if (first === undefined) throw new Error('no runs');
  return runs.reduce((a, b) => (a.acf + a.pacf <= b.acf + b.pacf ? a : b), first);
}

function seriesFile(): string {
  const file = path.join(os.tmpdir(), `series-studio-bench-ar1-${N}.csv`);
  if (!existsSync(file)) {
    // Shortest round-trip decimal text: both readers get exactly the same doubles.
    const tmp = `${file}.${process.pid}.part`;
    writeFileSync(tmp, 'x\n' + Array.from(ar1(N, PHI, 7), String).join('\n') + '\n');
    renameSync(tmp, file);
  }
  return file;
}

function readSeries(file: string): Float64Array {
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  return Float64Array.from(lines.slice(1), Number);
}

export async function acfBench(log: (s: string) => void): Promise<BenchResult> {
  const file = seriesFile();
  const x = readSeries(file);
  const missing = missingPythonModules(['pandas', 'statsmodels']);
  if (missing !== null) {
    log(`acf: ${missing}`);
  }
  // Ours and statsmodels alternate so a burst of load from other processes hits both sides alike.
  const runs: Timing[] = [];
  const peerRuns: Timing[] = [];
  let lag1 = Number.NaN;
  let pacf2 = Number.NaN;
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = acf(x, NLAGS);
    acfBartlettBand(r, x.length);
    const t1 = performance.now();
    const p = pacfYuleWalker(x, NLAGS);
    pacfBand(x.length);
    const t2 = performance.now();
    const c = process.cpuUsage(c0);
    runs.push({ acf: (t1 - t0) / 1000, pacf: (t2 - t1) / 1000, cpu: (c.user + c.system) / 1e6 });
    lag1 = r[1] ?? Number.NaN;
    pacf2 = p[2] ?? Number.NaN;
    log(
      `acf: ours run ${i + 1}: acf ${runs[i]?.acf.toFixed(4)} s, pacf ${runs[i]?.pacf.toFixed(4)} s`,
    );
    if (missing !== null) continue;
    const run = runPeer('statsmodels_acf.py', [file, 'x', String(NLAGS)]);
    const n = numberField(run.out, 'n');
    if (n !== N) throw new Error(`statsmodels read ${n} points`);
    const [acfS, pacfS] = [numberField(run.out, 'acf_s'), numberField(run.out, 'pacf_s')];
    peerRuns.push({ acf: acfS, pacf: pacfS, cpu: cpuBetween(run, 0, 2) });
    log(`acf: statsmodels run ${i + 1}: acf ${peerRuns[i]?.acf} s, pacf ${peerRuns[i]?.pacf} s`);
  }
  const best = fastest(runs);
  const notes = [
    `AR(1) φ=${PHI}, n=${N.toLocaleString('en-US')}, nlags=${NLAGS}; sanity: ours ACF(1)=${lag1.toFixed(4)} (φ=${PHI}), PACF(2)=${pacf2.toFixed(4)} (0)`,
    `ours total (s): ${fmtSeconds(runs.map((r) => r.acf + r.pacf))}`,
  ];
  const peer = peerRuns.length > 0 ? fastest(peerRuns) : null;
  if (peer !== null)
    notes.push(`statsmodels total (s): ${fmtSeconds(peerRuns.map((r) => r.acf + r.pacf))}`);
  if (missing !== null) notes.push(missing);
  const total = best.acf + best.pacf;
  const peerTotal = peer === null ? null : peer.acf + peer.pacf;
  const oursCpu = Math.min(...runs.map((r) => r.cpu));
  const peerCpu = peerRuns.length > 0 ? Math.min(...peerRuns.map((r) => r.cpu)) : null;
  return {
    name: 'acf',
    metrics: [
      { label: 'ours ACF + band', value: best.acf, unit: 's' },
      { label: 'ours PACF (YW adjusted) + band', value: best.pacf, unit: 's' },
      { label: 'ours ACF+PACF, best of 3', value: total, unit: 's' },
      { label: 'statsmodels acf(fft=True, alpha)', value: peer?.acf ?? null, unit: 's' },
      { label: 'statsmodels pacf(ywadjusted, alpha)', value: peer?.pacf ?? null, unit: 's' },
      { label: 'statsmodels ACF+PACF, best of 3', value: peerTotal, unit: 's' },
      { label: 'ours ACF+PACF CPU time, best of 3', value: oursCpu, unit: 's' },
      { label: 'statsmodels ACF+PACF CPU time, best of 3', value: peerCpu, unit: 's' },
    ],
    comparisons: [
      {
        label: 'ACF+PACF time vs statsmodels',
        kind: 'time',
        ours: total,
        peer: peerTotal,
        goal: 1,
      },
      { label: 'ACF+PACF CPU time', kind: 'time', ours: oursCpu, peer: peerCpu, goal: null },
      { label: 'ACF alone', kind: 'time', ours: best.acf, peer: peer?.acf ?? null, goal: null },
      { label: 'PACF alone', kind: 'time', ours: best.pacf, peer: peer?.pacf ?? null, goal: null },
    ],
    notes,
  };
}
