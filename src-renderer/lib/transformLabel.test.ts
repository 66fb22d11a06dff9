import { describe, expect, it } from 'vitest';
import { transformLabel } from './transformLabel';

describe('transformLabel', () => {
  it('names each step and its parameter', () => {
    expect(transformLabel({ kind: 'log' })).toBe('log');
    expect(transformLabel({ kind: 'boxcox', lambda: null })).toBe('Box-Cox (λ estimated)');
    expect(transformLabel({ kind: 'boxcox', lambda: 0.1483 })).toBe('Box-Cox (λ = 0.148)');
    expect(transformLabel({ kind: 'diff' })).toBe('first difference');
    expect(transformLabel({ kind: 'seasonalDiff', period: 12 })).toBe(
      'seasonal difference (m = 12)',
    );
  });
});
