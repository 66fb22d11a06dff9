// Explanations of a trained run on its own test windows: perturbation (±δ), occlusion (training
// mean) or integrated gradients (from the training means), rebuilt from the run's recorded config,
// reported in the target's original units (explanation/originalUnits.ts).
import type { FusedKernelsHandle, TrainingRuntime } from '../model/recurrentKernel';
import type { PipelineInputs, SensitivityResult } from '../../shared/schemas/interpret';
import { originalSpaceEffects, pipelineCodec } from '../explanation/pipelineExplain';
import { StudioFailure } from '../../shared/result';
import { nullable } from '../analysis/jsonSafe';
import type { LoadedDataset } from '../datasets/openDataset';
import { integratedGradients } from '../explanation/integratedGradients';
import { sensitivityHeatmap } from '../explanation/sensitivity';
import {
  attributionsToOriginal,
  elementwiseInverse,
  outputToOriginal,
  perUnitEffects,
  strongestEffect,
  type UnitMap,
} from '../explanation/originalUnits';
import { gatherWindows, selectWindows, type WindowShape } from '../explanation/windowSelection';
import type { FitConfig } from '../model/fitConfig';
import { cachedModel } from './modelCache';
import { fitDatasetOf } from './fitDataset';
import { prepareData, selectColumns } from '../model/prepareData';

export interface SensitivityParams {
  /** A forecasting-pipeline run's inputs: explained through the pipeline's own chain. */
  pipeline?: PipelineInputs;
  method: SensitivityResult['method'];
  delta: number;
  deltaUnit: 'scaled' | 'std';
  maxWindows: number;
  horizonStep: number;
  steps: number;
}

function trainingStats(
  inputs: Float64Array[],
  from: number,
  to: number,
): { mean: number[]; std: number[] } {
  const mean: number[] = [];
  const std: number[] = [];
  for (const column of inputs) {
    const part = column.subarray(from, to).filter((v) => Number.isFinite(v));
    const m = part.reduce((s, v) => s + v, 0) / Math.max(1, part.length);
    const v = part.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, part.length);
    mean.push(m);
    std.push(Math.sqrt(v));
  }
  return { mean, std };
}

/** The runtime's fused kernels and helper thread, for prefix reuse (none on op-by-op). */
function fusedOf(runtime: TrainingRuntime): { fused?: FusedKernelsHandle } {
  return runtime.fused ? { fused: runtime.fused } : {};
}

export interface SensitivityHooks {
  signal: AbortSignal;
  onProgress: (fraction: number) => void;
  /** The kernels the run's model is loaded and run with (perturbation uses its helper thread). */
  runtime: TrainingRuntime;
}

export async function runSensitivity(
  dataset: LoadedDataset,
  config: FitConfig,
  modelDir: string,
  runId: string,
  params: SensitivityParams,
  hooks: SensitivityHooks,
): Promise<SensitivityResult> {
  const started = performance.now();
  const data = fitDatasetOf(dataset);
  if (params.pipeline) {
    return pipelineSensitivity(
      data,
      config,
      modelDir,
      runId,
      params,
      params.pipeline,
      hooks,
      started,
    );
  }
  const window = { lookback: config.lookback, horizon: config.horizon, stride: config.stride };
  const raw = selectColumns(data.columns, { target: config.target, features: config.features });
  const prepared = prepareData(
    raw,
    {
      target: config.target,
      features: config.features,
      transforms: config.transforms,
      scaler: config.scaler,
      featureRange: config.featureRange,
      window,
    },
    {
      testSize: config.testSize ?? undefined,
      testFraction: config.testFraction,
      valSize: config.valSize ?? undefined,
      valFraction: config.valFraction,
    },
  );
  const test = prepared.test;
  if (test.count === 0)
    throw new StudioFailure('invalid-request', 'This run has no test windows to explain.');
  if (params.horizonStep >= config.horizon) {
    throw new StudioFailure(
      'invalid-request',
      `Horizon step ${params.horizonStep + 1} is beyond the run's horizon ${config.horizon}.`,
    );
  }
  const model = await cachedModel(modelDir, hooks.runtime);
  const indices = selectWindows(
    test.count,
    params.maxWindows === 0 ? test.count : params.maxWindows,
  );
  const full: WindowShape = {
    windows: test.count,
    lookback: test.lookback,
    features: test.nFeatures,
  };
  const inputs = gatherWindows(test.x, full, indices);
  const shape: WindowShape = {
    windows: indices.length,
    lookback: test.lookback,
    features: test.nFeatures,
  };
  const stats = trainingStats(
    prepared.inputs,
    prepared.transformed.offset,
    prepared.split.valStart,
  );
  // Effects in the target's original units (see explanation/originalUnits.ts).
  const units: UnitMap = {
    inverse: elementwiseInverse(config.transforms),
    scale: prepared.scaler.scale,
    offset: prepared.scaler.offset,
  };
  const original = units.inverse !== null;
  const outputScale = outputToOriginal(units);
  const progress = { signal: hooks.signal, onProgress: hooks.onProgress };
  let effect: Float64Array;
  let meanAbsPerLag: Float64Array;
  let meanAbsFeatureLag: Float64Array;
  let completenessGap: Float64Array | null = null;
  let description: string;
  let unitText: string;
  const target = original ? `the original units of ${config.target}` : 'the differenced target';
  if (params.method === 'integrated-gradients') {
    const ig = await integratedGradients(model, inputs, shape, stats.mean, {
      steps: params.steps,
      horizonIndex: params.horizonStep,
      ...progress,
    });
    const converted = attributionsToOriginal(
      ig.attributions,
      ig.completenessGap,
      ig.output,
      ig.baselineOutput,
      shape,
      units,
    );
    effect = converted.attributions;
    completenessGap = converted.gaps;
    ({ meanAbsPerLag, meanAbsFeatureLag } = meanAbs(effect, shape));
    description = `Integrated gradients (${params.steps} steps, straight line from the training means): each cell's share of the forecast's difference from the baseline forecast.`;
    unitText = `share of the forecast, in ${target}`;
  } else if (params.method === 'occlusion') {
    const r = await sensitivityHeatmap(model, inputs, shape, {
      mode: 'occlusion',
      occlusionValues: stats.mean,
      outputScale,
      horizonIndex: params.horizonStep,
      ...progress,
      ...fusedOf(hooks.runtime),
    });
    ({ effect, meanAbsPerLag, meanAbsFeatureLag } = r);
    description =
      'Occlusion: change in the forecast when one input cell is replaced by its training mean.';
    unitText = `change in the forecast, in ${target}`;
  } else {
    const delta = params.deltaUnit === 'std' ? params.delta * (stats.std[0] ?? 1) : params.delta;
    const r = await sensitivityHeatmap(model, inputs, shape, {
      mode: 'plus-minus',
      delta,
      outputScale,
      horizonIndex: params.horizonStep,
      ...progress,
      ...fusedOf(hooks.runtime),
    });
    if (!r.plusSide || !r.minusSide) throw new Error('perturbation returned no sides');
    effect = perUnitEffects(
      { base: r.base, plusSide: r.plusSide, minusSide: r.minusSide },
      inputs,
      shape,
      delta,
      units,
    );
    ({ meanAbsPerLag, meanAbsFeatureLag } = meanAbs(effect, shape));
    description =
      `Perturbation: each input cell moved by ±δ (δ = ${delta.toPrecision(3)} scaled units` +
      (params.deltaUnit === 'std'
        ? `, ${params.delta} standard deviations of the target's training part`
        : '') +
      `); the change of the forecast per +1 unit of the input, in ${target}.`;
    unitText = original
      ? `forecast change per +1 unit of the input, in the units of ${config.target}`
      : 'forecast change per +1 unit of the input, in the differenced target';
  }
  const times = data.time;
  return sensitivityResult(runId, params, shape, started, {
    features: [config.target, ...config.features],
    windowTimes: indices.map(
      (i) => times[(test.targetStarts[i] ?? 0) + params.horizonStep] ?? Number.NaN,
    ),
    effect,
    meanAbsPerLag,
    meanAbsFeatureLag,
    units: unitText,
    description,
    completenessGap,
  });
}

/** What one method found, as the answer says it (and, for a perturbation, its strongest effect). */
interface Findings {
  features: string[];
  windowTimes: number[];
  effect: Float64Array;
  meanAbsPerLag: Float64Array;
  meanAbsFeatureLag: Float64Array;
  units: string;
  description: string;
  completenessGap: Float64Array | null;
}

function sensitivityResult(
  runId: string,
  params: SensitivityParams,
  shape: WindowShape,
  started: number,
  found: Findings,
): SensitivityResult {
  const headline =
    params.method === 'perturbation'
      ? strongestEffect(found.effect, shape, found.features, params.horizonStep)
      : '';
  return {
    runId,
    method: params.method,
    windows: shape.windows,
    lookback: shape.lookback,
    features: found.features,
    windowTimes: found.windowTimes,
    effect: nullable(found.effect),
    meanAbsPerLag: nullable(found.meanAbsPerLag),
    meanAbsFeatureLag: nullable(found.meanAbsFeatureLag),
    units: found.units,
    description: found.description,
    ...(headline ? { headline } : {}),
    completenessGap: found.completenessGap ? nullable(found.completenessGap) : null,
    seconds: (performance.now() - started) / 1000,
  };
}

function meanAbs(
  effect: Float64Array,
  shape: WindowShape,
): { meanAbsPerLag: Float64Array; meanAbsFeatureLag: Float64Array } {
  const { windows, lookback, features } = shape;
  const perLag = new Float64Array(lookback);
  const featureLag = new Float64Array(features * lookback);
  for (let w = 0; w < windows; w++) {
    for (let l = 0; l < lookback; l++) {
      for (let f = 0; f < features; f++) {
        const v = Math.abs(effect[(w * lookback + l) * features + f] ?? 0);
        perLag[l] = (perLag[l] ?? 0) + v / (windows * features);
        featureLag[l * features + f] = (featureLag[l * features + f] ?? 0) + v / windows;
      }
    }
  }
  return { meanAbsPerLag: perLag, meanAbsFeatureLag: featureLag };
}

/**
 * A forecasting-pipeline run: the saved network is the first ensemble member's evaluation model
 * (trained on the training part); its inputs are rebuilt through the pipeline's seasonal
 * adjustment and window normalisation, and every nudge is made on the original values
 * (explanation/pipelineExplain.ts).
 */
async function pipelineSensitivity(
  data: ReturnType<typeof fitDatasetOf>,
  config: FitConfig,
  modelDir: string,
  runId: string,
  params: SensitivityParams,
  pipeline: PipelineInputs,
  hooks: SensitivityHooks,
  started: number,
): Promise<SensitivityResult> {
  if (params.horizonStep >= config.horizon) {
    throw new StudioFailure(
      'invalid-request',
      `Horizon step ${params.horizonStep + 1} is beyond the run's horizon ${config.horizon}.`,
    );
  }
  const y = data.columns[config.target];
  const starts = pipeline.testStarts;
  if (!y || starts.length === 0)
    throw new StudioFailure('invalid-request', 'This run has no test windows to explain.');
  const L = pipeline.lookback;
  const indices = selectWindows(
    starts.length,
    params.maxWindows === 0 ? starts.length : params.maxWindows,
  );
  const chosen = indices.map((i) => starts[i] ?? 0);
  const windows = new Float64Array(chosen.length * L);
  chosen.forEach((t0, w) => {
    for (let l = 0; l < L; l++) windows[w * L + l] = y[Math.max(0, t0 - L + l)] ?? Number.NaN;
  });
  // Step sizes and the occlusion value from the rows before the first test window.
  const stats = trainingStats([y], 0, starts[0] ?? 0);
  const std = stats.std[0] ?? 1;
  const mean = stats.mean[0] ?? 0;
  const model = await cachedModel(modelDir, hooks.runtime);
  const codec = pipelineCodec(chosen, L, params.horizonStep, pipeline.preprocessing);
  const progress = { signal: hooks.signal, onProgress: hooks.onProgress };
  const shape: WindowShape = { windows: chosen.length, lookback: L, features: 1 };
  let effect: Float64Array;
  let description: string;
  let unitText: string;
  const member = 'the first ensemble member (the network trained on the training part)';
  let completenessGap: Float64Array | null = null;
  if (params.method === 'integrated-gradients') {
    // From a flat window at the last value (all normalised inputs 0, the same level), so the
    // attributions split F(x) − F(flat) in original units.
    const inputs = new Float32Array(chosen.length * L);
    for (let w = 0; w < chosen.length; w++)
      codec.encode(windows.subarray(w * L, (w + 1) * L), w, inputs.subarray(w * L, (w + 1) * L));
    const ig = await integratedGradients(model, inputs, shape, [0], {
      steps: params.steps,
      horizonIndex: params.horizonStep,
      ...progress,
    });
    effect = new Float64Array(ig.attributions.length);
    completenessGap = new Float64Array(chosen.length);
    for (let w = 0; w < chosen.length; w++) {
      const original = windows.subarray(w * L, (w + 1) * L);
      const fx = ig.output[w] as number;
      const fb = ig.baselineOutput;
      const decode = (z: number): number => codec.decode(z, original, w);
      const factor =
        Math.abs(fx - fb) > 1e-9
          ? (decode(fx) - decode(fb)) / (fx - fb)
          : (decode(fx + 1e-4) - decode(fx - 1e-4)) / 2e-4;
      for (let l = 0; l < L; l++)
        effect[w * L + l] = (ig.attributions[w * L + l] as number) * factor + 0; // + 0: no −0 (JSON has none)
      completenessGap[w] = (ig.completenessGap[w] as number) * factor;
    }
    description = `Integrated gradients of ${member} (${params.steps} steps, from a flat window at the last value): each input's share of the forecast's difference from the flat-window forecast.`;
    unitText = `share of the forecast, in the original units of ${config.target}`;
  } else if (params.method === 'occlusion') {
    ({ effect } = await originalSpaceEffects(model, windows, codec, {
      mode: 'occlusion',
      occlusionValue: mean,
      horizonIndex: params.horizonStep,
      ...progress,
    }));
    description = `Occlusion of ${member}: change in the forecast when one input value is replaced by the mean before the test part (${mean.toPrecision(4)}), through the pipeline's seasonal adjustment and window normalisation.`;
    unitText = `change in the forecast, in the original units of ${config.target}`;
  } else {
    const delta = Math.max(params.delta, 1e-6) * (std > 0 ? std : 1);
    ({ effect } = await originalSpaceEffects(model, windows, codec, {
      mode: 'plus-minus',
      delta,
      horizonIndex: params.horizonStep,
      ...progress,
    }));
    description = `Perturbation of ${member}: each input value moved by ±${delta.toPrecision(3)} (${params.delta} standard deviations of ${config.target} before the test part) and passed through the pipeline's seasonal adjustment and window normalisation; the change of the forecast per +1 unit of the input.`;
    unitText = `forecast change per +1 unit of the input, in the units of ${config.target}`;
  }
  return sensitivityResult(runId, params, shape, started, {
    features: [config.target],
    windowTimes: chosen.map((t0) => data.time[t0 + params.horizonStep] ?? Number.NaN),
    effect,
    ...meanAbs(effect, shape),
    units: unitText,
    description,
    completenessGap,
  });
}
