import { describe, expect, it } from 'vitest';
import { TRANSFORM_KIND_LABELS, transformLabel } from './transformLabels';

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

describe('TRANSFORM_KIND_LABELS', () => {
  it('names each kind as the builder lists it', () => {
    expect(TRANSFORM_KIND_LABELS).toEqual({
      log: 'Log',
      boxcox: 'Box-Cox',
      diff: 'First difference',
      seasonalDiff: 'Seasonal difference',
    });
  });
});
