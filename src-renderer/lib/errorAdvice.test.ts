import { describe, expect, it } from 'vitest';
import { errorAdvice, importErrorDetails } from './errorAdvice';

describe('errorAdvice', () => {
  const ragged = {
    code: 'import-error' as const,
    message: 'bad.csv row 7: expected 3 fields, found 4',
    details: { reason: 'ragged-row', file: 'bad.csv', row: 7, column: undefined },
  };

  it('reads file, row and column from an import error', () => {
    expect(importErrorDetails(ragged)).toEqual({
      reason: 'ragged-row',
      file: 'bad.csv',
      row: 7,
      column: null,
    });
  });

  it('points at the import setting that usually causes the failure', () => {
    expect(errorAdvice(ragged)).toMatch(/delimiter/);
    expect(errorAdvice({ ...ragged, details: { reason: 'not-a-number' } })).toMatch(/decimal mark/);
  });

  it('falls back to general advice for unknown reasons and other codes', () => {
    expect(errorAdvice({ code: 'import-error', message: 'x' })).toMatch(/import settings/);
    expect(errorAdvice({ code: 'not-found', message: 'x' })).toMatch(/Open the file again/);
    expect(errorAdvice({ code: 'cancelled', message: 'x' })).toBe('');
  });
});
