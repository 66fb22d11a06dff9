// The messages between the member pool (engine thread) and a member worker: one typed map each
// way, and the replies parsed from `unknown` on the engine side, so a worker that sends anything
// else is treated as failed, never trusted.
import { z } from 'zod';
import type { MemberJob, MemberOutcome } from './member';
import type { BackendName } from '../model/backend';
import { StoppedReason } from '../../shared/schemas/runRecord';

/** What a worker loads: the engine's TensorFlow.js backend and the same kernels. */
export interface MemberWorkerSetup {
  backend: BackendName;
  /** null = op-by-op tfjs layers. */
  kernels: { variant: 'simd' | 'relaxed'; wasmPath: string | null } | null;
}

export type PoolToWorker =
  { type: 'run'; jobId: number; job: MemberJob } | { type: 'cancel'; jobId: number };

const float64 = z.custom<Float64Array>((v) => v instanceof Float64Array);
// A diverged member's losses are NaN or ±Infinity, which z.number() refuses.
const anyNumber = z.custom<number>((v) => typeof v === 'number');

const trainResult = z.object({
  epochs: z.array(
    z.object({
      epoch: z.number(),
      loss: anyNumber,
      valLoss: anyNumber.nullable(),
      seconds: z.number(),
    }),
  ),
  stoppedReason: StoppedReason,
  message: z.string().nullable(),
  bestEpoch: z.number().nullable(),
  trainingSeconds: z.number(),
});

const outcome = z.object({
  index: z.number(),
  result: trainResult,
  testPath: float64,
  valPath: float64,
  forecast: float64,
  refitEpochs: z.number().nullable(),
});

export type WorkerToPool =
  | { type: 'ready'; detail: string }
  | { type: 'failed'; why: string }
  | { type: 'done'; jobId: number; outcome: MemberOutcome }
  | { type: 'error'; jobId: number; message: string };

export const WorkerToPool = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), detail: z.string() }),
  z.object({ type: z.literal('failed'), why: z.string() }),
  z.object({ type: z.literal('done'), jobId: z.number(), outcome }),
  z.object({ type: z.literal('error'), jobId: z.number(), message: z.string() }),
]);

// The schema and the message type must describe the same messages.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatches: Same<z.infer<typeof WorkerToPool>, WorkerToPool> = true;
void schemaMatches;
