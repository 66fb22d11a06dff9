// Parse an untrusted value at a boundary (Signal Desktop's parseUnknown idea): the schema decides,
// and the caller gets either typed data or a StudioFailure that names the offending fields.
import type { z } from 'zod';
import { StudioFailure } from './result';

export function parseUnknown<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new StudioFailure('invalid-request', `Invalid ${what}: ${summary}`, { issues });
}
