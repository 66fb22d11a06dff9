// The pretrained global forecasters shipped in resources/pretrained/<class>/ (model.json +
// weights.bin in the TensorFlow.js layers format, the Series Studio sidecar, and pretrained.json
// saying how they were trained); written by scripts/pretrain.ts, read here as plain weights.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStockModel } from '../model/modelFiles';
import type { FrequencyClass } from './frequency';
import { readWeights, type NetworkSpec, type WeightValues } from './network';

export const PRETRAINED_META = 'pretrained.json';

export interface PretrainedMeta {
  format: 'series-studio-pretrained';
  version: 1;
  frequencyClass: FrequencyClass;
  /** Network shape and training settings (lookback and horizon of the pretraining windows). */
  network: NetworkSpec;
  /** Collections pooled, e.g. ["m1", "tourism"]. */
  pool: string[];
  /** Series and windows trained on. */
  series: number;
  windows: number;
  maxWindowsPerSeries: number;
  epochsTrained: number;
  /** One network per seed: the first in the class folder, the others in seed-<seed>/. */
  seeds: number[];
  /** Mean sMAPE of the held-out validation series per candidate pool (how the pool was chosen). */
  validation: Record<string, number>;
  createdBy: string;
}

export interface Pretrained {
  dir: string;
  meta: PretrainedMeta;
  /** The first seed's weights. */
  weights: WeightValues;
  /** Every seed's weights (ensemble member k starts from members[k mod length]). */
  members: WeightValues[];
}

/** resources/pretrained: $SERIES_STUDIO_PRETRAINED_DIR, the app's resources, or up from here / cwd. */
export function pretrainedRoot(): string | null {
  const env = process.env.SERIES_STUDIO_PRETRAINED_DIR;
  if (env) return env;
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const candidates: string[] = [];
  if (resourcesPath) candidates.push(path.join(resourcesPath, 'pretrained'));
  const starts = [process.cwd()];
  try {
    starts.push(path.dirname(fileURLToPath(import.meta.url)));
  } catch {
    // Bundled without a file URL: cwd only.
  }
  for (const start of starts) {
    let dir = start;
    for (let i = 0; i < 8; i++) {
      candidates.push(path.join(dir, 'resources', 'pretrained'));
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  return candidates.find((c) => existsSync(path.join(c, 'yearly', PRETRAINED_META))) ?? null;
}

const cache = new Map<string, Promise<Pretrained>>();

/** Loads (once per folder) the pretrained forecaster in dir, through stock tfjs classes. */
export function loadPretrainedDir(dir: string): Promise<Pretrained> {
  let p = cache.get(dir);
  if (!p) {
    p = (async () => {
      const meta = JSON.parse(
        await readFile(path.join(dir, PRETRAINED_META), 'utf8'),
      ) as PretrainedMeta;
      if (meta.format !== 'series-studio-pretrained' || meta.version !== 1)
        throw new Error(`${dir} does not hold a Series Studio pretrained forecaster`);
      const seeds = meta.seeds ?? [meta.network.seed];
      const members: WeightValues[] = [];
      for (const [i, seed] of seeds.entries()) {
        const model = await loadStockModel(i === 0 ? dir : path.join(dir, `seed-${seed}`));
        try {
          members.push(readWeights(model));
        } finally {
          model.dispose();
        }
      }
      const first = members[0];
      if (!first) throw new Error(`${dir} lists no networks`);
      return { dir, meta, weights: first, members };
    })();
    cache.set(dir, p);
    p.catch(() => cache.delete(dir));
  }
  return p;
}

/** The pretrained forecaster of a class, or null (with why) when none is installed. */
export async function loadPretrained(
  cls: FrequencyClass,
  root: string | null = pretrainedRoot(),
): Promise<{ pretrained: Pretrained } | { pretrained: null; why: string }> {
  if (root === null) return { pretrained: null, why: 'no pretrained forecasters installed' };
  const dir = path.join(root, cls);
  if (!existsSync(path.join(dir, PRETRAINED_META)))
    return { pretrained: null, why: `no pretrained ${cls} forecaster in ${root}` };
  try {
    return { pretrained: await loadPretrainedDir(dir) };
  } catch (e) {
    return { pretrained: null, why: e instanceof Error ? e.message : String(e) };
  }
}
