import { describe, expect, it } from 'vitest';
import { jsonErrorOffset, lineColumn } from './jsonErrorPosition';

describe('jsonErrorOffset', () => {
  it('accepts valid JSON like JSON.parse does', () => {
    const cases: [string, unknown][] = [
      ['{}', {}],
      ['[]', []],
      [
        ' {"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]} ',
        { a: [1, -2500, true, false, null, 'x\né'] },
      ],
      ['0', 0],
      ['"s"', 's'],
    ];
    for (const [text, value] of cases) {
      expect(JSON.parse(text)).toEqual(value);
      expect(jsonErrorOffset(text)).toBeNull();
    }
  });

  it('points at the first bad character (positions counted by hand)', () => {
    expect(jsonErrorOffset('{"a":}')).toBe(5); // '}' where a value must start
    expect(jsonErrorOffset('{"a":1,}')).toBe(7); // '}' where a key must start
    expect(jsonErrorOffset('{"a":tru}')).toBe(8); // '}' instead of the 'e' of true
    expect(jsonErrorOffset('[1 2]')).toBe(3); // '2' where ',' or ']' must be
    expect(jsonErrorOffset('{"a":1} x')).toBe(8); // trailing garbage
    expect(jsonErrorOffset('[01]')).toBe(2); // leading zero: number ends after 0, then '1'
  });

  it('reports a truncated text at its end', () => {
    expect(jsonErrorOffset('{"a":[1,2')).toBe(9);
    expect(jsonErrorOffset('{"a":"unterminated')).toBe(18);
  });
});

describe('lineColumn', () => {
  it('counts 1-based lines and columns', () => {
    // '\n' is offset 6, so line 2 starts at offset 7; the 'c' at offset 9 is column 9 − 7 + 1 = 3.
    expect(lineColumn('{"a":1\n ,c', 9)).toEqual({ line: 2, column: 3 });
    expect(lineColumn('abc', 0)).toEqual({ line: 1, column: 1 });
  });
});
