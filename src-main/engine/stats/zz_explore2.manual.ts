import { adfAutolagExact, adfStatisticExact } from './adf';
import { adfLaggedGram, adfStatisticGram } from './adfGram';
import { ols } from './ols';
import { ar1Series } from './syntheticSeries';
for (const n of [2000, 20000]) {
const rw = ar1Series(n, 1, 5);
let acc = 0;
const x = Float64Array.from(rw, (v) => (acc += v));
const diff = new Float64Array(n - 1);
for (let i = 0; i < n - 1; i++) diff[i] = x[i + 1]! - x[i]!;
const lag = 1;
const rows = n - 1 - lag;
const start = lag;
let m = 0; for (let r = 0; r < rows; r++) m += x[start + r]!; m /= rows;
const level = Float64Array.from({ length: rows }, (_, r) => x[start + r]! - m);
const l1 = Float64Array.from({ length: rows }, (_, r) => diff[start + r - 1]!);
const y = Float64Array.from({ length: rows }, (_, r) => diff[start + r]!);
const ones = new Float64Array(rows).fill(1);
const centredT = ols([level, l1, ones], y).tvalues[0]!;
const exact = adfStatisticExact(x, diff, lag);
const fast = adfStatisticGram(adfLaggedGram(x, diff, lag), lag, Infinity, Infinity)!.statistic;
console.log(n, 'centredQR', centredT, 'exactQR', exact, 'fast', fast, 'fc', fast - centredT, 'exact-centred', exact - centredT);
}
