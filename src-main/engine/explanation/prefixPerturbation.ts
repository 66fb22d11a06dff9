// Perturbation with the unperturbed prefix reused. A nudge at lag l leaves the recurrent states of
// steps 0..l−1 unchanged, so each perturbed copy starts at step l from the unperturbed window's
// stored state (h, and c for an LSTM, after step l−1, for every layer of the stack) and runs only
// the L − l remaining steps: Σ_l (L − l) ≈ L²/2 steps per (cell, side) instead of L², about half
// the work. Windows go in groups (suffixSlot.ts): the group's unperturbed pass through the fused
// kernels keeps every step's h and c, then its copies run lag after lag, from the last lag (short
// calls first) to the first, through the same fused forward with those states as initial states,
// so the arithmetic of every step is the plain path's. Each call reuses the same plans: only the
// perturbed step of the input changes between lags, nothing is packed again. Occlusion (a cell
// replaced by its feature's value) leaves the prefix unchanged too and runs the same way.
//
// The groups are independent, so with the kernels' helper thread (kernels/threads) two of them run
// at once, one per thread, over the same shared memory; the split starts at once and a split
// policy then measures now and then whether it still pays on a busy machine, as training does.
// Both threads run the same build of the kernels, so the numbers are the one-thread path's
// exactly. Models other than a stack of SeqRecurrent layers and a dense head, or an engine without
// the fused kernels, return null and the caller uses the plain path.
import type * as tf from '@tensorflow/tfjs';
import { fusedKernels, type FusedRnnKernels } from '../kernels/wasm/fusedRnn';
import type { RnnThreadPool } from '../kernels/threads/rnnThreadPool';
import { SplitPolicy } from '../kernels/threads/splitPolicy';
import type { OutputScale, ProgressOptions } from './modelOutput';
import { readRecurrentStack } from './recurrentStack';
import { copiesPerCell, SuffixSlot, type PrefixPerturbation } from './suffixSlot';
import type { WindowShape } from './windowSelection';

export type { PrefixPerturbation } from './suffixSlot';

/** The helper thread as the prefix path uses it (RnnThreadPool, or a stand-in in tests). */
export type SplitRunner = Pick<RnnThreadPool, 'alive' | 'runSplit'>;

/** The fused kernels to run on, and their helper thread when there is one. */
export interface PrefixKernels {
  kernels: FusedRnnKernels;
  /** Helper thread over the kernels' (shared) memory; null or absent: one thread. */
  pool?: SplitRunner | null;
}

export interface PrefixOptions extends ProgressOptions {
  perturbation: PrefixPerturbation;
  horizonIndex: number;
  outputScale: OutputScale;
  /** Perturbed copies per suffix call (per thread). */
  batchSize?: number;
  /** Kernels to run on; default the engine's loaded fused kernels, one thread. */
  fused?: PrefixKernels;
  /**
   * With a helper thread: 'auto' (default) splits unless measured slower (SplitPolicy, splitting
   * from the start), 'always' splits every pair of suffix batches, 'never' runs on this thread
   * only.
   */
  split?: 'auto' | 'always' | 'never';
}

/** Most bytes the plans of all threads take (the kernels' memory holds at most 1 GiB). */
const PLAN_BYTES = 256 * 2 ** 20;

/** A group of windows w0..w0+nw−1, one thread's share of a suffix call. */
interface Group {
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
  const stack = readRecurrentStack(model, opts.horizonIndex);
  if (!stack) return null;
  const { windows: W, lookback: L, features: F } = shape;
  const p = opts.perturbation;
  if (p.mode === 'occlusion' && p.values.length !== F) {
    throw new RangeError('occlusion needs one replacement value per feature');
  }
  const sides = copiesPerCell(p);
  const copies = sides * F;
  const perWindow = 1 + sides * L * F;
  const raw = new Float64Array(W * perWindow);

  const pool = fused.pool?.alive && opts.split !== 'never' ? fused.pool : null;
  // Windows per group (per thread); two threads share the windows, so half of them at most.
  let chunk = Math.min(
    pool ? Math.ceil(W / 2) : W,
    Math.max(1, Math.floor((opts.batchSize ?? 1024) / copies)),
  );
  // Smaller groups for deep, wide or long models, so the plans of all threads stay in bounds.
  while (chunk > 1 && (pool ? 2 : 1) * SuffixSlot.bytes(stack, shape, p, chunk) > PLAN_BYTES) {
    chunk = Math.ceil(chunk / 2);
  }
  // Split from the first call; every 40 calls, 2 + 2 calls measure whether that still pays.
  const policy = new SplitPolicy(2, 40, true);
  const newSlot = (): SuffixSlot => new SuffixSlot(kernels, stack, shape, inputs, p, chunk);
  // One slot per thread, its plans reused by every group and lag (so lengths do not pile up).
  const slots = pool ? [newSlot(), newSlot()] : [newSlot()];
  /** Stores a group's outputs of the copies from lag l (row order: window, feature, side). */
  const store = (l: number, { w0, nw }: Group, out: Float32Array): void => {
    const scaled = opts.outputScale(out);
    for (let i = 0; i < nw; i++) {
      const at = (w0 + i) * perWindow + 1 + l * F * sides;
      for (let k = 0; k < copies; k++) raw[at + k] = scaled[i * copies + k] as number;
    }
  };
  /** Runs `slot`'s layers from `from` on this thread (from 0: after setting up lag l). */
  const runHere = (slot: SuffixSlot, l: number, from: number): Float32Array => {
    if (from === 0) slot.prepare(l);
    for (let li = from; li < stack.layers.length; li++) slot.run(li);
    return slot.finish(l);
  };
  /**
   * Runs the groups' suffixes from lag l through every layer, split over the helper when
   * `split`: slot 1 there while this thread sets up, runs and reads slot 0. A failed helper's
   * share is redone here, from the first layer, on new plans.
   */
  const runLag = (l: number, groups: Group[], split: boolean): Float32Array[] => {
    const [mine, theirs] = slots as [SuffixSlot, SuffixSlot | undefined];
    if (!split || pool === null || theirs === undefined || groups.length !== 2) {
      return groups.map((_, j) => runHere(slots[j] as SuffixSlot, l, 0));
    }
    const last = stack.layers.length - 1;
    let mineDone = 0;
    let mineOut: Float32Array | null = null;
    theirs.prepare(l);
    for (let li = 0; li <= last; li++) {
      const ok = pool.runSplit([theirs.op(li)], () => {
        if (li === 0) mine.prepare(l);
        mine.run(li);
        mineDone = li + 1;
        if (li === last) mineOut = mine.finish(l);
      });
      if (!ok) {
        theirs.replaceSuffix();
        const theirsOut = runHere(theirs, l, 0);
        return [mineOut ?? runHere(mine, l, mineDone), theirsOut];
      }
    }
    return [mineOut ?? mine.finish(l), theirs.finish(l)];
  };
  try {
    const totalWork = L * W;
    let done = 0;
    const step = pool ? 2 * chunk : chunk;
    for (let w0 = 0; w0 < W; w0 += step) {
      const n = Math.min(step, W - w0);
      const groups: Group[] = [];
      if (pool && n > 1) {
        const a = Math.ceil(n / 2);
        groups.push({ w0, nw: a }, { w0: w0 + a, nw: n - a });
      } else {
        groups.push({ w0, nw: n });
      }
      groups.forEach((g, j) => {
        const base = opts.outputScale((slots[j] as SuffixSlot).load(g.w0, g.nw));
        for (let i = 0; i < g.nw; i++) raw[(g.w0 + i) * perWindow] = base[i] as number;
      });
      // Short suffixes first: the kernels' first calls (before the engine's optimising compiler
      // has taken them over) are then the cheap ones.
      for (let l = L - 1; l >= 0; l--) {
        opts.signal?.throwIfAborted();
        const T = L - l;
        const two = groups.length === 2 && pool !== null && pool.alive;
        const split = two && (opts.split === 'always' || policy.next());
        const t0 = performance.now();
        const outs = runLag(l, groups, split);
        if (two && pool.alive) policy.record(split, (performance.now() - t0) / (n * T));
        groups.forEach((g, j) => store(l, g, outs[j] as Float32Array));
        done += n;
        opts.onProgress?.(done / totalWork);
      }
    }
  } finally {
    for (const slot of slots) slot.release();
  }
  return raw;
}
