// Pure formatting of benchmark results (aligned table, ratios against goals) plus the one place
// that writes bench/results/latest.json, so every benchmark prints and records the same way.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'prettier';

export type Unit = 's' | 'samples/s' | 'rows/s' | 'MB' | 'count';

/** One measured figure; value null means "not measured" (peer missing, API absent). */
export interface Metric {
  label: string;
  value: number | null;
  unit: Unit;
  note?: string;
}

/**
 * ours against a peer. 'time': ratio = ours / peer, lower is better. 'throughput': ratio =
 * ours / peer in units per second, higher is better.
 */
export interface Comparison {
  label: string;
  kind: 'time' | 'throughput';
  ours: number | null;
  peer: number | null;
  /** 'time': goal is the largest acceptable ratio; 'throughput': the smallest. null = no goal. */
  goal: number | null;
}

export interface BenchResult {
  name: string;
  metrics: Metric[];
  comparisons: Comparison[];
  notes: string[];
  /** Anything else worth keeping in latest.json (profiles, backend detail). */
  extra?: Record<string, unknown>;
}

export function ratioOf(c: Comparison): number | null {
  if (c.ours === null || c.peer === null || !(c.peer > 0) || !(c.ours > 0)) return null;
  return c.ours / c.peer;
}

export function meetsGoal(c: Comparison): boolean | null {
  const r = ratioOf(c);
  if (r === null || c.goal === null) return null;
  return c.kind === 'time' ? r <= c.goal : r >= c.goal;
}

/** Three significant digits, without exponent notation for the magnitudes benchmarks produce. */
export function formatValue(value: number | null, unit: Unit): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  if (unit === 'count') return String(Math.round(value));
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  const text = value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${text} ${unit}`;
}

export function formatRatio(ratio: number | null): string {
  return ratio === null ? 'n/a' : `${ratio.toFixed(2)}×`;
}

export function formatGoal(c: Comparison): string {
  if (c.goal === null) return 'no goal';
  const verdict = meetsGoal(c);
  const goal = `${c.kind === 'time' ? '≤' : '≥'} ${c.goal.toFixed(1)}×`;
  return verdict === null ? `${goal}: not measured` : `${goal}: ${verdict ? 'met' : 'missed'}`;
}

/** Left-aligned text columns, right-aligned columns whose cells all start like a number. */
export function formatTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, j) => Math.max(...all.map((r) => [...(r[j] ?? '')].length)));
  const numeric = header.map(
    (_, j) => rows.length > 0 && rows.every((r) => /^[\d.,-]|^n\/a/.test(r[j] ?? '')),
  );
  const line = (r: string[]): string =>
    r
      .map((cell, j) => {
        const pad = ' '.repeat(Math.max(0, (widths[j] ?? 0) - [...cell].length));
        return numeric[j] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function metricTable(results: BenchResult[]): string {
  const rows = results.flatMap((r) =>
    r.metrics.map((m) => [r.name, m.label, formatValue(m.value, m.unit), m.note ?? '']),
  );
  return formatTable(['benchmark', 'measure', 'value', 'note'], rows);
}

export function comparisonTable(results: BenchResult[]): string {
  const rows = results.flatMap((r) =>
    r.comparisons.map((c) => [
      r.name,
      c.label,
      formatRatio(ratioOf(c)),
      c.kind === 'time' ? 'ours/peer time' : 'ours/peer samples/s',
      formatGoal(c),
    ]),
  );
  return formatTable(['benchmark', 'comparison', 'ratio', 'meaning', 'goal'], rows);
}

export function resultsDir(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
}

/** Written in Prettier's style so `prettier --check .` passes even if the folder is not ignored. */
export async function writeLatest(payload: unknown): Promise<string> {
  const dir = resultsDir();
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'latest.json');
  writeFileSync(file, await format(JSON.stringify(payload), { parser: 'json' }));
  return file;
}
