// One ensemble member of the forecasting pipeline, start to finish: trained on the training part
// (stopped on the validation windows), scored on the test and validation windows, then refitted on
// every row for the epoch count validation chose and run past the end. A member job is plain,
// structured-cloneable data, so the same function runs on the engine's thread and in a member
// worker (memberPool.ts): a member's numbers depend on its job and the kernels, not the thread.
import type * as tf from '@tensorflow/tfjs';
import type { Adaptation } from '../model/runResult';
import type { TrainHooks, TrainResult } from '../model/train';
import { predictScaled } from '../model/predictWindows';
import type { TrainingRuntime } from '../model/recurrentKernel';
import {
  buildLocalWindows,
  denormaliseOutputs,
  localWindowStarts,
  type LocalWindowSet,
} from './localWindows';
import { trainNetwork, type NetworkSpec, type WeightValues } from './network';
import { unadjust, type Preprocessing } from './preprocessing';

/** Forecasts (original units) of the windows starting at `starts` from the adjusted series. */
export function predictStarts(
  model: tf.LayersModel,
  adjusted: Float64Array,
  starts: number[],
  lookback: number,
  horizon: number,
  prep: Preprocessing,
): Float64Array {
  if (starts.length === 0) return new Float64Array(0);
  const set = buildLocalWindows(adjusted, starts, lookback, horizon, prep.norm);
  const out = denormaliseOutputs(predictScaled(model, set, 512), set, prep.norm);
  const result = new Float64Array(out.length);
  starts.forEach((t0, w) => {
    result.set(
      unadjust(out.subarray(w * horizon, (w + 1) * horizon), t0, prep.seasonal),
      w * horizon,
    );
  });
  return result;
}

/** Every window (stride 1) whose targets lie in rows [lo, hi). */
export function windowsOf(
  adjusted: Float64Array,
  prep: Preprocessing,
  lo: number,
  hi: number,
  lookback: number,
  horizon: number,
): LocalWindowSet {
  return buildLocalWindows(
    adjusted,
    localWindowStarts(0, lo, hi, horizon, 1),
    lookback,
    horizon,
    prep.norm,
  );
}

/** A series as one preprocessing decision sees it. */
export interface PreparedSeries {
  /** Seasonally adjusted values, every row. */
  adjusted: Float64Array;
  prep: Preprocessing;
}

export interface MemberJob {
  index: number;
  /** spec.lookback is this member's lookback, spec.seed its seed. */
  spec: NetworkSpec;
  adaptation: Adaptation;
  /** The member's starting weights (pretrained), or null for a seeded random start. */
  init: WeightValues | null;
  /** Preprocessing decided on the training part. */
  evaluation: PreparedSeries;
  /** Preprocessing decided on every row, for the all-data refit; null = no refit. */
  refit: PreparedSeries | null;
  split: { n: number; valStart: number; testStart: number };
  testStarts: number[];
  valStarts: number[];
}

export interface MemberOutcome {
  index: number;
  /** The evaluation model's training (on the training part). */
  result: TrainResult;
  /** h-step paths from each test and validation origin, original units, row-major. */
  testPath: Float64Array;
  valPath: Float64Array;
  /** The path past the end: the refitted model's, else the evaluation model's. */
  forecast: Float64Array;
  /** Epochs the all-data refit trained; null without a refit (off, or cancelled). */
  refitEpochs: number | null;
}

/**
 * Trains and runs one member. With `keepModel` the evaluation model is returned for the caller to
 * dispose; otherwise every model it builds is disposed before it returns.
 */
export async function trainMember(
  job: MemberJob,
  hooks: TrainHooks,
  runtime: TrainingRuntime | undefined,
  keepModel = false,
): Promise<{ outcome: MemberOutcome; model: tf.LayersModel | null }> {
  const { spec, evaluation, split } = job;
  const L = spec.lookback;
  const h = spec.horizon;
  const { adjusted, prep } = evaluation;
  const train = windowsOf(adjusted, prep, 0, split.valStart, L, h);
  const val = windowsOf(adjusted, prep, split.valStart, split.testStart, L, h);
  const net = await trainNetwork(train, val.count > 0 ? val : null, spec, job.init, hooks, runtime);
  let kept = false;
  try {
    const cancelled = net.result.stoppedReason === 'cancelled';
    const testPath = predictStarts(net.model, adjusted, job.testStarts, L, h, prep);
    const valPath = predictStarts(net.model, adjusted, job.valStarts, L, h, prep);
    let forecast: Float64Array;
    let refitEpochs: number | null = null;
    if (job.refit && !cancelled) {
      // Same start and settings on every row, for the epoch count validation chose.
      refitEpochs = job.adaptation === 'zero-shot' ? 0 : (net.result.bestEpoch ?? -1) + 1;
      // A random initialisation is no forecaster: train it at least one epoch.
      if (!job.init) refitEpochs = Math.max(1, refitEpochs);
      const all = job.refit;
      const refit = await trainNetwork(
        windowsOf(all.adjusted, all.prep, 0, split.n, L, h),
        null,
        { ...spec, epochs: refitEpochs, patience: 0 },
        job.init,
        hooks.signal ? { signal: hooks.signal } : {},
        runtime,
      );
      try {
        forecast = predictStarts(refit.model, all.adjusted, [split.n], L, h, all.prep);
      } finally {
        refit.model.dispose();
      }
    } else {
      forecast = predictStarts(net.model, adjusted, [split.n], L, h, prep);
    }
    kept = keepModel;
    return {
      outcome: { index: job.index, result: net.result, testPath, valPath, forecast, refitEpochs },
      model: kept ? net.model : null,
    };
  } finally {
    if (!kept) net.model.dispose();
  }
}
