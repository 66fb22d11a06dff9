// Perturbation with the unperturbed prefix reused. A nudge at lag l leaves the recurrent states of
// steps 0..l−1 unchanged, so each perturbed copy starts at step l from the unperturbed window's
// stored state (h, and c for an LSTM, after step l−1, for every layer of the stack) and runs only
// the L − l remaining steps: Σ_l (L − l) ≈ L²/2 steps per (cell, side) instead of L², about half
// the work. The states come from one unperturbed pass of the fused kernels with every step's h and
// c read back; the suffixes run through the same fused forward with those initial states written
// into its state buffers, so the arithmetic of every step is the plain path's. Occlusion (a cell
// replaced by its feature's value) leaves the prefix unchanged too and runs the same way.
//
// The suffix batches are independent, so with the kernels' helper thread (kernels/threads) two of
// them run at once, one per thread, over the same shared memory; a split policy measures whether
// that pays on a busy machine, as training does. Both threads run the same build of the kernels,
// so the numbers are the one-thread path's exactly. Models other than a stack of SeqRecurrent
// layers and a dense head, or an engine without the fused kernels, return null and the caller
// uses the plain path.
import type * as tf from '@tensorflow/tfjs';
import { SeqRecurrent } from '../model/recurrentLayer';
import { fusedKernels, type FusedRnnKernels } from '../kernels/wasm/fusedRnn';
import {
  planLayout,
  writePlanRecord,
  type RnnCellKind,
  type RnnShape,
} from '../kernels/wasm/planLayout';
import { packForwardInputs } from '../kernels/wasm/rnnPacking';
import type { RnnThreadPool } from '../kernels/threads/rnnThreadPool';
import { SplitPolicy } from '../kernels/threads/splitPolicy';
import type { OutputScale, ProgressOptions } from './modelOutput';
import type { WindowShape } from './windowSelection';

interface LayerWeights {
  cell: RnnCellKind;
  units: number;
  inputDim: number;
  activation: 'tanh' | 'relu';
  kernel: Float32Array;
  recurrentKernel: Float32Array;
  bias: Float32Array;
}

interface Stack {
  layers: LayerWeights[];
  /** Head column of the explained step: weights [units] and bias. */
  head: { weights: Float64Array; bias: number };
}

type Arena = { address: number; size: number };

function readStack(model: tf.LayersModel, horizonIndex: number): Stack | null {
  const layers: LayerWeights[] = [];
  const all = model.layers;
  if (all.length < 2) return null;
  let inputDim = (model.inputs[0]?.shape[2] as number | null) ?? 0;
  for (let i = 0; i < all.length - 1; i++) {
    const layer = all[i];
    if (!(layer instanceof SeqRecurrent)) return null;
    const [k, u, b] = layer.getWeights();
    if (!k || !u || !b) return null;
    const { cell, units, activation } = layer.spec;
    layers.push({
      cell: cell === 'rnn' ? 'simpleRnn' : cell,
      units,
      inputDim,
      activation,
      kernel: k.dataSync() as Float32Array,
      recurrentKernel: u.dataSync() as Float32Array,
      bias: b.dataSync() as Float32Array,
    });
    inputDim = units;
  }
  const head = all[all.length - 1];
  if (!head || head.getClassName() !== 'Dense') return null;
  const [w, b] = head.getWeights();
  if (!w || !b || w.shape.length !== 2) return null;
  const outputs = w.shape[1] as number;
  const units = w.shape[0] as number;
  if (horizonIndex < 0 || horizonIndex >= outputs || units !== inputDim) return null;
  const wd = w.dataSync();
  const weights = Float64Array.from(
    { length: units },
    (_, j) => wd[j * outputs + horizonIndex] ?? 0,
  );
  return { layers, head: { weights, bias: (b.dataSync()[horizonIndex] as number) ?? 0 } };
}

function layerShape(layer: LayerWeights, batch: number, steps: number): RnnShape {
  return {
    cell: layer.cell,
    batch,
    steps,
    inputDim: layer.inputDim,
    units: layer.units,
    activation: layer.activation,
    returnSequences: true,
    hasRecurrentMask: false,
  };
}

/** One layer's forward plan over [batch, steps, inputDim] in `arena`, initial states written in. */
class LayerCall {
  private readonly shape: RnnShape;
  private readonly layout: ReturnType<typeof planLayout>;

  constructor(
    private readonly kernels: FusedRnnKernels,
    private readonly layer: LayerWeights,
    readonly arena: Arena,
    x: Float32Array,
    batch: number,
    steps: number,
    h0: Float32Array | null,
    c0: Float32Array | null,
  ) {
    this.shape = layerShape(layer, batch, steps);
    this.layout = planLayout(this.shape);
    if (this.layout.totalBytes > arena.size) throw new Error('prefixPerturbation: arena too small');
    writePlanRecord(kernels.heap.ints(), arena.address, this.shape, this.layout);
    packForwardInputs(kernels.heap.floats(), arena.address, this.shape, this.layout, {
      x,
      kernel: layer.kernel,
      recurrentKernel: layer.recurrentKernel,
      bias: layer.bias,
    });
    const U = layer.units;
    const Hp = this.layout.paddedUnits;
    const hs = (arena.address + this.layout.offsets.hs) >> 2;
    const cs = (arena.address + this.layout.offsets.cs) >> 2;
    const mem = kernels.heap.floats();
    for (let b = 0; b < batch; b++) {
      if (h0) mem.set(h0.subarray(b * U, (b + 1) * U), hs + b * Hp);
      if (c0 && layer.cell === 'lstm') mem.set(c0.subarray(b * U, (b + 1) * U), cs + b * Hp);
    }
  }

  get cell(): RnnCellKind {
    return this.layer.cell;
  }

  run(): void {
    this.kernels.run(this.layer.cell, 'forward', this.arena.address);
  }

  /** h (and c, for an LSTM when asked) after every step, [batch, steps, units]. */
  read(wantCell: boolean): { h: Float32Array; c: Float32Array | null } {
    const { batch, steps } = this.shape;
    const U = this.layer.units;
    const Hp = this.layout.paddedUnits;
    const hs = (this.arena.address + this.layout.offsets.hs) >> 2;
    const cs = (this.arena.address + this.layout.offsets.cs) >> 2;
    const mem = this.kernels.heap.floats();
    const h = new Float32Array(batch * steps * U);
    const c = wantCell && this.layer.cell === 'lstm' ? new Float32Array(batch * steps * U) : null;
    for (let t = 0; t < steps; t++) {
      for (let b = 0; b < batch; b++) {
        const from = ((t + 1) * batch + b) * Hp;
        const to = (b * steps + t) * U;
        h.set(mem.subarray(hs + from, hs + from + U), to);
        if (c) c.set(mem.subarray(cs + from, cs + from + U), to);
      }
    }
    return { h, c };
  }

  /** h after the last step only, [batch, units] (all the dense head needs). */
  readLast(): Float32Array {
    const { batch, steps } = this.shape;
    const U = this.layer.units;
    const Hp = this.layout.paddedUnits;
    const hs = (this.arena.address + this.layout.offsets.hs) >> 2;
    const mem = this.kernels.heap.floats();
    const h = new Float32Array(batch * U);
    for (let b = 0; b < batch; b++) {
      const from = hs + (steps * batch + b) * Hp;
      h.set(mem.subarray(from, from + U), b * U);
    }
    return h;
  }
}

/** Bytes of the largest plan among `layers` for [batch, steps] (a smaller plan fits in it). */
function arenaBytes(layers: readonly LayerWeights[], batch: number, steps: number): number {
  return Math.max(...layers.map((l) => planLayout(layerShape(l, batch, steps)).totalBytes));
}

/** The fused kernels to run on, and their helper thread when there is one. */
export interface PrefixKernels {
  kernels: FusedRnnKernels;
  /** Helper thread over the kernels' (shared) memory; null or absent: one thread. */
  pool?: RnnThreadPool | null;
}

export type PrefixPerturbation =
  { mode: 'plus-minus'; delta: number } | { mode: 'occlusion'; values: readonly number[] };

export interface PrefixOptions extends ProgressOptions {
  perturbation: PrefixPerturbation;
  horizonIndex: number;
  outputScale: OutputScale;
  /** Perturbed copies per suffix call (per thread). */
  batchSize?: number;
  /** Kernels to run on; default the engine's loaded fused kernels, one thread. */
  fused?: PrefixKernels;
  /**
   * With a helper thread: 'auto' (default) splits when measured faster (SplitPolicy), 'always'
   * splits every pair of suffix batches, 'never' runs on this thread only.
   */
  split?: 'auto' | 'always' | 'never';
}

/** A suffix batch: windows w0..w0+nw−1 from lag l, every copy of each. */
interface Batch {
  w0: number;
  nw: number;
}

/**
 * Model outputs (after outputScale) in sensitivityHeatmap's layout: per window the unperturbed
 * output, then for every cell (+δ, −δ) for plus-minus or the occluded output for occlusion; null
 * when the model or engine does not allow prefix reuse.
 */
export function prefixPerturbationOutputs(
  model: tf.LayersModel,
  inputs: Float32Array,
  shape: WindowShape,
  opts: PrefixOptions,
): Float64Array | null {
  let fused: PrefixKernels;
  try {
    fused = opts.fused ?? { kernels: fusedKernels() };
  } catch {
    return null;
  }
  const { kernels } = fused;
  const stack = readStack(model, opts.horizonIndex);
  if (!stack) return null;
  const { windows: W, lookback: L, features: F } = shape;
  const p = opts.perturbation;
  if (p.mode === 'occlusion' && p.values.length !== F) {
    throw new RangeError('occlusion needs one replacement value per feature');
  }
  const sides = p.mode === 'plus-minus' ? 2 : 1;
  const copies = sides * F;
  const perWindow = 1 + sides * L * F;
  const raw = new Float64Array(W * perWindow);
  const { weights, bias } = stack.head;
  const head = (h: Float32Array, at: number): number => {
    let s = bias;
    for (let j = 0; j < weights.length; j++) s += (weights[j] as number) * (h[at + j] as number);
    return s;
  };
  const last = stack.layers[stack.layers.length - 1] as LayerWeights;

  // The unperturbed pass: every layer's h and c after every step.
  const states: { h: Float32Array; c: Float32Array | null }[] = [];
  const whole = kernels.heap.allocate(arenaBytes(stack.layers, W, L));
  try {
    let x = inputs;
    for (const layer of stack.layers) {
      const call = new LayerCall(kernels, layer, whole, x, W, L, null, null);
      call.run();
      const s = call.read(true);
      states.push(s);
      x = s.h;
    }
  } finally {
    kernels.heap.release(whole);
  }
  const lastH = states[states.length - 1]?.h as Float32Array;
  const base = new Float32Array(W);
  for (let w = 0; w < W; w++) base[w] = head(lastH, (w * L + L - 1) * last.units);
  const scaledBase = opts.outputScale(base);
  for (let w = 0; w < W; w++) raw[w * perWindow] = scaledBase[w] as number;

  /** First-layer suffix inputs l..L−1 of each window, each copy's cell changed at the first step. */
  const suffixInputs = (l: number, { w0, nw }: Batch): Float32Array => {
    const T = L - l;
    const xs = new Float32Array(nw * copies * T * F);
    for (let i = 0; i < nw; i++) {
      const w = w0 + i;
      const src = inputs.subarray((w * L + l) * F, (w + 1) * L * F);
      for (let k = 0; k < copies; k++) {
        const at = (i * copies + k) * T * F;
        xs.set(src, at);
        const f = Math.floor(k / sides);
        if (p.mode === 'occlusion') xs[at + f] = p.values[f] as number;
        else xs[at + f] = (xs[at + f] as number) + (k % 2 === 0 ? p.delta : -p.delta);
      }
    }
    return xs;
  };
  /** Layer li's initial states for a batch starting at lag l: the unperturbed states after l−1. */
  const initialStates = (li: number, l: number, { w0, nw }: Batch) => {
    if (l === 0) return { h0: null, c0: null };
    const U = (stack.layers[li] as LayerWeights).units;
    const st = states[li] as { h: Float32Array; c: Float32Array | null };
    const B = nw * copies;
    const h0 = new Float32Array(B * U);
    const c0 = st.c ? new Float32Array(B * U) : null;
    for (let i = 0; i < nw; i++) {
      const at = ((w0 + i) * L + l - 1) * U;
      for (let k = 0; k < copies; k++) {
        h0.set(st.h.subarray(at, at + U), (i * copies + k) * U);
        if (c0 && st.c) c0.set(st.c.subarray(at, at + U), (i * copies + k) * U);
      }
    }
    return { h0, c0 };
  };
  /** Stores the head's outputs of a batch from lag l; hLast is [copies of the batch, units]. */
  const store = (l: number, { w0, nw }: Batch, hLast: Float32Array): void => {
    const B = nw * copies;
    const out = new Float32Array(B);
    for (let b = 0; b < B; b++) out[b] = head(hLast, b * last.units);
    const scaled = opts.outputScale(out);
    for (let i = 0; i < nw; i++) {
      const w = w0 + i;
      for (let k = 0; k < copies; k++) {
        const f = Math.floor(k / sides);
        const at = w * perWindow + 1 + (l * F + f) * sides + (k % sides);
        raw[at] = scaled[i * copies + k] as number;
      }
    }
  };

  const chunk = Math.max(1, Math.floor((opts.batchSize ?? 1024) / copies));
  const bytes = arenaBytes(stack.layers, Math.min(chunk, W) * copies, L);
  const pool = fused.pool?.alive && opts.split !== 'never' ? fused.pool : null;
  const policy = new SplitPolicy(2, 40);
  // One arena per thread for every suffix call (the largest shape), so lengths do not pile up.
  const arenas: Arena[] = [kernels.heap.allocate(bytes)];
  if (pool) arenas.push(kernels.heap.allocate(bytes));
  /**
   * Runs batches (one, or two at once when `split`) from lag l through every layer; returns the
   * last layer's final h per batch. A failed helper's batch is redone here on a fresh arena.
   */
  const runBatches = (l: number, batches: Batch[], split: boolean): Float32Array[] => {
    const T = L - l;
    let xs = batches.map((b) => suffixInputs(l, b));
    for (let li = 0; li < stack.layers.length; li++) {
      const layer = stack.layers[li] as LayerWeights;
      const prepare = (j: number): LayerCall => {
        const batch = batches[j] as Batch;
        const { h0, c0 } = initialStates(li, l, batch);
        const x = xs[j] as Float32Array;
        return new LayerCall(kernels, layer, arenas[j] as Arena, x, batch.nw * copies, T, h0, c0);
      };
      const calls = batches.map((_, j) => prepare(j));
      const [mine, theirs] = calls as [LayerCall, LayerCall | undefined];
      if (split && theirs && pool) {
        const op = { cell: theirs.cell, pass: 'forward' as const, plan: theirs.arena.address };
        if (!pool.runSplit([op], () => mine.run())) {
          // The failed helper may still write to its arena: never reuse (nor release) it.
          arenas[1] = kernels.heap.allocate(bytes);
          const again = prepare(1);
          again.run();
          calls[1] = again;
        }
      } else {
        for (const c of calls) c.run();
      }
      const lastLayer = li === stack.layers.length - 1;
      xs = calls.map((c) => (lastLayer ? c.readLast() : c.read(false).h));
    }
    return xs;
  };
  try {
    const totalWork = L * W;
    let done = 0;
    for (let l = 0; l < L; l++) {
      const T = L - l;
      const step = pool ? 2 * chunk : chunk;
      for (let w0 = 0; w0 < W; w0 += step) {
        opts.signal?.throwIfAborted();
        const n = Math.min(step, W - w0);
        const batches: Batch[] = [];
        if (pool && n > 1) {
          const a = Math.ceil(n / 2);
          batches.push({ w0, nw: a }, { w0: w0 + a, nw: n - a });
        } else {
          batches.push({ w0, nw: n });
        }
        const two = batches.length === 2 && pool !== null && pool.alive;
        const split = two && (opts.split === 'always' || (opts.split !== 'never' && policy.next()));
        const t0 = performance.now();
        const hs = runBatches(l, batches, split);
        if (two && pool.alive) policy.record(split, (performance.now() - t0) / (n * T));
        batches.forEach((b, j) => store(l, b, hs[j] as Float32Array));
        done += n;
        opts.onProgress?.(done / totalWork);
      }
    }
  } finally {
    for (const a of arenas) kernels.heap.release(a);
  }
  return raw;
}
