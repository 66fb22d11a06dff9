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
  P_AC,
  P_B,
  P_CS,
  P_DC,
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

// tfjs-layers LSTMCell: z = x·W + hm·U + b split into blocks [i | f | c̃ | o];
// i, f, o = sigmoid; c̃ = act; c = f⊙c_prev + i⊙c̃; h = o⊙act(c). Only h is dropout-masked.
// gates[t] keeps the activated (i, f, c̃, o); ac[t] keeps act(c_t); cs[t + 1] keeps c_t.

export function lstmForward(plan: usize): void {
  inputProjection(plan, 4);
  const T = field(plan, P_T);
  const B = field(plan, P_B);
  const Hp = field(plan, P_HP);
  const act = field(plan, P_ACT);
  const N = 4 * Hp;
  const BH = B * Hp;
  for (let t = 0; t < T; t++) {
    const hm = maskedPrevState(plan, t);
    const z = off(ptr(plan, P_GATES), t * B * N);
    gemm(B, N, Hp, hm, Hp, 1, ptr(plan, P_U), N, z, N, true);
    const cPrev = off(ptr(plan, P_CS), t * BH);
    const cNext = off(ptr(plan, P_CS), (t + 1) * BH);
    const hNext = off(ptr(plan, P_HS), (t + 1) * BH);
    const ac = off(ptr(plan, P_AC), t * BH);
    for (let b = 0; b < B; b++) {
      const zr = off(z, b * N);
      for (let j = 0; j < Hp; j += 4) {
        const gi = vsigmoid(v128.load(off(zr, j)));
        const gf = vsigmoid(v128.load(off(zr, Hp + j)));
        const zc = v128.load(off(zr, 2 * Hp + j));
        const gc = act == 0 ? vtanh(zc) : vrelu(zc);
        const go = vsigmoid(v128.load(off(zr, 3 * Hp + j)));
        v128.store(off(zr, j), gi);
        v128.store(off(zr, Hp + j), gf);
        v128.store(off(zr, 2 * Hp + j), gc);
        v128.store(off(zr, 3 * Hp + j), go);
        const s = b * Hp + j;
        const c = f32x4.add(f32x4.mul(gf, v128.load(off(cPrev, s))), f32x4.mul(gi, gc));
        const a = act == 0 ? vtanh(c) : vrelu(c);
        v128.store(off(cNext, s), c);
        v128.store(off(ac, s), a);
        v128.store(off(hNext, s), f32x4.mul(go, a));
      }
    }
  }
}

export function lstmBackward(plan: usize): void {
  backwardPrologue(plan, 4);
  const T = field(plan, P_T);
  const B = field(plan, P_B);
  const Hp = field(plan, P_HP);
  const act = field(plan, P_ACT);
  const N = 4 * Hp;
  const BH = B * Hp;
  const dh = ptr(plan, P_DH);
  const dc = ptr(plan, P_DC);
  for (let i = 0; i < BH; i += 4) v128.store(off(dc, i), f32x4.splat(0));
  for (let t = T - 1; t >= 0; t--) {
    addOutputGrad(plan, t);
    const g = off(ptr(plan, P_GATES), t * B * N);
    const dz = off(ptr(plan, P_DZ), t * B * N);
    const cPrev = off(ptr(plan, P_CS), t * BH);
    const ac = off(ptr(plan, P_AC), t * BH);
    for (let b = 0; b < B; b++) {
      const gr = off(g, b * N);
      const dzr = off(dz, b * N);
      for (let j = 0; j < Hp; j += 4) {
        const s = b * Hp + j;
        const gi = v128.load(off(gr, j));
        const gf = v128.load(off(gr, Hp + j));
        const gc = v128.load(off(gr, 2 * Hp + j));
        const go = v128.load(off(gr, 3 * Hp + j));
        const a = v128.load(off(ac, s));
        const dhv = v128.load(off(dh, s));
        const dcv = f32x4.add(
          v128.load(off(dc, s)),
          f32x4.mul(f32x4.mul(dhv, go), vactGrad(a, act)),
        );
        v128.store(off(dzr, j), f32x4.mul(f32x4.mul(dcv, gc), vsigGrad(gi)));
        v128.store(
          off(dzr, Hp + j),
          f32x4.mul(f32x4.mul(dcv, v128.load(off(cPrev, s))), vsigGrad(gf)),
        );
        v128.store(off(dzr, 2 * Hp + j), f32x4.mul(f32x4.mul(dcv, gi), vactGrad(gc, act)));
        v128.store(off(dzr, 3 * Hp + j), f32x4.mul(f32x4.mul(dhv, a), vsigGrad(go)));
        v128.store(off(dc, s), f32x4.mul(dcv, gf));
      }
    }
    gemm(B, Hp, N, dz, N, 1, ptr(plan, P_UT), Hp, ptr(plan, P_DHM), Hp, false);
    carryStateGrad(plan);
  }
  backwardEpilogue(plan, 4, N);
}
