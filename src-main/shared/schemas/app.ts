import { z } from 'zod';
import { ProgressDetail } from './progress';

export const BackendName = z.enum(['tensorflow', 'wasm', 'cpu']);

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['desktop', 'browser', 'cli']),
  platform: z.string(),
  versions: z.record(z.string(), z.string()),
  backend: z
    .object({
      name: BackendName,
      detail: z.string(),
      kernel: z.object({ name: z.string(), detail: z.string() }),
    })
    .nullable(),
  sampleDataset: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const JobProgress = z.object({
  jobId: z.string(),
  phase: z.string(),
  /** 0..1 where known. */
  fraction: z.number().nullable(),
  message: z.string(),
  /** Typed per job kind (schemas/progress.ts): import bytes, training batches and epochs. */
  detail: ProgressDetail.optional(),
});
export type JobProgress = z.infer<typeof JobProgress>;

export const LogEntry = z.object({
  level: z.enum(['info', 'warn', 'error']),
  message: z.string(),
  at: z.number(),
});
export type LogEntry = z.infer<typeof LogEntry>;

export const EngineStatus = z.object({
  state: z.enum(['starting', 'ready', 'crashed', 'restarting']),
  message: z.string(),
  restarts: z.number(),
});
export type EngineStatus = z.infer<typeof EngineStatus>;

export const MenuCommand = z.enum([
  'open-csv',
  'open-project',
  'open-recent',
  'save-project',
  'save-project-as',
  'export-report',
  'export-predictions',
  'toggle-theme',
  'train',
  'cancel',
  'about',
]);
export type MenuCommand = z.infer<typeof MenuCommand>;
/** `path` accompanies open-recent: a project or CSV the user opened before (already allowed). */
export const MenuEvent = z.object({ command: MenuCommand, path: z.string().optional() });
