// The combination forecast: per step, the median (or mean) of the network ensemble, ETS and
// Theta — combinations win the M-competitions. ETS and Theta are fitted once on the training
// part (like the networks) and continued through the later actuals for each window's origin; for
// the forecast past the end they are refitted on every row.
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
  notes: string[];
}

const ok = (r: ClassicalResult | undefined) => (r?.ok ? r : null);

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
    if (!e || !a) {
      notes.push(
        `${method === 'ets' ? 'ETS' : 'Theta'} left out of the combination: ${(evalFits[method] ?? allFits[method])?.note ?? 'not fitted'}`,
      );
      continue;
    }
    const paths = originPaths(e, starts.length, h);
    if (paths) evalPaths.push(paths);
    peers.push({ method, label: a.label, forecast: a.forecast.slice(0, h) });
  }
  const nVal = network.valStarts.length;
  const nTest = network.testStarts.length;
  const valPart = (p: Float64Array) => p.subarray(0, nVal * h);
  const testPart = (p: Float64Array) => p.subarray(nVal * h, (nVal + nTest) * h);
  return {
    by,
    test: combineRows([network.test, ...evalPaths.map(testPart)], nTest, h, by),
    validation: network.validation
      ? combineRows([network.validation, ...evalPaths.map(valPart)], nVal, h, by)
      : null,
    forecast: combineForecasts([network.forecast, ...peers.map((p) => p.forecast)], by, h),
    peers,
    notes,
  };
}
