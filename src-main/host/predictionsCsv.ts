// "Export predictions": one run's test predictions beside the actuals, every baseline and the
// conformal bands, then the future forecast — one row per (window, horizon step), ISO times.
import type { RunResult } from '../shared/schemas/model';
import { formatTime } from '../shared/charts/timeAxis';
import type { TimeFormat } from '../shared/schemas/dataset';

function cell(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '' : String(v);
}

export function predictionsCsv(run: RunResult): string {
  const format = run.dataset.timeFormat as TimeFormat;
  const baselines = Object.keys(run.test.baselinePredictions);
  const bands = run.intervals;
  const header = [
    'part',
    'time',
    'window_start',
    'step',
    'actual',
    'predicted',
    ...baselines.map((b) => `baseline_${b}`),
    ...bands.flatMap((b) => [`lower_${b.level * 100}`, `upper_${b.level * 100}`]),
  ];
  const rows: string[][] = [];
  const { horizon } = run.test;
  run.test.predicted.forEach((p, i) => {
    const window = Math.floor(i / horizon);
    rows.push([
      'test',
      formatTime(run.test.times[i] ?? Number.NaN, format),
      String(run.test.targetStarts[window] ?? ''),
      String((i % horizon) + 1),
      cell(run.test.actual[i]),
      cell(p),
      ...baselines.map((b) => cell(run.test.baselinePredictions[b]?.[i])),
      ...bands.flatMap((b) => [cell(b.lower[i]), cell(b.upper[i])]),
    ]);
  });
  run.forecast.values.forEach((v, i) => {
    const fb = run.forecastIntervals;
    rows.push([
      'forecast',
      formatTime(run.forecast.times[i] ?? Number.NaN, format),
      '',
      String(i + 1),
      '',
      cell(v),
      ...baselines.map(() => ''),
      ...bands.flatMap((b) => {
        const f = fb.find((x) => x.level === b.level);
        return [cell(f?.lower[i]), cell(f?.upper[i])];
      }),
    ]);
  });
  return [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}
