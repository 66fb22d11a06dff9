import { ReportSection } from '../../shared/schemas/projectChannels';

// The sections a report can contain, in print order, and their fixed headings. Tests and the CI
// PDF check search for these exact strings, so change them only together with those checks.

/** "title" plus the sections a user can pick (the contract's ReportSection, in print order). */
export const REPORT_SECTIONS = ['title', ...ReportSection.options] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const REPORT_HEADINGS = {
  title: 'Series Studio report',
  dataset: 'Dataset summary',
  series: 'Series chart',
  correlogram: 'Autocorrelation (ACF and PACF)',
  stationarity: 'Stationarity tests',
  runConfig: 'Transforms, scaler, window and model',
  backend: 'Backend and timings',
  training: 'Training curves',
  metrics: 'Metrics against baselines',
  actualVsPredicted: 'Actual vs predicted',
  residuals: 'Residual diagnostics',
  sensitivity: 'Input sensitivity',
  comparison: 'Run comparison',
} as const satisfies Record<ReportSection, string>;

/** Sections repeated once per run, under a "Run …" heading: all but the dataset's and the comparison. */
export const RUN_SECTIONS: readonly ReportSection[] = ReportSection.exclude([
  'dataset',
  'series',
  'correlogram',
  'stationarity',
  'comparison',
]).options;
