import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../datasets/openDataset';
import { isInfinityToken } from './nonFinite';
import { sniffCsv } from './sniffCsv';

const dir = mkdtempSync(path.join(os.tmpdir(), 'non-finite-'));

describe('infinite values', () => {
  it('spelled as words', () => {
    expect(['Infinity', '-inf', '+INF', ' inf ', '-Infinity'].map(isInfinityToken)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['infinite', 'in', '1e400', 'NaN', '∞'].map(isInfinityToken)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('keep the column numeric, read as missing values with the usual fixes', async () => {
    const file = path.join(dir, 'nf.csv');
    writeFileSync(
      file,
      'date,value\n2020-01-01,1\n2020-02-01,Infinity\n2020-03-01,3\n2020-04-01,-inf\n' +
        '2020-05-01,NaN\n2020-06-01,+INF\n2020-07-01,7\n2020-08-01,8\n',
    );
    const sniff = await sniffCsv(file);
    expect(sniff.options.textColumns).toEqual([]);
    const { info, table } = await openDataset(
      {
        datasetId: 'ds_nf',
        source: { kind: 'path', path: file },
        path: file,
        name: 'nf.csv',
        options: null,
        choices: {},
      },
      {},
    );
    expect(Array.from(table.columns[0]?.values ?? [])).toEqual([1, NaN, 3, NaN, NaN, NaN, 7, 8]);
    expect(info.warnings).toEqual([
      '"value": 4 missing ("Infinity" ×1, "-inf" ×1, "NaN" ×1, "+INF" ×1)',
    ]);
    expect(info.problems.map((p) => [p.kind, p.positions, p.choices])).toEqual([
      [
        'missing-values',
        [3, 5, 6, 7],
        ['drop-rows', 'forward-fill', 'linear-interpolation', 'leave'],
      ],
    ]);
  });
});
