// Conversions between the caller's tfjs-layers layouts (batch-major, `units` columns per gate)
// and the kernel's internal ones (time-major, gate blocks padded to a multiple of 4 units).
import type { PlanLayout, RnnShape } from './planLayout';

export interface ForwardTensors {
  x: Float32Array;
  kernel: Float32Array;
  recurrentKernel: Float32Array;
  bias?: Float32Array | null;
  inputDropoutMask?: Float32Array | null;
  recurrentDropoutMask?: Float32Array | null;
}

/** Float index of buffer `name` inside the arena at byte address `base`. */
function at(layout: PlanLayout, base: number, name: keyof PlanLayout['offsets']): number {
  return (base + layout.offsets[name]) >> 2;
}

/** Copies a [rows, G·units] matrix into [rowsPadded, G·Hp] at float index dst, zero-padded. */
export function packGateMatrix(
  mem: Float32Array,
  dst: number,
  src: Float32Array,
  rows: number,
  rowsPadded: number,
  units: number,
  G: number,
  Hp: number,
): void {
  const N = G * Hp;
  mem.fill(0, dst, dst + rowsPadded * N);
  for (let r = 0; r < rows; r++) {
    for (let g = 0; g < G; g++) {
      const from = r * G * units + g * units;
      mem.set(src.subarray(from, from + units), dst + r * N + g * Hp);
    }
  }
}

function unpackGateMatrix(
  mem: Float32Array,
  src: number,
  rows: number,
  units: number,
  G: number,
  Hp: number,
): Float32Array {
  return unpackGateInto(mem, src, rows, units, G, Hp, new Float32Array(rows * G * units));
}

/** The inverse of packGateMatrix (padding dropped) into `out`, or added to it; returns `out`. */
export function unpackGateInto(
  mem: Float32Array,
  src: number,
  rows: number,
  units: number,
  G: number,
  Hp: number,
  out: Float32Array,
  add = false,
): Float32Array {
  const N = G * Hp;
  for (let r = 0; r < rows; r++) {
    for (let g = 0; g < G; g++) {
      const from = src + r * N + g * Hp;
      const to = r * G * units + g * units;
      if (!add) {
        out.set(mem.subarray(from, from + units), to);
        continue;
      }
      for (let k = 0; k < units; k++) out[to + k] = (out[to + k] ?? 0) + (mem[from + k] ?? 0);
    }
  }
  return out;
}

/** The kernel, recurrent kernel and bias of a forward plan (a bias of null packs zeros). */
export function packForwardWeights(
  mem: Float32Array,
  base: number,
  s: RnnShape,
  layout: PlanLayout,
  t: Omit<ForwardTensors, 'x'>,
): void {
  const { inputDim: D, units: H } = s;
  const { paddedUnits: Hp, paddedInputDim: Dp, gates: G } = layout;
  packGateMatrix(mem, at(layout, base, 'kernel'), t.kernel, D, Dp, H, G, Hp);
  packGateMatrix(mem, at(layout, base, 'recurrentKernel'), t.recurrentKernel, H, Hp, H, G, Hp);
  const bias = at(layout, base, 'bias');
  if (t.bias) packGateMatrix(mem, bias, t.bias, 1, 1, H, G, Hp);
  else mem.fill(0, bias, bias + G * Hp);
}

export function packForwardInputs(
  mem: Float32Array,
  base: number,
  s: RnnShape,
  layout: PlanLayout,
  t: ForwardTensors,
): void {
  const { batch: B, steps: T, inputDim: D, units: H } = s;
  const { paddedUnits: Hp, paddedInputDim: Dp } = layout;
  const xm = at(layout, base, 'xm');
  const mask = t.inputDropoutMask;
  if (Dp !== D) mem.fill(0, xm, xm + T * B * Dp);
  for (let tt = 0; tt < T; tt++) {
    for (let b = 0; b < B; b++) {
      const src = (b * T + tt) * D;
      const dst = xm + (tt * B + b) * Dp;
      for (let k = 0; k < D; k++) {
        const v = t.x[src + k] ?? 0;
        mem[dst + k] = mask ? v * (mask[b * D + k] ?? 0) : v;
      }
    }
  }
  packForwardWeights(mem, base, s, layout, t);
  const rmask = t.recurrentDropoutMask;
  if (s.hasRecurrentMask && rmask) {
    const dst = at(layout, base, 'recurrentMask');
    mem.fill(0, dst, dst + B * Hp);
    for (let b = 0; b < B; b++) mem.set(rmask.subarray(b * H, b * H + H), dst + b * Hp);
  }
  // Initial states are zero; the arena may hold a previous call's data.
  const hs = at(layout, base, 'hs');
  mem.fill(0, hs, hs + B * Hp);
  if (s.cell === 'lstm') {
    const cs = at(layout, base, 'cs');
    mem.fill(0, cs, cs + B * Hp);
  }
}

/** hs[t + 1] (time-major, padded) → [batch, steps, units] or the last step's [batch, units]. */
export function unpackOutput(
  mem: Float32Array,
  base: number,
  s: RnnShape,
  layout: PlanLayout,
): Float32Array {
  const { batch: B, steps: T, units: H } = s;
  const Hp = layout.paddedUnits;
  const hs = at(layout, base, 'hs');
  if (!s.returnSequences) {
    const out = new Float32Array(B * H);
    const last = hs + T * B * Hp;
    for (let b = 0; b < B; b++) out.set(mem.subarray(last + b * Hp, last + b * Hp + H), b * H);
    return out;
  }
  const out = new Float32Array(B * T * H);
  for (let tt = 0; tt < T; tt++) {
    for (let b = 0; b < B; b++) {
      const from = hs + ((tt + 1) * B + b) * Hp;
      out.set(mem.subarray(from, from + H), (b * T + tt) * H);
    }
  }
  return out;
}

export function packOutputGrad(
  mem: Float32Array,
  base: number,
  s: RnnShape,
  layout: PlanLayout,
  dOutput: Float32Array,
): void {
  const { batch: B, steps: T, units: H } = s;
  const Hp = layout.paddedUnits;
  const dst = at(layout, base, 'dOut');
  const steps = s.returnSequences ? T : 1;
  mem.fill(0, dst, dst + steps * B * Hp);
  for (let tt = 0; tt < steps; tt++) {
    for (let b = 0; b < B; b++) {
      const from = s.returnSequences ? (b * T + tt) * H : b * H;
      mem.set(dOutput.subarray(from, from + H), dst + (tt * B + b) * Hp);
    }
  }
}

export interface RnnGradients {
  dX: Float32Array;
  dKernel: Float32Array;
  dRecurrentKernel: Float32Array;
  dBias: Float32Array;
}

export function unpackGradients(
  mem: Float32Array,
  base: number,
  s: RnnShape,
  layout: PlanLayout,
  inputMask: Float32Array | null,
): RnnGradients {
  const { batch: B, steps: T, inputDim: D, units: H } = s;
  const { paddedUnits: Hp, paddedInputDim: Dp, gates: G } = layout;
  const dxm = at(layout, base, 'dxm');
  const dX = new Float32Array(B * T * D);
  for (let tt = 0; tt < T; tt++) {
    for (let b = 0; b < B; b++) {
      for (let k = 0; k < D; k++) {
        const g = mem[dxm + (tt * B + b) * Dp + k] ?? 0;
        dX[(b * T + tt) * D + k] = inputMask ? g * (inputMask[b * D + k] ?? 0) : g;
      }
    }
  }
  return {
    dX,
    dKernel: unpackGateMatrix(mem, at(layout, base, 'dKernel'), D, H, G, Hp),
    dRecurrentKernel: unpackGateMatrix(mem, at(layout, base, 'dRecurrentKernel'), H, H, G, Hp),
    dBias: unpackGateMatrix(mem, at(layout, base, 'dBias'), 1, H, G, Hp),
  };
}
