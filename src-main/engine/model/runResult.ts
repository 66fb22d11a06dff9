// JSON-able record of one fit (NaN metrics serialise as null).
import type { BackendInfo } from './backend';
import type { FitConfig } from './fitConfig';
import type { ForecastMetrics } from './metrics';
import type { ScalerParams } from './scalers';
import type { SplitBoundaries } from './split';
import type { EpochRecord, StoppedReason } from './train';
import type { ForecasterDecisions, ForecastModelInfo } from '../forecasting/seriesForecaster';

export type { ForecastModelInfo };

/** What the forecasting pipeline decided and did (null on the classic scaler path). */
export interface ForecasterRecord extends ForecasterDecisions {
  /** Plain-language notes, e.g. settings this pipeline does not apply. */
  notes: string[];
  /**
   * The combination that made `metrics`, `test`, `validation` and `forecast` (null = the networks
   * alone): per step the median or mean of the network ensemble, ETS and Theta.
   */
  combination: {
    by: 'median' | 'mean';
    /** The network ensemble alone: its test metrics and forecast. */
    network: { metrics: ForecastMetrics; forecast: number[]; testPredicted: number[] };
    /** ETS and Theta fitted on all rows: label and forecast past the end. */
    peers: { method: 'ets' | 'theta' | 'arima'; label: string; forecast: number[] }[];
    notes: string[];
  } | null;
}

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
  /** Which model made `forecast`. */
  forecastModel?: ForecastModelInfo;
  /** The forecasting pipeline's decisions, members and spread; null on the classic path. */
  forecaster?: ForecasterRecord | null;
  /** Set when the series was too short for any network and a classical method forecast instead. */
  fallback?: { method: string; message: string } | null;
  /** Where the model was saved, if it was. */
  modelDir: string | null;
}
