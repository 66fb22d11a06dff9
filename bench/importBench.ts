// CSV import: our sniffCsv + importCsv against pandas.read_csv(parse_dates=[0]) on the same
// 1,000,000-row file, best of 3 each, both in fresh processes. Goal: ours/pandas ≤ 1.0.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchCsv, CSV_ROWS } from './csvFixture';
import { cpuBetween, missingPythonModules, numberField, runPeer } from './peers';
import type { BenchResult } from './report';
import { bestSeconds, fmtSeconds } from './timing';

const RUNS = 3;

interface WorkerOutput {
  seconds: number;
  cpuSeconds: number;
  rows: number;
  columns: number;
  timeFormat: string;
  rssBeforeMB: number;
  peakRssMB: number;
}

function runOurs(file: string): WorkerOutput {
  const worker = fileURLToPath(new URL('./importWorker.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', worker, file], {
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (r.status !== 0) throw new Error(`importWorker exited ${r.status}: ${r.stderr.slice(-500)}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as WorkerOutput;
  if (out.rows !== CSV_ROWS || out.columns !== 4 || out.timeFormat !== 'iso-datetime') {
    throw new Error(`unexpected import: ${JSON.stringify(out)}`);
  }
  return out;
}

export async function importBench(log: (s: string) => void): Promise<BenchResult> {
  const t0 = performance.now();
  const { file, bytes, reused } = await benchCsv();
  const mb = bytes / 1024 ** 2;
  log(
    `import: ${file} (${mb.toFixed(1)} MB, ${reused ? 'reused' : `written in ${((performance.now() - t0) / 1000).toFixed(1)} s`})`,
  );
  const notes: string[] = [
    `file: ${CSV_ROWS.toLocaleString('en-US')} rows × (ISO datetime + 4 floats), ${mb.toFixed(1)} MB`,
  ];

  const missing = missingPythonModules(['pandas']);
  if (missing !== null) {
    log(`import: ${missing}`);
    notes.push(missing);
  }
  // Ours and pandas alternate so a burst of load from other processes hits both sides alike.
  const ours: WorkerOutput[] = [];
  const pandas: number[] = [];
  const pandasCpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const o = runOurs(file);
    ours.push(o);
    log(`import: ours run ${i + 1}: ${o.seconds.toFixed(3)} s`);
    if (missing !== null) continue;
    const run = runPeer('pandas_csv.py', [file]);
    const rows = numberField(run.out, 'rows');
    if (rows !== CSV_ROWS) throw new Error(`pandas read ${rows} rows`);
    pandas.push(numberField(run.out, 'seconds'));
    pandasCpu.push(cpuBetween(run, 0, 1));
    log(`import: pandas run ${i + 1}: ${pandas[i]?.toFixed(3)} s`);
  }
  const oursBest = bestSeconds(ours.map((o) => o.seconds));
  const peakRss = Math.max(...ours.map((o) => o.peakRssMB));
  const baseRss = Math.min(...ours.map((o) => o.rssBeforeMB));
  notes.push(`ours (s): ${fmtSeconds(ours.map((o) => o.seconds))}`);
  const oursCpu = bestSeconds(ours.map((o) => o.cpuSeconds));
  const pandasBest = pandas.length > 0 ? bestSeconds(pandas) : null;
  const pandasCpuBest = pandasCpu.length > 0 ? bestSeconds(pandasCpu) : null;
  if (pandas.length > 0) notes.push(`pandas (s): ${fmtSeconds(pandas)}`);

  return {
    name: 'import',
    metrics: [
      { label: 'ours sniff+import, best of 3', value: oursBest, unit: 's' },
      { label: 'ours rows/s', value: CSV_ROWS / oursBest, unit: 'rows/s' },
      {
        label: 'ours peak RSS (fresh process)',
        value: peakRss,
        unit: 'MB',
        note: `${baseRss.toFixed(0)} MB before import`,
      },
      { label: 'pandas read_csv(parse_dates), best of 3', value: pandasBest, unit: 's' },
      {
        label: 'pandas rows/s',
        value: pandasBest === null ? null : CSV_ROWS / pandasBest,
        unit: 'rows/s',
      },
      { label: 'ours CPU time, best of 3', value: oursCpu, unit: 's' },
      { label: 'pandas CPU time, best of 3', value: pandasCpuBest, unit: 's' },
    ],
    comparisons: [
      { label: 'import time vs pandas', kind: 'time', ours: oursBest, peer: pandasBest, goal: 1 },
      {
        label: 'import CPU time vs pandas',
        kind: 'time',
        ours: oursCpu,
        peer: pandasCpuBest,
        goal: null,
      },
    ],
    notes,
  };
}
