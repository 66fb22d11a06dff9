// Number and date formatting for reports: four significant digits keeps tables readable while
// still telling runs apart; the same function formats every metric so tests can predict it.

export function formatNumber(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e6 || abs < 1e-4) return v.toExponential(digits - 1);
  return String(Number(v.toPrecision(digits)));
}

export function formatPValue(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return '—';
  return p < 1e-4 ? '< 0.0001' : p.toFixed(4);
}

export function formatSeconds(s: number): string {
  if (!Number.isFinite(s)) return '—';
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 120) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

export function formatReportDate(date: Date | string): string {
  if (typeof date === 'string') return date;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
