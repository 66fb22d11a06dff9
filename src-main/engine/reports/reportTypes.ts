// What a report is built from: plain data the engine already has (JSON-able, so it can come over
// the contract or from a saved project).
import type { AnalysisResult } from '../../shared/schemas/analysis';
import type { DatasetInfo, SeriesWindow } from '../../shared/schemas/dataset';
import type { DieboldMarianoResult } from '../interpret/dieboldMariano';
import type { ResidualDiagnostics } from '../interpret/residualDiagnostics';
import type { SensitivityResult } from '../interpret/sensitivity';
import type { RunResult } from '../model/runResult';
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
  comparison?: ReportComparison;
}
