// Save/load in the TensorFlow.js layers format (model.json + weights.bin) with our own node:fs
// I/O, so it works on every backend (tfjs-node's file:// handler only exists with tfjs-node).
// Recurrent layers are written under the stock class names (LSTM/GRU/SimpleRNN, sigmoid gates),
// so any TensorFlow.js can load model.json; loadModel then rebuilds the SeqRecurrent model from
// the sidecar and copies the weights, keeping the swappable kernel for inference.
import * as tf from '@tensorflow/tfjs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TransformStep } from '../transforms';
import { buildModel, type ModelConfig } from './buildModel';
import type { TrainingRuntime } from './recurrentKernel';
import type { ScalerParams } from './scalers';
import type { WindowSpec } from './windows';

export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';
export const SIDECAR_JSON = 'series-studio-model.json';

export interface ModelSidecar {
  format: 'series-studio-model';
  version: 1;
  createdAt: string;
  modelConfig: ModelConfig;
  target: string;
  features: string[];
  transforms: TransformStep[];
  scaler: ScalerParams;
  window: WindowSpec;
  seasonalPeriod: number;
  /** e.g. "LSTM 1×32 tanh" for display. */
  cellInfo: string;
  trainedOn: { dataset: string; rows: number; runId: string | null };
  /**
   * Forecasting-pipeline models (engine/forecasting): the seasonal adjustment and the window-level
   * normalisation the network expects; absent for classic scaler models.
   */
  forecasting?: {
    seasonal: { mode: 'multiplicative' | 'additive' | 'none'; period: number; figure: number[] };
    norm: { kind: 'ratio' | 'difference'; scale: number };
  };
}

/** A sidecar written now: the format's fixed header, then the given fields. */
export function newSidecar(
  fields: Omit<ModelSidecar, 'format' | 'version' | 'createdAt'>,
): ModelSidecar {
  return {
    format: 'series-studio-model',
    version: 1,
    createdAt: new Date().toISOString(),
    ...fields,
  };
}

export interface LoadedModel {
  dir: string;
  model: tf.LayersModel;
  sidecar: ModelSidecar;
}

async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${Date.now()}`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}

export async function saveModel(
  dir: string,
  model: tf.LayersModel,
  sidecar: ModelSidecar,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = new Uint8Array(
        tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0)),
      );
      const modelJson = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: [`./${WEIGHTS_BIN}`], weights: artifacts.weightSpecs ?? [] }],
      };
      // Weights first, model.json last: a reader never sees a model.json without its weights.
      await writeAtomic(path.join(dir, WEIGHTS_BIN), weights);
      await writeAtomic(path.join(dir, SIDECAR_JSON), JSON.stringify(sidecar, null, 2));
      await writeAtomic(path.join(dir, MODEL_JSON), JSON.stringify(modelJson));
      return {
        modelArtifactsInfo: {
          dateSaved: new Date(),
          modelTopologyType: 'JSON',
          weightDataBytes: weights.byteLength,
        },
      };
    }),
  );
}

interface ModelJsonFile {
  modelTopology: object;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

/** model.json + weights.bin as stock tfjs layers (no Series Studio classes involved). */
export async function loadStockModel(dir: string): Promise<tf.LayersModel> {
  const json = JSON.parse(await readFile(path.join(dir, MODEL_JSON), 'utf8')) as ModelJsonFile;
  const specs = json.weightsManifest.flatMap((g) => g.weights);
  const buffers = await Promise.all(
    json.weightsManifest.flatMap((g) => g.paths).map((p) => readFile(path.join(dir, p))),
  );
  const joined = Buffer.concat(buffers);
  const weightData = joined.buffer.slice(joined.byteOffset, joined.byteOffset + joined.byteLength);
  return tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: specs, weightData }),
  );
}

/** Loads a saved model whose recurrent layers run on `runtime`'s kernel. */
export async function loadModel(dir: string, runtime: TrainingRuntime): Promise<LoadedModel> {
  const sidecar = JSON.parse(await readFile(path.join(dir, SIDECAR_JSON), 'utf8')) as ModelSidecar;
  if (sidecar.format !== 'series-studio-model' || sidecar.version !== 1) {
    throw new Error(
      `${path.join(dir, SIDECAR_JSON)} is not a Series Studio model (format ${String(sidecar.format)})`,
    );
  }
  const stock = await loadStockModel(dir);
  const model = buildModel(sidecar.modelConfig, runtime);
  try {
    model.setWeights(stock.getWeights());
  } catch (e) {
    model.dispose();
    throw new Error(
      `model.json does not match the sidecar's model config: ${e instanceof Error ? e.message : String(e)}`,
    );
  } finally {
    stock.dispose();
  }
  return { dir, model, sidecar };
}
