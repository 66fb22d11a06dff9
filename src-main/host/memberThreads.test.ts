// The engine process (from the sources, as a fork) trains an ensemble's members on its member
// thread beside its own, found beside its entry point; switched off, it trains them one after
// another and says so. Through the real contract: host → engine process → worker thread.
import os from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../shared/schemas/dataset';
import type { RunResult } from '../shared/schemas/model';
import { createTestHost, type TestHost } from './testing/testHost';

const parallel = createTestHost();
const serial = createTestHost({ SERIES_STUDIO_MEMBER_WORKERS: '0' });
afterAll(() => Promise.all([parallel.dispose(), serial.dispose()]));
let n = 0;

async function fitAir(t: TestHost): Promise<RunResult> {
  const air = await t.value<DatasetInfo>('datasets:open', {
    jobId: `job_threads_${++n}`,
    source: { kind: 'sample', name: 'AirPassengers.csv' },
  });
  return t.value<RunResult>('model:fit', {
    jobId: `job_threads_${++n}`,
    datasetId: air.datasetId,
    settings: { ensemble: 3, epochs: 3, horizon: 3 },
  });
}

const twoCores = os.availableParallelism() >= 2;

describe('member threads of the engine process', () => {
  it.skipIf(!twoCores)(
    'with its member thread up, an ensemble trains on two threads (skipped on a one-core machine: no second thread)',
    async () => {
      const threads = await parallel.engine.call('debug:memberThreads', {});
      expect(threads.ok && threads.value).toEqual({ configured: true, ready: 1, disabled: null });
      const run = await fitAir(parallel);
      const record = run.forecaster?.memberThreads;
      expect(run.forecaster?.members.map((m) => m.index)).toEqual([0, 1, 2]);
      expect(record?.threads).toBe(2);
      // Member 1 goes to the ready thread at once; member 2 to whichever is free first.
      expect([1, 2]).toContain(record?.onWorkers);
      expect(record?.note).toBe(
        `3 members trained in parallel on 2 threads (${record?.onWorkers} on a second thread)`,
      );
    },
  );

  it('switched off by SERIES_STUDIO_MEMBER_WORKERS=0, members train one after another', async () => {
    const threads = await serial.engine.call('debug:memberThreads', {});
    expect(threads.ok && threads.value).toEqual({ configured: false, ready: 0, disabled: null });
    const run = await fitAir(serial);
    expect(run.forecaster?.memberThreads).toEqual({
      threads: 1,
      onWorkers: 0,
      note: '3 members trained one after another (parallel training off)',
    });
  });
});
