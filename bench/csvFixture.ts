// The 1,000,000-row benchmark CSV (ISO datetime + 4 float columns, ~50 MB), written once into the
// temp directory and reused: generating it costs more than importing it.
import { createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { mulberry32 } from '../src-main/shared/random';

export const CSV_ROWS = 1_000_000;

/** Deterministic uniform [0, 1) generator (mulberry32) so every machine writes the same file. */
export function uniform(seed: number): () => number {
  return mulberry32(seed);
}

export function csvRow(i: number, startMs: number, rand: () => number, walk: number): string {
  const t = new Date(startMs + i * 60_000).toISOString().slice(0, 19);
  const load = 100 + 40 * Math.sin(i / 240) + 5 * rand();
  const noise = rand() * 2 - 1;
  return `${t},${walk.toFixed(4)},${load.toFixed(3)},${noise.toFixed(5)},${(rand() * 1000).toFixed(2)}\n`;
}

async function writeCsv(file: string, rows: number): Promise<void> {
  const tmp = `${file}.${process.pid}.part`;
  const out = createWriteStream(tmp);
  out.write('time,price,load,noise,volume\n');
  const rand = uniform(42);
  const start = Date.UTC(2020, 0, 1);
  let walk = 1000;
  let batch = '';
  for (let i = 0; i < rows; i++) {
    walk += rand() - 0.5;
    batch += csvRow(i, start, rand, walk);
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
  // Renamed only when complete, so an interrupted run never leaves a truncated file to reuse.
  renameSync(tmp, file);
}

export async function benchCsv(
  rows = CSV_ROWS,
): Promise<{ file: string; bytes: number; reused: boolean }> {
  const file = path.join(os.tmpdir(), `series-studio-bench-${rows}.csv`);
  const reused = existsSync(file);
  if (!reused) await writeCsv(file, rows);
  return { file, bytes: statSync(file).size, reused };
}
