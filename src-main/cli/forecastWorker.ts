// The worker side of `series-studio forecast`: a child process (the CLI itself, started with
// `forecast --worker`) that runs engine code for the tasks the coordinator sends over IPC and
// answers each with its result or its error. One task at a time; the process ends when the
// coordinator disconnects.
import { initBackend } from '../engine/model/backend';
import { engineRuntime } from '../engine/kernels/trainingRuntime';
import {
  globalPaths,
  trainGlobal,
  type GlobalInfo,
  type GlobalPaths,
} from '../engine/collections/globalModel';
import { sourceSeries, type CollectionSource } from '../engine/collections/collectionSource';
import {
  runSeriesTask,
  type SeriesTaskInput,
  type SeriesTaskOutput,
} from '../engine/collections/seriesTask';
import type { FrequencyClass } from '../engine/forecasting/frequency';

export interface GlobalTaskInput {
  index: CollectionSource;
  /** Series of the class (all of them are forecast; a hash-chosen subset of very large classes is trained on). */
  ids: string[];
  /** Series to forecast with it (this shard's series of the class). */
  forecastIds: string[];
  frequencyClass: FrequencyClass;
  h: number;
  ensemble: number;
}

export interface GlobalTaskOutput {
  info: GlobalInfo;
  paths: Map<string, GlobalPaths>;
}

export type WorkerTask =
  { kind: 'series'; input: SeriesTaskInput } | { kind: 'global'; input: GlobalTaskInput };

export type WorkerRequest = { taskId: number; task: WorkerTask };
export type WorkerReply =
  | { taskId: number; ok: true; value: SeriesTaskOutput | GlobalTaskOutput }
  | { taskId: number; ok: false; error: string }
  | { taskId: number; ok: true; log: string };

let ready: Promise<unknown> | null = null;
const networks = (): Promise<unknown> => (ready ??= initBackend('cpu').then(() => engineRuntime()));

async function runGlobal(
  input: GlobalTaskInput,
  log: (s: string) => void,
): Promise<GlobalTaskOutput> {
  await networks();
  // The values are needed at once for training (each series cut to its most recent rows).
  const series = input.ids.flatMap((id) => {
    const s = sourceSeries(input.index, id);
    return s.error ? [] : [{ id, values: s.values }];
  });
  const trained = await trainGlobal(series, input.frequencyClass, input.h, input.ensemble, log);
  series.length = 0;
  try {
    const paths = new Map<string, GlobalPaths>();
    for (const id of input.forecastIds) {
      const s = sourceSeries(input.index, id);
      if (!s.error && s.values.length > 0) paths.set(id, globalPaths(trained, s.values));
    }
    return { info: trained.info, paths };
  } finally {
    trained.dispose();
  }
}

export async function runWorker(): Promise<void> {
  // TensorFlow.js' advice lines (install tfjs-node, orthogonal initialiser sizes) would break the
  // coordinator's progress bar; results and errors travel over IPC.
  console.log = () => {};
  console.warn = () => {};
  const send = (reply: WorkerReply): void => {
    if (process.connected) process.send?.(reply);
  };
  let chain: Promise<void> = Promise.resolve();
  process.on('message', (message: WorkerRequest) => {
    chain = chain.then(async () => {
      const { taskId, task } = message;
      try {
        if (task.kind === 'series') {
          if (task.input.methods.includes('local')) await networks();
          send({ taskId, ok: true, value: await runSeriesTask(task.input) });
        } else {
          send({
            taskId,
            ok: true,
            value: await runGlobal(task.input, (line) => send({ taskId, ok: true, log: line })),
          });
        }
      } catch (e) {
        send({ taskId, ok: false, error: e instanceof Error ? e.message : String(e) });
      }
    });
  });
  await new Promise<void>((resolve) => process.once('disconnect', () => resolve()));
}
