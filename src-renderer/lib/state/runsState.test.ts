// The Runs tab's states with their dependencies given explicitly: RunsState (list, selection,
// showing a run in the tab), CompareState and InspectState's sensitivity job, each against the
// exact calls a scripted host receives.
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src-main/shared/contract';
import type { RunSummary } from '../../../src-main/shared/schemas/model';
import { CompareState } from './compareState.svelte';
import { jobHarness } from './jobHarness.testkit';
import { InspectState } from './inspectState.svelte';
import { RunsState } from './runsState.svelte';
import { scriptedClient } from './scriptedTransport.testkit';

function summary(id: string, rmse: number, createdAt: string): RunSummary {
  const [parsed] = contract['runs:list'].response.parse([
    {
      id,
      datasetId: 'ds_a1a1a1a1',
      datasetName: 'AirPassengers.csv',
      createdAt,
      label: `LSTM 1×8 · ${id}`,
      target: 'AirPassengers',
      stoppedReason: 'completed',
      metrics: {
        mse: rmse * rmse,
        rmse,
        mae: rmse * 0.8,
        r2: 0.9,
        mape: 4,
        mapeSkipped: 0,
        smape: 4,
        mase: 0.6,
        count: 29,
      },
      naiveRmse: 52.49,
      valLoss: 0.03,
      backend: 'WebAssembly (SIMD)',
      kernel: 'Fused WebAssembly kernels (SIMD)',
      trainingSeconds: 2.4,
      origin: 'fit',
      best: false,
    },
  ]);
  if (!parsed) throw new Error('no summary');
  return parsed;
}

describe('RunsState', () => {
  it('lists runs newest first, drops a deleted run from the selection, and shows a run in its tab', async () => {
    const { client, transport } = scriptedClient();
    let list = [
      summary('run_aaaa', 21.96, '2026-12-02T18:30:00.000Z'),
      summary('run_bbbb', 30.1, '2026-12-02T18:40:00.000Z'),
    ];
    transport.answer('runs:list', () => ({ ok: true, value: list }));
    transport.fail('runs:get', { code: 'not-found', message: 'No run run_bbbb.' });
    const tabs: string[] = [];
    const runs = new RunsState({
      client,
      showTab: () => tabs.push('runs'),
      report: () => undefined,
    });
    await runs.refresh();
    expect(runs.visible.map((r) => r.id)).toEqual(['run_bbbb', 'run_aaaa']);
    runs.sortBy('createdAt');
    expect(runs.visible.map((r) => r.id)).toEqual(['run_aaaa', 'run_bbbb']);
    runs.setFilter('bbbb');
    expect(runs.visible.map((r) => r.id)).toEqual(['run_bbbb']);

    await runs.toggle('run_aaaa');
    await runs.toggle('run_bbbb');
    expect(runs.selected).toEqual(['run_aaaa', 'run_bbbb']);
    list = list.filter((r) => r.id !== 'run_bbbb');
    transport.answer('runs:delete', { deleted: true });
    await runs.remove('run_bbbb');
    expect(runs.selected).toEqual(['run_aaaa']);
    expect(transport.requestsOf('runs:delete')).toEqual([{ runId: 'run_bbbb' }]);

    runs.showDetail('residuals');
    await runs.show('run_aaaa');
    expect(tabs).toEqual(['runs']);
    expect([runs.selected, runs.detailView]).toEqual([['run_aaaa'], 'overview']);
    expect(transport.channels().slice(-2)).toEqual(['runs:list', 'runs:get']);
    expect(runs.error).toEqual({ code: 'not-found', message: 'No run run_bbbb.' });
  });
});

describe('CompareState', () => {
  it('compares with the chosen loss, horizon and alternative', async () => {
    const { client, transport } = scriptedClient();
    transport.fail('runs:compare', { code: 'invalid-request', message: 'different test parts' });
    const compare = new CompareState({ client });
    compare.set('loss', 'absolute');
    compare.set('h', 3);
    compare.set('alternative', 'less');
    await compare.compare('run_aaaa', 'run_bbbb');
    expect(transport.requestsOf('runs:compare')).toEqual([
      { runA: 'run_aaaa', runB: 'run_bbbb', loss: 'absolute', h: 3, alternative: 'less' },
    ]);
    expect([
      compare.comparison.value,
      compare.comparison.error?.message,
      compare.comparison.loading,
    ]).toEqual([null, 'different test parts', false]);
  });
});

describe('InspectState', () => {
  it('explains a run as the active job with the form settings; a cancel says so', async () => {
    const { transport, deps, statuses } = jobHarness();
    const { jobs } = deps;
    const inspect = new InspectState(deps);
    inspect.setMethod('occlusion');
    inspect.set('maxWindows', 0);
    inspect.set('horizonStep', 2);
    const held = transport.hold('runs:sensitivity');
    const computing = inspect.computeSensitivity('run_aaaa');
    const { jobId, ...request } = await held.called;
    expect(request).toEqual({
      runId: 'run_aaaa',
      method: 'occlusion',
      delta: 0.1,
      deltaUnit: 'scaled',
      maxWindows: 0,
      horizonStep: 2,
      steps: 32,
    });
    expect([inspect.computing, jobs.active?.label]).toEqual([true, 'Explaining with occlusion']);
    transport.emit('job:progress', { jobId, phase: 'windows', fraction: 0.25, message: '25%' });
    expect(inspect.progress).toBe(0.25);
    held.answer({ ok: false, error: { code: 'cancelled', message: 'Cancelled.' } });
    await computing;
    expect([inspect.computing, inspect.sensitivityError, statuses]).toEqual([
      false,
      null,
      ['Sensitivity cancelled.'],
    ]);
    expect(inspect.explanationOf('run_aaaa')).toBeNull();
  });
});
