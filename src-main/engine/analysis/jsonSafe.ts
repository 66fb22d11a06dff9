import type { z } from 'zod';

/** Replaces NaN and ±Infinity by null, as JSON would, in arrays of numbers. */
export function nullable(values: ArrayLike<number>): (number | null)[] {
  const out: (number | null)[] = new Array<number | null>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? Number.NaN;
    out[i] = Number.isFinite(v) ? v : null;
  }
  return out;
}

export function nullableNumber(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}

/**
 * The value as it arrives on the other side of JSON (NaN and ±Infinity become null; convert typed
 * arrays first), parsed by the schema that types it: an engine result is checked, never cast. A
 * value the schema refuses is a bug in the engine and throws.
 */
export function jsonAs<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  return schema.parse(JSON.parse(JSON.stringify(value)));
}
