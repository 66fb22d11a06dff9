// THE contract: every channel the renderer may call, with its request schema (parsed from unknown at
// every boundary) and its response schema. The preload, the Electron handlers, the browser-mode
// server and the renderer client are all derived from this one map.
import { z } from 'zod';
import { AppInfo, EngineStatus, JobProgress, LogEntry, MenuEvent } from './schemas/app';
import { DatasetId, Empty, JobId } from './schemas/common';
import {
  CsvSniff,
  DatasetInfo,
  OpenDatasetRequest,
  SampleInfo,
  SeriesRequest,
  SeriesWindow,
  SniffRequest,
} from './schemas/dataset';
import type { ChannelName, EventName } from './channelNames';
import {
  CollectionFitRequest,
  CollectionInfo,
  CollectionRun,
  CollectionSeriesData,
  CollectionSeriesRequest,
  CollectionsState,
  OpenCollectionRequest,
} from './schemas/collection';
import {
  ExportedReport,
  OpenedProject,
  OpenProjectRequest,
  RecoveryInfo,
  ReportRequest,
  SavedProject,
  SaveProjectRequest,
} from './schemas/projectChannels';
import { BacktestRequest, BacktestResult, SearchRequest, SearchResult } from './schemas/search';
import {
  CompareRequest,
  Comparison,
  ExportedFile,
  ExportRequest,
  ResidualDiagnostics,
  ResidualsRequest,
  SensitivityRequest,
  SensitivityResult,
} from './schemas/interpret';
import {
  DefaultsRequest,
  FitRequest,
  FitSettings,
  RunRef,
  RunResult,
  RunSummary,
} from './schemas/model';
import {
  AnalysisResult,
  AnalyzeRequest,
  StlRequest,
  StlResult,
  TransformPreviewRequest,
} from './schemas/analysis';

interface ChannelSpec {
  request: z.ZodType;
  response: z.ZodType;
  /** Long-running: the request carries a jobId, progress events stream, `jobs:cancel` applies. */
  job?: true;
  /** Only meaningful in the desktop app (native dialogs); other hosts answer `unavailable`. */
  desktopOnly?: true;
}

export const contract = {
  'app:info': { request: Empty, response: AppInfo },
  'datasets:samples': { request: Empty, response: z.array(SampleInfo) },
  'datasets:sniff': { request: SniffRequest, response: CsvSniff },
  'datasets:open': { request: OpenDatasetRequest, response: DatasetInfo, job: true },
  'datasets:series': { request: SeriesRequest, response: SeriesWindow },
  /** Takes a dataset off the session's list (a reload and a save no longer show it); runs trained
   * on it still resolve it. */
  'datasets:close': {
    request: z.object({ datasetId: DatasetId }),
    response: z.object({ closed: z.boolean() }),
  },
  /** A long-format CSV read as a collection of series keyed by its id column (issue 17). */
  'collections:open': { request: OpenCollectionRequest, response: CollectionInfo, job: true },
  'collections:series': { request: CollectionSeriesRequest, response: CollectionSeriesData },
  /** One global network over a collection, every series scored against local and classical methods. */
  'collections:fit': { request: CollectionFitRequest, response: CollectionRun, job: true },
  /** The session's collections and their runs (after a reload or a project open). */
  'collections:state': { request: Empty, response: CollectionsState },
  'analysis:diagnostics': { request: AnalyzeRequest, response: AnalysisResult },
  'analysis:stl': { request: StlRequest, response: StlResult },
  'analysis:transform': { request: TransformPreviewRequest, response: SeriesWindow },
  'model:defaults': {
    request: DefaultsRequest,
    response: FitSettings.required().extend({ transformNotes: z.array(z.string()) }),
  },
  'model:fit': { request: FitRequest, response: RunResult, job: true },
  'runs:list': { request: Empty, response: z.array(RunSummary) },
  'runs:get': { request: RunRef, response: RunResult },
  'runs:delete': { request: RunRef, response: z.object({ deleted: z.boolean() }) },
  'runs:residuals': { request: ResidualsRequest, response: ResidualDiagnostics },
  'runs:compare': { request: CompareRequest, response: Comparison },
  'runs:sensitivity': { request: SensitivityRequest, response: SensitivityResult, job: true },
  'runs:export': { request: ExportRequest, response: ExportedFile },
  'search:run': { request: SearchRequest, response: SearchResult, job: true },
  'backtest:run': { request: BacktestRequest, response: BacktestResult, job: true },
  'project:save': { request: SaveProjectRequest, response: SavedProject },
  'project:open': { request: OpenProjectRequest, response: OpenedProject, job: true },
  'project:recovery': { request: Empty, response: RecoveryInfo },
  /** What the host holds for this session (its source of truth): a reloaded page starts from it. */
  'session:state': {
    request: Empty,
    response: z.object({
      title: z.string().nullable(),
      /** The project file the session was last saved to or opened from (not a recovery copy). */
      path: z.string().nullable(),
      datasets: z.array(DatasetInfo),
    }),
  },
  'report:export': { request: ReportRequest, response: ExportedReport, job: true },
  'jobs:cancel': {
    request: z.object({ jobId: JobId }),
    response: z.object({ cancelled: z.boolean() }),
  },
  /** A file's text handed over by the page itself (drag and drop in the desktop app). */
  'uploads:create': {
    request: z.object({
      name: z.string().min(1).max(200),
      text: z.string().max(512 * 1024 * 1024),
    }),
    response: z.object({ uploadId: z.string(), name: z.string(), sizeBytes: z.number() }),
  },
  'dialog:openCsv': {
    request: Empty,
    response: z.object({ path: z.string().nullable() }),
    desktopOnly: true,
  },
} as const satisfies Record<ChannelName, ChannelSpec>;

export const events = {
  'job:progress': JobProgress,
  'app:log': LogEntry,
  'engine:status': EngineStatus,
  'menu:command': MenuEvent,
} as const satisfies Record<EventName, z.ZodType>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export function isJobChannel(channel: Channel): boolean {
  return 'job' in contract[channel];
}
