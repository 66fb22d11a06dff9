import { mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProject, saveProject } from './projectFile';
import type { ProjectFileError } from './projectErrors';
import { runModelDir } from './projectModels';
import {
  CSV_SHA256,
  CSV_TEXT,
  datasetEntry,
  modelHash,
  sampleProject,
} from './projectData.testkit';

let dir: string;
let csv: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'project-'));
  csv = path.join(dir, 'sales.csv');
  file = path.join(dir, 'study.seriesstudio');
  await writeFile(csv, CSV_TEXT);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const errorOf = (p: Promise<unknown>): Promise<ProjectFileError> =>
  p.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e as ProjectFileError,
  );

describe('saveProject / openProject', () => {
  it('round-trips a project and reports an unchanged CSV as ok', async () => {
    const project = sampleProject(
      [datasetEntry(csv)],
      [{ id: 'run-1', modelDir: null, metrics: { rmse: 1.5 } }],
    );
    await saveProject(file, project);
    const opened = await openProject(file);
    expect(opened.project).toEqual(project);
    expect(opened.datasetChecks).toEqual([
      {
        datasetId: 'ds_0123456789abcdef',
        status: 'ok',
        path: csv,
        embedded: false,
        actualSha256: CSV_SHA256,
      },
    ]);
  });

  it('keeps the previous save as .bak', async () => {
    await saveProject(file, sampleProject([]));
    await saveProject(file, { ...sampleProject([]), title: 'second' });
    expect(JSON.parse(await readFile(`${file}.bak`, 'utf8'))).toMatchObject({
      title: sampleProject([]).title,
    });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ title: 'second' });
  });

  it('flags a moved CSV and a changed CSV', async () => {
    await saveProject(file, sampleProject([datasetEntry(csv)]));
    await rename(csv, path.join(dir, 'elsewhere.csv'));
    expect((await openProject(file)).datasetChecks[0]?.status).toBe('moved');
    // Same size, one digit different: only the hash can tell.
    await writeFile(csv, CSV_TEXT.replace('2\n', '3\n'));
    const changed = (await openProject(file)).datasetChecks[0];
    expect(changed?.status).toBe('changed');
    expect(changed?.actualSha256).not.toBe(CSV_SHA256);
    // Different size: changed without hashing.
    await writeFile(csv, `${CSV_TEXT}2020-03-01,3\n`);
    expect((await openProject(file)).datasetChecks[0]).toMatchObject({
      status: 'changed',
      actualSha256: null,
    });
  });

  it('says when a moved dataset is embedded in the project', async () => {
    const entry = {
      ...datasetEntry(path.join(dir, 'gone.csv')),
      embeddedCsv: CSV_TEXT,
    };
    await saveProject(file, sampleProject([entry]));
    const opened = await openProject(file);
    expect(opened.datasetChecks[0]).toMatchObject({ status: 'moved', embedded: true });
    expect(opened.project.datasets[0]?.embeddedCsv).toBe(CSV_TEXT);
  });

  it('copies model folders beside the project and stores them relative to it', async () => {
    const model = path.join(dir, 'tmp-model');
    await mkdir(model);
    await writeFile(path.join(model, 'model.json'), '{"m":1}');
    const saved = await saveProject(
      file,
      sampleProject(
        [],
        [
          { id: 'run_a', modelDir: model },
          { id: 'run_b', modelDir: path.join(dir, 'nope') },
        ],
      ),
    );
    expect(saved.warnings).toEqual([expect.stringContaining('run_b')]);
    const raw = JSON.parse(await readFile(file, 'utf8')) as { runs: { modelDir: string | null }[] };
    // One immutable version folder per model content: "<runId>-<16 hex of its sha256>".
    const version = `run_a-${modelHash([['model.json', '{"m":1}']])}`;
    expect(raw.runs.map((r) => r.modelDir)).toEqual([`study.seriesstudio.models/${version}`, null]);
    expect(await readFile(path.join(runModelDir(file, version), 'model.json'), 'utf8')).toBe(
      '{"m":1}',
    );
    // The project moves with its models folder; the relative path still resolves.
    const moved = path.join(dir, 'moved');
    await mkdir(moved);
    await rename(file, path.join(moved, 'study.seriesstudio'));
    await rename(`${file}.models`, path.join(moved, 'study.seriesstudio.models'));
    const opened = await openProject(path.join(moved, 'study.seriesstudio'));
    expect(opened.project.runs[0]?.modelDir).toBe(
      path.join(
        moved,
        'study.seriesstudio.models',
        `run_a-${modelHash([['model.json', '{"m":1}']])}`,
      ),
    );
    expect(opened.missingModels).toEqual([]);
    await rm(path.join(moved, 'study.seriesstudio.models'), { recursive: true });
    expect((await openProject(path.join(moved, 'study.seriesstudio'))).missingModels).toEqual([
      'run_a',
    ]);
  });

  it('refuses a project that does not validate, before writing anything', async () => {
    const bad = { ...sampleProject([]), runs: [{ id: '../escape' }] };
    await expect(saveProject(file, bad)).rejects.toThrow(/run ids/);
    expect(await readdir(dir)).toEqual(['sales.csv']);
  });
});

describe('openProject errors', () => {
  it('names the file and the line/column of corrupt JSON, and writes nothing', async () => {
    const text = '{\n  "format": "series-studio-project",\n  "title": tru\n}';
    await writeFile(file, text);
    const error = await errorOf(openProject(file));
    expect(error.code).toBe('corrupt-json');
    // "tru" then "\n": the newline at line 3, column 15 is where "true" breaks.
    expect(error.position).toMatchObject({ line: 3, column: 15 });
    expect(error.message).toContain(file);
    expect(error.message).toContain('line 3, column 15');
    expect(await readFile(file, 'utf8')).toBe(text);
    expect(await readdir(dir)).toEqual(['sales.csv', 'study.seriesstudio']);
  });

  it('says a truncated file ends early', async () => {
    const whole = JSON.stringify(sampleProject([]));
    await writeFile(file, whole.slice(0, 40));
    const error = await errorOf(openProject(file));
    expect(error.message).toMatch(/ends early \(position 40\)/);
  });

  it('refuses a newer schema with the version in words', async () => {
    const text = JSON.stringify({ ...sampleProject([]), schemaVersion: 3, somethingNew: true });
    await writeFile(file, text);
    const error = await errorOf(openProject(file));
    expect(error.code).toBe('newer-schema');
    expect(error.message).toContain(
      'made by a newer Series Studio (schema 3); this version reads up to 1',
    );
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('tells a non-project JSON and a missing file apart', async () => {
    await writeFile(file, '{"hello": 1}');
    expect((await errorOf(openProject(file))).code).toBe('not-a-project');
    expect((await errorOf(openProject(path.join(dir, 'none.seriesstudio')))).code).toBe(
      'not-found',
    );
  });

  it('lists schema problems by field', async () => {
    await writeFile(
      file,
      JSON.stringify({ ...sampleProject([]), datasets: [{ datasetId: 'nope' }] }),
    );
    const error = await errorOf(openProject(file));
    expect(error.code).toBe('invalid');
    expect(error.message).toContain('datasets.0.datasetId');
  });
});
