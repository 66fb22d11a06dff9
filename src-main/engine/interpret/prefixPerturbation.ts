// Perturbation with the unperturbed prefix reused. A nudge at lag l leaves the recurrent states of
// steps 0..l−1 unchanged, so each perturbed copy starts at step l from the unperturbed window's
// stored state (h, and c for an LSTM, after step l−1, for every layer of the stack) and runs only
// the L − l remaining steps: Σ_l (L − l) ≈ L²/2 steps per (cell, side) instead of L², about half
// the work. The states come from one unperturbed pass of the fused kernels with every step's h and
// c read back; the suffixes run through the same fused forward with those initial states written
// into its state buffers, so the arithmetic of every step is the plain path's. Models other than a
// stack of SeqRecurrent layers and a dense head, or an engine without the fused kernels, return
// null and the caller uses the plain path.
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

/** One layer over [batch, steps, inputDim] from initial states; h (and c) after every step. */
function runLayer(
  kernels: FusedRnnKernels,
  layer: LayerWeights,
  x: Float32Array,
  batch: number,
  steps: number,
  h0: Float32Array | null,
  c0: Float32Array | null,
  wantCell: boolean,
  arena: { address: number; size: number },
): { h: Float32Array; c: Float32Array | null } {
  const shape: RnnShape = {
    cell: layer.cell,
    batch,
    steps,
    inputDim: layer.inputDim,
    units: layer.units,
    activation: layer.activation,
    returnSequences: true,
    hasRecurrentMask: false,
  };
  const layout = planLayout(shape);
  if (layout.totalBytes > arena.size) throw new Error('prefixPerturbation: arena too small');
  {
    writePlanRecord(kernels.heap.ints(), arena.address, shape, layout);
    packForwardInputs(kernels.heap.floats(), arena.address, shape, layout, {
      x,
      kernel: layer.kernel,
      recurrentKernel: layer.recurrentKernel,
      bias: layer.bias,
    });
    const U = layer.units;
    const Hp = layout.paddedUnits;
    const hs = (arena.address + layout.offsets.hs) >> 2;
    const cs = (arena.address + layout.offsets.cs) >> 2;
    const lstm = layer.cell === 'lstm';
    let mem = kernels.heap.floats();
    for (let b = 0; b < batch; b++) {
      if (h0) mem.set(h0.subarray(b * U, (b + 1) * U), hs + b * Hp);
      if (c0 && lstm) mem.set(c0.subarray(b * U, (b + 1) * U), cs + b * Hp);
    }
    kernels.run(layer.cell, 'forward', arena.address);
    mem = kernels.heap.floats();
    const h = new Float32Array(batch * steps * U);
    const c = wantCell && lstm ? new Float32Array(batch * steps * U) : null;
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
}

/** Bytes of the largest plan among `layers` for [batch, steps] (a smaller plan fits in it). */
function arenaBytes(layers: readonly LayerWeights[], batch: number, steps: number): number {
  return Math.max(
    ...layers.map(
      (l) =>
        planLayout({
          cell: l.cell,
          batch,
          steps,
          inputDim: l.inputDim,
          units: l.units,
          activation: l.activation,
          returnSequences: true,
          hasRecurrentMask: false,
        }).totalBytes,
    ),
  );
}

export interface PrefixOptions extends ProgressOptions {
  delta: number;
  horizonIndex: number;
  outputScale: OutputScale;
  /** Perturbed copies per suffix call. */
  batchSize?: number;
}

/**
 * Model outputs (after outputScale) in sensitivityHeatmap's plus-minus layout: per window the
 * unperturbed output, then (cell, +δ), (cell, −δ) for every cell; null when the model or engine
 * does not allow prefix reuse.
 */
export function prefixPerturbationOutputs(
  model: tf.LayersModel,
  inputs: Float32Array,
  shape: WindowShape,
  opts: PrefixOptions,
): Float64Array | null {
  let kernels: FusedRnnKernels;
  try {
    kernels = fusedKernels();
  } catch {
    return null;
  }
  const stack = readStack(model, opts.horizonIndex);
  if (!stack) return null;
  const { windows: W, lookback: L, features: F } = shape;
  const cells = L * F;
  const perWindow = 1 + 2 * cells;
  const raw = new Float64Array(W * perWindow);
  const { weights, bias } = stack.head;
  const head = (h: Float32Array, at: number): number => {
    let s = bias;
    for (let j = 0; j < weights.length; j++) s += (weights[j] as number) * (h[at + j] as number);
    return s;
  };
  // The unperturbed pass: every layer's h and c after every step.
  const states: { h: Float32Array; c: Float32Array | null }[] = [];
  const whole = kernels.heap.allocate(arenaBytes(stack.layers, W, L));
  try {
    let x = inputs;
    for (const layer of stack.layers) {
      const s = runLayer(kernels, layer, x, W, L, null, null, true, whole);
      states.push(s);
      x = s.h;
    }
  } finally {
    kernels.heap.release(whole);
  }
  const last = stack.layers[stack.layers.length - 1] as LayerWeights;
  const lastH = states[states.length - 1]?.h as Float32Array;
  const base = new Float32Array(W);
  for (let w = 0; w < W; w++) base[w] = head(lastH, (w * L + L - 1) * last.units);
  const scaledBase = opts.outputScale(base);
  for (let w = 0; w < W; w++) raw[w * perWindow] = scaledBase[w] as number;

  const copies = 2 * F;
  const chunk = Math.max(1, Math.floor((opts.batchSize ?? 1024) / copies));
  // One arena for every suffix call (the largest shape), so varying lengths do not pile up arenas.
  const arena = kernels.heap.allocate(arenaBytes(stack.layers, Math.min(chunk, W) * copies, L));
  try {
    const totalWork = L * W;
    let done = 0;
    for (let l = 0; l < L; l++) {
      const T = L - l;
      for (let w0 = 0; w0 < W; w0 += chunk) {
        opts.signal?.throwIfAborted();
        const nw = Math.min(chunk, W - w0);
        const B = nw * copies;
        // Suffix inputs l..L−1 of each window, the copy's cell nudged at the suffix's first step.
        let xs: Float32Array = new Float32Array(B * T * F);
        for (let i = 0; i < nw; i++) {
          const w = w0 + i;
          const src = inputs.subarray((w * L + l) * F, (w + 1) * L * F);
          for (let k = 0; k < copies; k++) {
            const b = i * copies + k;
            xs.set(src, b * T * F);
            const f = Math.floor(k / 2);
            xs[b * T * F + f] =
              (xs[b * T * F + f] as number) + (k % 2 === 0 ? opts.delta : -opts.delta);
          }
        }
        for (let li = 0; li < stack.layers.length; li++) {
          const layer = stack.layers[li] as LayerWeights;
          const U = layer.units;
          const st = states[li] as { h: Float32Array; c: Float32Array | null };
          let h0: Float32Array | null = null;
          let c0: Float32Array | null = null;
          if (l > 0) {
            h0 = new Float32Array(B * U);
            c0 = st.c ? new Float32Array(B * U) : null;
            for (let i = 0; i < nw; i++) {
              const at = ((w0 + i) * L + l - 1) * U;
              for (let k = 0; k < copies; k++) {
                h0.set(st.h.subarray(at, at + U), (i * copies + k) * U);
                if (c0 && st.c) c0.set(st.c.subarray(at, at + U), (i * copies + k) * U);
              }
            }
          }
          xs = runLayer(kernels, layer, xs, B, T, h0, c0, false, arena).h;
        }
        const out = new Float32Array(B);
        for (let b = 0; b < B; b++) out[b] = head(xs, (b * T + T - 1) * last.units);
        const scaled = opts.outputScale(out);
        for (let i = 0; i < nw; i++) {
          const w = w0 + i;
          for (let k = 0; k < copies; k++) {
            const f = Math.floor(k / 2);
            const cell = l * F + f;
            raw[w * perWindow + 1 + cell * 2 + (k % 2)] = scaled[i * copies + k] as number;
          }
        }
        done += nw;
        opts.onProgress?.(done / totalWork);
      }
    }
  } finally {
    kernels.heap.release(arena);
  }
  return raw;
}
