// What stands beside a run's own forecast past the data, read from the run JSON for the run chart
// (app and report): the classical methods' forecasts (`baselineModels[k].forecast`) and the paths
// of the ensemble's members (`forecaster.members[i].forecast`). Both are optional: runs from older
// engines, or without an ensemble, simply have none, and nothing is drawn.
import type { RunResult } from '../schemas/model';
import { forecasterRank, forecasterTitle, type NamedBaselines } from './forecasterNames';

type Path = (number | null)[];

/** A path with NaN and ±Infinity (a record not yet through JSON) as missing values. */
const finite = (values: readonly (number | null)[]): Path =>
  values.map((v) => (v !== null && Number.isFinite(v) ? v : null));

/** The parts of a run record the run chart's forecasts are read from (notes only name them). */
export type RunForecastSource = Pick<RunResult, 'forecast' | 'baselineModels' | 'forecaster'> &
  NamedBaselines;

/** Classical methods' forecasts at the run's forecast times, named "<model> forecast". */
export function peerForecasts(
  run: RunForecastSource,
  only: readonly string[] = ['ets', 'theta', 'arima', 'combination'],
): { key: string; name: string; values: Path }[] {
  const models = run.baselineModels ?? {};
  const n = run.forecast.times.length;
  return Object.keys(models)
    .filter((k) => only.includes(k))
    .sort((a, b) => forecasterRank(a) - forecasterRank(b))
    .flatMap((key) => {
      const path = models[key]?.forecast;
      if (!path || path.length === 0) return [];
      const values = finite(path.slice(0, n));
      return [{ key, name: `${forecasterTitle(key, run)} forecast`, values }];
    });
}

/** The ensemble members' forecast paths, or null for a single model. */
export function memberPaths(
  run: RunForecastSource,
): { name: string; paths: Path[]; combine: string } | null {
  const ensemble = run.forecaster;
  if (!ensemble) return null;
  const paths = ensemble.members.flatMap((m) =>
    m.forecast.length > 0 ? [finite(m.forecast)] : [],
  );
  if (paths.length < 2) return null;
  return { name: `Ensemble members (${paths.length})`, paths, combine: ensemble.combine };
}

/** Lowest and highest member value at each forecast time: the spread the run view reports. */
export function memberRange(paths: readonly Path[]): { lower: Path; upper: Path } {
  const n = Math.max(0, ...paths.map((p) => p.length));
  const lower: Path = [];
  const upper: Path = [];
  for (let i = 0; i < n; i++) {
    const at = paths.map((p) => p[i]).filter((v): v is number => typeof v === 'number');
    lower.push(at.length ? Math.min(...at) : null);
    upper.push(at.length ? Math.max(...at) : null);
  }
  return { lower, upper };
}

/** Which model made the forecast past the data ("median of 5 networks refitted on all 144 rows"). */
export function forecastMadeBy(run: Pick<RunResult, 'forecastModel'>): string | null {
  const label = run.forecastModel?.label;
  return label ? label : null;
}
