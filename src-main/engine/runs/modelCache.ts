// Trained models loaded back from their folders, a few at a time; evicted ones are disposed.
import type * as tf from '@tensorflow/tfjs';
import { loadModel } from '../model/modelFiles';

const capacity = 3;
const cache = new Map<string, Promise<tf.LayersModel>>();

export async function cachedModel(dir: string): Promise<tf.LayersModel> {
  const hit = cache.get(dir);
  if (hit) {
    cache.delete(dir);
    cache.set(dir, hit);
    return hit;
  }
  const loading = loadModel(dir).then((loaded) => loaded.model);
  cache.set(dir, loading);
  loading.catch(() => cache.delete(dir));
  while (cache.size > capacity) {
    const [oldest, model] = cache.entries().next().value ?? [];
    if (oldest === undefined || model === undefined) break;
    cache.delete(oldest);
    void model.then((m) => m.dispose()).catch(() => undefined);
  }
  return loading;
}

/** Drops a model from the cache (its run was deleted) and frees its tensors. */
export async function evictModel(dir: string): Promise<boolean> {
  const entry = cache.get(dir);
  if (!entry) return false;
  cache.delete(dir);
  try {
    (await entry).dispose();
  } catch {
    // a model that failed to load holds no tensors
  }
  return true;
}
