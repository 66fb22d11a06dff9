import { z } from 'zod';

/** Client-chosen id tying a long call to its progress events and to `jobs:cancel`. */
export const JobId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{6,64}$/, 'job ids are 6–64 letters, digits, _ or -');

export const DatasetId = z.string().regex(/^ds_[a-f0-9]{8,64}$/, 'not a dataset id');
export const RunId = z.string().regex(/^run_[A-Za-z0-9_-]{4,64}$/, 'not a run id');

/** Where a CSV comes from. Paths are re-validated by the host (absolute, a regular file, allowed). */
export const FileSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sample'), name: z.string().regex(/^[A-Za-z0-9_.-]{1,80}\.csv$/) }),
  z.object({ kind: z.literal('path'), path: z.string().min(1).max(4096) }),
  z.object({ kind: z.literal('upload'), uploadId: z.string().regex(/^up_[a-f0-9]{16,64}$/) }),
]);
export type FileSource = z.infer<typeof FileSource>;

export const Empty = z.object({}).strict();

export const finiteOrNull = z.number().nullable();
