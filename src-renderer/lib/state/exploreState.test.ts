// ExploreState given only the client and the current dataset: the exact analysis requests it
// makes, transforms kept per dataset + column (and carried to a re-opened dataset), and STL.
import { describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../../src-main/shared/schemas/dataset';
import { ExploreState } from './exploreState.svelte';
import { scriptedClient, type ScriptedTransport } from './scriptedTransport.testkit';
import { airPassengersInfo, twoColumnInfo } from './studioFixtures.testkit';

const testOptions = {
  adf: { regression: 'c', autolag: 'AIC' },
  kpss: { regression: 'c', nlags: 'auto' },
  ljungBox: { modelDf: 0, boxPierce: false },
  boxcoxMethod: 'mle',
};

function setup(dataset: DatasetInfo | null): {
  explore: ExploreState;
  transport: ScriptedTransport;
  show: (d: DatasetInfo | null) => void;
} {
  const { client, transport } = scriptedClient();
  transport
    .fail('analysis:diagnostics', { code: 'internal', message: 'diagnostics not scripted' })
    .fail('analysis:transform', { code: 'internal', message: 'preview not scripted' })
    .fail('analysis:stl', { code: 'internal', message: 'stl not scripted' });
  let current = dataset;
  const explore = new ExploreState({ client, current: () => current });
  return { explore, transport, show: (d) => (current = d) };
}

describe('ExploreState', () => {
  it('a dataset shown asks for the first column’s diagnostics and its STL at the seasonal period', async () => {
    const t = setup(airPassengersInfo());
    await t.explore.datasetChanged();
    expect(t.transport.requestsOf('analysis:diagnostics')).toEqual([
      {
        datasetId: 'ds_a1a1a1a1',
        column: 'AirPassengers',
        transforms: [],
        pacfMethod: 'ywadjusted',
        ...testOptions,
      },
    ]);
    expect(t.transport.requestsOf('analysis:transform')).toEqual([]);
    expect(t.transport.requestsOf('analysis:stl')).toEqual([
      { datasetId: 'ds_a1a1a1a1', column: 'AirPassengers', period: 12, robust: false },
    ]);
    expect(t.explore.diagnostics.error?.message).toBe('diagnostics not scripted');
    expect([t.explore.diagnostics.loading, t.explore.stl.loading]).toEqual([false, false]);
  });

  it('no seasonal period: no STL request, and Decompose is not left disabled', async () => {
    const t = setup(twoColumnInfo());
    await t.explore.datasetChanged();
    expect([t.explore.stlPeriod, t.explore.stl.loading]).toEqual([null, false]);
    expect(t.transport.requestsOf('analysis:stl')).toEqual([]);
    await t.explore.decompose(4.4, true);
    expect(t.transport.requestsOf('analysis:stl')).toEqual([
      { datasetId: 'ds_c2c2c2c2', column: 'e', period: 4, robust: true },
    ]);
    expect([t.explore.stlPeriod, t.explore.stlRobust]).toEqual([4, true]);
    // A period below 2 means none.
    await t.explore.decompose(1, false);
    expect(t.explore.stlPeriod).toBeNull();
    expect(t.transport.requestsOf('analysis:stl')).toHaveLength(1);
  });

  it('transforms are kept per column, undone in order, previewed, and follow a re-opened dataset', async () => {
    const t = setup(twoColumnInfo());
    await t.explore.datasetChanged();
    await t.explore.addTransform({ kind: 'log' });
    await t.explore.addTransform({ kind: 'diff' });
    expect(t.explore.transforms).toEqual([{ kind: 'log' }, { kind: 'diff' }]);
    expect(t.transport.requestsOf('analysis:transform').at(-1)).toEqual({
      datasetId: 'ds_c2c2c2c2',
      column: 'e',
      transforms: [{ kind: 'log' }, { kind: 'diff' }],
      maxPoints: 2000,
    });
    await t.explore.setColumn('prod');
    expect([t.explore.transforms, t.explore.canUndo]).toEqual([[], false]);
    await t.explore.setColumn('e');
    expect(t.explore.canUndo).toBe(true);
    await t.explore.undoTransform();
    expect(t.explore.transforms).toEqual([{ kind: 'log' }]);

    const reopened = twoColumnInfo({ datasetId: 'ds_d3d3d3d3' });
    t.explore.carryOver('ds_c2c2c2c2', 'ds_d3d3d3d3');
    t.show(reopened);
    expect(t.explore.transformsFor('ds_d3d3d3d3', 'e')).toEqual([{ kind: 'log' }]);
    expect(t.explore.transforms).toEqual([{ kind: 'log' }]);
    // What a model trained on the column applies: a copy, not the live list.
    const copy = t.explore.transformsFor('ds_d3d3d3d3', 'e');
    copy.push({ kind: 'diff' });
    expect(t.explore.transformsFor('ds_d3d3d3d3', 'e')).toEqual([{ kind: 'log' }]);
  });

  it('test settings and lags go into the next diagnostics request', async () => {
    const t = setup(airPassengersInfo());
    await t.explore.datasetChanged();
    await t.explore.setNlags(24);
    await t.explore.setPacfMethod('ols');
    await t.explore.setTestOptions({ adfRegression: 'ct', lbLags: [6, 12], boxPierce: true });
    expect(t.transport.requestsOf('analysis:diagnostics').at(-1)).toEqual({
      datasetId: 'ds_a1a1a1a1',
      column: 'AirPassengers',
      transforms: [],
      pacfMethod: 'ols',
      nlags: 24,
      adf: { regression: 'ct', autolag: 'AIC' },
      kpss: { regression: 'c', nlags: 'auto' },
      ljungBox: { lags: [6, 12], modelDf: 0, boxPierce: true },
      boxcoxMethod: 'mle',
    });
  });

  it('no dataset: everything cleared, nothing asked', async () => {
    const t = setup(null);
    await t.explore.datasetChanged();
    expect([t.explore.column, t.explore.diagnostics.value, t.explore.stl.value]).toEqual([
      null,
      null,
      null,
    ]);
    expect(t.transport.channels()).toEqual([]);
  });
});
