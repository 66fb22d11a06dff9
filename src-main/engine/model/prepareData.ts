// Raw columns -> transformed target -> scaled inputs -> windows per split part. The scaler is
// fitted on rows of the training part only (or reused from a saved model).
import { applyTransforms, type TransformResult, type TransformStep } from '../transforms';
import { fitScaler, scale, type ScalerKind, type ScalerParams } from './scalers';
import { computeSplit, type SplitBoundaries, type SplitSpec } from './split';
import { buildWindows, windowStarts, type WindowSet, type WindowSpec } from './windows';

export interface DataSpec {
  target: string;
  /** Extra input columns besides the target's own past (which is always input 0). */
  features: string[];
  transforms: TransformStep[];
  scaler: ScalerKind;
  featureRange?: [number, number];
  window: WindowSpec;
}

/** The input columns in model order: target first, then features. */
export function selectColumns(
  columns: Record<string, Float64Array>,
  spec: Pick<DataSpec, 'target' | 'features'>,
): Float64Array[] {
  const names = [spec.target, ...spec.features];
  const missing = names.filter((n) => columns[n] === undefined);
  if (missing.length > 0) {
    throw new Error(
      `dataset lacks column(s) ${missing.map((m) => `"${m}"`).join(', ')}; it has ${Object.keys(columns).join(', ')}`,
    );
  }
  const out = names.map((n) => columns[n] as Float64Array);
  const n = out[0]?.length ?? 0;
  out.forEach((c, i) => {
    if (c.length !== n) throw new Error(`column "${names[i]}" has ${c.length} rows, expected ${n}`);
    const bad = c.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0)
      throw new Error(
        `column "${names[i]}" has a missing or non-finite value (${c[bad]}) at row ${bad}`,
      );
  });
  return out;
}

export interface ScaledInputs {
  transformed: TransformResult;
  /** Model inputs in model order, scaled; rows before `transformed.offset` are NaN for the target. */
  inputs: Float64Array[];
  scaler: ScalerParams;
}

/** Transforms the target and scales all inputs; fits the scaler on rows [offset, fitEnd) if no params are given. */
export function transformAndScale(
  raw: readonly Float64Array[],
  spec: DataSpec,
  fitEnd: number,
  params?: ScalerParams,
): ScaledInputs {
  const target = raw[0];
  if (target === undefined) throw new Error('no target column');
  const transformed = applyTransforms(target, spec.transforms);
  const unscaled = [transformed.values, ...raw.slice(1)];
  const start = transformed.offset;
  const scaler =
    params ??
    fitScaler(
      spec.scaler,
      unscaled.map((c) => c.subarray(start, fitEnd)),
      spec.featureRange ? { featureRange: spec.featureRange } : {},
    );
  if (scaler.offset.length !== unscaled.length) {
    throw new Error(`scaler has ${scaler.offset.length} columns, data ${unscaled.length}`);
  }
  return { transformed, scaler, inputs: unscaled.map((c, i) => scale(scaler, c, i)) };
}

export interface PreparedData extends ScaledInputs {
  split: SplitBoundaries;
  train: WindowSet;
  val: WindowSet;
  test: WindowSet;
}

export function prepareData(
  raw: readonly Float64Array[],
  spec: DataSpec,
  splitSpec: SplitSpec,
): PreparedData {
  const n = raw[0]?.length ?? 0;
  const split = computeSplit(n, splitSpec, spec.window.horizon);
  const scaled = transformAndScale(raw, spec, split.valStart);
  const first = scaled.transformed.offset;
  const target = scaled.inputs[0] as Float64Array;
  const make = (lo: number, hi: number): WindowSet =>
    buildWindows(scaled.inputs, target, windowStarts(spec.window, first, lo, hi), spec.window);
  const train = make(first, split.valStart);
  if (train.count === 0)
    throw new Error(
      `no training windows: ${split.valStart - first} training rows for lookback ${spec.window.lookback} + horizon ${spec.window.horizon}`,
    );
  const test = make(split.testStart, n);
  if (test.count === 0)
    throw new Error(
      'no test windows: test part is shorter than the horizon or lookback history is missing',
    );
  return { ...scaled, split, train, val: make(split.valStart, split.testStart), test };
}
