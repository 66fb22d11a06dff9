// StudioState (the composition root) over the real StudioClient and a scripted host: start-up,
// importing as the one active job, a newer import superseding a running one, and closing.
import { describe, expect, it } from 'vitest';
import { settle } from './scriptedTransport.testkit';
import { airPassengersInfo, twoColumnInfo } from './studioFixtures.testkit';
import { scriptedStudio, stubWindowEachTest } from './studioRoot.testkit';

stubWindowEachTest();

describe('StudioState', () => {
  it('opens a file as the active job and makes it current with its first column', async () => {
    const { transport, studio } = scriptedStudio();
    const held = transport.hold('datasets:open');
    const source = { kind: 'sample', name: 'AirPassengers.csv' } as const;
    const opened = studio.open(source);
    await held.called;
    expect(studio.job?.label).toBe('Importing AirPassengers.csv');
    held.answer({ ok: true, value: airPassengersInfo() });
    expect(await opened).toEqual(airPassengersInfo());

    expect(studio.job).toBeNull();
    expect(studio.currentId).toBe('ds_a1a1a1a1');
    expect(studio.current?.name).toBe('AirPassengers.csv');
    expect(studio.selectedColumns).toEqual(['AirPassengers']);
    expect(studio.status).toBe('Opened AirPassengers.csv: 144 rows, 1 numeric column(s).');
    expect(studio.explore.column).toBe('AirPassengers');
    expect(studio.explore.stlPeriod).toBe(12);
    expect(transport.channels()).toEqual([
      'datasets:open',
      'datasets:series',
      'analysis:diagnostics',
      'analysis:stl',
    ]);
    expect(transport.requestsOf('datasets:series')).toEqual([
      { datasetId: 'ds_a1a1a1a1', columns: ['AirPassengers'], maxPoints: 2000 },
    ]);
    expect(transport.requestsOf('analysis:stl')).toEqual([
      { datasetId: 'ds_a1a1a1a1', column: 'AirPassengers', period: 12, robust: false },
    ]);
  });

  it('a newer import cancels a running one, whose late answer is dropped', async () => {
    const { transport, studio } = scriptedStudio();
    transport.answer('jobs:cancel', { cancelled: true });
    const slow = transport.hold('datasets:open');
    const fast = transport.hold('datasets:open');
    const first = studio.open({ kind: 'path', path: '/data/big.csv' });
    const { jobId: slowId } = await slow.called;
    const second = studio.open({ kind: 'sample', name: 'Canada.csv' });
    await fast.called;
    expect(transport.requestsOf('jobs:cancel')).toEqual([{ jobId: slowId }]);
    expect(studio.job?.label).toBe('Importing Canada.csv');

    fast.answer({ ok: true, value: twoColumnInfo() });
    expect((await second)?.datasetId).toBe('ds_c2c2c2c2');
    slow.answer({ ok: true, value: airPassengersInfo() });
    expect(await first).toBeNull();
    expect(studio.datasets.map((d) => d.datasetId)).toEqual(['ds_c2c2c2c2']);
    expect(studio.currentId).toBe('ds_c2c2c2c2');
    expect(studio.job).toBeNull();
  });

  it('a cancelled import says so in the status bar and shows no error', async () => {
    const { transport, studio } = scriptedStudio();
    transport.fail('datasets:open', { code: 'cancelled', message: 'Cancelled.' });
    expect(await studio.open({ kind: 'sample', name: 'AirPassengers.csv' })).toBeNull();
    expect([studio.status, studio.error, studio.job]).toEqual(['Import cancelled.', null, null]);
  });

  it('start restores the host session (datasets, project title and file) without importing', async () => {
    const { transport, studio } = scriptedStudio();
    transport
      .fail('app:info', { code: 'internal', message: 'no info' })
      .answer('datasets:samples', [])
      .answer('runs:list', [])
      .answer('project:recovery', { available: false, path: null, savedAt: null, title: null })
      .answer('session:state', {
        title: 'Airline study',
        path: '/projects/airline.seriesstudio',
        datasets: [twoColumnInfo(), airPassengersInfo()],
      });
    await studio.start();
    await settle();
    expect(studio.currentId).toBe('ds_a1a1a1a1');
    expect(studio.status).toBe('Session restored: 2 open dataset(s).');
    expect(studio.project.title).toBe('Airline study');
    expect(studio.project.savedPath).toBe('/projects/airline.seriesstudio');
    expect(studio.project.path).toBe('/projects/airline.seriesstudio');
    expect(transport.requestsOf('datasets:open')).toEqual([]);
    expect(studio.error).toEqual({ code: 'internal', message: 'no info' });
  });

  it('closing the current dataset tells the host and shows the last one left', async () => {
    const { transport, studio } = scriptedStudio();
    transport.answer('datasets:close', { closed: true });
    transport.answer('datasets:open', (r) => ({
      ok: true,
      value:
        r.source.kind === 'sample' && r.source.name === 'Canada.csv'
          ? twoColumnInfo()
          : airPassengersInfo(),
    }));
    await studio.open({ kind: 'sample', name: 'Canada.csv' });
    await studio.open({ kind: 'sample', name: 'AirPassengers.csv' });
    studio.close('ds_a1a1a1a1');
    await settle();
    expect(transport.requestsOf('datasets:close')).toEqual([{ datasetId: 'ds_a1a1a1a1' }]);
    expect(studio.currentId).toBe('ds_c2c2c2c2');
    expect(studio.selectedColumns).toEqual(['e']);
    expect(studio.status).toBe('Showing Canada.csv: 84 rows, 2 numeric column(s).');
  });
});
