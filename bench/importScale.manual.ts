// Manual scale check (not a test): writes a 1,000,000-row CSV (ISO time + 4 numeric columns) to the
// temp directory, imports it and prints the times and peak RSS.
// Run: npx tsx bench/importScale.manual.ts [rows]
import { createWriteStream, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { importCsv } from '../src-main/engine/csv/importCsv';
import { inferFrequency } from '../src-main/engine/csv/inferFrequency';
import { sniffCsv } from '../src-main/engine/csv/sniffCsv';

const rows = Number(process.argv[2] ?? 1_000_000);
const file = path.join(os.tmpdir(), `series-studio-scale-${process.pid}.csv`);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function generate(): Promise<void> {
  const out = createWriteStream(file);
  out.write('time,load,price,count,temp\n');
  const start = Date.UTC(2000, 0, 1);
  let batch = '';
  for (let i = 0; i < rows; i++) {
    const t = new Date(start + i * 60_000).toISOString().slice(0, 19);
    batch += `${t},${(Math.sin(i / 60) * 100).toFixed(3)},${(1000 + i / 7).toFixed(2)},${i % 977},${(i % 400) / 10 - 5}\n`;
    if (batch.length > 1 << 20) {
      if (!out.write(batch)) await once(out, 'drain');
      batch = '';
    }
  }
  out.end(batch);
  await once(out, 'finish');
}

const t0 = performance.now();
await generate();
const t1 = performance.now();
const rssBefore = process.memoryUsage().rss;
const sniff = await sniffCsv(file);
const table = await importCsv(file, sniff.options);
const t2 = performance.now();
const frequency = inferFrequency(table.time.values, table.time.format);
const t3 = performance.now();
console.log(
  `file: ${mb(statSync(file).size)}, ${table.rowCount} rows, ${table.columns.length} numeric columns + time`,
);
console.log(
  `generate ${((t1 - t0) / 1000).toFixed(2)} s; sniff+import ${((t2 - t1) / 1000).toFixed(2)} s; inferFrequency ${((t3 - t2) / 1000).toFixed(2)} s (${frequency.frequency})`,
);
console.log(
  `RSS before import ${mb(rssBefore)}; peak RSS of the process ${mb(process.resourceUsage().maxRSS * 1024)}`,
);
rmSync(file);
