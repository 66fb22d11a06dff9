// Collections (issue 17): index a long-format or wide CSV, read one series, run a global model
// over it.
// The index of each file version (path, layout, content hash) is cached, so a restarted engine
// rebuilds it from the parameters alone.
import path from 'node:path';
import { StudioFailure } from '../../shared/result';
import type { CollectionLayout } from '../../shared/schemas/collection';
import { fitCollection, indexCollection, seriesData } from '../collections/appCollection';
import type { CollectionSource } from '../collections/collectionSource';
import type { HandlersFor } from '../process/methodTypes';
import { backendInfo } from './backendInfo';

const CACHED = 8;

/** A file the reader refuses is the user's to fix: an import error naming the file. */
async function readable<T>(file: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof Error) || e.name === 'AbortError' || e instanceof StudioFailure) throw e;
    const name = path.basename(file);
    const text = e.message.includes(name) ? e.message : `${name}: ${e.message}`;
    throw new StudioFailure('import-error', text);
  }
}

export function collectionMethods(): HandlersFor<
  'collections:index' | 'collections:series' | 'collections:fit'
> {
  const cache = new Map<string, CollectionSource>();
  async function indexOf(p: {
    path: string;
    layout: CollectionLayout;
    sha256: string;
  }): Promise<CollectionSource> {
    const key = JSON.stringify([p.path, p.sha256, p.layout]);
    const known = cache.get(key);
    if (known) return known;
    const { index } = await readable(p.path, () => indexCollection(p.path, p.layout));
    cache.set(key, index);
    if (cache.size > CACHED) cache.delete(cache.keys().next().value as string);
    return index;
  }
  return {
    'collections:index': async (params) => {
      const { index, summary } = await readable(params.path, () =>
        indexCollection(params.path, params.layout),
      );
      cache.set(JSON.stringify([params.path, params.sha256, params.layout]), index);
      return summary;
    },
    'collections:series': async (params) => {
      const index = await indexOf(params);
      return readable(params.path, async () => seriesData(index, params.id));
    },
    'collections:fit': async (params, ctx) => {
      await backendInfo();
      const index = await indexOf(params);
      return fitCollection(index, params.settings, {
        signal: ctx.signal,
        progress: (fraction, message) => ctx.progress({ phase: 'evaluate', fraction, message }),
        onEpoch: (p, fraction) =>
          ctx.progress({
            phase: 'train',
            fraction,
            message: `Global network: epoch ${p.epoch} of ${p.epochs} · loss ${p.loss.toPrecision(4)}`,
            detail: {
              kind: 'epoch',
              epoch: p.epoch,
              epochs: p.epochs,
              loss: Number.isFinite(p.loss) ? p.loss : null,
              valLoss: p.valLoss !== null && Number.isFinite(p.valLoss) ? p.valLoss : null,
              seconds: p.seconds,
              samplesPerSec: Number.isFinite(p.samplesPerSec) ? p.samplesPerSec : null,
              etaSeconds: Number.isFinite(p.etaSeconds) ? p.etaSeconds : null,
              bestEpoch: p.bestEpoch,
            },
          }),
      });
    },
  };
}
