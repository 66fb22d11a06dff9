// @ts-nocheck -- AssemblyScript source (compiled by asc, not tsc): f32/v128 builtins are asc-only.
import { gemm } from './gemm';
import { colSums, transpose } from './matrixOps';
import {
  P_B,
  P_D,
  P_DB,
  P_DH,
  P_DHM,
  P_DOUT,
  P_DU,
  P_DW,
  P_DXM,
  P_DZ,
  P_GATES,
  P_HM,
  P_HP,
  P_RECMASK,
  P_RETSEQ,
  P_RMASK,
  P_T,
  P_U,
  P_UT,
  P_W,
  P_WT,
  P_BIAS,
  P_XM,
  P_HS,
  field,
  off,
  ptr,
} from './plan';

// Buffers are time-major ([steps, batch, ·]) so each step's rows are one contiguous block and
// the all-steps products below are single GEMMs over steps·batch rows.

// gates[T·B, G·Hp] = bias + xm·W for every step at once.
export function inputProjection(plan: usize, G: i32): void {
  const R = field(plan, P_T) * field(plan, P_B);
  const D = field(plan, P_D);
  const N = G * field(plan, P_HP);
  const gates = ptr(plan, P_GATES);
  const bias = ptr(plan, P_BIAS);
  for (let r = 0; r < R; r++) {
    const row = off(gates, r * N);
    for (let j = 0; j < N; j += 4) v128.store(off(row, j), v128.load(off(bias, j)));
  }
  gemm(R, N, D, ptr(plan, P_XM), D, 1, ptr(plan, P_W), N, gates, N, true);
}

// hm_t = h_{t−1} ⊙ recurrent mask; without a mask the plan aliases hm to hs and this is a no-op.
export function maskedPrevState(plan: usize, t: i32): usize {
  const BH = field(plan, P_B) * field(plan, P_HP);
  const hprev = off(ptr(plan, P_HS), t * BH);
  if (field(plan, P_RECMASK) == 0) return hprev;
  const hm = off(ptr(plan, P_HM), t * BH);
  const mask = ptr(plan, P_RMASK);
  for (let i = 0; i < BH; i += 4) {
    v128.store(off(hm, i), f32x4.mul(v128.load(off(hprev, i)), v128.load(off(mask, i))));
  }
  return hm;
}

// Start of backward: Uᵀ (so dh·Uᵀ is a plain row-major GEMM) and dh = 0.
export function backwardPrologue(plan: usize, G: i32): void {
  const Hp = field(plan, P_HP);
  transpose(Hp, G * Hp, ptr(plan, P_U), ptr(plan, P_UT));
  const BH = field(plan, P_B) * Hp;
  const dh = ptr(plan, P_DH);
  for (let i = 0; i < BH; i += 4) v128.store(off(dh, i), f32x4.splat(0));
}

// dh += ∂L/∂h_t coming from the layer output (every step, or only the last one).
export function addOutputGrad(plan: usize, t: i32): void {
  const T = field(plan, P_T);
  const BH = field(plan, P_B) * field(plan, P_HP);
  let src: usize;
  if (field(plan, P_RETSEQ) != 0) src = off(ptr(plan, P_DOUT), t * BH);
  else if (t == T - 1) src = ptr(plan, P_DOUT);
  else return;
  const dh = ptr(plan, P_DH);
  for (let i = 0; i < BH; i += 4) {
    v128.store(off(dh, i), f32x4.add(v128.load(off(dh, i)), v128.load(off(src, i))));
  }
}

// dh_{t−1} = dhm ⊙ recurrent mask (dhm = ∂L/∂hm_t as accumulated by the cell).
export function carryStateGrad(plan: usize): void {
  const BH = field(plan, P_B) * field(plan, P_HP);
  const dh = ptr(plan, P_DH);
  const dhm = ptr(plan, P_DHM);
  if (field(plan, P_RECMASK) == 0) {
    memory.copy(dh, dhm, (<usize>BH) << 2);
    return;
  }
  const mask = ptr(plan, P_RMASK);
  for (let i = 0; i < BH; i += 4) {
    v128.store(off(dh, i), f32x4.mul(v128.load(off(dhm, i)), v128.load(off(mask, i))));
  }
}

// After the reverse sweep: db, dW = xmᵀ·dZ, dxm = dZ·Wᵀ, and dU = hmᵀ·dZ over columns
// [0, uCols) (GRU handles its candidate block separately because it multiplies r⊙hm).
export function backwardEpilogue(plan: usize, G: i32, uCols: i32): void {
  const R = field(plan, P_T) * field(plan, P_B);
  const D = field(plan, P_D);
  const Hp = field(plan, P_HP);
  const N = G * Hp;
  const dZ = ptr(plan, P_DZ);
  colSums(R, N, dZ, ptr(plan, P_DB));
  gemm(D, N, R, ptr(plan, P_XM), 1, D, dZ, N, ptr(plan, P_DW), N, false);
  const WT = ptr(plan, P_WT);
  transpose(D, N, ptr(plan, P_W), WT);
  gemm(R, D, N, dZ, N, 1, WT, D, ptr(plan, P_DXM), D, false);
  gemm(Hp, uCols, R, ptr(plan, P_HM), 1, Hp, dZ, N, ptr(plan, P_DU), N, false);
}
