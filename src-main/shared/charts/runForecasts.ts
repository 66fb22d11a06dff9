// What stands beside a run's own forecast past the data, read from the run JSON for the run chart
// (app and report): the classical methods' forecasts (`baselineModels[k].forecast`) and the paths
// of the ensemble's members (`forecaster.members[i].forecast`). Both are optional: runs from older
// engines, or without an ensemble, simply have none, and nothing is drawn.
import { forecasterRank, forecasterTitle, type NamedBaselines } from './forecasterNames';

type Path = (number | null)[];

function numbers(value: unknown): Path | null {
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null));
  if (value && typeof value === 'object' && 'values' in value)
    return numbers((value as { values: unknown }).values);
  return null;
}

export interface RunForecastSource extends NamedBaselines {
  forecast: { times: number[]; values: (number | null)[] };
  /** The forecasting pipeline's record: members, how they are combined. */
  forecaster?: unknown;
}

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
      const model = models[key];
      const path =
        model && typeof model === 'object'
          ? numbers((model as { forecast?: unknown }).forecast)
          : null;
      if (!path || path.length === 0) return [];
      return [{ key, name: `${forecasterTitle(key, run)} forecast`, values: path.slice(0, n) }];
    });
}

/** The ensemble members' forecast paths, or null for a single model. */
export function memberPaths(
  run: RunForecastSource,
): { name: string; paths: Path[]; combine: string | null } | null {
  const ensemble = run.forecaster;
  if (!ensemble || typeof ensemble !== 'object') return null;
  const members = (ensemble as { members?: unknown }).members;
  if (!Array.isArray(members)) return null;
  const paths = members.flatMap((m: unknown) => {
    const path =
      m && typeof m === 'object' ? numbers((m as { forecast?: unknown }).forecast) : numbers(m);
    return path && path.length > 0 ? [path] : [];
  });
  if (paths.length < 2) return null;
  const combine = (ensemble as { combine?: unknown }).combine;
  return {
    name: `Ensemble members (${paths.length})`,
    paths,
    combine: typeof combine === 'string' ? combine : null,
  };
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
export function forecastMadeBy(run: object): string | null {
  const model = (run as { forecastModel?: unknown }).forecastModel;
  if (!model || typeof model !== 'object') return null;
  const label = (model as { label?: unknown }).label;
  return typeof label === 'string' && label.length > 0 ? label : null;
}
