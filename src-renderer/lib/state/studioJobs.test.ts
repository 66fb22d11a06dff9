// StudioJobs over the real StudioClient and a scripted transport: the active job, its progress
// (routed by the client-made job id), who clears it, and cancel sent as `jobs:cancel`.
import { describe, expect, it } from 'vitest';
import { scriptedClient, settle } from './scriptedTransport.testkit';
import { StudioJobs } from './studioJobs.svelte';

const progress = (jobId: string, message: string, fraction: number | null) => ({
  jobId,
  phase: 'rows',
  fraction,
  message,
});

describe('StudioJobs', () => {
  it('shows a job with its progress until its result arrives, then none', async () => {
    const { client, transport } = scriptedClient();
    const jobs = new StudioJobs(client);
    const held = transport.hold('datasets:open');
    const seen: string[] = [];
    const source = { kind: 'sample', name: 'AirPassengers.csv' } as const;
    const job = jobs.start('Importing AirPassengers.csv', 'datasets:open', { source }, (p) =>
      seen.push(p.message),
    );
    const { jobId, ...request } = await held.called;
    expect(jobId).toMatch(/^job_[0-9a-f]{32}$/);
    expect(request).toEqual({ source });
    expect(jobs.active?.label).toBe('Importing AirPassengers.csv');
    expect(jobs.active?.progress).toBeNull();

    transport.emit('job:progress', progress(jobId, '72 of 144 rows', 0.5));
    expect(jobs.active?.progress).toEqual(progress(jobId, '72 of 144 rows', 0.5));
    expect(seen).toEqual(['72 of 144 rows']);
    // Another job's progress is not this job's.
    transport.emit('job:progress', progress('job_other', 'elsewhere', 0.9));
    expect(jobs.active?.progress?.message).toBe('72 of 144 rows');
    expect(job.isActive()).toBe(true);

    held.answer({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
    expect(await job.result).toEqual({
      ok: false,
      error: { code: 'cancelled', message: 'Cancelled.' },
    });
    expect(jobs.active).toBeNull();
    expect(job.isActive()).toBe(false);
  });

  it('a later job replaces an earlier one, whose end then leaves the later one shown', async () => {
    const { client, transport } = scriptedClient();
    const jobs = new StudioJobs(client);
    const first = transport.hold('backtest:run');
    const second = transport.hold('search:run');
    const a = jobs.start('Backtest, 3 folds', 'backtest:run', {
      datasetId: 'ds_a1a1a1a1',
      settings: {},
      folds: 3,
      horizon: 12,
      window: 'expanding',
      refit: 'scratch',
    });
    const firstId = (await first.called).jobId;
    const b = jobs.start('Grid search', 'search:run', {
      datasetId: 'ds_a1a1a1a1',
      base: {},
      mode: 'grid',
      grid: { units: [8, 16] },
      budget: 2,
      seed: 1,
    });
    await second.called;
    expect(jobs.active?.label).toBe('Grid search');
    // The replaced job's progress no longer reaches the status bar.
    transport.emit('job:progress', progress(firstId, 'fold 2 of 3', 0.66));
    expect(jobs.active?.progress).toBeNull();

    first.answer({ ok: false, error: { code: 'internal', message: 'boom' } });
    await a.result;
    expect(jobs.active?.label).toBe('Grid search');
    second.answer({ ok: false, error: { code: 'internal', message: 'boom' } });
    await b.result;
    expect(jobs.active).toBeNull();
  });

  it('cancel sends jobs:cancel with the active job id; without a job it sends nothing', async () => {
    const { client, transport } = scriptedClient();
    const jobs = new StudioJobs(client);
    transport.answer('jobs:cancel', { cancelled: true });
    await jobs.cancel();
    expect(transport.channels()).toEqual([]);

    const held = transport.hold('runs:sensitivity');
    jobs.start('Explaining with perturbation', 'runs:sensitivity', {
      runId: 'run_1',
      method: 'perturbation',
      delta: 0.1,
      deltaUnit: 'scaled',
      maxWindows: 200,
      horizonStep: 0,
      steps: 32,
    });
    const { jobId } = await held.called;
    await jobs.cancel();
    expect(transport.requestsOf('jobs:cancel')).toEqual([{ jobId }]);
    held.answer({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
    await settle();
    expect(jobs.active).toBeNull();
  });
});
