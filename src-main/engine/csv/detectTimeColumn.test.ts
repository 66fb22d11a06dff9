import { describe, expect, it } from 'vitest';
import { detectTimeColumn, hasTimeName, isoFormatOf, numericTimeFormat } from './detectTimeColumn';

const col = (name: string, values: (number | string)[]) => ({ name, cells: values.map(String) });

describe('hasTimeName', () => {
  it('matches time words in any case, snake or camel case', () => {
    for (const name of ['Date', 'order_date', 'timeStamp', 'YEAR', 'minute', 'Datum', 'period'])
      expect(hasTimeName(name)).toBe(true);
    for (const name of ['units', 'updated', 'sales', 'DAX', 'Countries'])
      expect(hasTimeName(name)).toBe(false);
  });
});

describe('isoFormatOf', () => {
  it('classifies ISO shapes, tolerating an impossible date for the importer to report', () => {
    expect(isoFormatOf(['2020-01-01', '2020-02-30'])).toBe('iso-date');
    expect(isoFormatOf(['2020-01', '2020-02'])).toBe('year-month');
    expect(isoFormatOf(['2020-01-01T00:00Z', '2020-01-01'])).toBe('iso-datetime');
    expect(isoFormatOf(['hello', '2020-01-01'])).toBeNull();
  });
});

describe('numericTimeFormat', () => {
  it('does not call a plain integer value column a year or an epoch', () => {
    expect(numericTimeFormat(col('units', [1995, 2003, 1990, 2010]), true)).toBeNull();
    expect(numericTimeFormat(col('units', [2001, 2002, 2003]), false)).toBeNull();
    expect(
      numericTimeFormat(col('bytes', [1_600_000_000, 1_500_000_000, 1_700_000_000]), true),
    ).toBeNull();
  });

  it('reads years from a name, or from a first column of consecutive whole years', () => {
    expect(numericTimeFormat(col('year', [1990, 1985, 2000]), false)?.format).toBe('year');
    expect(numericTimeFormat(col('V1', [1871, 1872, 1873]), true)?.format).toBe('year');
  });

  it('reads decimal years, epochs and named indexes', () => {
    expect(numericTimeFormat(col('time', [1991.496154, 1991.5]), false)?.format).toBe(
      'decimal-year',
    );
    expect(numericTimeFormat(col('ts', [1609459200, 1609462800]), false)?.format).toBe(
      'epoch-seconds',
    );
    expect(numericTimeFormat(col('ts', [1609459200000, 1609459260000]), false)?.format).toBe(
      'epoch-millis',
    );
    expect(numericTimeFormat(col('minute', [1, 2, 3]), false)?.format).toBe('index');
    expect(numericTimeFormat(col('minute', [3, 2, 1]), false)).toBeNull();
  });
});

describe('detectTimeColumn', () => {
  it('prefers an ISO column, then a time-named column, then structure', () => {
    expect(
      detectTimeColumn([
        col('id', [1, 2, 3]),
        col('when', ['2020-01-01', '2020-01-02', '2020-01-03']),
      ])?.index,
    ).toBe(1);
    expect(detectTimeColumn([col('id', [1, 2, 3]), col('year', [2001, 2002, 2003])])?.index).toBe(
      1,
    );
    expect(detectTimeColumn([col('V1', [1, 2, 3]), col('V2', [5, 3, 4])])).toMatchObject({
      index: 0,
      format: 'index',
    });
  });

  it('never takes the only column as time unless its name says so', () => {
    expect(detectTimeColumn([col('sales', [1, 2, 3])])).toBeNull();
  });
});
