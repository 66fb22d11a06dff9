// One timed training run of our model (warm-up first) and one of the PyTorch peer, each giving
// samples/s by wall clock and per CPU-second.
import { buildModel } from '../src-main/engine/model/buildModel';
import type { TrainingRuntime } from '../src-main/engine/model/recurrentKernel';
import { trainModel } from '../src-main/engine/model/train';
import type { WindowSet } from '../src-main/engine/model/windows';
import { cpuBetween, numberField, runPeer } from './peers';
import { cpuSecondsOf } from './timing';
import { profileStep, type StepProfile } from './trainProfile';
import { headWindows, modelConfig, torchArgs, type TrainTask } from './trainTasks';

export interface TrainRun {
  samplesPerSec: number;
  /** Samples per CPU-second of the whole process (all threads). */
  samplesPerCpuSec: number;
  losses: number[];
}

export async function trainOurs(
  task: TrainTask,
  set: WindowSet,
  withProfile: boolean,
  runtime: TrainingRuntime,
): Promise<TrainRun & { profile: StepProfile | null }> {
  const config = modelConfig(task, set.nFeatures);
  const model = buildModel(config, runtime);
  const options = { ...config, epochs: task.epochs, batchSize: task.batch, patience: 0 };
  try {
    // Warm-up: the first batches pay for kernel setup and shape-specific allocations.
    const warm = { train: headWindows(set, 2 * task.batch), val: null };
    await trainModel(model, warm, { ...options, epochs: 1 });
    const { cpu, value: r } = await cpuSecondsOf(() =>
      trainModel(model, { train: set, val: null }, options),
    );
    const samples = r.epochs.length * set.count;
    const profile = withProfile
      ? await profileStep(model, config, set, task.batch, task.layers > 1 ? 2 : 5)
      : null;
    return {
      samplesPerSec: samples / r.trainingSeconds,
      samplesPerCpuSec: samples / cpu,
      losses: r.epochs.map((e) => e.loss),
      profile,
    };
  } finally {
    model.dispose();
  }
}

export function trainTorch(task: TrainTask, set: WindowSet, threads: number): TrainRun {
  const run = runPeer('torch_rnn.py', torchArgs(task, threads));
  const samples = numberField(run.out, 'samples');
  if (samples !== set.count) throw new Error(`torch used ${samples} windows, ours ${set.count}`);
  const epochs = numberField(run.out, 'epochs');
  const loss = run.out['loss'];
  return {
    samplesPerSec: numberField(run.out, 'samples_per_s'),
    samplesPerCpuSec: (epochs * samples) / cpuBetween(run, 0, -1),
    losses: Array.isArray(loss) ? loss.map(Number) : [],
  };
}
