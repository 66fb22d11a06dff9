// npm run pretrain [-- --pool auto|m1|tourism|both] [--classes yearly,quarterly,monthly]
//                  [--out resources/pretrained] [--data ../shared/datasets] [--candidates DIR]
// Trains the pretrained global forecasters (one per frequency class) on the training parts of M1
// and tourism through the engine's own training loop and fused kernels, single-threaded and
// seeded so a re-run gives the same weights; writes resources/pretrained/<class>/ and CARD.md.
// `--pool auto` chooses the pool per class by validation on held-out series; the candidates are
// kept in --candidates (default $TMPDIR/series-studio-pretrain-candidates) for the bench's
// cross-over figures (tourism only → M1, M1 only → tourism).
process.env.SERIES_STUDIO_KERNEL_THREADS = '0';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { initBackend } from '../src-main/engine/model/backend';
import { engineRuntime } from '../src-main/engine/kernels/trainingRuntime';
import { readLongCsv } from '../src-main/engine/forecasting/collections';
import type { FrequencyClass } from '../src-main/engine/forecasting/frequency';
import {
  pretrainClass,
  savePretrained,
  type PretrainSource,
} from '../src-main/engine/forecasting/pretrain';
import { PRETRAIN_CONFIGS, writeCard } from '../src-main/engine/forecasting/pretrainConfig';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const HORIZONS: Record<string, Record<FrequencyClass, number>> = {
  m1: { yearly: 6, quarterly: 8, monthly: 18 },
  tourism: { yearly: 4, quarterly: 8, monthly: 24 },
};

async function main(): Promise<void> {
  const data = path.resolve(arg('data', path.join('..', 'shared', 'datasets')));
  const out = path.resolve(arg('out', path.join('resources', 'pretrained')));
  const candidatesDir = path.resolve(
    arg('candidates', path.join(os.tmpdir(), 'series-studio-pretrain-candidates')),
  );
  const pool = arg('pool', 'auto');
  const classes = arg('classes', 'yearly,quarterly,monthly').split(',') as FrequencyClass[];
  await initBackend(arg('backend', 'cpu') as 'cpu');
  const kernel = await engineRuntime();
  console.log(`kernel: ${kernel.name}`);
  const reports = [];
  for (const cls of classes) {
    const sources: PretrainSource[] = ['m1', 'tourism'].map((name) => ({
      name,
      series: readLongCsv(path.join(data, name, `${name}-${cls}.csv`)),
      h: HORIZONS[name]?.[cls] ?? 1,
    }));
    const base = PRETRAIN_CONFIGS[cls];
    const pools = pool === 'auto' ? base.pools : [pool === 'both' ? ['m1', 'tourism'] : [pool]];
    const started = performance.now();
    const result = await pretrainClass(sources, { ...base, pools }, (s) => console.log(s));
    await mkdir(path.join(out, cls), { recursive: true });
    await savePretrained(path.join(out, cls), result.models, result.meta);
    for (const [name, model] of result.candidateModels) {
      await savePretrained(path.join(candidatesDir, name, cls), model, {
        ...result.meta,
        pool: name.split('+'),
        seeds: [base.network.seed],
      });
      if (!result.models.includes(model)) model.dispose();
    }
    for (const model of result.models) model.dispose();
    const seconds = (performance.now() - started) / 1000;
    console.log(`${cls}: ${seconds.toFixed(1)} s`);
    reports.push({ cls, meta: result.meta, candidates: result.candidates, seconds });
  }
  if (pool === 'auto' && classes.length === 3) {
    const card = path.join(out, 'CARD.md');
    await writeCard(card, reports);
    // The repo's formatting (npm run lint checks it).
    execFileSync(path.join('node_modules', '.bin', 'prettier'), ['--write', card], {
      stdio: 'ignore',
    });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
