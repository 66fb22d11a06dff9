import { describe, expect, it } from 'vitest';
import { FastRecordScanner } from './fastRecordScanner';
import { DEFAULT_MISSING_TOKENS } from './missingTokens';
import { parseOptionsFixture } from './parseOptions.testkit';
import { TableBuilder } from './tableBuilder';
import type { ParseOptions } from './types';

const options: ParseOptions = parseOptionsFixture({
  missingTokens: [...DEFAULT_MISSING_TOKENS],
  timeColumn: 'd',
  timeFormat: 'iso-date',
});

function setUp(newline: '\n' | '\r\n' = '\n') {
  const builder = new TableBuilder('/tmp/t.csv', options);
  return { builder, scanner: new FastRecordScanner(builder, options, newline) };
}

describe('FastRecordScanner', () => {
  it('reads records split anywhere across chunks, CRLF and quoted plain fields included', () => {
    const { builder, scanner } = setUp('\r\n');
    const text = 'd,v\r\n2020-01-01,1.5\r\n"2020-01-02",-2\r\n2020-01-03,"NA"\r\n2020-01-04,4';
    for (const piece of [text.slice(0, 4), text.slice(4, 21), text.slice(21, 40), text.slice(40)])
      expect(scanner.push(piece)).toBeNull();
    expect(scanner.end()).toBeNull();
    const table = builder.finish([]);
    expect(Array.from(table.time.values)).toEqual([1, 2, 3, 4].map((d) => Date.UTC(2020, 0, d)));
    expect(Array.from(table.columns[0]?.values ?? [])).toEqual([1.5, -2, NaN, 4]);
    expect(Array.from(table.rowNumbers)).toEqual([2, 3, 4, 5]);
    expect(scanner.records).toBe(5);
  });

  it('returns the text from the first record it does not read, having added nothing of it', () => {
    const cases: [string, string][] = [
      ['2020-01-02,"2\n2"\n', 'quoted line break'],
      ['2020-01-02,"say ""2"""\n', 'escaped quote'],
      ['2020-01-02,"2" \n', 'text after the closing quote'],
      ['2020-01-02,2,9\n', 'ragged row'],
      ['2020-01-02,2"\n', 'quote inside a field'],
    ];
    for (const [awkward, why] of cases) {
      const { builder, scanner } = setUp();
      const rest = scanner.push(`d,v\n2020-01-01,1\n${awkward}2020-01-03,3\n`);
      expect(rest, why).toBe(`${awkward}2020-01-03,3\n`);
      expect([scanner.records, builder.records, builder.dataRows], why).toEqual([2, 2, 1]);
    }
  });

  it('leaves a trailing lone CR in CRLF text and an unclosed quote at the end to papaparse', () => {
    const crlf = setUp('\r\n');
    expect(crlf.scanner.push('d,v\r\n2020-01-01,1\r')).toBeNull();
    expect(crlf.scanner.end()).toBe('2020-01-01,1\r');
    const open = setUp();
    expect(open.scanner.push('d,v\n2020-01-01,"1')).toBeNull();
    expect(open.scanner.end()).toBe('2020-01-01,"1');
  });
});
