// The forecasting pipeline for one series: K network members (seed and lookback varied), each
// started from the pretrained forecaster of the series' frequency class when there is one and
// adapted by fine-tuning with early stopping on the validation windows (zero-shot when there are
// none), or trained on the series alone; combined by the median. Preprocessing (seasonal
// adjustment, window-level normalisation) is decided on the rows a model trains on.
//
// Evaluation: members trained on [0, valStart), stopped on validation windows, score the test
// windows (targets in [testStart, n), stride 1). The forecast past the end comes from the same
// members refitted on every row (preprocessing re-decided on all rows, the epoch count validation
// chose, no early stopping), unless refitAll is off. Series too short for any network fall back
// to a classical method.
import type * as tf from '@tensorflow/tfjs';
import { classicalBaselines, type ClassicalSuccess } from '../baselines/classical';
import type { TrainHooks, TrainResult, EpochRecord } from '../model/train';
import type {
  Adaptation,
  ForecasterDecisions,
  ForecastModelInfo,
  MemberRecord,
  PreprocessingRecord,
  SplitBoundaries,
} from '../model/runResult';
import { medianCombine, spreadOf } from './ensemble';
import { chooseLookback, frequencyClassOf, memberLookback } from './frequency';
import { localWindowStarts } from './localWindows';
import {
  engineRuntime,
  withoutHelperThread,
  type TrainingRuntime,
} from '../kernels/trainingRuntime';
import type { NetworkSpec, WeightValues } from './network';
import { trainMember, type MemberJob, type MemberOutcome } from './member';
import { runMembers, type MemberPool } from './memberPool';
import {
  adjustSeries,
  decidePreprocessing,
  type NormalisationSetting,
  type Preprocessing,
  type SeasonalitySetting,
} from './preprocessing';
import { loadPretrained, type Pretrained } from './pretrained';

/** Early-stopping patience of fine-tuned pretrained members (at most). */
export const FINE_TUNE_PATIENCE = 3;

export interface ForecasterSettings {
  seasonality: SeasonalitySetting;
  normalisation: NormalisationSetting;
  pretrained: 'auto' | 'none';
  adaptation: 'fine-tune' | 'zero-shot';
  ensemble: number;
  refitAll: boolean;
  /** null = chosen from the pretrained network or from n and h. */
  lookback: number | null;
  cell: NetworkSpec['cell'];
  layers: number;
  units: number;
  learningRate: number;
  loss: NetworkSpec['loss'];
  epochs: number;
  batchSize: number;
  patience: number;
  seed: number;
}

// The pipeline's record types are the run record's (shared/schemas/runRecord.ts, before JSON).
export type {
  Adaptation,
  ForecasterDecisions,
  ForecastModelInfo,
  MemberRecord,
  PreprocessingRecord,
} from '../model/runResult';

export interface ForecasterOutput extends ForecasterDecisions {
  forecastModel: ForecastModelInfo;
  fallback: { method: string; message: string } | null;
  /** Original units, [windows, h] row-major. */
  test: { targetStarts: number[]; predicted: Float64Array };
  validation: { targetStarts: number[]; predicted: Float64Array } | null;
  forecast: Float64Array;
  /** Member 0's training record. */
  training: TrainResult;
  trainingSeconds: number;
  /** Member 0's evaluation model (trained on the training part), kept for saving when keepModel was asked; the caller disposes it. */
  model: tf.LayersModel | null;
  modelPrep: { preprocessing: Preprocessing; lookback: number } | null;
}

function record(p: Preprocessing): PreprocessingRecord {
  return {
    rows: p.fitEnd,
    seasonality: {
      mode: p.seasonal.mode,
      period: p.seasonal.period,
      figure: p.seasonal.figure,
      rm: p.seasonal.test && Number.isFinite(p.seasonal.test.rm) ? p.seasonal.test.rm : null,
      threshold:
        p.seasonal.test && Number.isFinite(p.seasonal.test.threshold)
          ? p.seasonal.test.threshold
          : null,
      reason: p.seasonal.reason,
    },
    normalisation: { kind: p.norm.kind, scale: p.norm.scale, reason: p.normReason },
  };
}

/** h-step paths of a classical method from each origin row (and from n), for the fallback. */
function classicalFallback(
  series: Float64Array,
  m: number,
  h: number,
  split: SplitBoundaries,
  testStarts: number[],
): { label: string; test: Float64Array; forecast: Float64Array; note: string } {
  const pick = (train: Float64Array, opts: Parameters<typeof classicalBaselines>[3]) => {
    const fits = classicalBaselines(train, m, h, { ...opts, methods: ['theta', 'ets'] });
    for (const r of [fits.theta, fits.ets]) if (r?.ok) return r;
    return null;
  };
  const lastValue = (upTo: number): Float64Array =>
    new Float64Array(h).fill(series[upTo - 1] ?? Number.NaN);
  const trainPart = series.subarray(0, split.testStart);
  const evalFit: ClassicalSuccess | null = pick(trainPart, {
    test: series.subarray(split.testStart),
    origins: testStarts.map((t0) => t0 - split.testStart),
  });
  const test = new Float64Array(testStarts.length * h);
  testStarts.forEach((t0, w) => {
    const path = evalFit?.originPaths[w] ?? Array.from(lastValue(t0));
    test.set(path.slice(0, h), w * h);
  });
  const allFit = pick(series, {});
  const forecast = allFit ? Float64Array.from(allFit.forecast) : lastValue(series.length);
  const label = allFit?.label ?? 'naive (last value)';
  return {
    label,
    test,
    forecast,
    note: allFit ? allFit.note : 'Theta and ETS could not be fitted',
  };
}

export async function forecastSeries(
  series: Float64Array,
  m: number,
  horizon: number,
  split: SplitBoundaries,
  settings: ForecasterSettings,
  hooks: TrainHooks = {},
  options: {
    keepModel?: boolean;
    pretrainedRoot?: string | null;
    runtime?: TrainingRuntime;
    /** Workers that train members beside the engine thread; null = none (serial). */
    members?: MemberPool | null;
  } = {},
): Promise<ForecasterOutput> {
  const started = performance.now();
  const { n, valStart, testStart } = split;
  const h = horizon;
  const cls = frequencyClassOf(m);
  const prep = decidePreprocessing(series, valStart, m, settings);
  const adjusted = adjustSeries(series, prep.seasonal);

  // Pretrained forecaster of the class, if any and if its head covers h.
  let pretrained: Pretrained | null = null;
  let pretrainedNote: string;
  if (settings.pretrained === 'none') pretrainedNote = 'pretrained forecaster switched off';
  else if (cls === null) pretrainedNote = `no pretrained class for seasonal period ${m}`;
  else {
    const loaded = await loadPretrained(
      cls,
      options.pretrainedRoot === undefined ? undefined : options.pretrainedRoot,
    );
    if (loaded.pretrained === null) pretrainedNote = loaded.why;
    else if (loaded.pretrained.meta.network.horizon < h)
      pretrainedNote = `the pretrained ${cls} forecaster forecasts ${loaded.pretrained.meta.network.horizon} steps, fewer than h = ${h}`;
    else if (
      loaded.pretrained.meta.network.units !== settings.units ||
      loaded.pretrained.meta.network.cell !== settings.cell ||
      loaded.pretrained.meta.network.layers !== settings.layers
    )
      pretrainedNote = `the pretrained ${cls} forecaster is ${loaded.pretrained.meta.network.cell.toUpperCase()} ${loaded.pretrained.meta.network.layers}×${loaded.pretrained.meta.network.units}, the settings ask for another network`;
    else {
      pretrained = loaded.pretrained;
      pretrainedNote = `pretrained ${cls} forecaster (${pretrained.meta.pool.join(' + ')}, ${pretrained.meta.series} series)`;
    }
  }
  const init: WeightValues | null = pretrained?.weights ?? null;
  const lookback =
    settings.lookback ??
    (pretrained ? pretrained.meta.network.lookback : chooseLookback(valStart, h, m));
  const lookbackNote =
    settings.lookback !== null
      ? `lookback ${lookback} (chosen in the settings)`
      : pretrained
        ? `lookback ${lookback}, the pretrained network's; shorter histories are padded with the first value`
        : `lookback ${lookback} = min(base, training rows ${valStart} − h ${h}), so there is at least one window`;

  // Every window counts (stride 1); the members build their own from these rows.
  const trainWindows = localWindowStarts(0, 0, valStart, h, 1).length;
  const testStarts = localWindowStarts(0, testStart, n, h, 1);
  const valStarts = localWindowStarts(0, valStart, testStart, h, 1);
  const K = Math.max(1, Math.floor(settings.ensemble));

  const emptyTraining: TrainResult = {
    epochs: [],
    stoppedReason: 'completed',
    message: null,
    bestEpoch: null,
    trainingSeconds: 0,
  };
  if (!pretrained && trainWindows === 0) {
    const fb = classicalFallback(series, m, h, split, testStarts);
    const message = `The series is too short for a network (${valStart} training rows for horizon ${h}); the forecast is ${fb.label}'s.`;
    return {
      frequencyClass: cls,
      pretrained: { used: false, frequencyClass: cls, source: null, note: pretrainedNote },
      adaptation: 'classical-fallback',
      adaptationNote: message,
      lookback,
      lookbackNote,
      preprocessing: record(prep),
      refitPreprocessing: null,
      members: [],
      combine: 'median',
      spread: spreadOf([fb.forecast]),
      forecastModel: { kind: 'classical-fallback', label: fb.label },
      fallback: { method: fb.label, message },
      test: { targetStarts: testStarts, predicted: fb.test },
      validation: null,
      forecast: fb.forecast,
      training: { ...emptyTraining, message },
      trainingSeconds: 0,
      windows: { train: 0, val: valStarts.length, test: testStarts.length },
      model: null,
      modelPrep: null,
    };
  }

  let adaptation: Adaptation;
  let adaptationNote: string;
  const valWindows = valStarts.length;
  if (!pretrained) {
    adaptation = 'per-series';
    adaptationNote = `${K} network${K > 1 ? 's' : ''} trained on this series alone (${pretrainedNote})`;
  } else if (settings.adaptation === 'zero-shot') {
    adaptation = 'zero-shot';
    adaptationNote = 'pretrained weights used as they are (zero-shot, chosen in the settings)';
  } else if (valWindows === 0 || trainWindows === 0) {
    adaptation = 'zero-shot';
    adaptationNote = `pretrained weights used as they are: ${trainWindows === 0 ? 'no training windows' : 'no validation windows to stop fine-tuning'}`;
  } else {
    adaptation = 'fine-tune';
    adaptationNote = `pretrained weights fine-tuned on ${trainWindows} windows, early stopping on ${valWindows} validation windows (epoch 0 = pretrained weights kept)`;
  }

  const allPrep = settings.refitAll ? decidePreprocessing(series, n, m, settings) : null;
  const allAdjusted = allPrep ? adjustSeries(series, allPrep.seasonal) : null;

  const runtime = options.runtime ?? (await engineRuntime());
  const jobs: MemberJob[] = Array.from({ length: K }, (_, k) => ({
    index: k,
    spec: {
      cell: settings.cell,
      layers: settings.layers,
      units: settings.units,
      lookback: memberLookback(lookback, k),
      horizon: h,
      seed: settings.seed + k,
      learningRate: settings.learningRate,
      loss: settings.loss,
      epochs: adaptation === 'zero-shot' ? 0 : settings.epochs,
      batchSize: settings.batchSize,
      // Pretrained members start near their optimum: fine-tuning stops after 3 epochs without
      // improvement (validation picks epoch 1–5 on most series), which keeps the ensemble fast.
      patience:
        adaptation === 'fine-tune'
          ? Math.min(settings.patience, FINE_TUNE_PATIENCE)
          : settings.patience,
    },
    adaptation,
    init: pretrained ? (pretrained.members[k % pretrained.members.length] ?? init) : null,
    evaluation: { adjusted, prep },
    refit: allPrep && allAdjusted ? { adjusted: allAdjusted, prep: allPrep } : null,
    split: { n, valStart, testStart },
    testStarts,
    valStarts,
  }));
  let keptModel: tf.LayersModel | null = null;
  let keptPrep: ForecasterOutput['modelPrep'] = null;
  const pool = K > 1 ? (options.members ?? null) : null;
  // Beside a member worker both cores are busy: the engine thread's members train without the
  // kernels' helper thread, as the workers' do, so a member's numbers do not depend on the thread.
  const engineThread = pool ? withoutHelperThread(runtime) : runtime;
  const onEngine = async (job: MemberJob): Promise<MemberOutcome> => {
    const keep = job.index === 0 && options.keepModel === true;
    const { outcome, model } = await trainMember(job, hooks, engineThread, keep);
    if (model) {
      keptModel = model;
      keptPrep = { preprocessing: prep, lookback: job.spec.lookback };
    }
    return outcome;
  };
  const ran = await runMembers(pool, jobs, onEngine, hooks.signal);
  const cancelled = ran.outcomes.some((o) => o.result.stoppedReason === 'cancelled');
  const training: TrainResult = ran.outcomes[0]?.result ?? emptyTraining;
  const members: MemberRecord[] = ran.outcomes.map((o) => {
    const job = jobs[o.index];
    if (!job) throw new Error(`member ${o.index} has no job`);
    return {
      index: o.index,
      seed: job.spec.seed,
      lookback: job.spec.lookback,
      init: init ? 'pretrained' : 'random',
      adaptation,
      bestEpoch: o.result.bestEpoch,
      epochsRun: o.result.epochs.length,
      stoppedReason: o.result.stoppedReason,
      refitEpochs: o.refitEpochs,
      forecast: Array.from(o.forecast),
    };
  });
  const testPaths = ran.outcomes.map((o) => o.testPath);
  const valPaths = ran.outcomes.map((o) => o.valPath);
  const forecastPaths = ran.outcomes.map((o) => o.forecast);
  const refitted = allPrep !== null && !cancelled;
  return {
    frequencyClass: cls,
    pretrained: {
      used: pretrained !== null,
      frequencyClass: pretrained ? cls : null,
      source: pretrained ? pretrained.dir : null,
      note: pretrainedNote,
    },
    adaptation,
    adaptationNote,
    lookback,
    lookbackNote,
    preprocessing: record(prep),
    refitPreprocessing: allPrep ? record(allPrep) : null,
    members,
    combine: 'median',
    spread: spreadOf(forecastPaths),
    forecastModel: refitted
      ? {
          kind: 'all-data-refit',
          label: `median of ${members.length} network${members.length > 1 ? 's' : ''} refitted on all ${n} rows (${adaptation})`,
        }
      : {
          kind: 'evaluation-models',
          label: `median of ${members.length} network${members.length > 1 ? 's' : ''} trained on the first ${valStart} rows`,
        },
    fallback: null,
    test: { targetStarts: testStarts, predicted: medianCombine(testPaths) },
    validation:
      valStarts.length > 0 ? { targetStarts: valStarts, predicted: medianCombine(valPaths) } : null,
    forecast: medianCombine(forecastPaths),
    training: cancelled
      ? { ...training, stoppedReason: 'cancelled', message: training.message ?? 'cancelled' }
      : training,
    trainingSeconds: (performance.now() - started) / 1000,
    windows: { train: trainWindows, val: valWindows, test: testStarts.length },
    memberThreads: { threads: ran.threads, onWorkers: ran.onWorkers, note: ran.note },
    model: keptModel,
    modelPrep: keptPrep,
  };
}

export type { EpochRecord };
