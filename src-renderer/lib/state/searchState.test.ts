// SearchState and BacktestState take the Model form's settings and the job runner: the exact job
// requests they send, what a finished or failed job leaves, and the runs list refreshed.
import { describe, expect, it } from 'vitest';
import { BacktestState } from './backtestState.svelte';
import { jobHarness } from './jobHarness.testkit';
import { SearchState } from './searchState.svelte';
import { monthlyDefaults } from './studioFixtures.testkit';

const { transformNotes: _notes, ...base } = monthlyDefaults('AirPassengers');
const form = { state: { datasetId: 'ds_a1a1a1a1' }, requestSettings: () => structuredClone(base) };

describe('SearchState', () => {
  it('a grid search sends the parsed grid and runs every point; the runs list is refreshed', async () => {
    const { transport, deps, statuses, refreshed } = jobHarness();
    const { jobs } = deps;
    const search = new SearchState({ ...deps, form });
    search.setMode('grid');
    search.setValues('units', '16, 32');
    search.setValues('learningRate', '0.01');
    expect(search.planned).toBe(4);
    const held = transport.hold('search:run');
    const running = search.run();
    const { jobId: _id, ...request } = await held.called;
    expect(request).toEqual({
      datasetId: 'ds_a1a1a1a1',
      base,
      mode: 'grid',
      grid: { cell: ['lstm', 'gru'], units: [16, 32], learningRate: [0.01] },
      budget: 4,
      seed: 1,
    });
    expect([search.running, jobs.active?.label]).toEqual([true, 'Grid search']);
    held.answer({ ok: false, error: { code: 'internal', message: 'trial 3 failed' } });
    await running;
    expect([search.running, search.error?.message, refreshed()]).toEqual([
      false,
      'trial 3 failed',
      1,
    ]);
    expect(statuses).toEqual([]);
  });

  it('an invalid values field starts nothing', async () => {
    const { transport, deps } = jobHarness();
    const search = new SearchState({ ...deps, form });
    search.setValues('units', '16, lots');
    expect(search.invalid).toHaveLength(1);
    await search.run();
    expect(transport.channels()).toEqual([]);
  });
});

describe('BacktestState', () => {
  it('sends its folds with the form settings; no stride means the engine default', async () => {
    const { transport, deps } = jobHarness();
    const { jobs } = deps;
    const backtest = new BacktestState({ jobs, form });
    backtest.set('folds', 2);
    backtest.set('horizon', 6);
    backtest.set('refit', 'none');
    transport.fail('backtest:run', { code: 'cancelled', message: 'Cancelled.' });
    await backtest.run();
    backtest.set('stride', 3);
    await backtest.run();
    const requests = transport.requestsOf('backtest:run').map(({ jobId: _id, ...r }) => r);
    const expected = {
      datasetId: 'ds_a1a1a1a1',
      settings: base,
      folds: 2,
      horizon: 6,
      window: 'expanding',
      refit: 'none',
    };
    expect(requests).toEqual([expected, { ...expected, stride: 3 }]);
    expect(backtest.error).toEqual({ code: 'cancelled', message: 'Cancelled.' });
    backtest.dismissError();
    expect([backtest.error, backtest.running, jobs.active]).toEqual([null, false, null]);
  });
});
