import { describe, expect, it } from 'vitest';
import { formatNumber, formatPValue, formatReportDate, formatSeconds } from './reportFormat';

describe('report formatting', () => {
  it('rounds to four significant digits, switching to exponents for very large or small values', () => {
    expect(formatNumber(12.3456)).toBe('12.35');
    expect(formatNumber(-0.98765)).toBe('-0.9877');
    expect(formatNumber(1234.56)).toBe('1235');
    expect(formatNumber(40)).toBe('40');
    expect(formatNumber(0.0000123456)).toBe('1.235e-5');
    expect(formatNumber(2_500_000)).toBe('2.500e+6');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Infinity)).toBe('∞');
  });

  it('formats p-values, durations and dates', () => {
    expect(formatPValue(0.04321)).toBe('0.0432');
    expect(formatPValue(0.00001)).toBe('< 0.0001');
    expect(formatSeconds(0.25)).toBe('250 ms');
    expect(formatSeconds(3.25)).toBe('3.3 s');
    expect(formatSeconds(150)).toBe('2 min 30 s');
    expect(formatReportDate(new Date(Date.UTC(2024, 4, 2, 9, 5)))).toBe('2024-05-02 09:05 UTC');
  });
});
