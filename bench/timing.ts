// Best-of-n wall-clock timing: the minimum is the least disturbed run on a shared machine.
export async function bestOf<T>(
  runs: number,
  fn: () => Promise<T> | T,
): Promise<{ seconds: number; all: number[]; last: T }> {
  const all: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await fn();
    all.push((performance.now() - t0) / 1000);
  }
  if (last === undefined && runs < 1) throw new Error('bestOf needs at least one run');
  return { seconds: Math.min(...all), all, last: last as T };
}

export function bestSeconds(values: number[]): number {
  if (values.length === 0) throw new Error('no timings');
  return Math.min(...values);
}

export const fmtSeconds = (values: number[]): string => values.map((v) => v.toFixed(3)).join(', ');
