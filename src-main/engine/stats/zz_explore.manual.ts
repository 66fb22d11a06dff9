import { readFileSync } from 'node:fs';
import { adfAutolagGram, adfLaggedGram, adfStatisticGram } from './adfGram';
import { adfAutolagExact, adfStatisticExact, adfDefaultMaxlag } from './adf';
import { factorGram } from './gramCholesky';
import { ar1Series } from './syntheticSeries';
const ref = JSON.parse(readFileSync('/work/shared/reference/statsmodels-reference.json', 'utf8'));
function load(key: string): Float64Array {
  const [file, col] = key.split(':') as [string, string];
  const lines = readFileSync('/work/shared/datasets/' + file, 'utf8').trim().split(/\r?\n/);
  const head = (lines[0] as string).split(',').map((h) => h.replace(/"/g, ''));
  const j = head.indexOf(col);
  const out: number[] = [];
  for (const l of lines.slice(1)) { const v = Number(l.split(',')[j]); const cell=l.split(',')[j]; if (cell!==undefined && cell.trim()!=='' && cell!=='NA' && Number.isFinite(v)) out.push(v); }
  return Float64Array.from(out);
}
function check(name: string, x: Float64Array) {
  const n = x.length;
  const diff = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) diff[i] = x[i + 1]! - x[i]!;
  const maxlag = adfDefaultMaxlag(n);
  const g = adfLaggedGram(x, diff, maxlag);
  const ex = maxlag + 1;
  const full = factorGram(g.centred(maxlag, [ex, ...Array.from({length: maxlag}, (_, i) => i + 1), 0]), maxlag + 2);
  const s = adfAutolagGram(g, maxlag, Infinity);
  const e = adfAutolagExact(x, diff, maxlag);
  const lag = e.usedLag;
  const fs = s && s.usedLag === lag ? adfStatisticGram(g, lag, Infinity, Infinity) : null;
  const es = adfStatisticExact(x, diff, lag);
  console.log(name.padEnd(36), n, 'cond', full?.condition.toExponential(2), 'ryy2', full ? (full.r[(maxlag+2)**2-1]!**2).toExponential(2) : '-',
    'lag', s?.usedLag, e.usedLag, 'aicRel', s ? (Math.abs(s.icBest - e.icBest) / Math.abs(e.icBest)).toExponential(1) : 'null',
    'tRel', fs ? (Math.abs(fs.statistic - es) / Math.abs(es)).toExponential(1) : 'null', 'fitcond', fs?.condition.toExponential(1), 't', es.toPrecision(4), 'aicErr', s?.aicError.toExponential(1), 'tAbs', fs? Math.abs(fs.statistic-es).toExponential(1):'', 'tErrEst', fs?.error.toExponential(1));
}
for (const key of Object.keys(ref)) check(key, load(key));
for (const n of [200, 2000, 20000])
  for (const phi of [-0.95, -0.5, 0, 0.5, 0.9, 0.999, 1]) check(`ar1 phi=${phi}`, ar1Series(n, phi, n + 7));
for (const n of [200, 2000, 20000]) {
  const w = ar1Series(n, 0.3, 99);
  check('trend+ar', Float64Array.from(w, (v, i) => 1000 + 5 * i + v));
  check('quad trend smooth', Float64Array.from(w, (v, i) => 1e4 + 0.01 * i * i + 0.01 * v));
  check('sine+small noise', Float64Array.from(w, (v, i) => 100 * Math.sin(i / 10) + 0.01 * v));
  const rw = ar1Series(n, 1, 5);
  check('integrated rw (I(2))', Float64Array.from(rw, (_, i) => { let s = 0; for (let j = 0; j <= i; j++) s += rw[j]!; return s; }));
}
