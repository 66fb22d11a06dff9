// The Dense (linear) head, its loss and their gradients on plain arrays, for the fused training
// step: pred = h·W + b over the last hidden state, loss = mean((pred − y)²) or mean(|pred − y|)
// over batch × horizon, as tfjs' meanSquaredError / meanAbsoluteError compute it.

export type HeadLoss = 'mse' | 'mae';

export interface HeadGradients {
  /** [units, horizon] */
  kernel: Float32Array;
  /** [horizon] */
  bias: Float32Array;
  /** [batch, units] (or longer): gradient of the loss w.r.t. the hidden state fed to the head. */
  hidden: Float32Array;
}

/** Batch rows [from, from + rows) have their hidden state in mem at `at + (b − from)·stride`. */
export interface HiddenSegment {
  from: number;
  rows: number;
  at: number;
  stride: number;
}

export interface HeadBatch {
  mem: Float32Array;
  segments: readonly HiddenSegment[];
  units: number;
  /** Targets [count, horizon] and which rows form the batch. */
  y: Float32Array;
  idx: ArrayLike<number>;
}

/** Returns the batch loss and writes every gradient into `grads`. */
export function denseHeadStep(
  h: HeadBatch,
  kernel: Float32Array,
  bias: Float32Array,
  loss: HeadLoss,
  grads: HeadGradients,
): number {
  const H = h.units;
  const Z = bias.length;
  const n = h.idx.length * Z;
  let total = 0;
  grads.kernel.fill(0);
  grads.bias.fill(0);
  for (const seg of h.segments) {
    for (let r = 0; r < seg.rows; r++) {
      const b = seg.from + r;
      const row = seg.at + r * seg.stride;
      const target = (h.idx[b] ?? 0) * Z;
      const dHidden = b * H;
      grads.hidden.fill(0, dHidden, dHidden + H);
      for (let j = 0; j < Z; j++) {
        let p = bias[j] ?? 0;
        for (let k = 0; k < H; k++) p += (h.mem[row + k] ?? 0) * (kernel[k * Z + j] ?? 0);
        const e = p - (h.y[target + j] ?? 0);
        total += loss === 'mse' ? e * e : Math.abs(e);
        // d loss / d pred; the sign of 0 is 0, as tfjs' abs gradient.
        const d = loss === 'mse' ? (2 * e) / n : Math.sign(e) / n;
        grads.bias[j] = (grads.bias[j] ?? 0) + d;
        for (let k = 0; k < H; k++) {
          const w = k * Z + j;
          grads.kernel[w] = (grads.kernel[w] ?? 0) + (h.mem[row + k] ?? 0) * d;
          grads.hidden[dHidden + k] = (grads.hidden[dHidden + k] ?? 0) + d * (kernel[w] ?? 0);
        }
      }
    }
  }
  return total / n;
}
