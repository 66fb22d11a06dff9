// One thread's share of prefix-reuse perturbation: a group of windows, its unperturbed pass and
// the suffix runs of all their perturbed copies, lag after lag, on plans that stay put.
//
// The unperturbed pass keeps every step's h and c in its own plans (base), which are the initial
// states of the copies at any lag. The copies' first-layer input is packed once per group over all
// lags (each window's row repeated once per copy, time-major), and a suffix from lag l reads it
// from step l on: the copies differ from their window only at step l, so only that step is
// perturbed before the call and restored after. Deeper layers read the layer below's h in place.
import type { FusedRnnKernels } from '../kernels/wasm/fusedRnn';
import type { RnnOp } from '../kernels/threads/rnnThreadPool';
import { LayerPlan } from './layerPlan';
import type { RecurrentStack } from './recurrentStack';
import type { WindowShape } from './windowSelection';

export type PrefixPerturbation =
  { mode: 'plus-minus'; delta: number } | { mode: 'occlusion'; values: readonly number[] };

/** Copies per window and lag: every feature, once per side (+δ then −δ, or the occluded value). */
export function copiesPerCell(p: PrefixPerturbation): number {
  return p.mode === 'plus-minus' ? 2 : 1;
}

export class SuffixSlot {
  private readonly base: LayerPlan[];
  private suffix: LayerPlan[];
  private readonly copies: number;
  private readonly sides: number;
  private w0 = 0;
  private nw = 0;

  constructor(
    private readonly kernels: FusedRnnKernels,
    private readonly stack: RecurrentStack,
    private readonly shape: WindowShape,
    private readonly inputs: Float32Array,
    private readonly perturbation: PrefixPerturbation,
    private readonly maxWindows: number,
  ) {
    this.sides = copiesPerCell(perturbation);
    this.copies = this.sides * shape.features;
    const L = shape.lookback;
    this.base = stack.layers.map((l) => new LayerPlan(kernels, l, maxWindows, L));
    this.suffix = this.suffixPlans();
  }

  /** Bytes of a slot's plans for groups of `windows` windows (all layers, base and copies). */
  static bytes(
    stack: RecurrentStack,
    shape: WindowShape,
    p: PrefixPerturbation,
    windows: number,
  ): number {
    const rows = windows * copiesPerCell(p) * shape.features;
    return stack.layers.reduce(
      (sum, l) =>
        sum +
        LayerPlan.bytes(l, windows, shape.lookback) +
        LayerPlan.bytes(l, rows, shape.lookback),
      0,
    );
  }

  private suffixPlans(): LayerPlan[] {
    const rows = this.maxWindows * this.copies;
    return this.stack.layers.map((l) => new LayerPlan(this.kernels, l, rows, this.shape.lookback));
  }

  /** Copies of the group per call (rows of a suffix batch). */
  get rows(): number {
    return this.nw * this.copies;
  }

  /**
   * Takes windows w0..w0+nw−1: runs their unperturbed pass (on this thread) and packs their
   * copies' input; returns the model output (before scaling) of each window.
   */
  load(w0: number, nw: number): Float32Array {
    if (nw > this.maxWindows) throw new RangeError('suffixSlot: group too large');
    this.w0 = w0;
    this.nw = nw;
    const L = this.shape.lookback;
    const first = this.base[0] as LayerPlan;
    this.packInput(first, 1);
    this.base.forEach((plan, li) => {
      const below = this.base[li - 1];
      plan.setCall(nw, L, below ? below.hAt(1, 0) : first.xm);
      plan.run();
    });
    this.packInput(this.suffix[0] as LayerPlan, this.copies);
    return this.headOutputs(this.base, L, nw);
  }

  /** Rows of the group's windows over all lags into `plan`'s input, each repeated `times`. */
  private packInput(plan: LayerPlan, times: number): void {
    const { lookback: L, features: F } = this.shape;
    const Dp = plan.paddedInputDim;
    const rows = this.nw * times;
    const mem = this.kernels.heap.floats();
    if (Dp !== F) mem.fill(0, plan.xm, plan.xm + L * rows * Dp);
    for (let t = 0; t < L; t++) {
      for (let i = 0; i < this.nw; i++) {
        const src = ((this.w0 + i) * L + t) * F;
        for (let k = 0; k < times; k++) {
          const dst = plan.xm + (t * rows + i * times + k) * Dp;
          for (let f = 0; f < F; f++) mem[dst + f] = this.inputs[src + f] as number;
        }
      }
    }
  }

  /**
   * Sets up the copies' suffix from lag l: the step count and input of every layer, the initial
   * states (the unperturbed ones after step l − 1) and the perturbed step l of the input.
   */
  prepare(l: number): void {
    const L = this.shape.lookback;
    const B = this.rows;
    const mem = this.kernels.heap.floats();
    this.suffix.forEach((plan, li) => {
      const below = this.suffix[li - 1];
      plan.setCall(B, L - l, below ? below.hAt(1, 0) : plan.xm + l * B * plan.paddedInputDim);
      const base = this.base[li] as LayerPlan;
      const U = plan.layer.units;
      const lstm = plan.layer.cell === 'lstm';
      for (let i = 0; i < this.nw; i++) {
        const h = base.hAt(l, i);
        const c = base.cAt(l, i);
        for (let k = 0; k < this.copies; k++) {
          const row = i * this.copies + k;
          mem.copyWithin(plan.hAt(0, row), h, h + U);
          if (lstm) mem.copyWithin(plan.cAt(0, row), c, c + U);
        }
      }
    });
    this.forEachCopy(l, (at, f, side, original) => {
      const p = this.perturbation;
      if (p.mode === 'occlusion') mem[at] = p.values[f] as number;
      else mem[at] = original + (side === 0 ? p.delta : -p.delta);
    });
  }

  /** Calls `fn` with each copy's perturbed input cell at lag l, its feature, side and value. */
  private forEachCopy(
    l: number,
    fn: (at: number, f: number, side: number, original: number) => void,
  ): void {
    const { lookback: L, features: F } = this.shape;
    const plan = this.suffix[0] as LayerPlan;
    const B = this.rows;
    for (let i = 0; i < this.nw; i++) {
      const src = ((this.w0 + i) * L + l) * F;
      for (let k = 0; k < this.copies; k++) {
        const f = Math.floor(k / this.sides);
        const at = plan.xm + (l * B + i * this.copies + k) * plan.paddedInputDim + f;
        fn(at, f, k % this.sides, this.inputs[src + f] as number);
      }
    }
  }

  /** Layer li's call, for the helper thread. */
  op(li: number): RnnOp {
    return (this.suffix[li] as LayerPlan).op;
  }

  run(li: number): void {
    (this.suffix[li] as LayerPlan).run();
  }

  /**
   * After every layer has run from lag l: the model output (before scaling) of each copy, in row
   * order (window, then feature, then side); the input's step l is restored for the next lag.
   */
  finish(l: number): Float32Array {
    const out = this.headOutputs(this.suffix, this.shape.lookback - l, this.rows);
    const mem = this.kernels.heap.floats();
    this.forEachCopy(l, (at, _f, _side, original) => {
      mem[at] = original;
    });
    return out;
  }

  /**
   * New suffix plans, for when a helper thread failed on the old ones (it may still write to
   * them: they are never reused nor released); the group's input is packed again.
   */
  replaceSuffix(): void {
    this.suffix = this.suffixPlans();
    this.packInput(this.suffix[0] as LayerPlan, this.copies);
  }

  private headOutputs(plans: LayerPlan[], steps: number, rows: number): Float32Array {
    const top = plans[plans.length - 1] as LayerPlan;
    const { weights, bias } = this.stack.head;
    const mem = this.kernels.heap.floats();
    const out = new Float32Array(rows);
    for (let b = 0; b < rows; b++) {
      const at = top.hAt(steps, b);
      let s = bias;
      for (let j = 0; j < weights.length; j++)
        s += (weights[j] as number) * (mem[at + j] as number);
      out[b] = s;
    }
    return out;
  }

  release(): void {
    for (const plan of [...this.base, ...this.suffix]) plan.release();
  }
}
