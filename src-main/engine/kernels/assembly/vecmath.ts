// @ts-nocheck -- AssemblyScript source (compiled by asc, not tsc): f32/v128 builtins are asc-only.

// Four-lane exp/sigmoid/tanh. Scalar Mathf.exp per gate element would cost more than the
// per-step GEMM itself, so the elementwise part is vectorised too. No @inline decorators
// (prettier/eslint cannot parse them); binaryen -O3 inlines these small functions anyway.

// exp(x) = 2^n · e^r with n = round(x / ln2), |r| ≤ ln2 / 2; e^r by its degree-6 Taylor
// polynomial (truncation error r^7/7! ≤ 1.2e-7 relative, i.e. about one f32 ulp).
export function vexp(x: v128): v128 {
  const xc = f32x4.max(f32x4.min(x, f32x4.splat(88.0)), f32x4.splat(-87.0));
  const n = f32x4.nearest(f32x4.mul(xc, f32x4.splat(1.4426950408889634)));
  // ln2 split in a high part exact in f32 and a low correction (Cody–Waite reduction).
  let r = f32x4.sub(xc, f32x4.mul(n, f32x4.splat(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(-2.1219444e-4)));
  let p = f32x4.splat(1.0 / 720.0);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0 / 120.0));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0 / 24.0));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0 / 6.0));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(0.5));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.0));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(p, scale);
}

export function vsigmoid(x: v128): v128 {
  const one = f32x4.splat(1.0);
  return f32x4.div(one, f32x4.add(one, vexp(f32x4.neg(x))));
}

// tanh(|x|) = (1 − e)/(1 + e) with e = exp(−2|x|); the sign is copied back bitwise.
export function vtanh(x: v128): v128 {
  const one = f32x4.splat(1.0);
  const e = vexp(f32x4.mul(f32x4.abs(x), f32x4.splat(-2.0)));
  const t = f32x4.div(f32x4.sub(one, e), f32x4.add(one, e));
  const signBit = i32x4.splat(0x80000000);
  return v128.or(t, v128.and(x, signBit));
}

export function vrelu(x: v128): v128 {
  return f32x4.max(x, f32x4.splat(0));
}

// Activation codes shared with the TypeScript plan: 0 = tanh, 1 = relu. Call sites spell out
// `act == 0 ? vtanh(x) : vrelu(x)` rather than going through a helper: binaryen inlines vtanh
// into each site, whereas a combined helper exceeds its inlining size limit and stays a call.

// Derivative expressed through the activation's output y (tanh' = 1 − y², relu' = [y > 0]).
export function vactGrad(y: v128, act: i32): v128 {
  if (act == 0) return f32x4.sub(f32x4.splat(1.0), f32x4.mul(y, y));
  return v128.and(f32x4.gt(y, f32x4.splat(0)), f32x4.splat(1.0));
}

// σ'(x) through σ's output s: s·(1 − s)
export function vsigGrad(s: v128): v128 {
  return f32x4.mul(s, f32x4.sub(f32x4.splat(1.0), s));
}
