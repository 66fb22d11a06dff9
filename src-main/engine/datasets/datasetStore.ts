// The engine's cache of loaded datasets. The host sends the full spec with every call, so after an
// engine restart a miss simply re-imports: the engine holds no state the host cannot rebuild.
import type { ImportHooks } from '../csv/types';
import { openDataset, type DatasetSpec, type LoadedDataset } from './openDataset';

const maxCached = 8;

export class DatasetStore {
  private readonly loaded = new Map<string, LoadedDataset>();

  async open(spec: DatasetSpec, hooks: ImportHooks = {}): Promise<LoadedDataset> {
    const dataset = await openDataset(spec, hooks);
    this.loaded.delete(spec.datasetId);
    this.loaded.set(spec.datasetId, dataset);
    while (this.loaded.size > maxCached) {
      const oldest = this.loaded.keys().next().value;
      if (oldest === undefined) break;
      this.loaded.delete(oldest);
    }
    return dataset;
  }

  async get(spec: DatasetSpec, hooks: ImportHooks = {}): Promise<LoadedDataset> {
    return this.loaded.get(spec.datasetId) ?? this.open(spec, hooks);
  }
}
