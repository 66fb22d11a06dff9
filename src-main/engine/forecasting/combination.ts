// The combination forecast: per step, the median (or mean) of the network ensemble, ETS and
// Theta — combinations win the M-competitions. ETS and Theta are fitted once on the training
// part (like the networks) and continued through the later actuals for each window's origin; for
// the forecast past the end they are refitted on every row.
//
// A part that failed on the validation windows is left out: one whose validation MAE is more than
// SCREEN_RATIO times the best part's (e.g. fixed seasonal indices on a series whose seasonal
// pattern grows, which only ETS follows). A median of three cannot protect against two such parts.
// The test part never takes part in that choice.
import { classicalBaselines, type ClassicalResult } from '../baselines/classical';
import { combineForecasts, type CombineBy } from '../baselines/combination';

export type CombinationSetting = 'none' | CombineBy;

export interface ClassicalPeer {
  method: 'ets' | 'theta';
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
  valStart: number,
  network: {
    test: Float64Array;
    testStarts: number[];
    validation: Float64Array | null;
    valStarts: number[];
    forecast: Float64Array;
  },
  by: CombineBy,
): Combined {
  const notes: string[] = [];
  const starts = [...network.valStarts, ...network.testStarts];
  const evalFits = classicalBaselines(series.subarray(0, valStart), m, h, {
    methods: ['ets', 'theta'],
    test: series.subarray(valStart),
    origins: starts.map((t0) => t0 - valStart),
  });
  const allFits = classicalBaselines(series, m, h, { methods: ['ets', 'theta'] });
  const peers: ClassicalPeer[] = [];
  const evalPaths: Float64Array[] = [];
  for (const method of ['ets', 'theta'] as const) {
    const e = ok(evalFits[method]);
    const a = ok(allFits[method]);
    const paths = originPaths(e, starts.length, h);
    if (!e || !a || !paths) {
      notes.push(
        `${method === 'ets' ? 'ETS' : 'Theta'} left out of the combination: ${(evalFits[method] ?? allFits[method])?.note ?? 'not fitted'}`,
      );
      continue;
    }
    evalPaths.push(paths);
    peers.push({ method, label: a.label, forecast: a.forecast.slice(0, h) });
  }
  const nVal = network.valStarts.length;
  const nTest = network.testStarts.length;
  const valPart = (p: Float64Array) => p.subarray(0, nVal * h);
  const testPart = (p: Float64Array) => p.subarray(nVal * h, (nVal + nTest) * h);
  const parts: Part[] = [
    {
      id: 'network',
      label: 'the network ensemble',
      validation: network.validation,
      test: network.test,
      forecast: network.forecast,
    },
    ...peers.map((peer, i) => {
      const paths = evalPaths[i] ?? new Float64Array(starts.length * h).fill(Number.NaN);
      return {
        id: peer.method,
        label: peer.label,
        validation: valPart(paths),
        test: testPart(paths),
        forecast: Float64Array.from(peer.forecast),
      };
    }),
  ];
  const kept = screenOnValidation(parts, network.valStarts, h, series, notes);
  return {
    by,
    test: combineRows(
      kept.map((p) => p.test),
      nTest,
      h,
      by,
    ),
    validation:
      network.validation && kept.every((p) => p.validation)
        ? combineRows(
            kept.map((p) => p.validation),
            nVal,
            h,
            by,
          )
        : null,
    forecast: combineForecasts(
      kept.map((p) => p.forecast),
      by,
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
