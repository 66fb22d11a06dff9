// Where a training step's time goes on the tfjs path: a timing breakdown (forward, forward +
// gradients, full optimizer step) and tf.profile's kernel counts for one optimizer step.
import * as tf from '@tensorflow/tfjs';
import { lossFunction, makeOptimizer, type ModelConfig } from '../src-main/engine/model/buildModel';
import type { WindowSet } from '../src-main/engine/model/windows';

export interface KernelStat {
  name: string;
  count: number;
  ms: number;
}

export interface StepProfile {
  batch: number;
  forwardMs: number;
  forwardBackwardMs: number;
  stepMs: number;
  /** Wall time of the profiled step (profiling adds some overhead of its own). */
  profiledStepMs: number;
  /** Kernel calls, excluding the customGrad wrapper entries. */
  kernels: number;
  /** Time inside those kernels (the wrappers' time would count their inner kernels twice). */
  kernelMs: number;
  /** Time of the customGrad wrapper entries (recurrent forward passes), for reference. */
  wrapperMs: number;
  /** Sorted by time, largest first. */
  byKernel: KernelStat[];
}

const WRAPPER = 'unnamed scope';

function batchOf(set: WindowSet, batch: number): [tf.Tensor3D, tf.Tensor2D] {
  const per = set.lookback * set.nFeatures;
  return [
    tf.tensor3d(set.x.slice(0, batch * per), [batch, set.lookback, set.nFeatures]),
    tf.tensor2d(set.y.slice(0, batch * set.horizon), [batch, set.horizon]),
  ];
}

function meanMs(reps: number, fn: () => void): number {
  fn();
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) fn();
  return (performance.now() - t0) / reps;
}

export async function profileStep(
  model: tf.LayersModel,
  config: ModelConfig,
  set: WindowSet,
  batch: number,
  reps = 5,
): Promise<StepProfile> {
  const [x, y] = batchOf(set, batch);
  const loss = lossFunction(config.loss);
  const optimizer = makeOptimizer(config);
  const lossOf = (): tf.Scalar => loss(y, model.apply(x, { training: true }) as tf.Tensor);
  try {
    const forwardMs = meanMs(reps, () => tf.tidy(() => lossOf().dataSync()));
    const forwardBackwardMs = meanMs(reps, () =>
      tf.tidy(() => {
        const g = tf.variableGrads(lossOf);
        g.value.dataSync();
        for (const t of Object.values(g.grads)) t.dataSync();
      }),
    );
    const step = (): void => {
      const cost = optimizer.minimize(lossOf, true);
      cost?.dataSync();
      cost?.dispose();
    };
    const stepMs = meanMs(reps, step);
    const t0 = performance.now();
    const prof = await tf.profile(step);
    const profiledStepMs = performance.now() - t0;
    const groups = new Map<string, KernelStat>();
    let kernelMs = 0;
    let wrapperMs = 0;
    let kernels = 0;
    for (const k of prof.kernels) {
      const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
      // tf.customGrad records its forward as one entry named after the enclosing scope.
      if (k.name === WRAPPER) {
        wrapperMs += ms;
        continue;
      }
      const g = groups.get(k.name) ?? { name: k.name, count: 0, ms: 0 };
      g.count++;
      g.ms += ms;
      kernelMs += ms;
      kernels++;
      groups.set(k.name, g);
    }
    const byKernel = [...groups.values()].sort((a, b) => b.ms - a.ms);
    return {
      batch,
      forwardMs,
      forwardBackwardMs,
      stepMs,
      profiledStepMs,
      kernels,
      kernelMs,
      wrapperMs,
      byKernel,
    };
  } finally {
    optimizer.dispose();
    tf.dispose([x, y]);
  }
}

export function describeProfile(p: StepProfile, top = 8): string {
  const kernels = p.byKernel
    .slice(0, top)
    .map((k) => `${k.name}×${k.count} ${k.ms.toFixed(1)} ms`)
    .join(', ');
  return (
    `one step (batch ${p.batch}): forward ${p.forwardMs.toFixed(1)} ms, forward+gradients ` +
    `${p.forwardBackwardMs.toFixed(1)} ms, full Adam step ${p.stepMs.toFixed(1)} ms; tf.profile: ` +
    `${p.kernels} kernel calls, ${p.kernelMs.toFixed(1)} ms inside kernels of a ` +
    `${p.profiledStepMs.toFixed(1)} ms profiled step ` +
    `(customGrad forward wrappers ${p.wrapperMs.toFixed(1)} ms, counted through their kernels); top: ${kernels}`
  );
}
