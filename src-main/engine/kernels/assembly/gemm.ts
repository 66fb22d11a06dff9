// @ts-nocheck -- AssemblyScript source (compiled by asc, not tsc): f32/v128 builtins are asc-only.

// All matrices are f32 in linear memory. A is addressed through two strides so one kernel
// serves both A·B (aRow = K, aK = 1) and Aᵀ·B (aRow = 1, aK = rows of the stored matrix):
// A(i, k) lives at a + 4·(i·aRow + k·aK). N must be a multiple of 4 (callers pad units to 4).

// acc + a·b. With the relaxed-simd feature (rnn-relaxed.wasm) this is one fused multiply-add
// instruction, which halves the arithmetic of every micro-kernel; the plain build keeps mul+add.
export function madd(a: v128, b: v128, acc: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, acc);
  return f32x4.add(acc, f32x4.mul(a, b));
}

// Depth of one K panel: a KC×N panel of B stays in L2 while every row block of A sweeps it
// (matters for the all-steps weight-gradient products, where K = steps·batch).
const KC = 256;

// C[M, N] = (accumulate ? C : 0) + A·B, K split into L2-sized panels.
export function gemm(
  M: i32,
  N: i32,
  K: i32,
  a: usize,
  aRow: i32,
  aK: i32,
  b: usize,
  ldb: i32,
  c: usize,
  ldc: i32,
  accumulate: bool,
): void {
  for (let k0 = 0; k0 < K; k0 += KC) {
    const kc = min(KC, K - k0);
    const ak = a + ((<usize>k0 * <usize>aK) << 2);
    const bk = b + ((<usize>k0 * <usize>ldb) << 2);
    gemmPanel(M, N, kc, ak, aRow, aK, bk, ldb, c, ldc, accumulate || k0 > 0);
  }
}

// One K panel. Register block: 4 rows × 8 columns (8 accumulators).
function gemmPanel(
  M: i32,
  N: i32,
  K: i32,
  a: usize,
  aRow: i32,
  aK: i32,
  b: usize,
  ldb: i32,
  c: usize,
  ldc: i32,
  accumulate: bool,
): void {
  const aRowB = (<usize>aRow) << 2;
  const aKB = (<usize>aK) << 2;
  const ldbB = (<usize>ldb) << 2;
  const ldcB = (<usize>ldc) << 2;
  let i = 0;
  for (; i + 4 <= M; i += 4) {
    const ai = a + <usize>i * aRowB;
    const ci = c + <usize>i * ldcB;
    let j = 0;
    for (; j + 8 <= N; j += 8) {
      block4x8(
        K,
        ai,
        aRowB,
        aKB,
        b + ((<usize>j) << 2),
        ldbB,
        ci + ((<usize>j) << 2),
        ldcB,
        accumulate,
      );
    }
    if (j < N)
      block4x4(
        K,
        ai,
        aRowB,
        aKB,
        b + ((<usize>j) << 2),
        ldbB,
        ci + ((<usize>j) << 2),
        ldcB,
        accumulate,
      );
  }
  for (; i < M; i++) {
    const ai = a + <usize>i * aRowB;
    const ci = c + <usize>i * ldcB;
    for (let j = 0; j < N; j += 4) {
      block1x4(K, ai, aKB, b + ((<usize>j) << 2), ldbB, ci + ((<usize>j) << 2), accumulate);
    }
  }
}

function block4x8(
  K: i32,
  a: usize,
  aRowB: usize,
  aKB: usize,
  b: usize,
  ldbB: usize,
  c: usize,
  ldcB: usize,
  accumulate: bool,
): void {
  const c1 = c + ldcB;
  const c2 = c1 + ldcB;
  const c3 = c2 + ldcB;
  let s00 = f32x4.splat(0);
  let s01 = f32x4.splat(0);
  let s10 = f32x4.splat(0);
  let s11 = f32x4.splat(0);
  let s20 = f32x4.splat(0);
  let s21 = f32x4.splat(0);
  let s30 = f32x4.splat(0);
  let s31 = f32x4.splat(0);
  if (accumulate) {
    s00 = v128.load(c);
    s01 = v128.load(c, 16);
    s10 = v128.load(c1);
    s11 = v128.load(c1, 16);
    s20 = v128.load(c2);
    s21 = v128.load(c2, 16);
    s30 = v128.load(c3);
    s31 = v128.load(c3, 16);
  }
  let ap = a;
  let bp = b;
  for (let k = 0; k < K; k++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let av = v128.load32_splat(ap);
    s00 = madd(av, b0, s00);
    s01 = madd(av, b1, s01);
    av = v128.load32_splat(ap + aRowB);
    s10 = madd(av, b0, s10);
    s11 = madd(av, b1, s11);
    av = v128.load32_splat(ap + 2 * aRowB);
    s20 = madd(av, b0, s20);
    s21 = madd(av, b1, s21);
    av = v128.load32_splat(ap + 3 * aRowB);
    s30 = madd(av, b0, s30);
    s31 = madd(av, b1, s31);
    ap += aKB;
    bp += ldbB;
  }
  v128.store(c, s00);
  v128.store(c, s01, 16);
  v128.store(c1, s10);
  v128.store(c1, s11, 16);
  v128.store(c2, s20);
  v128.store(c2, s21, 16);
  v128.store(c3, s30);
  v128.store(c3, s31, 16);
}

function block4x4(
  K: i32,
  a: usize,
  aRowB: usize,
  aKB: usize,
  b: usize,
  ldbB: usize,
  c: usize,
  ldcB: usize,
  accumulate: bool,
): void {
  const c1 = c + ldcB;
  const c2 = c1 + ldcB;
  const c3 = c2 + ldcB;
  let s0 = f32x4.splat(0);
  let s1 = f32x4.splat(0);
  let s2 = f32x4.splat(0);
  let s3 = f32x4.splat(0);
  if (accumulate) {
    s0 = v128.load(c);
    s1 = v128.load(c1);
    s2 = v128.load(c2);
    s3 = v128.load(c3);
  }
  let ap = a;
  let bp = b;
  for (let k = 0; k < K; k++) {
    const b0 = v128.load(bp);
    s0 = madd(v128.load32_splat(ap), b0, s0);
    s1 = madd(v128.load32_splat(ap + aRowB), b0, s1);
    s2 = madd(v128.load32_splat(ap + 2 * aRowB), b0, s2);
    s3 = madd(v128.load32_splat(ap + 3 * aRowB), b0, s3);
    ap += aKB;
    bp += ldbB;
  }
  v128.store(c, s0);
  v128.store(c1, s1);
  v128.store(c2, s2);
  v128.store(c3, s3);
}

function block1x4(
  K: i32,
  a: usize,
  aKB: usize,
  b: usize,
  ldbB: usize,
  c: usize,
  accumulate: bool,
): void {
  let s = accumulate ? v128.load(c) : f32x4.splat(0);
  let ap = a;
  let bp = b;
  for (let k = 0; k < K; k++) {
    s = madd(v128.load32_splat(ap), v128.load(bp), s);
    ap += aKB;
    bp += ldbB;
  }
  v128.store(c, s);
}
