// Collections through the studio host and a real engine process (issue 17): open a long-format
// CSV, read a series, run a global model, save the project and reopen it in a fresh session; the
// same for a wide CSV's numeric columns; a project whose collection file changed, or whose
// collection run or wide layout is malformed, is handled before anything is written.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../shared/result';
import type {
  CollectionInfo,
  CollectionLayout,
  CollectionRun,
  CollectionSeriesData,
  CollectionsState,
} from '../shared/schemas/collection';
import type { OpenedProject } from '../shared/schemas/projectChannels';
import type { EngineClient } from './engineClient';
import { FileAccess } from './fileAccess';
import { createStudioHost, type StudioHost } from './studioHost';
import { folderSnapshot as snapshot } from './testing/folderSnapshot';
import { sourceEngine, sourcePaths } from './testing/sourceEngine';

let root: string;
let engine: EngineClient;
let n = 0;
const hosts: StudioHost[] = [];

function newHost(): { host: StudioHost; files: FileAccess } {
  const work = path.join(root, `work-${hosts.length}`);
  const files = new FileAccess({
    samplesDir: path.join(sourcePaths().resourcesDir, 'datasets'),
    uploadsDir: path.join(work, 'uploads'),
    policy: 'chosen-only',
  });
  const host = createStudioHost({
    mode: 'desktop',
    version: '0.0.0-test',
    resourcesDir: sourcePaths().resourcesDir,
    workDir: work,
    dataDir: path.join(root, 'data'),
    engine,
    files,
    emit: () => undefined,
  });
  hosts.push(host);
  return { host, files };
}

async function must<T>(host: StudioHost, channel: string, payload: unknown): Promise<T> {
  const r = (await host.handle(channel, payload)) as Result<T>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const month = (k: number) =>
  `${2000 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
/** a: 10 + k, b: 20 + 2k, c: 30 + k + (k mod 12), 30 months each, rows of b and c interleaved. */
const rows = [
  'store,month,sales',
  ...Array.from({ length: 30 }, (_, k) => `a,${month(k)},${10 + k}`),
  ...Array.from({ length: 30 }, (_, k) => [
    `b,${month(k)},${20 + 2 * k}`,
    `c,${month(k)},${30 + k + (k % 12)}`,
  ]).flat(),
];
const layout = { idColumn: 'store', timeColumn: 'month', target: 'sales' };

/** Writes `lines` to a CSV the user chose and opens it as a collection in a new host. */
async function openCollection(
  name: string,
  lines: readonly string[],
  as: CollectionLayout,
): Promise<{ csv: string; host: StudioHost; files: FileAccess; info: CollectionInfo }> {
  const csv = path.join(root, name);
  await writeFile(csv, lines.join('\n'));
  const { host, files } = newHost();
  files.allow(csv);
  const info = await must<CollectionInfo>(host, 'collections:open', {
    jobId: `job_col_${++n}`,
    source: { kind: 'path', path: csv },
    layout: as,
  });
  return { csv, host, files, info };
}

/**
 * Writes `project` as a project file, opens it in a new host and expects it refused as a whole
 * (an invalid request whose message contains `field`) with nothing written anywhere; returns
 * that host.
 */
async function refusedProject(name: string, project: unknown, field: string): Promise<StudioHost> {
  const file = path.join(root, name);
  await writeFile(file, JSON.stringify(project));
  const { host, files } = newHost();
  files.allow(file);
  const before = await snapshot(root);
  const refused = (await host.handle('project:open', {
    jobId: `job_col_${++n}`,
    path: file,
    relocate: {},
  })) as Result<OpenedProject>;
  expect(refused.ok).toBe(false);
  if (!refused.ok) {
    expect(refused.error.code).toBe('invalid-request');
    expect(refused.error.message).toContain(field);
  }
  expect(await snapshot(root)).toEqual(before);
  return host;
}

interface SavedProject {
  collections: { path: string; layout: unknown }[];
  collectionRuns: CollectionRun[];
}

/** Saves the host's session as `name`, then opens that project in a fresh host. */
async function saveAndReopen(
  host: StudioHost,
  files: FileAccess,
  name: string,
): Promise<{ saved: SavedProject; opened: OpenedProject; state: CollectionsState }> {
  const project = path.join(root, `${name}.seriesstudio`);
  files.allow(project);
  await must(host, 'project:save', { path: project, title: name, explore: {} });
  const saved = JSON.parse(await readFile(project, 'utf8')) as SavedProject;
  const fresh = await openInFreshHost(project);
  const state = await must<CollectionsState>(fresh.host, 'collections:state', {});
  return { saved, opened: fresh.opened, state };
}

/** Opens a saved project in a fresh host. */
async function openInFreshHost(
  project: string,
): Promise<{ host: StudioHost; opened: OpenedProject }> {
  const { host, files } = newHost();
  files.allow(project);
  const opened = await must<OpenedProject>(host, 'project:open', {
    jobId: `job_col_${++n}`,
    path: project,
    relocate: {},
  });
  return { host, opened };
}
const settings = { horizon: 3, cell: 'lstm', epochs: 1, ensemble: 1, local: false, arima: false };

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'collection-flow-'));
  engine = sourceEngine();
});
afterAll(async () => {
  for (const h of hosts) await h.dispose();
  await engine.dispose();
  await rm(root, { recursive: true, force: true });
});

describe('collections through the host', () => {
  it('opens, reads, fits, saves and reopens a collection with its run', async () => {
    const { csv, host, files, info } = await openCollection('stores.csv', rows, layout);
    expect(info.name).toBe('stores.csv');
    expect(info.rows).toBe(90);
    expect(info.series.map((s) => [s.id, s.length, s.frequency])).toEqual([
      ['a', 30, 'monthly'],
      ['b', 30, 'monthly'],
      ['c', 30, 'monthly'],
    ]);
    const c = await must<CollectionSeriesData>(host, 'collections:series', {
      collectionId: info.collectionId,
      id: 'c',
    });
    expect(c.values.slice(10, 14)).toEqual([50, 52, 42, 44]);

    const run = await must<CollectionRun>(host, 'collections:fit', {
      jobId: `job_col_${++n}`,
      collectionId: info.collectionId,
      settings,
    });
    expect(run.collectionName).toBe('stores.csv');
    expect(run.global.seriesTrained).toBe(3);
    // b = 20 + 2k: test 74, 76, 78 against the naive 72; MASE scale |x_t − x_{t−12}| = 24.
    expect(run.series[1]?.paths.naive?.mase).toBeCloseTo((2 + 4 + 6) / 3 / 24, 12);

    const project = path.join(root, 'stores.seriesstudio');
    const { saved, opened, state } = await saveAndReopen(host, files, 'stores');
    expect(saved.collections.map((x) => [x.path, x.layout])).toEqual([[csv, layout]]);
    expect(saved.collectionRuns).toEqual([run]);
    expect(opened.warnings).toEqual([]);
    expect(state.collections).toEqual([info]);
    expect(state.runs).toEqual([run]);

    // A changed file: the collection is not reopened, its run is kept, and the warning says so.
    await writeFile(csv, rows.join('\n').replace('a,2000-01-01,10', 'a,2000-01-01,11'));
    const third = await openInFreshHost(project);
    expect(third.opened.warnings).toEqual([
      'The collection stores.csv has changed since the project was saved, so it was not reopened; its runs are kept.',
    ]);
    const kept = await must<CollectionsState>(third.host, 'collections:state', {});
    expect(kept.collections).toEqual([]);
    expect(kept.runs.map((r) => r.runId)).toEqual([run.runId]);

    // A malformed collection run is refused as a whole, naming the field.
    await refusedProject(
      'bad.seriesstudio',
      { ...saved, collectionRuns: [{ ...run, runId: '../../x' }] },
      'collectionRuns.0.runId: not a collection run id',
    );
  }, 300_000);

  it('names the file and the column when the layout does not fit', async () => {
    const csv = path.join(root, 'stores2.csv');
    await writeFile(csv, rows.join('\n'));
    const { host, files } = newHost();
    files.allow(csv);
    const r = (await host.handle('collections:open', {
      jobId: `job_col_${++n}`,
      source: { kind: 'path', path: csv },
      layout: { ...layout, target: 'units' },
    })) as Result<CollectionInfo>;
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('import-error');
      expect(r.error.message).toBe(
        'stores2.csv has no target column "units" (columns: store, month, sales)',
      );
    }
  });
});

/** month, then three product lines: north 100 + k, south 50 + 3k (month 5 missing), a text column. */
const wideRows = [
  'month,north,region,south',
  ...Array.from(
    { length: 30 },
    (_, k) => `${month(k)},${100 + k},${k % 2 ? 'inland' : 'coast'},${k === 5 ? '' : 50 + 3 * k}`,
  ),
];
const wide = { kind: 'wide', timeColumn: 'month' } as const;

describe('a wide CSV taken as a collection through the host', () => {
  it('takes the numeric columns as series, saves the layout and reopens it', async () => {
    const { csv, host, files, info } = await openCollection('lines.csv', wideRows, wide);
    expect(info.layout).toEqual(wide);
    expect(info.rows).toBe(30);
    expect(info.series.map((s) => [s.id, s.length, s.frequency, s.problems.length])).toEqual([
      ['north', 30, 'monthly', 0],
      ['south', 30, 'monthly', 1],
    ]);
    expect(info.leftOut).toEqual([{ column: 'region', reason: 'text such as "coast" (row 2)' }]);
    const south = await must<CollectionSeriesData>(host, 'collections:series', {
      collectionId: info.collectionId,
      id: 'south',
    });
    // Month 5 is filled halfway between 62 and 68.
    expect(south.values.slice(4, 7)).toEqual([62, 65, 68]);

    const { saved, opened, state } = await saveAndReopen(host, files, 'lines');
    expect(saved.collections.map((x) => [x.path, x.layout])).toEqual([[csv, wide]]);
    expect(opened.warnings).toEqual([]);
    expect(state.collections).toEqual([info]);

    // A wide layout without its time column is refused as a whole, naming the field, and
    // nothing is written anywhere.
    const third = await refusedProject(
      'bad-wide.seriesstudio',
      { ...saved, collections: saved.collections.map((c) => ({ ...c, layout: { kind: 'wide' } })) },
      'collections.0.layout.timeColumn',
    );
    expect((await must<CollectionsState>(third, 'collections:state', {})).collections).toEqual([]);
  }, 120_000);
});
