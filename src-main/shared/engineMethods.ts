// THE engine map: every method a host (Electron main, the browser-mode server, the CLI) may call
// on the engine process, with its params schema (parsed by the engine's dispatch), its result
// schema (checked by the host's EngineClient), its progress schema (jobs only) and its liveness
// rule. The engine's handler table, `EngineClient.call`, `engineCall` and `CliEngine.call` are all
// typed from this one map, as the channel map (contract.ts) types the renderer side.
// (After Signal Desktop's ts/sql/Interface.ts and VS Code's ProxyChannel.)
//
// Liveness (issue 14):
// - A **job** runs until it finishes or its caller cancels it (polite cancel, then a hard kill);
//   it has no time limit, because a fit or an import may rightly take an hour.
// - Every other call has a **timeout**: past it, the call fails with code `timeout` and the
//   engine is asked to cancel it (the engine itself is left running: other calls may be fine).
//   The limits are generous: a dataset-bound call may first re-import its CSV into a fresh engine.
// - An **idempotent** call that was in flight when the engine died (or was sent to an engine that
//   had just died) is sent once more to the fresh engine; a second crash is reported as
//   `engine-crashed`. Jobs and writes that are not idempotent are never retried.
import { z } from 'zod';
import { StlRequest, AnalysisResult, AnalyzeRequest, StlResult } from './schemas/analysis';
import { TransformPreviewRequest } from './schemas/analysis';
import { BackendName } from './schemas/app';
import {
  CsvSniff,
  DatasetInfo,
  ParseOptions,
  SeriesRequest,
  SeriesWindow,
} from './schemas/dataset';
import {
  CollectionFitSettings,
  CollectionIndex,
  CollectionLayout,
  CollectionRunBody,
  CollectionSeriesData,
} from './schemas/collection';
import { DatasetSpec, FitConfig } from './schemas/engine';
import {
  Comparison,
  PipelineInputs,
  ResidualDiagnostics,
  SensitivityResult,
} from './schemas/interpret';
import { FitSettings, RunResult } from './schemas/model';
import { DatasetCheck, Project, SessionProject } from './schemas/project';
import { ReportSection } from './schemas/projectChannels';
import {
  BacktestProgress,
  BusyProgress,
  ExplainProgress,
  FitProgress,
  ImportProgress,
  ReportProgress,
  type EngineProgress,
} from './schemas/progress';
import { BacktestResult } from './schemas/search';

interface MethodBase {
  params: z.ZodType;
  result: z.ZodType;
  /** A fault drill of the test suite: served only when SERIES_STUDIO_DEBUG_METHODS=1. */
  debug?: true;
}

/** Runs until done or cancelled; may stream progress. */
interface JobMethod extends MethodBase {
  job: true;
  progress?: z.ZodType;
  timeoutMs?: never;
  idempotent?: never;
}

/** Answers within `timeoutMs` or fails with `timeout`. */
interface CallMethod extends MethodBase {
  job?: never;
  progress?: never;
  timeoutMs: number;
  /** Safe to run twice: retried once on a fresh engine after a crash. */
  idempotent?: true;
}

export type EngineMethodSpec = JobMethod | CallMethod;

const seconds = (s: number): number => s * 1000;
/** Dataset-bound calls may first rebuild their dataset in a restarted engine (a full CSV import). */
const datasetBound = seconds(180);

/** The first row of each test window, the predictions and actuals: what residuals and DM tests read. */
const RunTest = z.object({
  id: z.string(),
  test: z.object({
    targetStarts: z.array(z.number()),
    horizon: z.number(),
    times: z.array(z.number()),
    predicted: z.array(z.number().nullable()),
    actual: z.array(z.number().nullable()),
  }),
  metrics: z.record(z.string(), z.number().nullable()),
});

/** A call on one dataset's series (idempotent; the dataset may first be rebuilt: dataset-bound). */
function onDataset<S extends z.ZodRawShape, R extends z.ZodType>(
  request: z.ZodObject<S>,
  result: R,
) {
  return {
    params: request.extend({ spec: DatasetSpec }),
    result,
    timeoutMs: datasetBound,
    idempotent: true as const,
  };
}

const FileHash = z.object({ sha256: z.string(), sizeBytes: z.number() });

export const engineMethods = {
  'engine:backend': {
    params: z.object({}),
    result: z.object({
      name: BackendName,
      detail: z.string(),
      kernel: z.object({ name: z.string(), detail: z.string() }),
    }),
    // The first call loads the TensorFlow.js backend and the WebAssembly kernels.
    timeoutMs: seconds(120),
    idempotent: true,
  },
  'datasets:sniff': {
    params: z.object({ path: z.string(), name: z.string(), overrides: ParseOptions.partial() }),
    result: CsvSniff,
    timeoutMs: seconds(60),
    idempotent: true,
  },
  'datasets:open': {
    params: z.object({ spec: DatasetSpec }),
    result: DatasetInfo,
    progress: ImportProgress,
    job: true,
  },
  'datasets:series': onDataset(SeriesRequest, SeriesWindow),
  'analysis:diagnostics': onDataset(AnalyzeRequest, AnalysisResult),
  'analysis:stl': onDataset(StlRequest, StlResult),
  'analysis:transform': onDataset(TransformPreviewRequest, SeriesWindow),
  'model:defaults': {
    params: z.object({ spec: DatasetSpec, target: z.string() }),
    // Every setting filled in (as the contract's model:defaults answer), transforms resolved.
    result: FitSettings.required().extend({
      transforms: FitConfig.shape.transforms,
      transformNotes: z.array(z.string()),
    }),
    timeoutMs: datasetBound,
    idempotent: true,
  },
  'model:fit': {
    params: z.object({ spec: DatasetSpec, settings: FitSettings, workDir: z.string() }),
    result: RunResult,
    progress: FitProgress,
    job: true,
  },
  /** A long-format collection's series (issue 17); `sha256` keys the engine's cache of the index. */
  'collections:index': {
    params: z.object({ path: z.string(), layout: CollectionLayout, sha256: z.string() }),
    result: CollectionIndex,
    timeoutMs: datasetBound,
    idempotent: true,
  },
  'collections:series': {
    params: z.object({
      path: z.string(),
      layout: CollectionLayout,
      sha256: z.string(),
      id: z.string().max(500),
    }),
    result: CollectionSeriesData,
    timeoutMs: datasetBound,
    idempotent: true,
  },
  /** One global network over the collection, every series scored against the other methods. */
  'collections:fit': {
    params: z.object({
      path: z.string(),
      layout: CollectionLayout,
      sha256: z.string(),
      settings: CollectionFitSettings,
    }),
    result: CollectionRunBody,
    progress: FitProgress,
    job: true,
  },
  'runs:sensitivity': {
    params: z.object({
      spec: DatasetSpec,
      runId: z.string(),
      /** The run's resolved config, as its RunResult holds it. */
      config: RunResult.shape.config,
      modelDir: z.string(),
      /** A forecasting-pipeline run's inputs (absent on the classic path). */
      pipeline: PipelineInputs.optional(),
      params: z.object({
        method: z.enum(['perturbation', 'occlusion', 'integrated-gradients']),
        delta: z.number(),
        deltaUnit: z.enum(['scaled', 'std']),
        maxWindows: z.number().int().min(0),
        horizonStep: z.number().int().min(0),
        steps: z.number().int().min(1),
      }),
    }),
    result: SensitivityResult,
    progress: ExplainProgress,
    job: true,
  },
  /** The engine's half of `runs:delete`: forget the run's cached model. */
  'runs:delete': {
    params: z.object({ modelDir: z.string() }),
    result: z.object({ evicted: z.boolean() }),
    timeoutMs: seconds(30),
    idempotent: true,
  },
  'runs:residuals': {
    params: z.object({ run: RunTest, horizonStep: z.number().int().min(0) }),
    result: ResidualDiagnostics,
    timeoutMs: seconds(60),
    idempotent: true,
  },
  'runs:compare': {
    params: z.object({
      a: RunTest,
      b: RunTest,
      loss: z.enum(['squared', 'absolute']),
      h: z.number().int().min(1),
      alternative: z.enum(['two-sided', 'less', 'greater']),
    }),
    result: Comparison,
    timeoutMs: seconds(60),
    idempotent: true,
  },
  'backtest:run': {
    params: z.object({
      spec: DatasetSpec,
      settings: FitSettings,
      folds: z.number().int().min(1),
      horizon: z.number().int().min(1),
      stride: z.number().int().min(1).optional(),
      window: z.enum(['expanding', 'sliding']),
      refit: z.enum(['scratch', 'finetune', 'none']),
      workDir: z.string(),
    }),
    result: BacktestResult,
    progress: BacktestProgress,
    job: true,
  },
  /** The HTML half of `report:export` (the renderer's charts through ECharts' SSR). */
  'report:html': {
    params: z.object({
      title: z.string(),
      spec: DatasetSpec.nullable(),
      column: z.string().nullable(),
      runs: z.array(RunResult),
      /** The runs' own datasets: each run's pages use its dataset, not the selected one. */
      specs: z.array(DatasetSpec).max(50).optional(),
      sensitivities: z.record(z.string(), SensitivityResult),
      sections: z.array(ReportSection),
    }),
    result: z.object({ html: z.string() }),
    progress: ReportProgress,
    job: true,
  },
  /** The PDF half of `report:export` outside the desktop app (Chromium through playwright-core). */
  'report:pdf': {
    params: z.object({ html: z.string(), outPath: z.string() }),
    result: z.object({ outPath: z.string() }),
    progress: ReportProgress,
    job: true,
  },
  /** sha256 of a dataset file for `project:save` (streamed; a large CSV takes a while). */
  'project:hash': {
    params: z.object({ path: z.string() }),
    result: FileHash,
    timeoutMs: seconds(600),
    idempotent: true,
  },
  'project:save': {
    params: z.object({
      path: z.string(),
      project: SessionProject,
      /** Folders run models may be copied from (work folder, opened projects' models folders). */
      modelRoots: z.array(z.string().max(4096)).max(1000).optional(),
    }),
    result: z.object({ warnings: z.array(z.string()) }),
    // Copies every run's model folder; not retried (a save is the user's explicit act).
    timeoutMs: seconds(600),
  },
  'project:open': {
    params: z.object({ path: z.string() }),
    result: z.object({
      project: SessionProject,
      datasetChecks: z.array(DatasetCheck),
      missingModels: z.array(z.string()),
    }),
    job: true,
  },
  /** The crash-recovery file (autosave writes it, a clean exit clears it, start-up reads it). */
  'project:recovery': {
    params: z.discriminatedUnion('action', [
      z.object({
        action: z.literal('write'),
        dir: z.string(),
        project: SessionProject,
        modelRoots: z.array(z.string().max(4096)).max(1000).optional(),
      }),
      z.object({ action: z.literal('read'), dir: z.string() }),
      z.object({ action: z.literal('clear'), dir: z.string() }),
    ]),
    result: z.object({ path: z.string(), project: Project.nullable() }),
    timeoutMs: seconds(600),
    // Each action leaves the same state when repeated (atomic write of the same document).
    idempotent: true,
  },
  'debug:busy': {
    params: z.object({
      ms: z.number().int().min(0).max(60_000),
      ignoreCancel: z.boolean().default(false),
    }),
    result: z.object({ elapsedMs: z.number() }),
    progress: BusyProgress,
    job: true,
    debug: true,
  },
  /** Answers after `ms`, past its own 1 s limit: the drill for call timeouts. */
  'debug:sleep': {
    params: z.object({ ms: z.number().int().min(0).max(60_000) }),
    result: z.object({ sleptMs: z.number() }),
    timeoutMs: seconds(1),
    debug: true,
  },
  /** Answers `{ value }` as given, against a result schema that wants a number: the drill for results that break the map. */
  'debug:echo': {
    params: z.object({ value: z.unknown() }),
    result: z.object({ value: z.number() }),
    timeoutMs: seconds(30),
    debug: true,
  },
  'debug:pid': {
    params: z.object({}),
    result: z.object({ pid: z.number() }),
    timeoutMs: seconds(30),
    idempotent: true,
    debug: true,
  },
  'debug:memory': {
    params: z.object({}),
    result: z.object({ numTensors: z.number(), rssBytes: z.number() }),
    timeoutMs: seconds(30),
    idempotent: true,
    debug: true,
  },
  /** Starts the member threads for the engine's default backend and answers once they are up (or failed). */
  'debug:memberThreads': {
    params: z.object({}),
    result: z.object({
      configured: z.boolean(),
      ready: z.number(),
      disabled: z.string().nullable(),
    }),
    timeoutMs: seconds(60),
    idempotent: true,
    debug: true,
  },
} as const satisfies Record<string, EngineMethodSpec>;

export type EngineMethods = typeof engineMethods;
export type EngineMethodName = keyof EngineMethods;
/** Fault drills, absent from a production engine. */
export type DebugMethodName = {
  [M in EngineMethodName]: EngineMethods[M] extends { debug: true } ? M : never;
}[EngineMethodName];
export type ProductMethodName = Exclude<EngineMethodName, DebugMethodName>;

/** What a host sends (before the engine's parse fills defaults). */
export type EngineParams<M extends EngineMethodName> = z.input<EngineMethods[M]['params']>;
/** What an engine method receives. */
export type EngineParsedParams<M extends EngineMethodName> = z.output<EngineMethods[M]['params']>;
/** What an engine method returns (checked against the result schema on the host side). */
export type EngineReturn<M extends EngineMethodName> = z.input<EngineMethods[M]['result']>;
/** What the host gets back, validated. */
export type EngineResult<M extends EngineMethodName> = z.output<EngineMethods[M]['result']>;
/** The progress updates a method streams (never for calls that are not jobs). */
export type EngineProgressOf<M extends EngineMethodName> = EngineProgress &
  (EngineMethods[M] extends { progress: z.ZodType }
    ? z.output<EngineMethods[M]['progress']>
    : never);

export function isEngineMethod(name: unknown): name is EngineMethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(engineMethods, name);
}

export function methodSpec(name: EngineMethodName): EngineMethodSpec {
  return engineMethods[name];
}
