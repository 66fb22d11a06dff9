// SeqRecurrent: one recurrent layer (LSTM, GRU or SimpleRNN) whose sequence computation goes
// through the RecurrentSequenceKernel it was built with. Its weights have the names, shapes and gate
// order of tfjs-layers' LSTM/GRU/SimpleRNN, and it serialises itself AS the stock class
// (getClassName/getConfig), so a saved model.json loads with stock tf.layers even where this
// class is not registered, and gives the same predictions.
import * as tf from '@tensorflow/tfjs';
import type { LayerArgs } from '@tensorflow/tfjs-layers/dist/engine/topology';
import type { LayerVariable } from '@tensorflow/tfjs-layers/dist/variables';
import {
  gateCount,
  type CellActivation,
  type CellKind,
  type RecurrentCellSpec,
  type RecurrentSequenceKernel,
} from './recurrentKernel';
import { runRecurrentSequence } from './recurrentSequence';
import { opByOpKernel } from './opByOpKernel';

export interface SeqRecurrentArgs extends LayerArgs {
  cell: CellKind;
  units: number;
  activation?: CellActivation;
  returnSequences?: boolean;
  /** Input dropout rate (one mask per sequence), training only. */
  dropout?: number;
  /** Recurrent dropout rate (one mask per sequence on h(t-1)), training only. */
  recurrentDropout?: number;
  /** Seeds the initializers and the dropout masks. */
  seed?: number;
  /** The kernel that runs the sequence (its runtime's); default tfjs's op-by-op layers. */
  kernel?: RecurrentSequenceKernel;
}

export const STOCK_CLASS: Record<CellKind, string> = { lstm: 'LSTM', gru: 'GRU', rnn: 'SimpleRNN' };

export class SeqRecurrent extends tf.layers.Layer {
  static className = 'SeqRecurrent';
  readonly spec: RecurrentCellSpec;
  readonly returnSequences: boolean;
  readonly dropout: number;
  readonly recurrentDropout: number;
  readonly seed: number;
  /** The kernel this layer runs on, fixed at construction (not serialised). */
  readonly sequenceKernel: RecurrentSequenceKernel;
  private calls = 0;
  private kernel: LayerVariable | null = null;
  private recurrentKernel: LayerVariable | null = null;
  private bias: LayerVariable | null = null;

  constructor(args: SeqRecurrentArgs) {
    super(args);
    this.spec = { cell: args.cell, units: args.units, activation: args.activation ?? 'tanh' };
    this.returnSequences = args.returnSequences ?? false;
    this.dropout = Math.min(1, Math.max(0, args.dropout ?? 0));
    this.recurrentDropout = Math.min(1, Math.max(0, args.recurrentDropout ?? 0));
    this.seed = args.seed ?? 0;
    this.sequenceKernel = args.kernel ?? opByOpKernel;
    this.supportsMasking = false;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const inputDim = shape[shape.length - 1];
    if (typeof inputDim !== 'number')
      throw new Error('SeqRecurrent needs a known feature dimension');
    const { units, cell } = this.spec;
    const width = gateCount(cell) * units;
    this.kernel = this.addWeight(
      'kernel',
      [inputDim, width],
      'float32',
      tf.initializers.glorotUniform({ seed: this.seed }),
    );
    this.recurrentKernel = this.addWeight(
      'recurrent_kernel',
      [units, width],
      'float32',
      tf.initializers.orthogonal({ gain: 1, seed: this.seed + 1 }),
    );
    this.bias = this.addWeight('bias', [width], 'float32', tf.initializers.zeros());
    if (cell === 'lstm') {
      // Forget-gate bias 1 (Keras' unit_forget_bias) helps early gradient flow.
      const b = tf.tidy(() =>
        tf.concat([tf.zeros([units]), tf.ones([units]), tf.zeros([2 * units])]),
      );
      this.bias.write(b);
      b.dispose();
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return this.returnSequences
      ? [shape[0] ?? null, shape[1] ?? null, this.spec.units]
      : [shape[0] ?? null, this.spec.units];
  }

  private dropoutMask(shape: number[], rate: number): tf.Tensor {
    const seed = this.seed * 7919 + 104729 + this.calls++;
    const keep = 1 - rate;
    return tf.div(tf.floor(tf.add(tf.randomUniform(shape, 0, 1, 'float32', seed), keep)), keep);
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    return tf.tidy(() => {
      const x0 = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      if (!this.kernel || !this.recurrentKernel || !this.bias)
        throw new Error('SeqRecurrent used before build');
      const training = kwargs['training'] === true;
      const [batch, steps, dim] = x0.shape;
      let x = x0;
      if (training && this.dropout > 0)
        x = tf.mul(x, this.dropoutMask([batch, 1, dim], this.dropout));
      const mask =
        training && this.recurrentDropout > 0
          ? (this.dropoutMask([batch, this.spec.units], this.recurrentDropout) as tf.Tensor2D)
          : null;
      const k = this.kernel.read() as tf.Tensor2D;
      const rk = this.recurrentKernel.read() as tf.Tensor2D;
      const b = this.bias.read() as tf.Tensor1D;
      const out = runRecurrentSequence(this.spec, x, k, rk, b, mask, this.sequenceKernel);
      if (this.returnSequences) return out;
      return tf.reshape(tf.slice(out, [0, steps - 1, 0], [batch, 1, this.spec.units]), [
        batch,
        this.spec.units,
      ]);
    });
  }

  /** Serialised as the stock layer so model.json stays loadable by plain tfjs. */
  override getClassName(): string {
    // The base constructor asks for a class name (to make a default layer name) before spec is set.
    const spec = this.spec as RecurrentCellSpec | undefined;
    return spec ? STOCK_CLASS[spec.cell] : SeqRecurrent.className;
  }

  override getConfig(): tf.serialization.ConfigDict {
    const base = super.getConfig();
    const { cell, units, activation } = this.spec;
    const config: tf.serialization.ConfigDict = {
      ...base,
      units,
      activation,
      useBias: true,
      kernelInitializer: { className: 'GlorotUniform', config: { seed: this.seed } },
      recurrentInitializer: { className: 'Orthogonal', config: { gain: 1, seed: this.seed + 1 } },
      biasInitializer: { className: 'Zeros', config: {} },
      dropout: this.dropout,
      recurrentDropout: this.recurrentDropout,
      returnSequences: this.returnSequences,
      returnState: false,
      goBackwards: false,
      stateful: false,
      unroll: false,
    };
    if (cell !== 'rnn') config['recurrentActivation'] = 'sigmoid';
    if (cell === 'lstm') config['unitForgetBias'] = true;
    if (cell === 'gru') config['resetAfter'] = false;
    return config;
  }
}

tf.serialization.registerClass(SeqRecurrent);
