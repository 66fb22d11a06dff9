// A stack of fused recurrent layers run as one unit on long-lived plans. The first layer's input
// is gathered straight from the window set into the kernel's time-major layout; between layers
// nothing is copied: layer l+1's plan reads its input from layer l's hidden sequence and layer l
// reads its output gradient from layer l+1's input gradient (the padded layouts coincide, and the
// kernels only read those buffers). With a thread pool the batch is split in two parts that run
// on two threads; each part has its own arenas, and the second part reads the first's packed
// weights. Only the last hidden states and the weight gradients are read out.
import type { FusedRnnKernels } from '../wasm/fusedRnn';
import { PLAN_FIELDS, planLayout, writePlanRecord } from '../wasm/planLayout';
import type {
  PlanField,
  PlanLayout,
  RnnActivation,
  RnnCellKind,
  RnnShape,
} from '../wasm/planLayout';
import { packGateMatrix, unpackGateInto } from '../wasm/rnnPacking';
import type { RnnOp, RnnThreadPool } from '../threads/rnnThreadPool';

export interface StackLayerSpec {
  cell: RnnCellKind;
  units: number;
  activation: RnnActivation;
}

/** tfjs-layers layout: kernel [D, G·U], recurrentKernel [U, G·U], bias [G·U]. */
export interface LayerTensors {
  kernel: Float32Array;
  recurrentKernel: Float32Array;
  bias: Float32Array;
}

interface LayerPlan {
  shape: RnnShape;
  layout: PlanLayout;
  arena: { address: number; size: number };
}

/** Rows [from, from + batch) of the batch, on its own plans (one per layer). */
interface Part {
  from: number;
  batch: number;
  plans: LayerPlan[];
}

/** Where a part's last hidden states are: rows of `stride` floats from float index `at`. */
export interface HiddenRows {
  from: number;
  rows: number;
  at: number;
  stride: number;
}

const fi = (p: LayerPlan, name: keyof PlanLayout['offsets']): number =>
  (p.arena.address + p.layout.offsets[name]) >> 2;
const field = (name: PlanField): number => PLAN_FIELDS.indexOf(name);

export class FusedStack {
  private readonly parts = new Map<string, Part[]>();
  /** Arenas a failed helper thread may still write to: never released. */
  private abandoned = false;
  private disposed = false;

  constructor(
    private readonly kernels: FusedRnnKernels,
    readonly layers: readonly StackLayerSpec[],
    readonly steps: number,
    readonly inputDim: number,
  ) {
    if (layers.length === 0) throw new Error('fusedStack: no layers');
  }

  private makePart(from: number, batch: number): Part {
    const plans = this.layers.map((spec, l): LayerPlan => {
      const shape: RnnShape = {
        cell: spec.cell,
        batch,
        steps: this.steps,
        inputDim: l === 0 ? this.inputDim : (this.layers[l - 1]?.units ?? 0),
        units: spec.units,
        activation: spec.activation,
        returnSequences: l < this.layers.length - 1,
        hasRecurrentMask: false,
      };
      const layout = planLayout(shape);
      return { shape, layout, arena: this.kernels.heap.allocate(layout.totalBytes) };
    });
    // Records are written after every allocation: growth replaces the memory views.
    const ints = this.kernels.heap.ints();
    plans.forEach((p, l) => {
      writePlanRecord(ints, p.arena.address, p.shape, p.layout);
      const below = plans[l - 1];
      const above = plans[l + 1];
      const rec = p.arena.address >> 2;
      if (below) ints[rec + field('xm')] = (fi(below, 'hs') + batch * below.layout.paddedUnits) * 4;
      if (above) ints[rec + field('dOut')] = fi(above, 'dxm') * 4;
    });
    return { from, batch, plans };
  }

  private partsFor(batch: number, split: boolean): Part[] {
    if (this.disposed) throw new Error('fusedStack: used after dispose');
    const key = `${batch}/${split}`;
    let parts = this.parts.get(key);
    if (parts) return parts;
    const first = split ? Math.ceil(batch / 2) : batch;
    parts = [this.makePart(0, first)];
    if (split) {
      const second = this.makePart(first, batch - first);
      // The second part reads the weights packed into the first part's plans.
      const ints = this.kernels.heap.ints();
      second.plans.forEach((p, l) => {
        const q = parts?.[0]?.plans[l] as LayerPlan;
        for (const name of ['kernel', 'recurrentKernel', 'bias'] as const) {
          ints[(p.arena.address >> 2) + field(name)] = fi(q, name) * 4;
        }
      });
      parts.push(second);
    }
    this.parts.set(key, parts);
    return parts;
  }

  /** Whether a batch this size is worth splitting across two threads at all. */
  static splittable(batch: number): boolean {
    return batch >= 8;
  }

  private run(parts: Part[], ops: (p: Part) => RnnOp[], pool: RnnThreadPool | null): boolean {
    const mine = (p: Part): void => {
      for (const op of ops(p)) this.kernels.run(op.cell, op.pass, op.plan);
    };
    const [a, b] = parts as [Part, Part | undefined];
    if (b === undefined) {
      mine(a);
      return true;
    }
    if (pool?.runSplit(ops(b), () => mine(a))) return true;
    this.abandoned = true;
    return false;
  }

  /**
   * Every layer forward over the windows idx of x ([count, steps, inputDim]); split over the
   * pool's helper thread when given. null when the helper failed: redo without the pool.
   */
  forward(
    x: Float32Array,
    idx: ArrayLike<number>,
    weights: readonly LayerTensors[],
    pool: RnnThreadPool | null = null,
  ): HiddenRows[] | null {
    const parts = this.partsFor(idx.length, pool !== null);
    const mem = this.kernels.heap.floats();
    const T = this.steps;
    for (const part of parts) {
      const B = part.batch;
      const p0 = part.plans[0] as LayerPlan;
      const { paddedInputDim: Dp } = p0.layout;
      const D = this.inputDim;
      const xm = fi(p0, 'xm');
      if (Dp !== D) mem.fill(0, xm, xm + T * B * Dp);
      for (let b = 0; b < B; b++) {
        const w = idx[part.from + b] ?? 0;
        for (let t = 0; t < T; t++) {
          const src = (w * T + t) * D;
          mem.set(x.subarray(src, src + D), xm + (t * B + b) * Dp);
        }
      }
      part.plans.forEach((p, l) => {
        const { paddedUnits: Hp, paddedInputDim: Dpl, gates: G } = p.layout;
        const w = weights[l];
        if (w === undefined) throw new Error(`fusedStack: no weights for layer ${l}`);
        if (part.from === 0) {
          const { inputDim, units: H } = p.shape;
          packGateMatrix(mem, fi(p, 'kernel'), w.kernel, inputDim, Dpl, H, G, Hp);
          packGateMatrix(mem, fi(p, 'recurrentKernel'), w.recurrentKernel, H, Hp, H, G, Hp);
          packGateMatrix(mem, fi(p, 'bias'), w.bias, 1, 1, H, G, Hp);
        }
        mem.fill(0, fi(p, 'hs'), fi(p, 'hs') + B * Hp);
        if (p.shape.cell === 'lstm') mem.fill(0, fi(p, 'cs'), fi(p, 'cs') + B * Hp);
      });
    }
    const ops = (part: Part): RnnOp[] =>
      part.plans.map((p) => ({ cell: p.shape.cell, pass: 'forward', plan: p.arena.address }));
    if (!this.run(parts, ops, pool)) return null;
    return parts.map((part) => {
      const last = part.plans[part.plans.length - 1] as LayerPlan;
      const Hp = last.layout.paddedUnits;
      return {
        from: part.from,
        rows: part.batch,
        at: fi(last, 'hs') + T * part.batch * Hp,
        stride: Hp,
      };
    });
  }

  /** The float32 memory view (valid until the next allocation). */
  memory(): Float32Array {
    return this.kernels.heap.floats();
  }

  /**
   * BPTT through every layer for the batch of the last forward (same pool argument). dLast:
   * [batch, units] gradient of the last h_T. Writes each layer's weight gradients (tfjs layout,
   * summed over the parts) into grads[l]. false when the helper failed: redo the whole step.
   */
  backward(
    batch: number,
    dLast: Float32Array,
    grads: readonly LayerTensors[],
    pool: RnnThreadPool | null = null,
  ): boolean {
    const parts = this.partsFor(batch, pool !== null);
    const mem = this.kernels.heap.floats();
    for (const part of parts) {
      const p = part.plans[part.plans.length - 1] as LayerPlan;
      const Hp = p.layout.paddedUnits;
      const H = p.shape.units;
      const dOut = fi(p, 'dOut');
      mem.fill(0, dOut, dOut + part.batch * Hp);
      for (let b = 0; b < part.batch; b++) {
        const src = (part.from + b) * H;
        mem.set(dLast.subarray(src, src + H), dOut + b * Hp);
      }
    }
    const ops = (part: Part): RnnOp[] =>
      part.plans
        .map((p): RnnOp => ({ cell: p.shape.cell, pass: 'backward', plan: p.arena.address }))
        .reverse();
    if (!this.run(parts, ops, pool)) return false;
    grads.forEach((g, l) => {
      parts.forEach((part, i) => {
        const p = part.plans[l] as LayerPlan;
        const { paddedUnits: Hp, gates: G } = p.layout;
        const { inputDim: D, units: H } = p.shape;
        const add = i > 0;
        unpackGateInto(mem, fi(p, 'dKernel'), D, H, G, Hp, g.kernel, add);
        unpackGateInto(mem, fi(p, 'dRecurrentKernel'), H, H, G, Hp, g.recurrentKernel, add);
        unpackGateInto(mem, fi(p, 'dBias'), 1, H, G, Hp, g.bias, add);
      });
    });
    return true;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (!this.abandoned) {
      for (const parts of this.parts.values()) {
        for (const part of parts) for (const p of part.plans) this.kernels.heap.release(p.arena);
      }
    }
    this.parts.clear();
  }
}
