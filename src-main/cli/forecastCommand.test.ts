// `series-studio forecast` as a real CLI process (TypeScript sources under tsx) on real files:
// a failing series gets a row saying why and the batch goes on; shards are disjoint, cover every
// id, and their merged rows equal the unsharded run's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardOf } from '../engine/collections/shard';

const dir = mkdtempSync(path.join(os.tmpdir(), 'forecast-cli-'));
const main = path.resolve('src-main/cli/main.ts');

function cli(args: string[]): { code: number; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', main, 'forecast', ...args], {
    cwd: path.resolve('.'),
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { code: r.status ?? -1, stderr: r.stderr };
}

/** A monthly series: level, trend and a yearly wave, 48 rows from 2015-01. */
function series(id: string, k: number): string[] {
  return Array.from({ length: 48 }, (_, t) => {
    const y = 100 + 10 * k + 0.5 * t + 8 * Math.sin((2 * Math.PI * t) / 12 + k);
    const date = new Date(Date.UTC(2015, t, 1)).toISOString().slice(0, 10);
    return `${id},${date},${y.toFixed(3)}`;
  });
}

const ids = Array.from({ length: 12 }, (_, k) => `s${k}`);
const rowsById = (csv: string): Map<string, string[]> => {
  const map = new Map<string, string[]>();
  for (const line of csv.trim().split('\n').slice(1)) {
    const id = line.slice(0, line.indexOf(','));
    map.set(id, [...(map.get(id) ?? []), line]);
  }
  return map;
};

describe('series-studio forecast', () => {
  it('writes a row saying why a series failed and forecasts the others', () => {
    const lines = [
      'id,date,value',
      ...series('good1', 1),
      ...series('bad', 2),
      ...series('good2', 3),
    ];
    // Row 60 (1-based, header = 1) repeats bad's 2015-06-01 with another value.
    lines.splice(59, 0, 'bad,2015-06-01,1');
    const file = path.join(dir, 'with-bad.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = cli([
      file,
      '--horizon',
      '6',
      '--model',
      'theta',
      '--workers',
      '2',
      '--out',
      path.join(dir, 'f.csv'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const out = readFileSync(path.join(dir, 'f.csv'), 'utf8').trim().split('\n');
    expect(out[0]).toBe('id,date,forecast,lo80,hi80,lo95,hi95,model');
    const byId = rowsById(out.join('\n'));
    expect([...byId.keys()]).toEqual(['good1', 'bad', 'good2']);
    expect(byId.get('bad')).toEqual([
      'bad,,,,,,,failed: 1 time has conflicting rows: 2015-06-01: with-bad.csv row 55 (114.536) and row 60 (1)',
    ]);
    for (const id of ['good1', 'good2']) {
      const rows = byId.get(id) ?? [];
      expect(rows.map((l) => l.split(',')[1])).toEqual([
        '2019-01-01',
        '2019-02-01',
        '2019-03-01',
        '2019-04-01',
        '2019-05-01',
        '2019-06-01',
      ]);
      expect(rows.every((l) => l.endsWith(',theta'))).toBe(true);
    }
    const summary = JSON.parse(readFileSync(path.join(dir, 'f.summary.json'), 'utf8')) as {
      series: { total: number; forecast: number; failed: number };
      perSeries: { id: string; error: string | null; metrics: { smape: number | null } }[];
    };
    expect(summary.series).toEqual({ total: 3, forecast: 2, failed: 1 });
    expect(summary.perSeries.map((s) => s.error === null)).toEqual([true, false, true]);
    expect(r.stderr).toContain('3/3 series · 1 failed');
  });

  it('splits ids into disjoint shards that cover them, with the unsharded rows', () => {
    const file = path.join(dir, 'many.csv');
    writeFileSync(
      file,
      `${['id,date,value', ...ids.flatMap((id, k) => series(id, k))].join('\n')}\n`,
    );
    const common = ['--horizon', '4', '--model', 'theta', '--workers', '1', '--quiet'];
    expect(cli([file, ...common, '--out', path.join(dir, 'all.csv')]).code).toBe(0);
    const all = rowsById(readFileSync(path.join(dir, 'all.csv'), 'utf8'));
    expect([...all.keys()]).toEqual(ids);
    const merged = new Map<string, string[]>();
    for (const i of [0, 1, 2]) {
      const r = cli([
        file,
        ...common,
        '--shard',
        `${i}/3`,
        '--out',
        path.join(dir, `part${i}.csv`),
      ]);
      expect(r.code, r.stderr).toBe(0);
      const part = rowsById(readFileSync(path.join(dir, `part${i}.csv`), 'utf8'));
      expect([...part.keys()]).toEqual(ids.filter((id) => shardOf(id, 3) === i));
      for (const [id, rows] of part) {
        expect(merged.has(id)).toBe(false);
        merged.set(id, rows);
      }
    }
    expect(new Set(merged.keys())).toEqual(new Set(ids));
    for (const id of ids) expect(merged.get(id)).toEqual(all.get(id));
  });

  it("takes a wide file's numeric columns as series, with the rows of the same series in long format", () => {
    const wideIds = ['s0', 's1', 's2'];
    const cells = wideIds.map((id, k) => series(id, k).map((line) => line.split(',')));
    const wide = path.join(dir, 'wide.csv');
    writeFileSync(
      wide,
      `${[
        `date,${wideIds.join(',')},note`,
        ...Array.from(
          { length: 48 },
          (_, t) => `${cells[0]?.[t]?.[1]},${cells.map((c) => c[t]?.[2]).join(',')},n${t}`,
        ),
      ].join('\n')}\n`,
    );
    const long = path.join(dir, 'long3.csv');
    writeFileSync(long, `${['id,date,value', ...wideIds.flatMap(series)].join('\n')}\n`);
    const common = ['--horizon', '4', '--model', 'theta', '--workers', '1', '--quiet'];
    const r = cli([wide, '--layout', 'wide', ...common, '--out', path.join(dir, 'wide-f.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(cli([long, ...common, '--out', path.join(dir, 'long-f.csv')]).code).toBe(0);
    const fromWide = rowsById(readFileSync(path.join(dir, 'wide-f.csv'), 'utf8'));
    expect([...fromWide.keys()]).toEqual(wideIds);
    expect(fromWide).toEqual(rowsById(readFileSync(path.join(dir, 'long-f.csv'), 'utf8')));
    const summary = JSON.parse(readFileSync(path.join(dir, 'wide-f.summary.json'), 'utf8')) as {
      settings: Record<string, unknown>;
      leftOut: unknown;
    };
    expect(summary.settings).toMatchObject({ layout: 'wide', timeColumn: 'date' });
    expect(summary.leftOut).toEqual([{ column: 'note', reason: 'text such as "n0" (row 2)' }]);
    expect(
      cli([
        wide,
        '--layout',
        'wide',
        '--target',
        's0',
        ...common,
        '--out',
        path.join(dir, 'x.csv'),
      ]),
    ).toMatchObject({
      code: 2,
      stderr:
        'series-studio forecast: --target is for the long layout: with --layout wide every numeric column is a series\n',
    });
  });

  it('refuses unknown options and a bad shard with the usage', () => {
    expect(
      cli(['x.csv', '--horizon', '4', '--out', path.join(dir, 'o.csv'), '--shard', '3/3']),
    ).toMatchObject({
      code: 2,
      stderr: 'series-studio forecast: --shard 3/3: i must be 0 … n−1 and n at least 1\n',
    });
    expect(
      cli(['x.csv', '--horizon', '4', '--out', path.join(dir, 'o.csv'), '--modle', 'ets']).code,
    ).toBe(2);
  });
});
