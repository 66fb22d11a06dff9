// Collections of series in the app (issue 17): a long-format CSV (an id column, a time column, a
// numeric target) or a wide one (a time column and one numeric column per series) read as many
// series, each with its own frequency and problems, and the runs of one global network over a
// collection, scored per series against local networks and the classical methods. Every array is
// bounded: a project file carrying these is untrusted input.
import { z } from 'zod';
import { FileSource, JobId } from './common';

export const CollectionId = z.string().regex(/^col_[a-f0-9]{8,64}$/, 'not a collection id');
export const CollectionRunId = z
  .string()
  .regex(/^crun_[A-Za-z0-9_-]{4,64}$/, 'not a collection run id');

const ColumnName = z.string().min(1).max(500);
/** A series id as the file spells it. */
const SeriesKey = z.string().max(500);

/** One row per observation: the id column names the series, the target holds its values. */
export const LongLayout = z.object({
  /** Absent in projects saved before wide layouts existed: a layout without a kind is long. */
  kind: z.literal('long').optional(),
  idColumn: ColumnName,
  timeColumn: ColumnName,
  target: ColumnName,
});
export type LongLayout = z.infer<typeof LongLayout>;

/** One row per time: every numeric column other than the time column is a series, named after it. */
export const WideLayout = z.object({
  kind: z.literal('wide'),
  timeColumn: ColumnName,
});
export type WideLayout = z.infer<typeof WideLayout>;

export const CollectionLayout = z.discriminatedUnion('kind', [LongLayout, WideLayout]);
export type CollectionLayout = z.infer<typeof CollectionLayout>;

export const CollectionProblem = z.object({
  kind: z.enum([
    'unsorted',
    'duplicate',
    'conflicting-duplicate',
    'missing-values',
    'bad-row',
    'gaps',
  ]),
  count: z.number().int().nonnegative(),
  message: z.string().max(2000),
});

export const SPARKLINE_POINTS = 48;

export const CollectionSeriesInfo = z.object({
  id: SeriesKey,
  length: z.number().int().nonnegative(),
  /** Inferred from this series' own times ("monthly", "yearly", …). */
  frequency: z.string().max(40),
  seasonalPeriod: z.number().int().min(1),
  firstTime: z.string().max(40).nullable(),
  lastTime: z.string().max(40).nullable(),
  /** Up to SPARKLINE_POINTS means of equal slices of the values, in time order. */
  sparkline: z.array(z.number()).max(SPARKLINE_POINTS),
  problems: z.array(CollectionProblem).max(20),
  /** Why this series cannot be used, or null. */
  error: z.string().max(2000).nullable(),
});
export type CollectionSeriesInfo = z.infer<typeof CollectionSeriesInfo>;

/** What the engine reads of a collection's file. */
export const CollectionIndex = z.object({
  rows: z.number().int().nonnegative(),
  /** File line numbers of rows that could not be read (wrong number of fields), at most 100. */
  badRows: z.array(z.number().int()).max(100),
  series: z.array(CollectionSeriesInfo).max(100_000),
  /** Columns of a wide file that are not series (text, no values, no name, a repeated name). */
  leftOut: z
    .array(z.object({ column: z.string().max(500), reason: z.string().max(500) }))
    .max(1000)
    .optional(),
});
export type CollectionIndex = z.infer<typeof CollectionIndex>;

export const CollectionInfo = CollectionIndex.extend({
  collectionId: CollectionId,
  name: z.string().max(255),
  layout: CollectionLayout,
});
export type CollectionInfo = z.infer<typeof CollectionInfo>;

export const OpenCollectionRequest = z.object({
  jobId: JobId,
  source: FileSource,
  layout: CollectionLayout,
  /** Read it to show what it holds (the import dialog's proposal) without adding it to the session. */
  preview: z.boolean().default(false),
});

export const CollectionSeriesRequest = z.object({
  collectionId: CollectionId,
  id: SeriesKey,
});

/** One series of a collection in full (for its chart). */
export const CollectionSeriesData = z.object({
  id: SeriesKey,
  times: z.array(z.string().max(40)).max(1_000_000),
  values: z.array(z.number().nullable()).max(1_000_000),
  frequency: z.string().max(40),
  problems: z.array(CollectionProblem).max(20),
  error: z.string().max(2000).nullable(),
});
export type CollectionSeriesData = z.infer<typeof CollectionSeriesData>;

export const CollectionFitSettings = z.object({
  /** Steps held out at the end of every series and forecast past its end. */
  horizon: z.number().int().min(1).max(100),
  cell: z.enum(['lstm', 'gru']),
  /** Epoch budget of the global network (early stopping on held-out series may stop sooner). */
  epochs: z.number().int().min(1).max(200),
  /** Seeds of the global network; the forecast is their median. */
  ensemble: z.number().int().min(1).max(5),
  /** Also fit one local network per series (the per-series pipeline), for comparison. */
  local: z.boolean(),
  /** Also fit auto-ARIMA per series (the slowest classical method). */
  arima: z.boolean(),
});
export type CollectionFitSettings = z.infer<typeof CollectionFitSettings>;

export const CollectionFitRequest = z.object({
  jobId: JobId,
  collectionId: CollectionId,
  settings: CollectionFitSettings,
});

export const COLLECTION_METHODS = [
  'global',
  'local',
  'ets',
  'theta',
  'arima',
  'naive',
  'snaive',
] as const;
export const CollectionMethod = z.enum(COLLECTION_METHODS);
export type CollectionMethod = z.infer<typeof CollectionMethod>;

const Path = z.object({
  label: z.string().max(500),
  /** Forecast of the test part (the last h values) from the values before it; null when too short. */
  test: z.array(z.number()).max(100).nullable(),
  /** Forecast of h steps past the end. */
  forecast: z.array(z.number()).max(100),
  smape: z.number().nullable(),
  mase: z.number().nullable(),
});

export const CollectionSeriesResult = z.object({
  id: SeriesKey,
  length: z.number().int().nonnegative(),
  frequency: z.string().max(40),
  /** Times of the test part and of the forecast past the end. */
  testTimes: z.array(z.string().max(40)).max(100),
  futureTimes: z.array(z.string().max(40)).max(100),
  /** The last values before the test part (at most 3h), their times, and the test part itself. */
  historyTimes: z.array(z.string().max(40)).max(300),
  history: z.array(z.number()).max(300),
  actual: z.array(z.number()).max(100),
  paths: z.partialRecord(CollectionMethod, Path),
  /** Why a method has no path for this series. */
  failures: z.partialRecord(CollectionMethod, z.string().max(2000)),
  error: z.string().max(2000).nullable(),
});
export type CollectionSeriesResult = z.infer<typeof CollectionSeriesResult>;

export const MethodAggregate = z.object({
  method: CollectionMethod,
  /** Means over the series where every listed method has a test score. */
  smape: z.number().nullable(),
  mase: z.number().nullable(),
  /** Share (0..1) of those series where this method has the lowest sMAPE (ties count for each). */
  wins: z.number().nullable(),
});

export const CollectionRunBody = z.object({
  global: z.object({
    frequencyClass: z.string().max(40).nullable(),
    seriesTrained: z.number().int().nonnegative(),
    windows: z.number().int().nonnegative(),
    epochs: z.number().int().nonnegative(),
    seconds: z.number().nonnegative(),
    /** Why there is no global network (e.g. too few series of a class), or null. */
    note: z.string().max(2000).nullable(),
  }),
  /** Series compared (every method scored) and series in the collection. */
  compared: z.number().int().nonnegative(),
  seriesCount: z.number().int().nonnegative(),
  aggregate: z.array(MethodAggregate).max(COLLECTION_METHODS.length),
  series: z.array(CollectionSeriesResult).max(100_000),
});
export type CollectionRunBody = z.infer<typeof CollectionRunBody>;

export const CollectionRun = CollectionRunBody.extend({
  runId: CollectionRunId,
  collectionId: CollectionId,
  collectionName: z.string().max(255),
  createdAt: z.string().max(40),
  settings: CollectionFitSettings,
});
export type CollectionRun = z.infer<typeof CollectionRun>;

/** What the session holds: the collections and their runs (a reopened project restores both). */
export const CollectionsState = z.object({
  collections: z.array(CollectionInfo).max(100),
  runs: z.array(CollectionRun).max(1000),
});
export type CollectionsState = z.infer<typeof CollectionsState>;
