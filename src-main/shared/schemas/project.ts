// A saved project (.seriesstudio): JSON naming the CSV files it was built from (with a hash to
// notice when they change), what was explored and the finished runs. Runs stay loosely typed so a
// RunResult that gains fields still loads; model weights live beside the project file in
// "<project>.models/<runId>/".
import { z } from 'zod';
import { TransformStep } from './analysis';
import { DatasetId } from './common';
import { ImportChoices, ParseOptions } from './dataset';

export const PROJECT_FORMAT = 'series-studio-project';
export const PROJECT_SCHEMA_VERSION = 1;
export const PROJECT_EXTENSION = '.seriesstudio';

export const ProjectDataset = z.object({
  datasetId: DatasetId,
  name: z.string().max(500),
  /** Absolute path of the CSV when saved. */
  path: z.string().max(4096),
  sha256: z.string().regex(/^[a-f0-9]{64}$/, 'not a sha256 hex digest'),
  sizeBytes: z.number().int().nonnegative(),
  options: ParseOptions,
  choices: ImportChoices,
  /** The CSV text itself, for projects that must travel without their data files. */
  embeddedCsv: z.string().optional(),
});
export type ProjectDataset = z.infer<typeof ProjectDataset>;

export const ExploreState = z.object({
  selectedColumns: z.array(z.string().max(500)).max(1000),
  /** Transform chain per column name. */
  transforms: z.record(z.string().max(500), z.array(TransformStep).max(4)),
});
export type ExploreState = z.infer<typeof ExploreState>;

/** Run ids become folder names under "<project>.models/", so they must be path-safe. */
export const ProjectRunId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,100}$/, 'run ids are 1–100 letters, digits, _ or -');

export const ProjectRun = z.looseObject({
  id: ProjectRunId,
  /** Relative to the project's folder once saved ("name.seriesstudio.models/<id>"), or null. */
  modelDir: z.string().max(4096).nullable().optional(),
});
export type ProjectRun = z.infer<typeof ProjectRun>;

export const Project = z.object({
  format: z.literal(PROJECT_FORMAT),
  schemaVersion: z.literal(PROJECT_SCHEMA_VERSION),
  savedAt: z.string(),
  appVersion: z.string().max(100),
  title: z.string().max(500),
  datasets: z.array(ProjectDataset).max(1000),
  /** Keyed by datasetId. */
  explore: z.record(DatasetId, ExploreState),
  runs: z.array(ProjectRun).max(10_000),
});
export type Project = z.infer<typeof Project>;

export const DatasetCheck = z.object({
  datasetId: DatasetId,
  /** moved: the file is missing (ask the user for it); changed: its sha256 differs. */
  status: z.enum(['ok', 'moved', 'changed']),
  path: z.string(),
  /** The project carries the CSV text, so a moved or changed file need not block opening. */
  embedded: z.boolean(),
  actualSha256: z.string().nullable(),
});
export type DatasetCheck = z.infer<typeof DatasetCheck>;
