// The weights of a model the prefix path can run on: a stack of SeqRecurrent layers and a dense
// head, read once (the head only for the explained horizon step). Any other model gives null.
import type * as tf from '@tensorflow/tfjs';
import type { RnnCellKind, RnnShape } from '../kernels/wasm/planLayout';
import { SeqRecurrent } from '../model/recurrentLayer';

export interface LayerWeights {
  cell: RnnCellKind;
  units: number;
  inputDim: number;
  activation: 'tanh' | 'relu';
  kernel: Float32Array;
  recurrentKernel: Float32Array;
  bias: Float32Array;
}

export interface RecurrentStack {
  layers: LayerWeights[];
  /** Head column of the explained step: weights [units] and bias. */
  head: { weights: Float64Array; bias: number };
}

export function readRecurrentStack(
  model: tf.LayersModel,
  horizonIndex: number,
): RecurrentStack | null {
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

/** The forward shape of `layer` over [batch, steps] (every step's h kept, no dropout). */
export function layerShape(layer: LayerWeights, batch: number, steps: number): RnnShape {
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
