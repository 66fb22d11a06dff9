// The actual series a run saw in its validation and test windows, one value per time: windows
// overlap when the horizon exceeds the stride, so each time is kept once.
import type { RunResult } from '../../../src-main/shared/schemas/model';
import { formatPValue } from '../format';

interface Windows {
  times: readonly number[];
  actual: readonly (number | null)[];
}

export function runActualSeries(run: Pick<RunResult, 'test' | 'validation'>): {
  times: number[];
  values: (number | null)[];
} {
  const byTime = new Map<number, number | null>();
  const add = (w: Windows | null): void => {
    if (!w) return;
    w.times.forEach((t, i) => {
      if (!byTime.has(t)) byTime.set(t, w.actual[i] ?? null);
    });
  };
  add(run.validation);
  add(run.test);
  const times = [...byTime.keys()].sort((a, b) => a - b);
  return { times, values: times.map((t) => byTime.get(t) ?? null) };
}

/** Interval coverage in words beside its nominal level, e.g. "95% band: 91.7% covered". */
export function coverageGap(level: number, coverage: number | null): number | null {
  return coverage === null || !Number.isFinite(coverage) ? null : coverage - level;
}

/** "p = 0.0123", or "p < 0.0001" where the shown resolution runs out (never "p = < 0.0001"). */
export function pText(p: number | null): string {
  const shown = formatPValue(p);
  return shown.startsWith('<') ? `p ${shown}` : `p = ${shown}`;
}
