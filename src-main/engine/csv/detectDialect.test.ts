import { describe, expect, it } from 'vitest';
import {
  detectDecimal,
  detectDelimiter,
  detectHeader,
  detectQuoteChar,
  parseSample,
} from './detectDialect';
import { DEFAULT_MISSING_TOKENS } from './missingTokens';

const missing = new Set(DEFAULT_MISSING_TOKENS);

describe('detectDelimiter', () => {
  it('prefers the delimiter that splits every row the same way', () => {
    expect(detectDelimiter('a;b\n1,5;2,5\n3,5;4\n', '"').delimiter).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n', '"').delimiter).toBe('\t');
    expect(detectDelimiter('a|b|c\n1|2|3\n', '"').delimiter).toBe('|');
    expect(detectDelimiter('a,b\n"x;y",2\n"z;w",3\n', '"').delimiter).toBe(',');
  });

  it('falls back to "," for one column and explains', () => {
    expect(detectDelimiter('value\n1\n2\n', '"')).toEqual({
      delimiter: ',',
      reason: 'no delimiter splits the rows, so the file has one column',
    });
  });
});

describe('detectDecimal', () => {
  it('decides from cells that only fit one convention', () => {
    expect(detectDecimal([['1,5'], ['1.234,5']], ';').decimal).toBe(',');
    expect(detectDecimal([['1.5'], ['1,234.5']], ',').decimal).toBe('.');
    expect(detectDecimal([['1991.496154']], ',').decimal).toBe('.');
  });

  it('reads "1,234" in a ";" file as a decimal comma, and says it assumed so', () => {
    expect(detectDecimal([['1,234'], ['2,500']], ';')).toEqual({
      decimal: ',',
      reason: 'numbers like 1,234 in a ";" file were read with a decimal comma',
    });
    expect(detectDecimal([['1,234']], '|').decimal).toBe('.');
  });
});

describe('detectHeader', () => {
  it('sees text above values as a header', () => {
    expect(
      detectHeader(parseSample('date,x\n2020-01-01,1\n2020-01-02,2\n', ',', '"'), '.', missing)
        .header,
    ).toBe(true);
  });

  it('sees values in the first row as data', () => {
    expect(
      detectHeader(parseSample('2020-01-01,1\n2020-01-02,2\n', ',', '"'), '.', missing).header,
    ).toBe(false);
    expect(detectHeader(parseSample('Bob,1.5\nAnn,2.5\n', ',', '"'), '.', missing).header).toBe(
      false,
    );
  });

  it('assumes a header for text-only files and a lone text row', () => {
    expect(detectHeader(parseSample('name,city\nAnn,Rome\n', ',', '"'), '.', missing).header).toBe(
      true,
    );
    expect(detectHeader(parseSample('date,value\n', ',', '"'), '.', missing).header).toBe(true);
  });
});

describe('detectQuoteChar', () => {
  it('uses single quotes only when they wrap fields and no double quote appears', () => {
    expect(detectQuoteChar("a,b\n'x, y',1\n'z',2\n")).toBe("'");
    expect(detectQuoteChar("a,b\nit's,1\nO'Brien,2\n")).toBe('"');
    expect(detectQuoteChar('a,b\n"x",1\n')).toBe('"');
  });
});
