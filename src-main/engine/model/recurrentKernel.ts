// The seam between the recurrent layer and the code that runs a whole sequence. The layer calls
// the active kernel inside tf.customGrad, so a fused implementation (e.g. WebAssembly working on
// Float32Arrays) can replace the default op-by-op one without touching training, saving or
// evaluation. Weight layout is tfjs-layers': kernel [D, G·U], recurrentKernel [U, G·U],
// bias [G·U], gate blocks LSTM i,f,c,o; GRU z,r,h (reset applied before the recurrent product,
// reset_after=false); SimpleRNN a single block. Gates use the logistic sigmoid.
import type * as tf from '@tensorflow/tfjs';
import type { FusedRnnKernels } from '../kernels/wasm/fusedRnn';
import type { RnnActivation } from '../kernels/wasm/planLayout';
import type { RnnThreadPool } from '../kernels/threads/rnnThreadPool';
import type { FastTrainStep, FastTrainStepRequest } from './train';

export type CellKind = 'lstm' | 'gru' | 'rnn';
/** The fused kernels' activations: the op-by-op and fused paths take the same set. */
export type CellActivation = RnnActivation;

export interface RecurrentCellSpec {
  cell: CellKind;
  units: number;
  /** Candidate/output activation; gates are always sigmoid. */
  activation: CellActivation;
}

export interface RecurrentSequenceInputs {
  /** [batch, time, inputDim] */
  x: tf.Tensor3D;
  kernel: tf.Tensor2D;
  recurrentKernel: tf.Tensor2D;
  bias: tf.Tensor1D;
  /**
   * [batch, units] recurrent-dropout mask (already scaled by 1/keep) multiplying h(t-1) where it
   * enters the recurrent products, the same mask at every step; null when not training.
   */
  recurrentMask: tf.Tensor2D | null;
}

export interface RecurrentForward {
  /** [batch, time, units]: the hidden state after every step. */
  output: tf.Tensor3D;
  /** Whatever backward needs besides the inputs and output (kept alive by customGrad). */
  saved: tf.Tensor[];
}

export interface RecurrentGradients {
  dInput: tf.Tensor3D;
  dKernel: tf.Tensor2D;
  dRecurrentKernel: tf.Tensor2D;
  dBias: tf.Tensor1D;
}

export interface RecurrentSequenceKernel {
  readonly name: string;
  forward(spec: RecurrentCellSpec, inputs: RecurrentSequenceInputs): RecurrentForward;
  /** dOutput: [batch, time, units] gradient of the loss with respect to forward's output. */
  backward(
    spec: RecurrentCellSpec,
    inputs: RecurrentSequenceInputs,
    output: tf.Tensor3D,
    saved: tf.Tensor[],
    dOutput: tf.Tensor3D,
  ): RecurrentGradients;
  /**
   * Optional: a whole training step outside tfjs for the models it fits (null when the model or
   * optimizer does not fit); trainModel falls back to tfjs autodiff without it.
   */
  createTrainStep?(request: FastTrainStepRequest): FastTrainStep | null;
}

/** The fused kernels behind a runtime's kernel, and their helper thread when one started. */
export interface FusedKernelsHandle {
  kernels: FusedRnnKernels;
  pool: RnnThreadPool | null;
}

/**
 * What models are built, trained and run with: one recurrent kernel, passed explicitly. A model
 * keeps the kernel of the runtime it was built or loaded with (buildModel, loadModel), so two
 * runtimes in one process never affect each other. The engine process makes one at start
 * (kernels/trainingRuntime.ts); tests and benchmarks make their own.
 */
export interface TrainingRuntime {
  /** The kernel's name as run results show it ("fused-wasm-simd", "op-by-op"). */
  readonly name: string;
  /** Which implementation and why (and the helper thread, or why there is none). */
  readonly detail: string;
  readonly kernel: RecurrentSequenceKernel;
  /** The fused kernels behind `kernel`, for code that lays out its own plans; null for op-by-op. */
  readonly fused: FusedKernelsHandle | null;
}

export function gateCount(cell: CellKind): number {
  return cell === 'lstm' ? 4 : cell === 'gru' ? 3 : 1;
}
