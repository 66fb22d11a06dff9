// Cross-products for regressions whose columns are lagged windows of one series: z_{s−l} for
// l = 0..L (lag 0 is the response) plus an optional extra column e_s, over rows s ∈ [L, len − 1].
// Entries on one Toeplitz diagonal differ only by the row dropped at the top and the row added at
// the bottom, so the whole matrix costs one O(len) pass per lag instead of one per entry.

/** Products are summed plainly in short chunks and the chunk totals with compensation (Neumaier). */
export const GRAM_SUM_CHUNK = 32;

/**
 * out[j] = Σ_{t<count} a[ai+t]·b[bi−j+t] for j = 0..3 (four consecutive lags share each load of
 * a), with rounding error about GRAM_SUM_CHUNK·u·Σ|terms|.
 */
function dots4(a: Float64Array, ai: number, b: Float64Array, bi: number, count: number): number[] {
  const total = [0, 0, 0, 0];
  const comp = [0, 0, 0, 0];
  for (let start = 0; start < count; start += GRAM_SUM_CHUNK) {
    const end = Math.min(count, start + GRAM_SUM_CHUNK);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let t = start; t < end; t++) {
      const v = a[ai + t] as number;
      const q = bi + t;
      s0 += v * (b[q] as number);
      s1 += v * (b[q - 1] as number);
      s2 += v * (b[q - 2] as number);
      s3 += v * (b[q - 3] as number);
    }
    const chunk = [s0, s1, s2, s3];
    for (let j = 0; j < 4; j++) {
      const tj = total[j] as number;
      const cj = chunk[j] as number;
      const next = tj + cj;
      comp[j] =
        (comp[j] as number) + (Math.abs(tj) >= Math.abs(cj) ? tj - next + cj : cj - next + tj);
      total[j] = next;
    }
  }
  return total.map((t, j) => t + (comp[j] as number));
}

/** Σ_{t<count} a[ai+t]·b[bi−h+t] for h = 0..maxH (needs maxH ≤ bi). */
function laggedDots(
  a: Float64Array,
  ai: number,
  b: Float64Array,
  bi: number,
  maxH: number,
  count: number,
): Float64Array {
  const out = new Float64Array(maxH + 1);
  // Three leading zeros keep the unused lanes of the last block of four inside the array.
  const padded = new Float64Array(b.length + 3);
  padded.set(b, 3);
  for (let h = 0; h <= maxH; h += 4) {
    const block = dots4(a, ai, padded, bi + 3 - h, count);
    for (let j = 0; j < 4 && h + j <= maxH; j++) out[h + j] = block[j] as number;
  }
  return out;
}

function shifted(v: Float64Array, from: number, to: number): Float64Array {
  let m = 0;
  for (let i = from; i < to; i++) m += v[i] as number;
  m /= Math.max(1, to - from);
  return Float64Array.from(v, (u) => u - m);
}

/**
 * Gram builder over a window that can only grow downwards (L decreasing). Column indices: 0..maxLag
 * are the lags of z, maxLag + 1 is the extra column. Both series are shifted by a mean first: a
 * constant shift of any column leaves a regression with intercept unchanged, and it keeps the
 * centring step below free of cancellation.
 */
export class LaggedGram {
  readonly len: number;
  readonly maxLag: number;
  private lo: number;
  private readonly size: number;
  private readonly cross: Float64Array;
  private readonly sums: Float64Array;
  private readonly z: Float64Array;
  private readonly e: Float64Array | null;

  constructor(z: Float64Array, maxLag: number, extra?: Float64Array) {
    const len = z.length;
    if (!Number.isInteger(maxLag) || maxLag < 0 || maxLag >= len)
      throw new RangeError('maxLag must be an integer in [0, len)');
    if (extra !== undefined && extra.length < len)
      throw new RangeError('extra column is shorter than the series');
    this.len = len;
    this.maxLag = maxLag;
    this.lo = maxLag;
    this.size = maxLag + 2;
    this.z = shifted(z, 0, len);
    this.e = extra === undefined ? null : shifted(extra, maxLag, len);
    this.cross = new Float64Array(this.size * this.size);
    this.sums = new Float64Array(this.size);
    this.buildBase();
  }

  /** Rows in the window for `lag` lags. */
  rowsFor(lag: number): number {
    return this.len - lag;
  }

  private set(i: number, j: number, v: number): void {
    this.cross[i * this.size + j] = v;
    this.cross[j * this.size + i] = v;
  }

  private buildBase(): void {
    const { z, e, maxLag: m, len } = this;
    const rows = len - m;
    const ex = m + 1;
    const base = laggedDots(z, m, z, m, m, rows);
    for (let h = 0; h <= m; h++) this.set(0, h, base[h] as number);
    // Moving both columns one lag further drops row len−1 and gains row m−1 (in lag-0 terms).
    for (let i = 0; i < m; i++)
      for (let j = i; j < m; j++) {
        const prev = this.cross[i * this.size + j] as number;
        const top = (z[len - 1 - i] as number) * (z[len - 1 - j] as number);
        const bottom = (z[m - 1 - i] as number) * (z[m - 1 - j] as number);
        this.set(i + 1, j + 1, prev - top + bottom);
      }
    let s = 0;
    for (let t = m; t < len; t++) s += z[t] as number;
    this.sums[0] = s;
    for (let l = 0; l < m; l++) {
      s += (z[m - 1 - l] as number) - (z[len - 1 - l] as number);
      this.sums[l + 1] = s;
    }
    if (e === null) return;
    const withLevel = laggedDots(e, m, z, m, m, rows);
    for (let l = 0; l <= m; l++) this.set(ex, l, withLevel[l] as number);
    this.set(ex, ex, laggedDots(e, m, e, m, 0, rows)[0] as number);
    let se = 0;
    for (let t = m; t < len; t++) se += e[t] as number;
    this.sums[ex] = se;
  }

  /** Adds rows s = lag..lo−1; only columns ≤ lag are kept current, as later windows need no more. */
  private extendTo(lag: number): void {
    const { z, e, size } = this;
    const ex = this.maxLag + 1;
    for (let s = this.lo - 1; s >= lag; s--) {
      for (let i = 0; i <= lag; i++) {
        const zi = z[s - i] as number;
        this.sums[i] = (this.sums[i] as number) + zi;
        for (let j = i; j <= lag; j++)
          this.set(i, j, (this.cross[i * size + j] as number) + zi * (z[s - j] as number));
        if (e !== null)
          this.set(ex, i, (this.cross[ex * size + i] as number) + (e[s] as number) * zi);
      }
      if (e !== null) {
        const es = e[s] as number;
        this.set(ex, ex, (this.cross[ex * size + ex] as number) + es * es);
        this.sums[ex] = (this.sums[ex] as number) + es;
      }
    }
    this.lo = Math.min(this.lo, lag);
  }

  /**
   * Centred cross-products (the intercept partialled out) of the chosen columns over rows
   * s ∈ [lag, len − 1], as a k×k row-major matrix in the order given. `lag` may only decrease
   * between calls.
   */
  centred(lag: number, columns: readonly number[]): Float64Array {
    if (lag > this.lo) throw new RangeError('LaggedGram windows can only grow');
    if (lag < this.lo) this.extendTo(lag);
    const ex = this.maxLag + 1;
    for (const c of columns)
      if (c > lag && !(c === ex && this.e !== null))
        throw new RangeError(`column ${c} is not available with ${lag} lags`);
    const k = columns.length;
    const rows = this.len - lag;
    const out = new Float64Array(k * k);
    for (let a = 0; a < k; a++) {
      const ca = columns[a] as number;
      const sa = this.sums[ca] as number;
      for (let b = a; b < k; b++) {
        const cb = columns[b] as number;
        const v =
          (this.cross[ca * this.size + cb] as number) - (sa * (this.sums[cb] as number)) / rows;
        out[a * k + b] = v;
        out[b * k + a] = v;
      }
    }
    return out;
  }
}
