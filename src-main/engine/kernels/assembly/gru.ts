// @ts-nocheck -- AssemblyScript source (compiled by asc, not tsc): f32/v128 builtins are asc-only.
import { gemm } from './gemm';
import { vactGrad, vrelu, vsigGrad, vsigmoid, vtanh } from './vecmath';
import {
  addOutputGrad,
  backwardEpilogue,
  backwardPrologue,
  carryStateGrad,
  inputProjection,
  maskedPrevState,
} from './common';
import {
  P_ACT,
  P_B,
  P_DC,
  P_DH,
  P_DHM,
  P_DU,
  P_HM,
  P_DZ,
  P_GATES,
  P_HP,
  P_HS,
  P_RHM,
  P_T,
  P_U,
  P_UT,
  field,
  off,
  ptr,
} from './plan';

// tfjs-layers GRUCell (the "reset before" / reset_after = false variant, one bias vector):
//   blocks [z | r | h̃];  z = σ(x·Wz + hm·Uz + bz),  r = σ(x·Wr + hm·Ur + br),
//   h̃ = act(x·Wh + (r ⊙ hm)·Uh + bh),  h = z ⊙ hm + (1 − z) ⊙ h̃,
// where hm = h_prev ⊙ recurrent-dropout mask. tfjs blends with the *masked* hm (Keras uses
// the unmasked state there); we follow tfjs so weights and training behave identically.

export function gruForward(plan: usize): void {
  inputProjection(plan, 3);
  const T = field(plan, P_T);
  const B = field(plan, P_B);
  const Hp = field(plan, P_HP);
  const act = field(plan, P_ACT);
  const N = 3 * Hp;
  const BH = B * Hp;
  const U = ptr(plan, P_U);
  for (let t = 0; t < T; t++) {
    const hm = maskedPrevState(plan, t);
    const z = off(ptr(plan, P_GATES), t * B * N);
    const rhm = off(ptr(plan, P_RHM), t * BH);
    gemm(B, 2 * Hp, Hp, hm, Hp, 1, U, N, z, N, true);
    for (let b = 0; b < B; b++) {
      const zr = off(z, b * N);
      for (let j = 0; j < Hp; j += 4) {
        v128.store(off(zr, j), vsigmoid(v128.load(off(zr, j))));
        const r = vsigmoid(v128.load(off(zr, Hp + j)));
        v128.store(off(zr, Hp + j), r);
        const s = b * Hp + j;
        v128.store(off(rhm, s), f32x4.mul(r, v128.load(off(hm, s))));
      }
    }
    gemm(B, Hp, Hp, rhm, Hp, 1, off(U, 2 * Hp), N, off(z, 2 * Hp), N, true);
    const hNext = off(ptr(plan, P_HS), (t + 1) * BH);
    for (let b = 0; b < B; b++) {
      const zr = off(z, b * N);
      for (let j = 0; j < Hp; j += 4) {
        const zh = v128.load(off(zr, 2 * Hp + j));
        const hh = act == 0 ? vtanh(zh) : vrelu(zh);
        v128.store(off(zr, 2 * Hp + j), hh);
        const gz = v128.load(off(zr, j));
        const s = b * Hp + j;
        // h = hh + z·(hm − hh)
        const h = f32x4.add(hh, f32x4.mul(gz, f32x4.sub(v128.load(off(hm, s)), hh)));
        v128.store(off(hNext, s), h);
      }
    }
  }
}

export function gruBackward(plan: usize): void {
  backwardPrologue(plan, 3);
  const T = field(plan, P_T);
  const B = field(plan, P_B);
  const Hp = field(plan, P_HP);
  const act = field(plan, P_ACT);
  const N = 3 * Hp;
  const BH = B * Hp;
  const dh = ptr(plan, P_DH);
  const dhm = ptr(plan, P_DHM);
  const drhm = ptr(plan, P_DC); // the LSTM cell-state slot is free for GRU
  const UT = ptr(plan, P_UT);
  for (let t = T - 1; t >= 0; t--) {
    addOutputGrad(plan, t);
    const hm = maskedPrevStatePtr(plan, t);
    const g = off(ptr(plan, P_GATES), t * B * N);
    const dz = off(ptr(plan, P_DZ), t * B * N);
    for (let b = 0; b < B; b++) {
      const gr = off(g, b * N);
      const dzr = off(dz, b * N);
      for (let j = 0; j < Hp; j += 4) {
        const s = b * Hp + j;
        const gz = v128.load(off(gr, j));
        const hh = v128.load(off(gr, 2 * Hp + j));
        const dhv = v128.load(off(dh, s));
        const dzv = f32x4.mul(dhv, f32x4.sub(v128.load(off(hm, s)), hh));
        v128.store(off(dzr, j), f32x4.mul(dzv, vsigGrad(gz)));
        const dhh = f32x4.sub(dhv, f32x4.mul(dhv, gz));
        v128.store(off(dzr, 2 * Hp + j), f32x4.mul(dhh, vactGrad(hh, act)));
        v128.store(off(dhm, s), f32x4.mul(dhv, gz));
      }
    }
    // ∂L/∂(r⊙hm) = dZh·Uhᵀ, then split into the reset gate and the state.
    gemm(B, Hp, Hp, off(dz, 2 * Hp), N, 1, off(UT, 2 * Hp * Hp), Hp, drhm, Hp, false);
    for (let b = 0; b < B; b++) {
      const gr = off(g, b * N);
      const dzr = off(dz, b * N);
      for (let j = 0; j < Hp; j += 4) {
        const s = b * Hp + j;
        const r = v128.load(off(gr, Hp + j));
        const d = v128.load(off(drhm, s));
        v128.store(off(dzr, Hp + j), f32x4.mul(f32x4.mul(d, v128.load(off(hm, s))), vsigGrad(r)));
        v128.store(off(dhm, s), f32x4.add(v128.load(off(dhm, s)), f32x4.mul(d, r)));
      }
    }
    gemm(B, Hp, 2 * Hp, dz, N, 1, UT, Hp, dhm, Hp, true);
    carryStateGrad(plan);
  }
  backwardEpilogue(plan, 3, 2 * Hp);
  const R = T * B;
  gemm(
    Hp,
    Hp,
    R,
    ptr(plan, P_RHM),
    1,
    Hp,
    off(ptr(plan, P_DZ), 2 * Hp),
    N,
    off(ptr(plan, P_DU), 2 * Hp),
    N,
    false,
  );
}

// The forward pass already stored hm_t (or aliased it to hs); backward only needs its address.
function maskedPrevStatePtr(plan: usize, t: i32): usize {
  return off(ptr(plan, P_HM), t * field(plan, P_B) * field(plan, P_HP));
}
