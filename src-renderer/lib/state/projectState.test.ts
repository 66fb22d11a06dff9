// ProjectState wired as the app wires it (through StudioState) over a scripted host: the exact
// project:save request from the session, and an opened project restoring datasets, the current
// dataset and columns, transforms, explanations and the runs list.
import { describe, expect, it } from 'vitest';
import type { ResponseOf } from '../../../src-main/shared/contract';
import { settle } from './scriptedTransport.testkit';
import { airPassengersInfo, twoColumnInfo } from './studioFixtures.testkit';
import { scriptedStudio, stubWindowEachTest } from './studioRoot.testkit';

stubWindowEachTest();

type Opened = ResponseOf<'project:open'>;

/** `project:open`'s answer for a project saved at 10:00 with no runs, checks or warnings. */
function openedProject(
  path: string,
  title: string,
  parts: Pick<Opened, 'datasetIds' | 'datasets'> & Partial<Opened>,
): Opened {
  return {
    path,
    title,
    savedAt: '2026-12-01T10:00:00.000Z',
    runIds: [],
    explore: {},
    checks: [],
    needsFile: [],
    warnings: [],
    ...parts,
  };
}

describe('ProjectState', () => {
  it('saves the open datasets, the shown columns and the transforms chosen in Explore', async () => {
    const { transport, studio } = scriptedStudio();
    transport.answer('datasets:open', twoColumnInfo());
    transport.answer('project:save', { path: '/projects/canada.seriesstudio', warnings: [] });
    await studio.open({ kind: 'sample', name: 'Canada.csv' });
    studio.toggleColumn('prod');
    await studio.explore.addTransform({ kind: 'diff' });
    studio.project.open('save');
    studio.project.setTitle('Canada');
    studio.project.setPath('/projects/canada.seriesstudio');
    expect(await studio.project.save()).toBe(true);
    expect(transport.requestsOf('project:save')).toEqual([
      {
        path: '/projects/canada.seriesstudio',
        title: 'Canada',
        explore: {
          ds_c2c2c2c2: { selectedColumns: ['e', 'prod'], transforms: { e: [{ kind: 'diff' }] } },
        },
        embedCsv: false,
        datasetIds: ['ds_c2c2c2c2'],
      },
    ]);
    expect([studio.project.dialog, studio.project.savedPath, studio.status]).toEqual([
      null,
      '/projects/canada.seriesstudio',
      'Saved project to /projects/canada.seriesstudio.',
    ]);
  });

  it('an opened project brings back its datasets, columns, transforms and runs', async () => {
    const { transport, studio } = scriptedStudio();
    transport.answer(
      'project:open',
      openedProject('/projects/two.seriesstudio', 'Two datasets', {
        datasetIds: ['ds_c2c2c2c2', 'ds_a1a1a1a1'],
        datasets: [twoColumnInfo(), airPassengersInfo()],
        explore: {
          ds_c2c2c2c2: { selectedColumns: ['prod'], transforms: { prod: [{ kind: 'log' }] } },
        },
      }),
    );
    studio.project.open('open');
    expect(await studio.project.openProject('/projects/two.seriesstudio')).toBe(true);
    await settle();
    expect(studio.datasets.map((d) => d.datasetId)).toEqual(['ds_c2c2c2c2', 'ds_a1a1a1a1']);
    expect([studio.currentId, studio.selectedColumns]).toEqual(['ds_c2c2c2c2', ['prod']]);
    expect(studio.explore.transformsFor('ds_c2c2c2c2', 'prod')).toEqual([{ kind: 'log' }]);
    expect(studio.project.title).toBe('Two datasets');
    expect(studio.project.savedPath).toBe('/projects/two.seriesstudio');
    expect(studio.project.dialog).toBeNull();
    expect(studio.status).toBe('Opened project "Two datasets": 2 dataset(s), 0 run(s).');
    expect(transport.requestsOf('project:open').map(({ jobId: _id, ...r }) => r)).toEqual([
      { path: '/projects/two.seriesstudio', relocate: {} },
    ]);
    expect(transport.requestsOf('datasets:open')).toEqual([]);
    expect(transport.requestsOf('runs:list')).toHaveLength(1);
    expect(transport.requestsOf('datasets:series').at(-1)).toEqual({
      datasetId: 'ds_c2c2c2c2',
      columns: ['prod'],
      maxPoints: 2000,
    });
  });

  it('a project whose CSV moved keeps the open dialog, asking for that file', async () => {
    const { transport, studio } = scriptedStudio();
    transport.answer(
      'project:open',
      openedProject('/projects/moved.seriesstudio', 'Moved', {
        datasetIds: ['ds_a1a1a1a1'],
        datasets: [],
        needsFile: [
          { datasetId: 'ds_a1a1a1a1', name: 'AirPassengers.csv', path: '/old/AirPassengers.csv' },
        ],
      }),
    );
    expect(await studio.project.openProject('/projects/moved.seriesstudio')).toBe(false);
    expect(studio.project.dialog).toBe('open');
    studio.project.relocateDataset('ds_a1a1a1a1', '/new/AirPassengers.csv');
    await studio.project.openProject('/projects/moved.seriesstudio');
    expect(transport.requestsOf('project:open').at(-1)?.relocate).toEqual({
      ds_a1a1a1a1: '/new/AirPassengers.csv',
    });
  });
});
