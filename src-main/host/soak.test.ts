// Soak: many consecutive trainings and explanations in one engine. After each, the engine's live
// tensor count is back at its baseline, and resident memory stays within a stated bound.
// CI runs 20 small rounds; `npm run soak` runs 200 larger ones.
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../shared/schemas/dataset';
import type { RunResult } from '../shared/schemas/model';
import { createTestHost } from './testing/testHost';

const rounds = Number(process.env.SOAK_ROUNDS ?? 20);
const units = Number(process.env.SOAK_UNITS ?? 8);
/** Growth of the engine's RSS allowed after the first (warm-up) round. */
const rssBoundBytes = 200 * 1024 * 1024;

const t = createTestHost();
afterAll(() => t.dispose());

const { value } = t;

async function memory(): Promise<{ numTensors: number; rssBytes: number }> {
  const result = await t.engine.call('debug:memory', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe(`soak: ${rounds} trainings + explanations in one engine`, () => {
  it(
    'keeps tensors at baseline after every round and RSS within the bound',
    { timeout: 60_000 + rounds * 20_000 },
    async () => {
      const air = await value<DatasetInfo>('datasets:open', {
        jobId: 'job_soak_open',
        source: { kind: 'sample', name: 'AirPassengers.csv' },
      });
      let baseline: number | null = null;
      let rssAfterWarmup = 0;
      for (let round = 0; round < rounds; round++) {
        const run = await value<RunResult>('model:fit', {
          jobId: `job_soak_fit_${round}`,
          datasetId: air.datasetId,
          settings: {
            epochs: 3,
            units,
            cell: (['lstm', 'gru', 'rnn'] as const)[round % 3],
            seed: round,
          },
        });
        await value('runs:sensitivity', {
          jobId: `job_soak_sens_${round}`,
          runId: run.id,
          method: round % 2 ? 'occlusion' : 'perturbation',
          maxWindows: 20,
        });
        await value('runs:delete', { runId: run.id });
        const m = await memory();
        baseline ??= m.numTensors;
        expect(m.numTensors, `round ${round}`).toBe(baseline);
        if (round === 0) rssAfterWarmup = m.rssBytes;
        else expect(m.rssBytes - rssAfterWarmup, `round ${round} RSS`).toBeLessThan(rssBoundBytes);
      }
    },
  );
});
