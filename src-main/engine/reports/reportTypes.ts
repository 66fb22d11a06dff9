// What a report is built from: plain data the engine already has (JSON-able, so it can come over
// the contract or from a saved project).
import type { NamedBaselines } from '../../shared/charts/forecasterNames';
import type { ForecastTable } from '../../shared/charts/forecastTable';
import type { AnalysisResult } from '../../shared/schemas/analysis';
import type { HStepEvaluation, RunVerdict } from '../../shared/schemas/model';
import type { DatasetInfo, SeriesWindow } from '../../shared/schemas/dataset';
import type { DieboldMarianoResult } from '../evaluation/dieboldMariano';
import type { ResidualDiagnostics } from '../evaluation/residualDiagnostics';
import type { SensitivityResult } from '../explanation/sensitivity';
import type { RunResult } from '../../shared/schemas/model';
import type { ReportSection } from './reportSections';

export interface ReportDataset {
  info: DatasetInfo;
  /** Downsampled window of the explored columns for the series chart. */
  series?: SeriesWindow;
  /** Diagnostics of the explored column (ACF/PACF, stationarity). */
  analysis?: AnalysisResult;
}

export type ReportResiduals = Pick<
  ResidualDiagnostics,
  | 'n'
  | 'mean'
  | 'std'
  | 'histogram'
  | 'qq'
  | 'acf'
  | 'ljungBox'
  | 'jarqueBera'
  | 'meanZeroTTest'
  | 'verdicts'
>;

export interface ReportSensitivity {
  result: Pick<SensitivityResult, 'mode' | 'shape' | 'effect' | 'meanAbsPerLag'>;
  /** Time of each explained window's first target. */
  windowTimes?: number[];
  featureNames?: string[];
  /** 0-based horizon step explained. */
  horizonIndex?: number;
  /** What the effects measure, in words with their units; the strongest effect in words. */
  units?: string;
  headline?: string;
}

export interface ReportRun {
  run: RunResult;
  /** Display name; defaults to "<CELL> <id prefix>". */
  label?: string;
  residuals?: ReportResiduals;
  sensitivity?: ReportSensitivity;
  /** Prediction interval in the layout of run.test.predicted. */
  interval?: { level: number; lower: ArrayLike<number>; upper: ArrayLike<number> };
  /** The whole target series for the actual-vs-predicted chart; default: the test actuals. */
  actual?: { times: ArrayLike<number>; values: ArrayLike<number | null> };
  /** Interval bands (80%, 95%, …) in the layout of run.test.predicted, and around the forecast. */
  bands?: readonly {
    level: number;
    lower: ArrayLike<number | null>;
    upper: ArrayLike<number | null>;
  }[];
  forecastBands?: readonly {
    level: number;
    lower: ArrayLike<number | null>;
    upper: ArrayLike<number | null>;
  }[];
  /** The verdict against the best baseline (runs from newer engines). */
  verdict?: RunVerdict | null;
  /** The h-step forecast from one origin. */
  hStep?: HStepEvaluation | null;
  /** What names the baselines in words (fitted labels, notes). */
  names?: NamedBaselines;
  /** Other methods' forecasts past the data, at run.forecast.times. */
  peers?: readonly { name: string; values: ArrayLike<number | null> }[];
  /** Which model made the forecast past the data, in words. */
  madeBy?: string | null;
  /** The ensemble members' forecasts past the data. */
  members?: { name: string; paths: readonly ArrayLike<number | null>[] } | null;
  /** The forecast past the data as a table: dates, point forecast, 80% and 95% intervals. */
  forecastTable?: ForecastTable;
}

/** The runs trained on one dataset, printed after that dataset's own sections. */
export interface ReportGroup {
  /** Absent when the runs' dataset could not be opened; the report then says so. */
  dataset?: ReportDataset;
  /** The dataset's name as the runs recorded it. */
  name: string;
  runs: readonly ReportRun[];
}

export interface ReportComparison {
  /** Diebold-Mariano test between two of the runs, by id. */
  dm?: DieboldMarianoResult & { runA: string; runB: string };
}

export interface ReportInput {
  title: string;
  /** Shown under the title; default now. */
  date?: Date | string;
  /** Sections to include; default all. */
  sections?: readonly ReportSection[];
  dataset?: ReportDataset;
  runs?: readonly ReportRun[];
  /** Runs by dataset, each group with its own dataset sections; overrides dataset/runs. */
  groups?: readonly ReportGroup[];
  comparison?: ReportComparison;
}
