import { readFileSync } from 'node:fs';
import { pacfOlsGram } from './pacfOlsGram';
import { pacfOls } from './pacf';
import { ar1Series } from './syntheticSeries';
const ref = JSON.parse(readFileSync('/work/shared/reference/statsmodels-reference.json', 'utf8'));
function load(key: string): Float64Array {
  const [file, col] = key.split(':') as [string, string];
  const lines = readFileSync('/work/shared/datasets/' + file, 'utf8').trim().split(/\r?\n/);
  const head = (lines[0] as string).split(',').map((h) => h.replace(/"/g, ''));
  const j = head.indexOf(col);
  const out: number[] = [];
  for (const l of lines.slice(1)) { const cell=l.split(',')[j]; const v = Number(cell); if (cell!==undefined && cell.trim()!=='' && cell!=='NA' && Number.isFinite(v)) out.push(v); }
  return Float64Array.from(out);
}
function check(name: string, x: Float64Array, refv?: number[]) {
  const nlags = Math.min(40, Math.floor(x.length / 2) - 1);
  const g = pacfOlsGram(x, nlags, Infinity);
  const gt = pacfOlsGram(x, nlags);
  const e = pacfOls(x, nlags, 'exact');
  let worst = 0, worstRef = 0, worstAbs = 0;
  for (let k = 1; k <= nlags; k++) { const d = Math.abs(g[k]! - e[k]!); worstAbs = Math.max(worstAbs, d); worst = Math.max(worst, d / Math.max(Math.abs(e[k]!), 1e-3));
    if (refv) worstRef = Math.max(worstRef, Math.abs(g[k]! - refv[k]!) / Math.max(Math.abs(refv[k]!), 1e-12)); }
  console.log(name.padEnd(34), x.length, 'fallbacks', gt.filter((v) => v === null).length, 'worstRel(floor1e-3)', worst.toExponential(1), 'abs', worstAbs.toExponential(1), 'vsRef', worstRef.toExponential(1));
}
for (const key of Object.keys(ref)) check(key, load(key), ref[key].pacf_ols);
for (const n of [200, 2000, 20000])
  for (const phi of [-0.95, -0.5, 0, 0.5, 0.9, 0.999, 1]) check(`ar1 phi=${phi}`, ar1Series(n, phi, n + 7));
for (const n of [200, 2000, 20000]) {
  const w = ar1Series(n, 0.3, 99);
  check('trend+ar', Float64Array.from(w, (v, i) => 1000 + 5 * i + v));
  check('sine+small noise', Float64Array.from(w, (v, i) => 100 * Math.sin(i / 10) + 0.01 * v));
  const rw = ar1Series(n, 1, 5); let acc = 0;
  check('integrated rw (I(2))', Float64Array.from(rw, (v) => (acc += v)));
}
