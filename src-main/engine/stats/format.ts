// Compact p-value text for verdicts and hints.

/** "0.99", "0.049", "0.0021", "1.3e-14", "< 1e-300". */
export function formatP(p: number): string {
  if (Number.isNaN(p)) return 'NaN';
  if (p === 0) return '< 1e-300';
  if (p >= 0.001) return String(Number(p.toPrecision(2)));
  return p.toExponential(1);
}
