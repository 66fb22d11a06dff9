// Tooltips round to the data's precision: AirPassengers' counts show as 432, not 432.00000001, and a
// prediction beside them as 57.7, not 57.68036781448685. Pure, shared by every chart builder.

const maxDecimals = 6;

/** Decimals a value needs (at most 6): 432 → 0, 57.25 → 2, 1/3 → 6. */
function decimalsOf(v: number): number {
  for (let d = 0; d < maxDecimals; d++) {
    const scaled = v * 10 ** d;
    // Within rounding error of a whole number (57.25 × 100 is 5725.000000000001).
    if (
      Math.abs(scaled - Math.round(scaled)) <= Math.max(1e-7, Math.abs(scaled) * 8 * Number.EPSILON)
    )
      return d;
  }
  return maxDecimals;
}

/**
 * The decimals a column's values are recorded with (the most any value needs). Values computed
 * rather than recorded (logs, differences of logs, forecasts) need all six: they get four
 * significant digits for the largest magnitude instead, and never fewer than recorded data has.
 */
export function dataDecimals(values: readonly (number | null | undefined)[]): number {
  let decimals = 0;
  let largest = 0;
  for (const v of values) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    largest = Math.max(largest, Math.abs(v));
    decimals = Math.max(decimals, decimalsOf(v));
    if (decimals === maxDecimals) break;
  }
  if (decimals < maxDecimals) return decimals;
  for (const v of values) {
    if (typeof v === 'number' && Number.isFinite(v)) largest = Math.max(largest, Math.abs(v));
  }
  if (largest === 0) return 2;
  return Math.min(maxDecimals, Math.max(0, 3 - Math.floor(Math.log10(largest))));
}

/** "1,234.5" with exactly `decimals` places; gaps show as an en dash. */
export function formatValue(v: unknown, decimals: number): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '–';
  return v.toLocaleString('en', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** ECharts' tooltip.valueFormatter for values recorded with `decimals` places. */
export function valueFormatter(decimals: number): (v: unknown) => string {
  return (v) => formatValue(Array.isArray(v) ? (v as unknown[])[1] : v, decimals);
}
