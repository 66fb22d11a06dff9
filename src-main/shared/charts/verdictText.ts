// The verdict of a run against its best baseline, in words: one sentence for the run view, the
// runs table's tooltip, the CLI's run JSON and the report, so all of them say the same thing.

export type VerdictOutcome = 'beats' | 'no-difference' | 'loses' | 'untested';

export interface VerdictWords {
  outcome: VerdictOutcome;
  metric: 'rmse' | 'mase';
  baselineLabel: string;
  modelValue: number | null;
  baselineValue: number | null;
  pValue: number | null;
  n: number;
  level: number;
  /** Untested because the two forecasts lose exactly the same in every window. */
  identical?: boolean;
  /** The baseline offered as the forecast instead of the model's, if any. */
  offer: { label: string; forecast?: unknown } | null;
}

/** Four significant digits, like the tables. */
export function verdictNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-4) return value.toExponential(3);
  return Number(value.toPrecision(4)).toLocaleString('en', { maximumFractionDigits: 10 });
}

export function verdictPValue(p: number | null): string {
  if (p === null || !Number.isFinite(p)) return '—';
  return p < 1e-4 ? '< 0.0001' : p.toFixed(4);
}

/** "p = 0.1817" or "p < 0.0001". */
export function pEquals(p: number | null): string {
  const text = verdictPValue(p);
  return text.startsWith('<') ? `p ${text}` : `p = ${text}`;
}

function change(model: number | null, base: number | null): string {
  if (model === null || base === null || !Number.isFinite(model) || !(Math.abs(base) > 0))
    return '';
  const pct = ((model - base) / Math.abs(base)) * 100;
  // Below 0.0001% is rounding, not a difference an analyst can act on.
  if (Math.abs(pct) < 1e-4) return ' (0%)';
  const sign = pct > 0 ? '+' : pct < 0 ? '−' : '';
  return ` (${sign}${verdictNumber(Math.abs(pct)).replace(/^-/, '')}%)`;
}

export function verdictHeadline(v: VerdictWords): string {
  const metric = v.metric.toUpperCase();
  const numbers = `test ${metric} ${verdictNumber(v.modelValue)} vs ${verdictNumber(v.baselineValue)}${change(v.modelValue, v.baselineValue)}`;
  const dm = `Diebold–Mariano ${pEquals(v.pValue)}`;
  const best = `${v.baselineLabel}, the best baseline`;
  let text: string;
  switch (v.outcome) {
    case 'beats':
      text = `The model beats ${best}: ${numbers}, ${dm}.`;
      break;
    case 'loses':
      text = `The model loses to ${best}: ${numbers}, ${dm}.`;
      break;
    case 'no-difference':
      text = `No significant difference from ${best}: ${numbers}, ${dm} (at the ${Math.round(v.level * 100)}% level).`;
      break;
    case 'untested':
      text = v.identical
        ? `Compared with ${best}: ${numbers}; the two forecasts have the same errors in every test window, so there is nothing to test.`
        : `Compared with ${best}: ${numbers}; too few test windows (${v.n}) for a significance test.`;
      break;
  }
  if (v.offer) {
    // Only a significant loss says "better"; otherwise the lower error may be chance.
    const claim =
      v.outcome === 'loses'
        ? `${v.offer.label} forecasts better here`
        : `${v.offer.label} has the lower test ${metric}, though not significantly`;
    text += v.offer.forecast ? ` ${claim}; you can use its forecast instead.` : ` ${claim}.`;
  }
  return text;
}
