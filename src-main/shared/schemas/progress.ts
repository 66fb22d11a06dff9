// Job progress as the engine streams it, one schema per job kind (`phase`), so the host and the
// renderer read `detail` by its type instead of re-parsing a loose record.
import { z } from 'zod';
import { Num } from './analysis';

/** 0..1 where known. */
const Fraction = z.number().nullable();

export const ImportDetail = z.object({
  kind: z.literal('import'),
  bytesRead: z.number(),
  totalBytes: z.number(),
  rows: z.number(),
});

/** One training batch (losses that are not finite travel as null). */
export const BatchDetail = z.object({
  kind: z.literal('batch'),
  /** 0-based. */
  epoch: z.number(),
  batch: z.number(),
  batches: z.number(),
  loss: Num,
  samplesPerSec: Num,
  etaSeconds: Num,
});

/** One finished epoch. */
export const EpochDetail = z.object({
  kind: z.literal('epoch'),
  /** 0-based. */
  epoch: z.number(),
  epochs: z.number(),
  loss: Num,
  valLoss: Num,
  seconds: z.number(),
  samplesPerSec: Num,
  etaSeconds: Num,
  bestEpoch: z.number().nullable(),
});

export const ProgressDetail = z.discriminatedUnion('kind', [
  ImportDetail,
  BatchDetail,
  EpochDetail,
]);
export type ProgressDetail = z.infer<typeof ProgressDetail>;
export type BatchDetail = z.infer<typeof BatchDetail>;
export type EpochDetail = z.infer<typeof EpochDetail>;

const plain = <P extends string>(phase: P) =>
  z.object({ phase: z.literal(phase), fraction: Fraction, message: z.string() });

export const ImportProgress = plain('import').extend({ detail: ImportDetail });
export const TrainProgress = plain('train').extend({
  detail: z.discriminatedUnion('kind', [BatchDetail, EpochDetail]),
});
export const EvaluateProgress = plain('evaluate');
export const ExplainProgress = plain('explain');
export const BacktestProgress = plain('backtest');
export const ReportProgress = plain('report');
/** The fault-drill job of the test suite. */
export const BusyProgress = plain('busy');

/** What a fit streams: batches and epochs while training, then one "evaluate" step. */
export const FitProgress = z.discriminatedUnion('phase', [TrainProgress, EvaluateProgress]);

/** Every progress update an engine job may send, by job kind. */
export const EngineProgress = z.discriminatedUnion('phase', [
  ImportProgress,
  TrainProgress,
  EvaluateProgress,
  ExplainProgress,
  BacktestProgress,
  ReportProgress,
  BusyProgress,
]);
export type EngineProgress = z.infer<typeof EngineProgress>;
