// The forecast past the data as a table: one row per future step with its date, the point forecast
// and the 80% and 95% intervals. The run view, the predictions CSV and the report all read it.
import type { RunResult } from '../schemas/model';
import type { TimeFormat } from '../schemas/dataset';
import { formatTime } from './timeAxis';

export interface ForecastTableRow {
  step: number;
  /** The date as the dataset writes it (ISO for calendar times). */
  time: string;
  point: number | null;
  lower80: number | null;
  upper80: number | null;
  lower95: number | null;
  upper95: number | null;
}

export interface ForecastTable {
  rows: ForecastTableRow[];
  /** How the intervals were made, in words; null without intervals. */
  intervalMethod: string | null;
  /** Empirical coverage on the test part of the same method's bands, by level. */
  coverage: { level: number; coverage: number | null }[];
}

type Band = RunResult['forecastIntervals'][number];

const finite = (v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : v;

function bandAt(bands: readonly Band[], level: number): Band | undefined {
  return bands.find((b) => Math.abs(b.level - level) < 1e-9);
}

/** Words for a band's method; runs saved before bands named their method were split conformal. */
export function intervalMethodText(band: Pick<Band, 'method' | 'methodLabel'>): string {
  return band.methodLabel ?? 'split conformal on the validation windows, per horizon step';
}

export function forecastTable(
  run: Pick<RunResult, 'forecast' | 'forecastIntervals' | 'intervals' | 'dataset'>,
): ForecastTable {
  const format = run.dataset.timeFormat as TimeFormat;
  const b80 = bandAt(run.forecastIntervals, 0.8);
  const b95 = bandAt(run.forecastIntervals, 0.95);
  const rows = run.forecast.values.map((v, i) => ({
    step: i + 1,
    time: formatTime(run.forecast.times[i] ?? Number.NaN, format),
    point: finite(v),
    lower80: finite(b80?.lower[i]),
    upper80: finite(b80?.upper[i]),
    lower95: finite(b95?.lower[i]),
    upper95: finite(b95?.upper[i]),
  }));
  const first = run.forecastIntervals[0] ?? run.intervals[0];
  return {
    rows,
    intervalMethod: first ? intervalMethodText(first) : null,
    coverage: run.intervals.map((b) => ({ level: b.level, coverage: finite(b.coverage) })),
  };
}
