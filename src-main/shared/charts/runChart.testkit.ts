// Test helpers for reading series back out of an option object.
export interface OptionSeries {
  name: string;
  type: string;
  stack?: string;
  data: unknown[];
  markLine?: { data: Record<string, unknown>[] };
  markPoint?: { data: { coord: [number, number] }[] };
  lineStyle?: Record<string, unknown>;
}

export function seriesNamed(option: Record<string, unknown>, name: string): OptionSeries {
  const s = (option.series as OptionSeries[]).find((x) => x.name === name);
  if (!s) throw new Error(`no series named ${name}`);
  return s;
}

export function seriesNames(option: Record<string, unknown>): string[] {
  return (option.series as OptionSeries[]).map((s) => s.name);
}
