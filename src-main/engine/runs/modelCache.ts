// Trained models loaded back from their folders, a few at a time; evicted ones are disposed.
import type * as tf from '@tensorflow/tfjs';
import { loadModel } from '../model/modelFiles';
import type { TrainingRuntime } from '../model/recurrentKernel';

const capacity = 3;
const cache = new Map<string, Promise<tf.LayersModel>>();
/** The runtime each cached model was loaded with (a model keeps its runtime's kernel). */
const loadedWith = new Map<string, TrainingRuntime>();

export async function cachedModel(dir: string, runtime: TrainingRuntime): Promise<tf.LayersModel> {
  const hit = cache.get(dir);
  if (hit && loadedWith.get(dir) === runtime) {
    cache.delete(dir);
    cache.set(dir, hit);
    return hit;
  }
  if (hit) await evictModel(dir);
  const loading = loadModel(dir, runtime).then((loaded) => loaded.model);
  cache.set(dir, loading);
  loadedWith.set(dir, runtime);
  loading.catch(() => cache.delete(dir));
  while (cache.size > capacity) {
    const [oldest, model] = cache.entries().next().value ?? [];
    if (oldest === undefined || model === undefined) break;
    cache.delete(oldest);
    loadedWith.delete(oldest);
    void model.then((m) => m.dispose()).catch(() => undefined);
  }
  return loading;
}

/** Drops a model from the cache (its run was deleted) and frees its tensors. */
export async function evictModel(dir: string): Promise<boolean> {
  const entry = cache.get(dir);
  if (!entry) return false;
  cache.delete(dir);
  loadedWith.delete(dir);
  try {
    (await entry).dispose();
  } catch {
    // a model that failed to load holds no tensors
  }
  return true;
}
