// A saved project (.seriesstudio): JSON naming the CSV files it was built from (with a hash to
// notice when they change), what was explored and the finished runs. Runs stay loosely typed so a
// RunResult that gains fields still loads; model weights live beside the project file in
// "<project>.models/<runId>-<content hash>/" (immutable versions, see engine/projects/projectModels).
// A project file is untrusted input: every path-like field is checked here, before anything
// is written or read because of it.
import { z } from 'zod';
import { TransformStep } from './analysis';
import { DatasetId } from './common';
import { ImportChoices, ParseOptions } from './dataset';
import { CollectionId, CollectionLayout, CollectionRun } from './collection';
import { SensitivityResult } from './interpret';

export const PROJECT_FORMAT = 'series-studio-project';
export const PROJECT_SCHEMA_VERSION = 1;
export const PROJECT_EXTENSION = '.seriesstudio';

/** A file's base name: one path segment, never a folder part, "." or "..", or a control character. */
export const BaseName = z
  .string()
  .min(1, 'a file name cannot be empty')
  .max(255, 'a file name is at most 255 characters')
  .refine(
    // eslint-disable-next-line no-control-regex
    (name) => !/[/\\\u0000-\u001f]/.test(name) && name !== '.' && name !== '..',
    'must be a plain file name, without folders ("/", "\\", "..") or control characters',
  );

/** An absolute path (POSIX "/…", Windows "C:\\…" or "\\\\server\\…") without NUL bytes. */
export const AbsolutePath = z
  .string()
  .max(4096)
  .refine(
    (p) => !p.includes('\0') && /^(?:\/|[A-Za-z]:[\\/]|\\\\)/.test(p),
    'must be an absolute path',
  );

/** A data file as saved: its absolute path then, its content hash and size, to find it again. */
const SavedFile = z.object({
  path: AbsolutePath,
  sha256: z.string().regex(/^[a-f0-9]{64}$/, 'not a sha256 hex digest'),
  sizeBytes: z.number().int().nonnegative(),
});

export const ProjectDataset = z.object({
  datasetId: DatasetId,
  name: BaseName,
  ...SavedFile.shape,
  options: ParseOptions,
  choices: ImportChoices,
  /** The CSV text itself, for projects that must travel without their data files. */
  embeddedCsv: z.string().optional(),
});
export type ProjectDataset = z.infer<typeof ProjectDataset>;

/** A collection of series (issue 17): a long-format CSV, found again by path and content hash. */
export const ProjectCollection = z.object({
  collectionId: CollectionId,
  name: BaseName,
  ...SavedFile.shape,
  layout: CollectionLayout,
});
export type ProjectCollection = z.infer<typeof ProjectCollection>;

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

/**
 * A run's model folder as a project file stores it: "<project file name>.models/<version>", with
 * <version> one folder name ("<runId>-<content hash>"; older files: "<runId>"). Only the version is
 * used: it is always looked up in the opening project's own models folder.
 */
export const ProjectModelRef = z
  .string()
  .max(400)
  .regex(
    // eslint-disable-next-line no-control-regex
    /^[^/\\\u0000-\u001f]{0,240}\.models\/[A-Za-z0-9_-]{1,160}$/,
    'a model folder must be "<project>.models/<folder>": relative, inside the project\'s own models folder',
  );

export const ProjectRun = z.looseObject({
  id: ProjectRunId,
  /** Relative to the project's folder once saved ("name.seriesstudio.models/<id>-<hash>"), or null. */
  modelDir: ProjectModelRef.nullable().optional(),
});
export type ProjectRun = z.infer<typeof ProjectRun>;

/** A run in memory (session, save request, opened project): its model folder is absolute. */
export const SessionProjectRun = z.looseObject({
  id: ProjectRunId,
  modelDir: AbsolutePath.nullable().optional(),
});
export type SessionProjectRun = z.infer<typeof SessionProjectRun>;

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
  /** The latest explanation (sensitivity) computed for each run, keyed by run id. */
  explanations: z.record(ProjectRunId, SensitivityResult).optional(),
  collections: z.array(ProjectCollection).max(100).optional(),
  /** Global-model runs over the collections, with every number they show. */
  collectionRuns: z.array(CollectionRun).max(1000).optional(),
});
export type Project = z.infer<typeof Project>;

/** A project as the session holds it: the same document, with absolute model folders. */
export const SessionProject = Project.extend({
  runs: z.array(SessionProjectRun).max(10_000),
});
export type SessionProject = z.infer<typeof SessionProject>;

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
