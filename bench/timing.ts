// Best-of-n timing: the minimum is the least disturbed run on a shared machine.
export function bestSeconds(values: number[]): number {
  if (values.length === 0) throw new Error('no timings');
  return Math.min(...values);
}

export const fmtSeconds = (values: number[]): string => values.map((v) => v.toFixed(3)).join(', ');

/** CPU seconds (all threads of this process) spent in fn. */
export async function cpuSecondsOf<T>(
  fn: () => Promise<T> | T,
): Promise<{ cpu: number; wall: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1e6, wall, value };
}
