// @ts-nocheck -- AssemblyScript source (compiled by asc, not tsc): f32/v128 builtins are asc-only.
import { gemm } from './gemm';
import { vactGrad, vrelu, vtanh } from './vecmath';
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
  P_DH,
  P_DHM,
  P_DZ,
  P_GATES,
  P_HP,
  P_HS,
  P_T,
  P_U,
  P_UT,
  field,
  off,
  ptr,
} from './plan';

// tfjs-layers SimpleRNNCell: h = act(x·W + b + hm·U) with hm = h_prev ⊙ recurrent mask.

export function simpleRnnForward(plan: usize): void {
  inputProjection(plan, 1);
  const T = field(plan, P_T);
  const B = field(plan, P_B);
  const Hp = field(plan, P_HP);
  const act = field(plan, P_ACT);
  const BH = B * Hp;
  for (let t = 0; t < T; t++) {
    const hm = maskedPrevState(plan, t);
    const z = off(ptr(plan, P_GATES), t * BH);
    gemm(B, Hp, Hp, hm, Hp, 1, ptr(plan, P_U), Hp, z, Hp, true);
    const hNext = off(ptr(plan, P_HS), (t + 1) * BH);
    for (let i = 0; i < BH; i += 4) {
      const zi = v128.load(off(z, i));
      v128.store(off(hNext, i), act == 0 ? vtanh(zi) : vrelu(zi));
    }
  }
}

export function simpleRnnBackward(plan: usize): void {
  backwardPrologue(plan, 1);
  const T = field(plan, P_T);
  const B = field(plan, P_B);
  const Hp = field(plan, P_HP);
  const act = field(plan, P_ACT);
  const BH = B * Hp;
  const dh = ptr(plan, P_DH);
  for (let t = T - 1; t >= 0; t--) {
    addOutputGrad(plan, t);
    const h = off(ptr(plan, P_HS), (t + 1) * BH);
    const dz = off(ptr(plan, P_DZ), t * BH);
    for (let i = 0; i < BH; i += 4) {
      v128.store(off(dz, i), f32x4.mul(v128.load(off(dh, i)), vactGrad(v128.load(off(h, i)), act)));
    }
    gemm(B, Hp, Hp, dz, Hp, 1, ptr(plan, P_UT), Hp, ptr(plan, P_DHM), Hp, false);
    carryStateGrad(plan);
  }
  backwardEpilogue(plan, 1, Hp);
}
