// "Export predictions": one run's test predictions beside the actuals, every baseline and the
// conformal bands, then the future forecast — one row per (window, horizon step), ISO times.
import type { RunResult } from '../shared/schemas/model';
import { forecasterTitle, modelTitle } from '../shared/charts/forecasterNames';
import { peerForecasts } from '../shared/charts/runForecasts';
import { formatTime } from '../shared/charts/timeAxis';
import type { TimeFormat } from '../shared/schemas/dataset';

const quoted = (text: string): string => `"${text.replace(/"/g, '""')}"`;

function cell(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '' : String(v);
}

/**
 * `forecastFrom` names a classical baseline (e.g. "ets") whose forecast past the data replaces the
 * model's in the forecast rows (the verdict offers it when it did better); a last column then
 * says which method made the forecast.
 */
export function predictionsCsv(run: RunResult, forecastFrom?: string): string {
  const format = run.dataset.timeFormat as TimeFormat;
  const peer = forecastFrom ? peerForecasts(run).find((p) => p.key === forecastFrom) : undefined;
  const source = peer ? forecasterTitle(peer.key, run) : modelTitle(run);
  const baselines = Object.keys(run.test.baselinePredictions);
  const bands = run.intervals;
  // Bands name their method (split conformal, or a classical model's intervals when calibration was short).
  const method = bands.find((b) => b.methodLabel)?.methodLabel;
  const futureMethod = run.forecastIntervals.find((b) => b.methodLabel)?.methodLabel;
  const header = [
    'part',
    'time',
    'window_start',
    'step',
    'actual',
    'predicted',
    ...baselines.map((b) => `baseline_${b}`),
    ...bands.flatMap((b) => [`lower_${b.level * 100}`, `upper_${b.level * 100}`]),
    ...(method ? ['interval_method'] : []),
    ...(forecastFrom ? ['forecast_by'] : []),
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
      ...(method ? [quoted(method)] : []),
      ...(forecastFrom ? [''] : []),
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
      cell(peer ? peer.values[i] : v),
      ...baselines.map(() => ''),
      ...bands.flatMap((b) => {
        // The model's conformal bands do not belong to another method's forecast.
        const f = peer ? undefined : fb.find((x) => x.level === b.level);
        return [cell(f?.lower[i]), cell(f?.upper[i])];
      }),
      ...(method ? [peer || !futureMethod ? '' : quoted(futureMethod)] : []),
      ...(forecastFrom ? [quoted(source)] : []),
    ]);
  });
  return [header, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}
