// Plain Float64 forward + BPTT of the tfjs-layers LSTM / GRU / SimpleRNN cells, written for
// clarity (no padding, no SIMD, batch-major) as the oracle for the wasm kernels' tests.
import type { RnnCellKind, RnnShape } from './planLayout';

/** The fused call's shape (masks given as arrays, not flagged) and its inputs. */
export interface ReferenceRnnArgs extends Omit<RnnShape, 'hasRecurrentMask'> {
  x: ArrayLike<number>;
  kernel: ArrayLike<number>;
  recurrentKernel: ArrayLike<number>;
  bias: ArrayLike<number>;
  inputDropoutMask?: ArrayLike<number> | null;
  recurrentDropoutMask?: ArrayLike<number> | null;
}

export interface ReferenceGradients {
  dX: Float64Array;
  dKernel: Float64Array;
  dRecurrentKernel: Float64Array;
  dBias: Float64Array;
}

const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
const num = (a: ArrayLike<number>, i: number): number => a[i] ?? NaN;

interface StepRecord {
  xm: Float64Array; // masked input [D]
  hm: Float64Array; // masked previous state [H]
  cPrev: Float64Array;
  gates: Float64Array; // activated gates [G·H]
  c: Float64Array; // LSTM cell state
  rhm: Float64Array; // GRU r ⊙ hm
  h: Float64Array;
}

function gatesOf(cell: RnnCellKind): number {
  return cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
}

// One sample's sequence; returns the per-step records.
function runSample(a: ReferenceRnnArgs, b: number): StepRecord[] {
  const { steps: T, inputDim: D, units: H } = a;
  const G = gatesOf(a.cell);
  const act = a.activation === 'tanh' ? Math.tanh : (v: number) => Math.max(0, v);
  let h = new Float64Array(H);
  let c = new Float64Array(H);
  const records: StepRecord[] = [];
  for (let t = 0; t < T; t++) {
    const xm = new Float64Array(D);
    for (let k = 0; k < D; k++) {
      const m = a.inputDropoutMask ? num(a.inputDropoutMask, b * D + k) : 1;
      xm[k] = num(a.x, (b * T + t) * D + k) * m;
    }
    const hm = new Float64Array(H);
    for (let j = 0; j < H; j++) {
      hm[j] = h[j]! * (a.recurrentDropoutMask ? num(a.recurrentDropoutMask, b * H + j) : 1);
    }
    // z = xm·W + b, plus hm·U on every block except the GRU candidate.
    const z = new Float64Array(G * H);
    for (let n = 0; n < G * H; n++) {
      let s = num(a.bias, n);
      for (let k = 0; k < D; k++) s += xm[k]! * num(a.kernel, k * G * H + n);
      if (!(a.cell === 'gru' && n >= 2 * H)) {
        for (let j = 0; j < H; j++) s += hm[j]! * num(a.recurrentKernel, j * G * H + n);
      }
      z[n] = s;
    }
    const gates = new Float64Array(G * H);
    const rhm = new Float64Array(H);
    const cNew = new Float64Array(H);
    const hNew = new Float64Array(H);
    for (let j = 0; j < H; j++) {
      if (a.cell === 'lstm') {
        const i = sigmoid(z[j]!);
        const f = sigmoid(z[H + j]!);
        const g = act(z[2 * H + j]!);
        const o = sigmoid(z[3 * H + j]!);
        gates[j] = i;
        gates[H + j] = f;
        gates[2 * H + j] = g;
        gates[3 * H + j] = o;
        cNew[j] = f * c[j]! + i * g;
        hNew[j] = o * act(cNew[j]!);
      } else if (a.cell === 'gru') {
        gates[j] = sigmoid(z[j]!);
        gates[H + j] = sigmoid(z[H + j]!);
        rhm[j] = gates[H + j]! * hm[j]!;
      } else {
        hNew[j] = act(z[j]!);
        gates[j] = hNew[j]!;
      }
    }
    if (a.cell === 'gru') {
      for (let j = 0; j < H; j++) {
        let s = z[2 * H + j]!;
        for (let i = 0; i < H; i++) s += rhm[i]! * num(a.recurrentKernel, i * G * H + 2 * H + j);
        const hh = act(s);
        gates[2 * H + j] = hh;
        hNew[j] = gates[j]! * hm[j]! + (1 - gates[j]!) * hh;
      }
    }
    records.push({ xm, hm, cPrev: c, gates, c: cNew, rhm, h: hNew });
    h = hNew;
    c = cNew;
  }
  return records;
}

export function referenceForward(a: ReferenceRnnArgs): Float64Array {
  const { batch: B, steps: T, units: H } = a;
  const out = new Float64Array(a.returnSequences ? B * T * H : B * H);
  for (let b = 0; b < B; b++) {
    const rec = runSample(a, b);
    if (a.returnSequences) rec.forEach((r, t) => out.set(r.h, (b * T + t) * H));
    else out.set(rec[T - 1]!.h, b * H);
  }
  return out;
}

export function referenceBackward(
  a: ReferenceRnnArgs,
  dOutput: ArrayLike<number>,
): ReferenceGradients {
  const { batch: B, steps: T, inputDim: D, units: H } = a;
  const G = gatesOf(a.cell);
  const GH = G * H;
  const relu = a.activation === 'relu';
  // act' through the activation's output y
  const dact = (y: number): number => (relu ? (y > 0 ? 1 : 0) : 1 - y * y);
  const W = (k: number, n: number): number => num(a.kernel, k * GH + n);
  const U = (j: number, n: number): number => num(a.recurrentKernel, j * GH + n);
  const grads: ReferenceGradients = {
    dX: new Float64Array(B * T * D),
    dKernel: new Float64Array(D * GH),
    dRecurrentKernel: new Float64Array(H * GH),
    dBias: new Float64Array(GH),
  };
  for (let b = 0; b < B; b++) {
    const rec = runSample(a, b);
    let dh = new Float64Array(H);
    let dc = new Float64Array(H);
    for (let t = T - 1; t >= 0; t--) {
      const r = rec[t]!;
      for (let j = 0; j < H; j++) {
        if (a.returnSequences) dh[j]! += num(dOutput, (b * T + t) * H + j);
        else if (t === T - 1) dh[j]! += num(dOutput, b * H + j);
      }
      const dz = new Float64Array(GH); // ∂L/∂ pre-activation
      const dhm = new Float64Array(H);
      const dcPrev = new Float64Array(H);
      for (let j = 0; j < H; j++) {
        const g = r.gates;
        if (a.cell === 'lstm') {
          const [i, f, cc, o] = [g[j]!, g[H + j]!, g[2 * H + j]!, g[3 * H + j]!];
          const ac = relu ? Math.max(0, r.c[j]!) : Math.tanh(r.c[j]!);
          const dcj = dc[j]! + dh[j]! * o * dact(ac);
          dz[j] = dcj * cc * i * (1 - i);
          dz[H + j] = dcj * r.cPrev[j]! * f * (1 - f);
          dz[2 * H + j] = dcj * i * dact(cc);
          dz[3 * H + j] = dh[j]! * ac * o * (1 - o);
          dcPrev[j] = dcj * f;
        } else if (a.cell === 'gru') {
          const [zg, hh] = [g[j]!, g[2 * H + j]!];
          dz[j] = dh[j]! * (r.hm[j]! - hh) * zg * (1 - zg);
          dz[2 * H + j] = dh[j]! * (1 - zg) * dact(hh);
          dhm[j] = dh[j]! * zg;
        } else {
          dz[j] = dh[j]! * dact(g[j]!);
        }
      }
      if (a.cell === 'gru') {
        for (let i = 0; i < H; i++) {
          let drhm = 0;
          for (let j = 0; j < H; j++) drhm += dz[2 * H + j]! * U(i, 2 * H + j);
          const rg = r.gates[H + i]!;
          dz[H + i] = drhm * r.hm[i]! * rg * (1 - rg);
          dhm[i]! += drhm * rg;
        }
      }
      // Parameter and input gradients of this step.
      const recCols = a.cell === 'gru' ? 2 * H : GH;
      for (let n = 0; n < GH; n++) {
        grads.dBias[n]! += dz[n]!;
        for (let k = 0; k < D; k++) grads.dKernel[k * GH + n]! += r.xm[k]! * dz[n]!;
        const src = n < recCols ? r.hm : r.rhm;
        for (let j = 0; j < H; j++) grads.dRecurrentKernel[j * GH + n]! += src[j]! * dz[n]!;
      }
      for (let k = 0; k < D; k++) {
        let s = 0;
        for (let n = 0; n < GH; n++) s += dz[n]! * W(k, n);
        const m = a.inputDropoutMask ? num(a.inputDropoutMask, b * D + k) : 1;
        grads.dX[(b * T + t) * D + k] = s * m;
      }
      const dhPrev = new Float64Array(H);
      for (let j = 0; j < H; j++) {
        let s = dhm[j]!;
        for (let n = 0; n < recCols; n++) s += dz[n]! * U(j, n);
        const m = a.recurrentDropoutMask ? num(a.recurrentDropoutMask, b * H + j) : 1;
        dhPrev[j] = s * m;
      }
      dh = dhPrev;
      dc = dcPrev;
    }
  }
  return grads;
}
