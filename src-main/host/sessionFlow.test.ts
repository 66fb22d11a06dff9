import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../shared/schemas/dataset';
import type { RunResult } from '../shared/schemas/model';
import type { SearchResult, BacktestResult } from '../shared/schemas/search';
import type { SensitivityResult } from '../shared/schemas/interpret';
import type { OpenedProject } from '../shared/schemas/projectChannels';
import { createTestHost, type TestHost } from './testing/testHost';

const hosts: TestHost[] = [];
afterAll(async () => {
  for (const h of hosts) await h.dispose();
});

function newHost(): TestHost {
  const h = createTestHost();
  hosts.push(h);
  return h;
}

let n = 0;
const jobId = (): string => `job_flow_${++n}`;

/** A run explained through one host: the method and the rest of the request past its ids. */
function explain(
  host: TestHost,
  runId: string,
  request: { method: SensitivityResult['method']; maxWindows: number; steps?: number },
): Promise<SensitivityResult> {
  return host.value<SensitivityResult>('runs:sensitivity', { jobId: jobId(), runId, ...request });
}
const small = {
  target: 'AirPassengers',
  testSize: 24,
  epochs: 2,
  units: 6,
  lookback: 12,
  horizon: 1,
};

describe('a whole session through the contract', () => {
  const h = newHost();
  let dataset: DatasetInfo;
  let run: RunResult;
  let explained: SensitivityResult;

  it('searches, explains, and backtests on AirPassengers', async () => {
    dataset = await h.value<DatasetInfo>('datasets:open', {
      jobId: jobId(),
      source: { kind: 'sample', name: 'AirPassengers.csv' },
    });
    const search = await h.value<SearchResult>('search:run', {
      jobId: jobId(),
      datasetId: dataset.datasetId,
      base: small,
      mode: 'random',
      grid: { units: [4, 8], cell: ['lstm', 'gru'] },
      budget: 3,
      seed: 3,
    });
    expect(search.trials).toHaveLength(3);
    expect(search.trials.filter((t) => t.isBest)).toHaveLength(1);
    expect(search.ranking).toMatch(/validation loss/);
    const best = search.trials.find((t) => t.isBest);
    const others = search.trials.filter((t) => !t.isBest && t.valLoss !== null);
    for (const o of others) expect(o.valLoss ?? 0).toBeGreaterThanOrEqual(best?.valLoss ?? 0);
    run = await h.value<RunResult>('runs:get', { runId: search.bestRunId });

    const occlusion = await explain(h, run.id, { method: 'occlusion', maxWindows: 10 });
    expect(occlusion.windows).toBe(10);
    expect(occlusion.effect).toHaveLength(10 * run.config.lookback);
    const ig = await explain(h, run.id, {
      method: 'integrated-gradients',
      maxWindows: 5,
      steps: 16,
    });
    expect(ig.completenessGap).toHaveLength(5);
    explained = ig;

    const bt = await h.value<BacktestResult>('backtest:run', {
      jobId: jobId(),
      datasetId: dataset.datasetId,
      settings: { ...small, epochs: 1 },
      folds: 3,
      horizon: 12,
      refit: 'none',
    });
    expect(bt.folds).toHaveLength(3);
    expect(bt.folds.every((f) => f.trainEnd <= f.testStart)).toBe(true);
    expect(bt.folds[2]?.testEnd).toBe(144);
    expect(bt.aggregate.rmse?.model?.mean).toBeGreaterThan(0);
    expect(Object.keys(bt.aggregate.rmse ?? {})).toContain('naive');
  });

  it('saves a project, and a fresh session opens it with the same runs', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'project-'));
    const file = path.join(dir, 'air.seriesstudio');
    await h.value('project:save', { path: file, title: 'Air', explore: {} });
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      runs: { id: string }[];
      explanations: Record<string, SensitivityResult>;
    };
    // The run's latest explanation (integrated gradients) is saved with it.
    expect(Object.keys(saved.explanations)).toEqual([run.id]);
    expect(saved.explanations[run.id]).toEqual(explained);
    const other = newHost();
    const opened = await other.value<OpenedProject>('project:open', {
      jobId: jobId(),
      path: file,
    });
    expect(opened.title).toBe('Air');
    expect(opened.runIds.sort()).toEqual(saved.runs.map((r) => r.id).sort());
    expect(opened.checks.every((c) => c.status === 'ok')).toBe(true);
    // … and comes back on open, for the Explain view and the report.
    expect(opened.explanations).toEqual({ [run.id]: explained });
    // The reopened run still has its model: it can be explained again.
    const again = await explain(other, run.id, { method: 'perturbation', maxWindows: 4 });
    expect(again.windows).toBe(4);
  });

  it('exports HTML and PDF reports', async () => {
    const request = {
      title: 'Air report',
      datasetId: dataset.datasetId,
      column: 'AirPassengers',
      runIds: [run.id],
      sections: ['dataset', 'metrics', 'residuals'],
      path: null,
    };
    const html = await h.value<{ base64: string }>('report:export', {
      ...request,
      jobId: jobId(),
      format: 'html',
    });
    const text = Buffer.from(html.base64, 'base64').toString('utf8');
    expect(text).toContain('Dataset summary');
    expect(text).toContain('Metrics against baselines');
    expect(text).not.toContain('Training curves');
    const pdf = await h.value<{ base64: string; sizeBytes: number }>('report:export', {
      ...request,
      jobId: jobId(),
      format: 'pdf',
    });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });
});
