// The combination forecast: per step, the median (or mean) of the network ensemble, ETS and
// Theta — combinations win the M-competitions. One step ahead (h = 1) it is instead the mean of
// ETS and auto-ARIMA, whose exact one-step filters use the latest value best, joined by the
// network ensemble only when it beats that mean on the validation windows: on 120 M1 and tourism
// series the ETS–ARIMA mean beat R's auto.arima one step ahead on 72 (bench/oneStepCollections.ts,
// BENCHMARKS.md "One step ahead"), where the networks and Theta mostly added error. Each classical
// part is fitted three times: on the training part (like the networks) for the validation paths
// that screen the parts; on every row before the test part for the test paths, the same fits as
// the run's classical baselines (fitBeforeTest, shared through the run's ClassicalFitCache), so the
// combination is scored on the same footing as the baselines it is compared with; and on every
// row for the forecast past the end. Each is continued through the later actuals to each origin.
//
// A part that failed on the validation windows is left out: one whose validation MAE is more than
// SCREEN_RATIO times the best part's (e.g. fixed seasonal indices on a series whose seasonal
// pattern grows, which only ETS follows). A median of three cannot protect against two such parts.
// The test part never takes part in that choice.
import {
  classicalBaselines,
  fitBeforeTest,
  type ClassicalFitCache,
  type ClassicalMethod,
  type ClassicalResult,
} from '../baselines/classical';
import { combineForecasts, type CombineBy } from '../baselines/combination';

export type CombinationSetting = 'none' | CombineBy;

export interface ClassicalPeer {
  method: ClassicalMethod;
  label: string;
  /** Forecast past the end (fitted on all rows). */
  forecast: number[];
}

export interface Combined {
  by: CombineBy;
  test: Float64Array;
  validation: Float64Array | null;
  forecast: Float64Array;
  peers: ClassicalPeer[];
  /** The parts the validation screen kept (all of them when it could not judge). */
  kept: { network: boolean; peers: ClassicalPeer['method'][] };
  notes: string[];
}

const ok = (r: ClassicalResult | undefined) => (r?.ok ? r : null);

/** A part whose validation MAE exceeds this multiple of the best part's is left out. */
export const SCREEN_RATIO = 2;
/** Fewer validation origins than this say too little to leave a part out. */
export const SCREEN_MIN_WINDOWS = 4;

/** The classical parts of the combination at horizon h: ETS and auto-ARIMA one step ahead. */
export function combinationMethods(h: number): ClassicalMethod[] {
  return h === 1 ? ['ets', 'arima'] : ['ets', 'theta'];
}

const methodWords: Record<ClassicalMethod, string> = {
  ets: 'ETS',
  theta: 'Theta',
  arima: 'auto-ARIMA',
};

/** Mean absolute error of row-major [windows, h] paths from `starts` against the series. */
function validationMae(paths: Float64Array, starts: number[], h: number, series: Float64Array) {
  let sum = 0;
  let count = 0;
  starts.forEach((t0, w) => {
    for (let i = 0; i < h; i++) {
      const e = Math.abs((series[t0 + i] ?? Number.NaN) - (paths[w * h + i] ?? Number.NaN));
      if (Number.isFinite(e)) {
        sum += e;
        count++;
      }
    }
  });
  return count > 0 ? sum / count : Number.NaN;
}

/** Row-major [windows, h] paths of the origins `starts` (rows), from a fit on [0, fitEnd). */
function originPaths(
  r: { originPaths: number[][] } | null,
  count: number,
  h: number,
): Float64Array | null {
  if (!r) return null;
  const out = new Float64Array(count * h).fill(Number.NaN);
  for (let w = 0; w < count; w++) out.set((r.originPaths[w] ?? []).slice(0, h), w * h);
  return out;
}

function combineRows(
  paths: (Float64Array | null)[],
  count: number,
  h: number,
  by: CombineBy,
): Float64Array {
  const present = paths.filter((p): p is Float64Array => p !== null);
  const out = new Float64Array(count * h);
  for (let w = 0; w < count; w++) {
    const rows = present.map((p) => p.subarray(w * h, (w + 1) * h));
    out.set(combineForecasts(rows, by, h), w * h);
  }
  return out;
}

export function combineWithClassical(
  series: Float64Array,
  m: number,
  h: number,
  split: { valStart: number; testStart: number },
  network: {
    test: Float64Array;
    testStarts: number[];
    validation: Float64Array | null;
    valStarts: number[];
    forecast: Float64Array;
  },
  by: CombineBy,
  cache?: ClassicalFitCache,
): Combined {
  const notes: string[] = [];
  const { valStart, testStart } = split;
  const methods = combinationMethods(h);
  // The validation paths (which screen the parts) come from fits on the training part, as the
  // networks' do; the test paths from fits on every row before the test part, as the run's
  // classical baselines are, so the combination is scored like the baselines it is compared with.
  const valFits =
    network.valStarts.length > 0
      ? classicalBaselines(series.subarray(0, valStart), m, h, {
          methods,
          test: series.subarray(valStart, testStart),
          origins: network.valStarts.map((t0) => t0 - valStart),
        })
      : null;
  const testFits = fitBeforeTest(series, m, h, testStart, network.testStarts, methods, cache);
  const allFits = classicalBaselines(series, m, h, { methods, fittedOn: 'every row' });
  const nVal = network.valStarts.length;
  const nTest = network.testStarts.length;
  const peers: ClassicalPeer[] = [];
  const peerParts: Part[] = [];
  for (const method of methods) {
    const t = ok(testFits[method]);
    const a = ok(allFits[method]);
    const v = valFits ? ok(valFits[method]) : null;
    const test = originPaths(t, nTest, h);
    if (!t || !a || !test || (valFits && !v)) {
      const failed = [valFits?.[method], testFits[method], allFits[method]].find((r) => r && !r.ok);
      notes.push(
        `${methodWords[method]} left out of the combination: ${failed?.note ?? 'not fitted'}`,
      );
      continue;
    }
    const peer = { method, label: a.label, forecast: a.forecast.slice(0, h) };
    peers.push(peer);
    peerParts.push({
      id: method,
      label: a.label,
      validation: originPaths(v, nVal, h),
      test,
      forecast: Float64Array.from(peer.forecast),
    });
  }
  const parts: Part[] = [
    {
      id: 'network',
      label: 'the network ensemble',
      validation: network.validation,
      test: network.test,
      forecast: network.forecast,
    },
    ...peerParts,
  ];
  const screened = screenOnValidation(parts, network.valStarts, h, series, notes);
  const kept =
    h === 1 ? networkEarnsItsPlace(screened, network.valStarts, series, notes) : screened;
  // One step ahead the parts are averaged: the median of two is their mean, and of three it would
  // drop the network's information exactly where it earned its place.
  const combineBy: CombineBy = h === 1 ? 'mean' : by;
  return {
    by: combineBy,
    test: combineRows(
      kept.map((p) => p.test),
      nTest,
      h,
      combineBy,
    ),
    validation:
      network.validation && kept.every((p) => p.validation)
        ? combineRows(
            kept.map((p) => p.validation),
            nVal,
            h,
            combineBy,
          )
        : null,
    forecast: combineForecasts(
      kept.map((p) => p.forecast),
      combineBy,
      h,
    ),
    peers,
    kept: {
      network: kept.some((p) => p.id === 'network'),
      peers: peers.map((p) => p.method).filter((id) => kept.some((p) => p.id === id)),
    },
    notes,
  };
}

interface Part {
  id: 'network' | ClassicalPeer['method'];
  label: string;
  validation: Float64Array | null;
  test: Float64Array;
  forecast: Float64Array;
}

/**
 * One step ahead: the network ensemble stays only when its validation MAE is below that of the mean
 * of the classical parts kept; with fewer than SCREEN_MIN_WINDOWS windows it cannot show that, so
 * the classical mean stands alone.
 */
function networkEarnsItsPlace(
  parts: Part[],
  valStarts: number[],
  series: Float64Array,
  notes: string[],
): Part[] {
  const net = parts.find((p) => p.id === 'network');
  const classical = parts.filter((p) => p.id !== 'network');
  if (!net || classical.length === 0) return parts;
  const words = classical.map((p) => methodWords[p.id as ClassicalMethod]).join(' and ');
  const mean = combineRows(
    classical.map((p) => p.validation),
    valStarts.length,
    1,
    'mean',
  );
  const netMae =
    net.validation && valStarts.length >= SCREEN_MIN_WINDOWS
      ? validationMae(net.validation, valStarts, 1, series)
      : Number.NaN;
  const classicalMae = classical.every((p) => p.validation)
    ? validationMae(mean, valStarts, 1, series)
    : Number.NaN;
  if (!Number.isFinite(netMae) || !Number.isFinite(classicalMae)) {
    notes.push(
      `The network ensemble left out of the one-step combination: ${valStarts.length} validation windows cannot show it beats the mean of ${words}`,
    );
    return classical;
  }
  if (netMae < classicalMae) {
    notes.push(
      `The network ensemble joins the one-step combination: its validation MAE (${netMae.toPrecision(4)}) is below that of the mean of ${words} (${classicalMae.toPrecision(4)})`,
    );
    return parts;
  }
  notes.push(
    `The network ensemble left out of the one-step combination: its validation MAE (${netMae.toPrecision(4)}) is not below that of the mean of ${words} (${classicalMae.toPrecision(4)})`,
  );
  return classical;
}

/** The parts within SCREEN_RATIO of the best validation MAE; all of them without validation. */
function screenOnValidation(
  parts: Part[],
  valStarts: number[],
  h: number,
  series: Float64Array,
  notes: string[],
): Part[] {
  if (valStarts.length < SCREEN_MIN_WINDOWS || parts.some((p) => p.validation === null))
    return parts;
  const errors = parts.map((p) =>
    p.validation ? validationMae(p.validation, valStarts, h, series) : Number.NaN,
  );
  if (!errors.every(Number.isFinite)) return parts;
  const best = Math.min(...errors);
  const bestLabel = parts[errors.indexOf(best)]?.label ?? '';
  return parts.filter((p, i) => {
    const e = errors[i] ?? Number.NaN;
    if (e <= SCREEN_RATIO * best) return true;
    const ratio = best > 0 ? `${(e / best).toFixed(1)} times` : 'more than';
    notes.push(
      `${p.label} left out of the combination: its validation MAE (${e.toPrecision(4)}) is ${ratio} that of ${bestLabel} (${best.toPrecision(4)}), more than ${SCREEN_RATIO} times`,
    );
    return false;
  });
}
