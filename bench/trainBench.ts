// Training throughput (samples/s) of tasks T1 and T2: our SeqRecurrent model on the tfjs wasm
// backend with the op-by-op kernel and, when loadable, the fused WebAssembly kernel through the
// same seam, against torch_rnn.py at 1 and 2 threads with identical settings.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src-main/engine/model/backend';
import { buildModel } from '../src-main/engine/model/buildModel';
import { opByOpKernel, setRecurrentKernel } from '../src-main/engine/model/opByOpKernel';
import type { RecurrentSequenceKernel } from '../src-main/engine/model/recurrentKernel';
import { trainModel } from '../src-main/engine/model/train';
import type { WindowSet } from '../src-main/engine/model/windows';
import { missingPythonModules, numberField, runPeer } from './peers';
import type { BenchResult, Comparison, Metric } from './report';
import { describeProfile, profileStep, type StepProfile } from './trainProfile';
import { T1, T2, headWindows, modelConfig, taskWindows, torchArgs, type TrainTask } from './trainTasks';
import { loadFusedSeamKernel } from './fusedPath';

interface OurRun {
  samplesPerSec: number;
  losses: number[];
  profile: StepProfile | null;
}

async function trainOurs(task: TrainTask, set: WindowSet, withProfile: boolean): Promise<OurRun> {
  const config = modelConfig(task, set.nFeatures);
  const model = buildModel(config);
  const options = { ...config, epochs: task.epochs, batchSize: task.batch, patience: 0 };
  try {
    // Warm-up: the first batches pay for kernel setup and shape-specific allocations.
    await trainModel(model, { train: headWindows(set, 2 * task.batch), val: null }, { ...options, epochs: 1 });
    const r = await trainModel(model, { train: set, val: null }, options);
    const samplesPerSec = (r.epochs.length * set.count) / r.trainingSeconds;
    const profile = withProfile ? await profileStep(model, config, set, task.batch) : null;
    return { samplesPerSec, losses: r.epochs.map((e) => e.loss), profile };
  } finally {
    model.dispose();
  }
}

const fmtLoss = (l: number[]): string => l.map((v) => v.toExponential(3)).join(', ');

async function benchTask(
  task: TrainTask,
  fused: RecurrentSequenceKernel | null,
  torchMissing: string | null,
  log: (s: string) => void,
): Promise<{ metrics: Metric[]; comparisons: Comparison[]; notes: string[]; profile: StepProfile | null }> {
  const set = taskWindows(task);
  const notes = [`${task.id}: ${task.title}; ${set.count} windows × ${set.nFeatures} feature(s)`];
  setRecurrentKernel(opByOpKernel);
  const op = await trainOurs(task, set, true);
  log(`train ${task.id}: op-by-op ${op.samplesPerSec.toFixed(0)} samples/s`);
  notes.push(`${task.id} op-by-op losses: ${fmtLoss(op.losses)}`);
  if (op.profile) notes.push(`${task.id} op-by-op profile: ${describeProfile(op.profile)}`);
  let fusedRate: number | null = null;
  if (fused !== null) {
    setRecurrentKernel(fused);
    try {
      const f = await trainOurs(task, set, false);
      fusedRate = f.samplesPerSec;
      log(`train ${task.id}: fused ${fusedRate.toFixed(0)} samples/s`);
      notes.push(`${task.id} fused losses: ${fmtLoss(f.losses)} (same seed as op-by-op)`);
    } finally {
      setRecurrentKernel(opByOpKernel);
    }
  }
  const torch: (number | null)[] = [];
  for (const threads of [1, 2]) {
    if (torchMissing !== null) {
      torch.push(null);
      continue;
    }
    const out = runPeer('torch_rnn.py', torchArgs(task, threads));
    if (numberField(out, 'samples') !== set.count) throw new Error(`torch used ${String(out['samples'])} windows`);
    torch.push(numberField(out, 'samples_per_s'));
    log(`train ${task.id}: torch ${threads} thread(s) ${torch.at(-1)} samples/s`);
    const loss = Array.isArray(out['loss']) ? out['loss'].map(Number) : [];
    notes.push(`${task.id} torch ${threads}t losses: ${fmtLoss(loss)}`);
  }
  const known = torch.filter((v): v is number => v !== null);
  const torchBest = known.length > 0 ? Math.max(...known) : null;
  const metrics: Metric[] = [
    { label: `${task.id} ours op-by-op (wasm)`, value: op.samplesPerSec, unit: 'samples/s' },
    {
      label: `${task.id} ours fused wasm kernel`,
      value: fusedRate,
      unit: 'samples/s',
      ...(fused === null ? { note: 'not available' } : { note: fused.name }),
    },
    { label: `${task.id} PyTorch 1 thread`, value: torch[0] ?? null, unit: 'samples/s' },
    { label: `${task.id} PyTorch 2 threads`, value: torch[1] ?? null, unit: 'samples/s' },
  ];
  const comparisons: Comparison[] = [
    { label: `${task.id} op-by-op vs torch best`, kind: 'throughput', ours: op.samplesPerSec, peer: torchBest, goal: null },
    { label: `${task.id} fused vs torch best`, kind: 'throughput', ours: fusedRate, peer: torchBest, goal: null },
  ];
  return { metrics, comparisons, notes, profile: op.profile };
}

export async function trainBench(log: (s: string) => void): Promise<BenchResult> {
  const info = await initBackend('wasm');
  log(`train: ${info.detail}`);
  const notes = [`tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}: ${info.detail}`];
  const fused = await loadFusedSeamKernel();
  if (fused.kernel === null) notes.push(`fused path: ${fused.why}`);
  else notes.push(`fused path: ${fused.kernel.name} (${fused.why})`);
  log(`train: fused path ${fused.kernel === null ? 'unavailable' : 'available'}: ${fused.why}`);
  const torchMissing = missingPythonModules(['torch', 'numpy']);
  if (torchMissing !== null) {
    log(`train: ${torchMissing}`);
    notes.push(torchMissing);
  }
  const result: BenchResult = { name: 'train', metrics: [], comparisons: [], notes, extra: { backend: info } };
  const profiles: Record<string, StepProfile | null> = {};
  for (const task of [T1, T2]) {
    const r = await benchTask(task, fused.kernel, torchMissing, log);
    result.metrics.push(...r.metrics);
    result.comparisons.push(...r.comparisons);
    notes.push(...r.notes);
    profiles[task.id] = r.profile;
  }
  result.extra = { ...result.extra, profiles };
  return result;
}
