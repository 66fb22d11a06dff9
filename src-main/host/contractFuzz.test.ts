import { afterAll, describe, expect, it } from 'vitest';
import { channelNames } from '../shared/channelNames';
import { fuzzChannel, fuzzUnknownChannels } from './contractFuzz';
import { createTestHost } from './testing/testHost';

const runs = Number(process.env.FUZZ_RUNS ?? 1000);
const test = createTestHost();
afterAll(() => test.dispose());

describe(`contract fuzzing (${runs} cases per channel)`, () => {
  for (const channel of channelNames) {
    it(`${channel}: random and mutated payloads get a Result, never an exception`, async () => {
      await fuzzChannel(test.host, channel, runs);
    });
  }

  it('unknown channels are refused with unknown-channel', async () => {
    await fuzzUnknownChannels(test.host, runs);
  });

  it('the engine is still alive and correct afterwards', async () => {
    const result = await test.host.handle('datasets:open', {
      jobId: 'job_after_fuzz',
      source: { kind: 'sample', name: 'Nile.csv' },
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.value as { rows: number }).rows).toBe(100);
  });
});
