// Fault drills through the contract: bad training data, a killed engine mid-training, cancels of
// every job kind, and saving where nothing can be written.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../shared/schemas/dataset';
import type { RunResult, RunSummary } from '../shared/schemas/model';
import type { Result } from '../shared/result';
import { createTestHost } from './testing/testHost';

const t = createTestHost();
afterAll(() => t.dispose());
let n = 0;
const jobId = (): string => `job_fault_${++n}`;

const { value } = t;

const openAir = (): Promise<DatasetInfo> =>
  value<DatasetInfo>('datasets:open', {
    jobId: jobId(),
    source: { kind: 'sample', name: 'AirPassengers.csv' },
  });

/** A two-epoch run of `units` units: a finished run in a few seconds. */
const fitBriefly = (air: DatasetInfo, units: number): Promise<RunResult> =>
  value<RunResult>('model:fit', {
    jobId: jobId(),
    datasetId: air.datasetId,
    settings: { epochs: 2, units },
  });

async function engineState(): Promise<{ pid: number; numTensors: number }> {
  const pid = await t.engine.call('debug:pid', {});
  const memory = await t.engine.call('debug:memory', {});
  if (!pid.ok || !memory.ok) throw new Error('debug methods unavailable');
  return {
    pid: pid.value.pid,
    numTensors: memory.value.numTensors,
  };
}

/** Starts a job, cancels it once its first progress event arrives, and returns its result. */
async function cancelAfterProgress(
  channel: string,
  payload: Record<string, unknown>,
  /** Which progress event to wait for (any of the job's by default). */
  ready: (progress: Record<string, unknown>) => boolean = () => true,
): Promise<Result<unknown>> {
  const id = jobId();
  const seen = t.events.length;
  const pending = t.host.handle(channel, { ...payload, jobId: id });
  const progressed = (): boolean =>
    t.events.slice(seen).some((e) => {
      const p = e.payload as Record<string, unknown>;
      return e.event === 'job:progress' && p.jobId === id && ready(p);
    });
  let finished = false;
  void pending.then(() => (finished = true));
  while (!progressed() && !finished) await new Promise((r) => setTimeout(r, 25));
  // A drill that never reported progress before it ended did not test a cancel at all.
  if (!progressed()) throw new Error(`${channel} ended before its first progress event`);
  await t.host.handle('jobs:cancel', { jobId: id });
  return pending;
}

describe('faults', () => {
  it('refuses training on a series with missing values, naming file, row and column', async () => {
    const presidents = await value<DatasetInfo>('datasets:open', {
      jobId: jobId(),
      source: { kind: 'sample', name: 'presidents.csv' },
    });
    const result = await t.host.handle('model:fit', {
      jobId: jobId(),
      datasetId: presidents.datasetId,
      settings: { epochs: 1 },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-request');
      expect(result.error.message).toMatch(
        /^presidents\.csv row 2, column "presidents" \(1945-01-01\): a missing value/,
      );
    }
  });

  it('survives the engine being killed during training: reported, restarted, session intact', async () => {
    const air = await openAir();
    const first = await fitBriefly(air, 4);
    const { pid } = await engineState();
    const id = jobId();
    const training = t.host.handle('model:fit', {
      jobId: id,
      datasetId: air.datasetId,
      settings: { epochs: 500, patience: 0, units: 16 },
    });
    for (
      let i = 0;
      i < 600 && !t.events.some((e) => (e.payload as { jobId?: string }).jobId === id);
      i++
    )
      await new Promise((r) => setTimeout(r, 25));
    process.kill(pid, 'SIGKILL');
    const crashed = await training;
    expect(!crashed.ok && crashed.error.code).toBe('engine-crashed');
    expect(
      t.events.some(
        (e) => e.event === 'engine:status' && (e.payload as { state: string }).state === 'crashed',
      ),
    ).toBe(true);
    const after = await engineState();
    expect(after.pid).not.toBe(pid);
    // The session is intact: the old run is listed and the dataset trains again on the new engine.
    const runs = await value<RunSummary[]>('runs:list', {});
    expect(runs.map((r) => r.id)).toContain(first.id);
    const again = await fitBriefly(air, 4);
    expect(again.epochs).toHaveLength(2);
  });

  it('cancels every job kind without leaking tensors or leaving partial files', async () => {
    const air = await openAir();
    const run = await fitBriefly(air, 8);
    const baseline = (await engineState()).numTensors;

    const dir = mkdtempSync(path.join(os.tmpdir(), 'cancel-'));
    const big = path.join(dir, 'big.csv');
    const rows = ['time,a,b'];
    for (let i = 0; i < 400_000; i++) rows.push(`${i},${Math.sin(i)},${i % 7}`);
    writeFileSync(big, rows.join('\n'));
    const importing = await cancelAfterProgress('datasets:open', {
      source: { kind: 'path', path: big },
    });
    expect(!importing.ok && importing.error.code).toBe('cancelled');

    // Cancelled once an epoch is complete: the fit keeps that epoch and returns a cancelled run.
    const training = await cancelAfterProgress(
      'model:fit',
      { datasetId: air.datasetId, settings: { epochs: 500, patience: 0 } },
      (p) => (p.detail as { kind?: string } | undefined)?.kind === 'epoch',
    );
    expect(
      training.ok && (training.value as RunResult).stoppedReason,
      JSON.stringify(training).slice(0, 300),
    ).toBe('cancelled');

    // A long explanation: ±δ for every cell of every test window of a 4-feature business-daily series.
    const eu = await value<DatasetInfo>('datasets:open', {
      jobId: jobId(),
      source: { kind: 'sample', name: 'EuStockMarkets.csv' },
    });
    const euRun = await value<RunResult>('model:fit', {
      jobId: jobId(),
      datasetId: eu.datasetId,
      settings: {
        target: 'DAX',
        features: ['SMI', 'CAC', 'FTSE'],
        epochs: 1,
        layers: 2,
        units: 64,
        lookback: 60,
        horizon: 1,
      },
    });
    const baselineAfterTraining = (await engineState()).numTensors;
    expect(baselineAfterTraining).toBe(baseline);
    const explaining = await cancelAfterProgress('runs:sensitivity', {
      runId: euRun.id,
      method: 'perturbation',
      maxWindows: 0,
    });
    expect(!explaining.ok && explaining.error.code, JSON.stringify(explaining).slice(0, 300)).toBe(
      'cancelled',
    );

    const reportPath = path.join(dir, 'report.pdf');
    const report = await cancelAfterProgress('report:export', {
      title: 'x',
      datasetId: air.datasetId,
      column: null,
      runIds: [run.id],
      sections: ['dataset', 'metrics'],
      format: 'pdf',
      path: reportPath,
    });
    // Cancelled once "Gathering the report…" is reported: the PDF step (a Chromium launch) either
    // stops or never starts, so nothing is written.
    expect(!report.ok && report.error.code, JSON.stringify(report).slice(0, 300)).toBe('cancelled');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(reportPath)).toBe(false);

    expect((await engineState()).numTensors).toBe(baseline);
  }, 300_000); // a hang guard for four real jobs on a shared machine, not a speed test

  it('says clearly when a project cannot be written, and leaves nothing behind', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nowrite-'));
    const notAFolder = path.join(dir, 'file');
    writeFileSync(notAFolder, 'x');
    const result = await t.host.handle('project:save', {
      path: path.join(notAFolder, 'p.seriesstudio'),
      title: 't',
      explore: {},
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(notAFolder);
    expect(readdirSync(dir)).toEqual(['file']);
  });
});
