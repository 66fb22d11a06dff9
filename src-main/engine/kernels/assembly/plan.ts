// @ts-nocheck -- AssemblyScript source (compiled by asc, not tsc): f32/v128 builtins are asc-only.

// A plan is an i32 record in linear memory written by planLayout.ts: shape, flags and the
// byte offsets of every buffer. Indices must match PLAN_FIELDS there.
export const P_ACT = 0;
export const P_T = 1;
export const P_B = 2;
export const P_D = 3; // input features, padded to a multiple of 4
export const P_HP = 4;
export const P_RECMASK = 5;
export const P_RETSEQ = 6;
export const P_XM = 7;
export const P_W = 8;
export const P_U = 9;
export const P_BIAS = 10;
export const P_RMASK = 11;
export const P_GATES = 12;
export const P_HS = 13;
export const P_HM = 14;
export const P_CS = 15;
export const P_AC = 16;
export const P_RHM = 17;
export const P_DOUT = 18;
export const P_DZ = 19;
export const P_DH = 20;
export const P_DC = 21;
export const P_DHM = 22;
export const P_DXM = 23;
export const P_DW = 24;
export const P_DU = 25;
export const P_DB = 26;
export const P_UT = 27;
export const P_WT = 28;

export function field(plan: usize, idx: i32): i32 {
  return load<i32>(plan + ((<usize>idx) << 2));
}

export function ptr(plan: usize, idx: i32): usize {
  return <usize>load<i32>(plan + ((<usize>idx) << 2));
}

export function off(base: usize, floats: i32): usize {
  return base + ((<usize>floats) << 2);
}
