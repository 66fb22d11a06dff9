// JSON-able record of one fit (NaN metrics serialise as null).
import type { BackendInfo } from './backend';
import type { FitConfig } from './fitConfig';
import type { ForecastMetrics } from './metrics';
import type { ScalerParams } from './scalers';
import type { SplitBoundaries } from './split';
import type { EpochRecord, StoppedReason } from './train';

export interface WindowPredictions {
  /** Row index of each window's first target. */
  targetStarts: number[];
  horizon: number;
  /** Row-major [windows, horizon]. */
  times: number[];
  predicted: number[];
  actual: number[];
}

export interface RunResult {
  id: string;
  createdAt: string;
  dataset: {
    name: string;
    filePath: string | null;
    rows: number;
    timeFormat: string;
    seasonalPeriod: number;
  };
  config: FitConfig;
  backend: BackendInfo;
  /** Name of the RecurrentSequenceKernel used. */
  kernel: string;
  timings: { totalSeconds: number; trainingSeconds: number; perEpochSeconds: number[] };
  epochs: EpochRecord[];
  stoppedReason: StoppedReason;
  stopMessage: string | null;
  bestEpoch: number | null;
  split: SplitBoundaries & { trainWindows: number; valWindows: number; testWindows: number };
  scaler: ScalerParams;
  /** Test-set metrics in original units over all (window, horizon step) pairs. */
  metrics: ForecastMetrics;
  /** Same windows and horizons; naive is always present. */
  baselines: { naive: ForecastMetrics; seasonalNaive: ForecastMetrics; mean: ForecastMetrics };
  test: WindowPredictions & {
    baselinePredictions: { naive: number[]; seasonalNaive: number[]; mean: number[] };
  };
  validation: WindowPredictions | null;
  forecast: { times: number[]; values: number[] };
  /** Where the model was saved, if it was. */
  modelDir: string | null;
}
