import { describe, expect, it } from 'vitest';
import { formatBytes, formatNumber, formatPValue } from './format';

describe('formatNumber', () => {
  it('keeps four significant digits and groups thousands', () => {
    expect(formatNumber(280.2986111)).toBe('280.3');
    expect(formatNumber(12345.678)).toBe('12,350');
    expect(formatNumber(-0.0123456)).toBe('-0.01235');
  });
  it('shows a dash for missing and non-finite values', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
  it('switches to exponent notation for very small and very large magnitudes', () => {
    expect(formatNumber(0.00001234)).toBe('1.234e-5');
    expect(formatNumber(2.5e7)).toBe('2.500e+7');
  });
});

describe('formatPValue', () => {
  it('prints four decimals and a bound below them', () => {
    expect(formatPValue(0.0463)).toBe('0.0463');
    expect(formatPValue(0.00001)).toBe('< 0.0001');
    expect(formatPValue(null)).toBe('—');
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(1685)).toBe('1.6 KiB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MiB');
  });
});
