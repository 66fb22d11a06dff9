import { mkdtempSync, readFileSync, existsSync, rmSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeJsonFile } from './writeJson';

const dir = mkdtempSync(path.join(os.tmpdir(), 'series-studio-writejson-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const search = {
  mode: 'grid' as const,
  planned: 0,
  trials: [],
  bestRunId: null,
  cancelled: false,
  ranking: 'Ranked by best validation loss.',
};

describe('writeJsonFile', () => {
  it('writes output that matches its schema, as JSON text', async () => {
    const file = path.join(dir, 'search.json');
    await writeJsonFile(file, 'search', { search, runs: [] });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ search, runs: [] });
  });

  it('refuses output that breaks its schema once it is JSON, and writes nothing', async () => {
    const file = path.join(dir, 'broken.json');
    await expect(
      writeJsonFile(file, 'search', { search: { ...search, planned: Number.NaN }, runs: [] }),
    ).rejects.toMatchObject({
      code: 'internal',
      message: `The search JSON for ${file} does not match its schema (search.planned: Invalid input: expected number, received null); nothing was written.`,
    });
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual(['search.json']);
  });
});
