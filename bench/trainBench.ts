// Training throughput (samples/s) of tasks T1 and T2: our SeqRecurrent model on the tfjs wasm
// backend with the op-by-op kernel and, when loadable, the fused WebAssembly kernel through the
// same seam, against torch_rnn.py at 1 and 2 threads with identical settings.
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../src-main/engine/model/backend';
import { opByOpRuntime } from '../src-main/engine/model/opByOpKernel';
import type { TrainingRuntime } from '../src-main/engine/model/recurrentKernel';
import { loadFusedSeamKernel } from './fusedPath';
import { missingPythonModules } from './peers';
import type { BenchResult, Comparison, Metric } from './report';
import { describeProfile, type StepProfile } from './trainProfile';
import { trainOurs, trainTorch, type TrainRun } from './trainRuns';
import { T1, T2, taskWindows, type TrainTask } from './trainTasks';

const fmtLoss = (l: number[]): string => l.map((v) => v.toExponential(3)).join(', ');

interface TaskOutcome {
  metrics: Metric[];
  comparisons: Comparison[];
  notes: string[];
  profile: StepProfile | null;
}

function throughput(label: string, ours: number | null, peer: number | null): Comparison {
  return { label, kind: 'throughput', ours, peer, goal: null };
}

async function benchTask(
  task: TrainTask,
  fused: TrainingRuntime | null,
  torchMissing: string | null,
  log: (s: string) => void,
): Promise<TaskOutcome> {
  const set = taskWindows(task);
  const id = task.id;
  const notes = [`${id}: ${task.title}; ${set.count} windows × ${set.nFeatures} feature(s)`];
  const op = await trainOurs(task, set, true, opByOpRuntime);
  log(`train ${id}: op-by-op ${op.samplesPerSec.toFixed(0)} samples/s`);
  notes.push(`${id} op-by-op losses: ${fmtLoss(op.losses)}`);
  if (op.profile) notes.push(`${id} op-by-op profile: ${describeProfile(op.profile)}`);
  let fusedRun: TrainRun | null = null;
  if (fused !== null) {
    fusedRun = await trainOurs(task, set, false, fused);
    log(`train ${id}: fused ${fusedRun.samplesPerSec.toFixed(0)} samples/s`);
    notes.push(`${id} fused losses: ${fmtLoss(fusedRun.losses)} (same seed as op-by-op)`);
  }
  const torch: (TrainRun | null)[] = [];
  for (const threads of [1, 2]) {
    const run = torchMissing === null ? trainTorch(task, set, threads) : null;
    torch.push(run);
    if (run === null) continue;
    log(`train ${id}: torch ${threads} thread(s) ${run.samplesPerSec} samples/s`);
    notes.push(`${id} torch ${threads}t losses: ${fmtLoss(run.losses)}`);
  }
  const known = torch.flatMap((r) => (r === null ? [] : [r.samplesPerSec]));
  const torchBest = known.length > 0 ? Math.max(...known) : null;
  const [t1, t2] = [torch[0] ?? null, torch[1] ?? null];
  const fusedNote = fused === null ? 'not available' : fused.name;
  const metrics: Metric[] = [
    { label: `${id} ours op-by-op (wasm)`, value: op.samplesPerSec, unit: 'samples/s' },
    {
      label: `${id} ours fused wasm kernel`,
      value: fusedRun?.samplesPerSec ?? null,
      unit: 'samples/s',
      note: fusedNote,
    },
    { label: `${id} PyTorch 1 thread`, value: t1?.samplesPerSec ?? null, unit: 'samples/s' },
    { label: `${id} PyTorch 2 threads`, value: t2?.samplesPerSec ?? null, unit: 'samples/s' },
    { label: `${id} op-by-op per CPU-second`, value: op.samplesPerCpuSec, unit: 'samples/s' },
    {
      label: `${id} fused per CPU-second`,
      value: fusedRun?.samplesPerCpuSec ?? null,
      unit: 'samples/s',
    },
    {
      label: `${id} PyTorch 1 thread per CPU-second`,
      value: t1?.samplesPerCpuSec ?? null,
      unit: 'samples/s',
    },
  ];
  const comparisons = [
    throughput(`${id} op-by-op vs torch best`, op.samplesPerSec, torchBest),
    throughput(`${id} fused vs torch best`, fusedRun?.samplesPerSec ?? null, torchBest),
    throughput(
      `${id} op-by-op vs torch 1t, CPU`,
      op.samplesPerCpuSec,
      t1?.samplesPerCpuSec ?? null,
    ),
    throughput(
      `${id} fused vs torch 1t, CPU`,
      fusedRun?.samplesPerCpuSec ?? null,
      t1?.samplesPerCpuSec ?? null,
    ),
  ];
  return { metrics, comparisons, notes, profile: op.profile };
}

export async function trainBench(log: (s: string) => void): Promise<BenchResult> {
  const info = await initBackend('wasm');
  log(`train: ${info.detail}`);
  const notes = [`tfjs ${tf.version.tfjs}, backend ${tf.getBackend()}: ${info.detail}`];
  const fused = await loadFusedSeamKernel();
  const state = fused.runtime === null ? 'unavailable' : fused.runtime.name;
  notes.push(`fused path: ${state} (${fused.why})`);
  log(`train: fused path ${state}: ${fused.why}`);
  const torchMissing = missingPythonModules(['torch', 'numpy']);
  if (torchMissing !== null) {
    log(`train: ${torchMissing}`);
    notes.push(torchMissing);
  }
  const result: BenchResult = { name: 'train', metrics: [], comparisons: [], notes };
  const profiles: Record<string, StepProfile | null> = {};
  for (const task of [T1, T2]) {
    const r = await benchTask(task, fused.runtime, torchMissing, log);
    result.metrics.push(...r.metrics);
    result.comparisons.push(...r.comparisons);
    notes.push(...r.notes);
    profiles[task.id] = r.profile;
  }
  result.extra = { backend: info, fused: fused.why, profiles };
  return result;
}
