import { z } from 'zod';
import { DatasetId, JobId, RunId } from './common';
import { AbsolutePath, DatasetCheck, ExploreState } from './project';
import { DatasetInfo } from './dataset';
import { SensitivityResult } from './interpret';

export const SaveProjectRequest = z.object({
  /** null in the desktop app opens a Save dialog; browser mode needs an absolute path. */
  path: AbsolutePath.nullable(),
  title: z.string().max(500),
  explore: z.record(z.string(), ExploreState),
  embedCsv: z.boolean().default(false),
  /** The datasets the page shows (others are left out unless a run was trained on them). */
  datasetIds: z.array(z.string().max(200)).max(10_000).optional(),
});

export const SavedProject = z.object({ path: z.string(), warnings: z.array(z.string()) });

export const OpenProjectRequest = z.object({
  jobId: JobId,
  /** null in the desktop app opens an Open dialog. */
  path: AbsolutePath.nullable(),
  /**
   * Replacement paths for CSVs that moved, keyed by datasetId (the app asks the user for them).
   * On the desktop each must have been chosen through a dialog (dialog:openCsv).
   */
  relocate: z.record(DatasetId, AbsolutePath).default({}),
});

export const OpenedProject = z.object({
  path: z.string(),
  title: z.string(),
  savedAt: z.string(),
  datasetIds: z.array(z.string()),
  /** The reopened datasets, under the ids the project's runs refer to. */
  datasets: z.array(DatasetInfo),
  runIds: z.array(z.string()),
  explore: z.record(z.string(), ExploreState),
  checks: z.array(DatasetCheck),
  /** Datasets that could not be opened (moved and not embedded): ask for them and open again. */
  needsFile: z.array(z.object({ datasetId: z.string(), name: z.string(), path: z.string() })),
  warnings: z.array(z.string()),
  /** The explanations saved with the runs, keyed by run id. */
  explanations: z.record(z.string(), SensitivityResult).optional(),
});
export type OpenedProject = z.infer<typeof OpenedProject>;

export const RecoveryInfo = z.object({
  available: z.boolean(),
  savedAt: z.string().nullable(),
  title: z.string().nullable(),
  /** Open this path with project:open to restore the session. */
  path: z.string().nullable(),
});

export const ReportSection = z.enum([
  'dataset',
  'series',
  'correlogram',
  'stationarity',
  'runConfig',
  'backend',
  'training',
  'metrics',
  'actualVsPredicted',
  'residuals',
  'sensitivity',
  'comparison',
]);

export const ReportRequest = z.object({
  jobId: JobId,
  title: z.string().max(500),
  datasetId: z.string().nullable(),
  column: z.string().max(500).nullable(),
  runIds: z.array(RunId).max(50),
  sections: z.array(ReportSection),
  format: z.enum(['pdf', 'html']),
  /** null: desktop asks with a Save dialog; browser mode gets the bytes back to download. */
  path: AbsolutePath.nullable(),
});

export const ExportedReport = z.object({
  path: z.string().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  /** The file's bytes when no path was given (browser download). */
  base64: z.string().nullable(),
  sizeBytes: z.number(),
});
