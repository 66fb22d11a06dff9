// Child process of importBench: one sniff + import in a fresh process, so peak RSS is the
// importer's own and not the benchmark runner's. Prints one JSON line.
import { importCsv, sniffCsv } from '../src-main/engine/csv';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: importWorker.ts FILE');
const rssBeforeMB = process.memoryUsage().rss / 1024 ** 2;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const sniff = await sniffCsv(file);
const table = await importCsv(file, sniff.options);
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rows: table.rowCount,
    columns: table.columns.length,
    timeFormat: table.time.format,
    rssBeforeMB,
    peakRssMB: (process.resourceUsage().maxRSS * 1024) / 1024 ** 2,
  }),
);
