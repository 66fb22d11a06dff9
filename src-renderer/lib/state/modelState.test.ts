// ModelState with its dependencies given explicitly: the client (scripted host), the job runner,
// Explore's column and transforms, the status line and the runs list, each observed exactly.
import { describe, expect, it } from 'vitest';
import type { TransformStep } from '../../../src-main/shared/schemas/analysis';
import { ModelState } from './modelState.svelte';
import { jobHarness } from './jobHarness.testkit';
import { airPassengersInfo, monthlyDefaults, twoColumnInfo } from './studioFixtures.testkit';

function setup(explored: { column: string | null; transforms: Record<string, TransformStep[]> }) {
  const h = jobHarness();
  const model = new ModelState({
    ...h.deps,
    exploredColumn: () => explored.column,
    transformsFor: (_datasetId, column) => explored.transforms[column] ?? [],
  });
  return {
    model,
    jobs: h.deps.jobs,
    transport: h.transport,
    statuses: h.statuses,
    runsChanged: h.refreshed,
  };
}

describe('ModelState', () => {
  it("fills the form for Explore's column with Explore's transforms", async () => {
    const log: TransformStep[] = [{ kind: 'log' }];
    const t = setup({ column: 'prod', transforms: { prod: log } });
    t.transport.answer('model:defaults', (r) => ({
      ok: true,
      value: monthlyDefaults(r.target, { transforms: [{ kind: 'diff' }], testSize: 12 }),
    }));
    await t.model.ensureFor(twoColumnInfo());
    expect(t.transport.requestsOf('model:defaults')).toEqual([
      { datasetId: 'ds_c2c2c2c2', target: 'prod' },
    ]);
    expect(t.model.state.settings?.target).toBe('prod');
    expect(t.model.state.settings?.transforms).toEqual(log);
    expect(t.model.state.transformSource).toEqual({ from: 'explore', notes: [] });
    expect(t.model.state.testBy).toBe('size');
    // Shown again for the same dataset: nothing is asked again.
    await t.model.ensureFor(twoColumnInfo());
    expect(t.transport.requestsOf('model:defaults')).toHaveLength(1);
  });

  it("a new target without Explore transforms takes the engine's suggestion and its reasons", async () => {
    const t = setup({ column: null, transforms: {} });
    t.transport.answer('model:defaults', (r) => ({
      ok: true,
      value: monthlyDefaults(r.target, {
        transforms: r.target === 'prod' ? [{ kind: 'diff' }] : [],
        transformNotes: r.target === 'prod' ? ['ADF p = 0.41: differenced once.'] : [],
      }),
    }));
    await t.model.ensureFor(twoColumnInfo());
    t.model.toggleFeature('prod');
    expect(t.model.state.settings?.features).toEqual(['prod']);
    await t.model.setTarget('prod');
    expect(t.model.state.settings?.features).toEqual([]);
    expect(t.model.state.settings?.transforms).toEqual([{ kind: 'diff' }]);
    expect(t.model.state.transformSource).toEqual({
      from: 'suggested',
      notes: ['ADF p = 0.41: differenced once.'],
    });
  });

  it('requestSettings sends only the chosen way of sizing the test part', async () => {
    const t = setup({ column: null, transforms: {} });
    t.transport.answer('model:defaults', (r) => ({ ok: true, value: monthlyDefaults(r.target) }));
    await t.model.ensureFor(airPassengersInfo());
    t.model.setTestSize(24);
    expect(t.model.requestSettings()?.testSize).toBeNull();
    t.model.setTestBy('size');
    expect(t.model.requestSettings()?.testSize).toBe(24);
    t.model.setTestSize(null);
    // By size with no size given: one horizon (1 for this form).
    expect(t.model.requestSettings()?.testSize).toBe(1);
  });

  it('train sends model:fit as the active job; a failure is shown and the runs are not refreshed', async () => {
    const t = setup({ column: null, transforms: {} });
    t.transport.answer('model:defaults', (r) => ({ ok: true, value: monthlyDefaults(r.target) }));
    await t.model.ensureFor(airPassengersInfo());
    t.model.setFeatureRange([-1, 1]);
    const held = t.transport.hold('model:fit');
    const training = t.model.train();
    const { jobId, ...request } = await held.called;
    const { transformNotes: _notes, ...settings } = monthlyDefaults('AirPassengers');
    expect(request).toEqual({
      datasetId: 'ds_a1a1a1a1',
      settings: { ...settings, featureRange: [-1, 1] },
    });
    expect(t.jobs.active?.label).toBe('Training LSTM on AirPassengers');
    expect(t.model.state.training).toBe(true);
    expect(t.model.state.live?.epochsTotal).toBe(100);
    // A second click while training starts nothing.
    await t.model.train();
    expect(t.transport.requestsOf('model:fit')).toHaveLength(1);

    t.transport.emit('job:progress', {
      jobId,
      phase: 'epoch',
      fraction: 0.01,
      message: 'epoch 1',
      detail: {
        kind: 'epoch',
        epoch: 0,
        epochs: 100,
        loss: 0.5,
        valLoss: 0.6,
        seconds: 0.2,
        samplesPerSec: 500,
        etaSeconds: 19.8,
        bestEpoch: 0,
      },
    });
    expect(t.model.state.live?.epochs).toEqual([{ epoch: 0, loss: 0.5, valLoss: 0.6 }]);
    held.answer({ ok: false, error: { code: 'engine-crashed', message: 'The engine stopped.' } });
    await training;
    expect(t.model.state.training).toBe(false);
    expect(t.model.state.error).toEqual({ code: 'engine-crashed', message: 'The engine stopped.' });
    expect(t.statuses).toEqual(['Training failed: The engine stopped.']);
    expect(t.runsChanged()).toBe(0);
    expect(t.jobs.active).toBeNull();
    t.model.dismissError();
    expect(t.model.state.error).toBeNull();
  });
});
