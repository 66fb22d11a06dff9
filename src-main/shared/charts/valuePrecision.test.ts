import { describe, expect, it } from 'vitest';
import { dataDecimals, formatValue, valueFormatter } from './valuePrecision';

describe('dataDecimals', () => {
  it('is the most decimals a recorded value has', () => {
    expect(dataDecimals([112, 118, 432])).toBe(0);
    expect(dataDecimals([1.5, 2.25, 3])).toBe(2);
    expect(dataDecimals([null, 0.1, 0.2, Number.NaN])).toBe(1);
  });

  it('computed values get four significant digits for the largest magnitude', () => {
    expect(dataDecimals([57.68036781448685, 12.1])).toBe(2);
    expect(dataDecimals([Math.log(112), Math.log(432)])).toBe(3);
    expect(dataDecimals([0.001234567, -0.0005])).toBe(6);
    expect(dataDecimals([12345.678901234])).toBe(0);
  });

  it('no finite values: whole numbers', () => {
    expect(dataDecimals([])).toBe(0);
    expect(dataDecimals([null, Number.POSITIVE_INFINITY])).toBe(0);
  });
});

describe('formatValue', () => {
  it('rounds to the given places with thousands separators; gaps as a dash', () => {
    expect(formatValue(57.68036781448685, 2)).toBe('57.68');
    expect(formatValue(1234.5, 0)).toBe('1,235');
    expect(formatValue(0.5, 1)).toBe('0.5');
    expect(formatValue(null, 2)).toBe('–');
    expect(formatValue(Number.NaN, 2)).toBe('–');
  });

  it('as an ECharts value formatter, also for [time, value] pairs', () => {
    const f = valueFormatter(1);
    expect(f(57.68036781448685)).toBe('57.7');
    expect(f([0, 57.68036781448685])).toBe('57.7');
  });
});
