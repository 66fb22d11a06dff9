// The shipped pretraining settings per frequency class (scripts/pretrain.ts) and the model card.
import { writeFile } from 'node:fs/promises';
import type { FrequencyClass } from './frequency';
import type { PretrainConfig, CandidateResult } from './pretrain';
import type { PretrainedMeta } from './pretrained';

const network = (lookback: number, horizon: number) => ({
  cell: 'lstm' as const,
  layers: 1,
  units: 32,
  lookback,
  horizon,
  seed: 7,
  learningRate: 2e-3,
  loss: 'mae' as const,
  epochs: 40,
  batchSize: 64,
  patience: 5,
});

const POOLS = [['m1', 'tourism'], ['m1'], ['tourism']];

export const PRETRAIN_CONFIGS: Record<FrequencyClass, PretrainConfig> = {
  yearly: {
    frequencyClass: 'yearly',
    network: network(8, 6),
    maxWindowsPerSeries: 20,
    minInputs: 2,
    holdoutEvery: 5,
    pools: POOLS,
    refitAll: true,
    seeds: [7, 8, 9],
  },
  quarterly: {
    frequencyClass: 'quarterly',
    network: network(12, 8),
    maxWindowsPerSeries: 24,
    minInputs: 4,
    holdoutEvery: 5,
    pools: POOLS,
    refitAll: true,
    seeds: [7, 8, 9],
  },
  monthly: {
    frequencyClass: 'monthly',
    network: network(24, 24),
    maxWindowsPerSeries: 36,
    minInputs: 6,
    holdoutEvery: 5,
    pools: POOLS,
    refitAll: true,
    seeds: [7, 8, 9],
  },
};

export interface ClassReport {
  cls: FrequencyClass;
  meta: PretrainedMeta;
  candidates: CandidateResult[];
  seconds: number;
}

export async function writeCard(file: string, reports: ClassReport[]): Promise<void> {
  const rows = reports.map((r) => {
    const n = r.meta.network;
    return `| ${r.cls} | ${n.cell.toUpperCase()} ${n.layers}×${n.units} | ${n.lookback} | ${n.horizon} | ${r.meta.pool.join(' + ')} | ${r.meta.series} | ${r.meta.windows} | ${r.meta.epochsTrained} | ${r.seconds.toFixed(0)} s |`;
  });
  const validation = reports.flatMap((r) =>
    r.candidates.map(
      (c) =>
        `| ${r.cls} | ${c.pool.join(' + ')} | ${Object.entries(c.smape)
          .map(([k, v]) => `${k} ${v.toFixed(2)}`)
          .join(' · ')} | ${c.score.toFixed(2)} | ${(c.bestEpoch ?? -1) + 1} of ${c.epochsRun} |`,
    ),
  );
  const text = `# Pretrained global forecasters — model card

Written by \`npm run pretrain\` (scripts/pretrain.ts, settings in
src-main/engine/forecasting/pretrainConfig.ts). Re-running it gives the same weights: seeded
initialisation and shuffling, the engine's own training loop with the fused WebAssembly kernels on
one thread.

## Data
The **training parts** of M1 (Makridakis et al. 1982; 181 yearly, 203 quarterly, 617 monthly
series) and of the tourism competition (Athanasopoulos et al. 2011; 518 yearly, 427 quarterly, 366
monthly), from ../shared/datasets. No test part of either collection was used, so benchmarks on
either collection's test parts are out of sample. M3 was never used.

## Preprocessing (per series, decided on the series' own rows)
1. Seasonal adjustment by classical multiplicative decomposition when the 90% seasonality test
   passes (|r_m| > 1.645·√((1 + 2·Σ_{k<m} r_k²)/n), at least 3 seasons); m = 4 or 12.
2. Windows of \`lookback\` inputs and \`horizon\` targets, stride 1, the most recent
   ${reports.map((r) => `${r.meta.maxWindowsPerSeries} (${r.cls})`).join(', ')} per series;
   inputs before a series' first row padded with its first value.
3. Inputs and targets as log(value / last input value).

## Architecture and training
Networks per frequency class, one per seed (${reports[0]?.meta.seeds.join(', ') ?? ''}; the first in \`<class>/\`, the others in
\`<class>/seed-<seed>/\`; the fit's ensemble member k starts from seed k mod 3): a recurrent layer and
a linear Dense head giving all horizon steps at once (a shorter horizon uses the head's first
columns). Adam, MAE loss on the log ratios,
batch ${reports[0]?.meta.network.batchSize ?? 64}, learning rate ${reports[0]?.meta.network.learningRate ?? 0}, seed ${reports[0]?.meta.network.seed ?? 0}; at most
${reports[0]?.meta.network.epochs ?? 0} epochs with early stopping (patience ${reports[0]?.meta.network.patience ?? 0}) on the held-out series' last windows;
then each seed retrained on all series of the chosen pool for the epoch count validation chose
(validation runs with the first seed).

| class | network | lookback | horizon | pool | series | windows | epochs | time |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

## Validation: what to pool per frequency
Every 5th series of each collection is held out. Each candidate pool is trained on the other
series; the score is the mean sMAPE of the held-out series' last h values (h = 6/8/18 for M1,
4/8/24 for tourism) forecast from the rows before them, averaged over the two collections. The
lowest score wins.

| class | pool | held-out sMAPE | score | best epoch |
|---|---|---|---|---|
${validation.join('\n')}

## Files
\`<class>/model.json\` + \`weights.bin\` (TensorFlow.js layers format, stock LSTM class: loads with
\`tf.loadLayersModel\`), \`series-studio-model.json\` (the Series Studio sidecar) and
\`pretrained.json\` (the settings above, machine-readable).

## Use
The default fit pipeline starts its ensemble members from these weights and fine-tunes them on
the user's series with early stopping on validation windows, or uses them zero-shot when the
series has no validation windows.
`;
  await writeFile(file, text);
}
