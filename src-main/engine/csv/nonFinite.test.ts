import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportChoices } from '../../shared/schemas/dataset';
import { openDataset } from '../datasets/openDataset';
import { isNonFiniteCell } from './nonFinite';
import { nonFiniteProblem } from './nonFiniteProblem.testkit';
import { sniffCsv } from './sniffCsv';
import type { ParseOptions } from './types';
import { scratchFiles } from './scratchFiles.testkit';

const write = scratchFiles('non-finite-');

const open = (file: string, options: ParseOptions | null, choices: ImportChoices = {}) =>
  openDataset(
    {
      datasetId: 'ds_nf',
      source: { kind: 'path', path: file },
      path: file,
      name: path.basename(file),
      options,
      choices,
    },
    {},
  );

// Rows 2..11 of the file: non-finite at rows 3, 6, 8, 9, 10; a missing "NA" at row 4.
const MIXED =
  'date,value\n2020-01-01,1\n2020-02-01,Infinity\n2020-03-01,NA\n2020-04-01,4\n' +
  '2020-05-01,1e400\n2020-06-01,8\n2020-07-01,-inf\n2020-08-01,NaN\n2020-09-01,1.8e308\n' +
  '2020-10-01,10\n';

describe('non-finite cells', () => {
  it('are infinity words, NaN and numerals beyond ±1.8e308, with either decimal mark', () => {
    const yes = ['Infinity', '-inf', '+INF', ' inf ', 'NaN', 'nan', '-NaN', '1e400', '-1e400'];
    expect(yes.map((c) => isNonFiniteCell(c, '.'))).toEqual(yes.map(() => true));
    expect(['1.8e308', '2e308', ' 1E309 '].map((c) => isNonFiniteCell(c, '.'))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['1e400', '-1,5e400', '1,8e308'].map((c) => isNonFiniteCell(c, ','))).toEqual([
      true,
      true,
      true,
    ]);
    const no = ['1.7e308', '1e-400', 'infinite', 'in', '∞', 'NA', '', 'nana', '12'];
    expect(no.map((c) => isNonFiniteCell(c, '.'))).toEqual(no.map(() => false));
    // "1.8e308" is not a numeral with a decimal comma (the point is not its decimal mark).
    expect(isNonFiniteCell('1.8e308', ',')).toBe(false);
  });

  it('keep the column numeric, read as missing, listed apart from the missing values', async () => {
    const file = write('mixed.csv', MIXED);
    const sniff = await sniffCsv(file);
    expect(sniff.options.textColumns).toEqual([]);
    expect(sniff.options.missingTokens).not.toContain('NaN');
    expect(sniff.notes).toContain(
      '"value" holds non-finite values ("Infinity", "1e400", "-inf", "NaN", ...): read as missing ' +
        'and listed as a problem to decide after import',
    );
    const { info, table } = await open(file, sniff.options);
    expect(Array.from(table.columns[0]?.values ?? [])).toEqual([
      1,
      NaN,
      NaN,
      4,
      NaN,
      8,
      NaN,
      NaN,
      NaN,
      10,
    ]);
    expect(info.warnings).toEqual([
      '"value": 1 missing ("NA" ×1)',
      '"value": 5 non-finite value(s) read as missing ("Infinity" ×1, "1e400" ×1, "-inf" ×1, "NaN" ×1, "1.8e308" ×1)',
    ]);
    expect(info.problems).toEqual([
      {
        kind: 'missing-values',
        column: 'value',
        count: 1,
        positions: [4],
        positionKind: 'row',
        message: '"value" has 1 missing value(s) (first at row 4)',
        choices: ['drop-rows', 'forward-fill', 'linear-interpolation', 'leave'],
      },
      nonFiniteProblem(
        'value',
        [3, 6, 8, 9, 10],
        '"value" has 5 non-finite value(s) ("Infinity" ×1, "1e400" ×1, "-inf" ×1, "NaN" ×1, ' +
          '"1.8e308" ×1; first at row 3), read as missing: no statistic can use them',
      ),
    ]);
    // The statistics see the four finite values only: 1, 4, 8, 10.
    expect(info.columns[0]).toMatchObject({ count: 4, missing: 6, mean: 5.75, min: 1, max: 10 });
  });

  it('each choice acts on the non-finite cells alone', async () => {
    const file = write('choices.csv', MIXED);
    const options = (await sniffCsv(file)).options;
    const run = async (choices: ImportChoices) => {
      const { table } = await open(file, options, choices);
      return {
        values: Array.from(table.columns[0]?.values ?? []),
        rows: Array.from(table.rowNumbers),
        applied: table.appliedChoices,
      };
    };
    // Between 1 and 4 (rows 2, 5): 2; between 4 and 8: 6; three between 8 and 10: 8.5, 9, 9.5.
    expect(await run({ nonFinite: { value: 'linear-interpolation' } })).toMatchObject({
      values: [1, 2, NaN, 4, 6, 8, 8.5, 9, 9.5, 10],
      applied: ['value: 5 non-finite value(s) filled by linear interpolation'],
    });
    expect(await run({ nonFinite: { value: 'forward-fill' } })).toMatchObject({
      values: [1, 1, NaN, 4, 4, 8, 8, 8, 8, 10],
      applied: ['value: 5 non-finite value(s) filled by forward fill (last value carried forward)'],
    });
    expect(await run({ nonFinite: { value: 'drop-rows' } })).toEqual({
      values: [1, NaN, 4, 8, 10],
      rows: [2, 4, 5, 7, 11],
      applied: ['value: 5 row(s) with a non-finite value dropped'],
    });
    // Treated as missing, they join the column's missing values and the fill chosen for those.
    expect(
      await run({ nonFinite: { value: 'treat-as-missing' }, missing: { value: 'forward-fill' } }),
    ).toMatchObject({
      values: [1, 1, 1, 4, 4, 8, 8, 8, 8, 10],
      applied: [
        'value: 5 non-finite value(s) treated as missing',
        'value: 6 missing value(s) filled by forward fill (last value carried forward)',
      ],
    });
  });

  it('follow their rows through sorting and averaged duplicates', async () => {
    // Rows 2..8; sorted: t1 5 · t2 NaN(non-finite), 7 · t3 Infinity · t4 1e400, -inf · t5 9.
    const file = write('sorted.csv', 't,v\n3,Infinity\n1,5\n2,NaN\n2,7\n4,1e400\n4,-inf\n5,9\n');
    const options = (await sniffCsv(file, { timeColumn: 't', timeFormat: 'index' })).options;
    const { info, table } = await open(file, options, {
      order: 'sort',
      duplicates: 'mean',
      nonFinite: { v: 'linear-interpolation' },
    });
    expect(info.problems.find((p) => p.kind === 'non-finite-values')?.positions).toEqual([
      2, 4, 6, 7,
    ]);
    // t2 averages to 7 (its NaN is left out of the mean); t3 and t4 have no value: between 7 and 9.
    expect(Array.from(table.time.values)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(table.columns[0]?.values ?? [])).toEqual([5, 7, 7 + 2 / 3, 7 + 4 / 3, 9]);
    expect(table.appliedChoices.at(-1)).toBe(
      'v: 2 non-finite value(s) filled by linear interpolation',
    );
  });

  it('alone in a file: an error that says so, not a hint at the delimiter', async () => {
    const file = write(
      'only.csv',
      'd,v\n2020-01-01,Infinity\n2020-02-01,NaN\n2020-03-01,\n2020-04-01,inf\n',
    );
    await expect(open(file, (await sniffCsv(file)).options)).rejects.toMatchObject({
      code: 'no-finite-values',
      message:
        'only.csv: no column has a finite value to analyse, only non-finite or missing ones ' +
        '("v": "Infinity" ×1, "NaN" ×1, "inf" ×1)',
    });
  });

  it('are read with a decimal comma too', async () => {
    const file = write(
      'comma.csv',
      'd;v\n2020-01-01;1,5\n2020-02-01;1e400\n2020-03-01;-1,5e400\n2020-04-01;2,5\n2020-05-01;+inf\n',
    );
    const options = (await sniffCsv(file, { delimiter: ';', decimal: ',' })).options;
    const { info, table } = await open(file, options);
    expect(Array.from(table.columns[0]?.values ?? [])).toEqual([1.5, NaN, NaN, 2.5, NaN]);
    expect(info.problems.map((p) => [p.kind, p.count, p.positions])).toEqual([
      ['non-finite-values', 3, [3, 4, 6]],
    ]);
  });
});
