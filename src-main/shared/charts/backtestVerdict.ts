// A backtest's verdict against the best baseline: the baseline with the lowest mean RMSE over the
// folds, and in how many folds the model did better, with an exact two-sided sign test on that
// count (ties dropped). Each fold is one origin, so the folds are the independent-ish units here;
// the per-fold colour says only which of the two had the lower RMSE in that fold.
import { forecasterInline, type NamedBaselines } from './forecasterNames';
import { pEquals, verdictNumber, type VerdictOutcome } from './verdictText';

interface FoldScores {
  metrics: { rmse: number | null };
  baselines: Record<string, { rmse: number | null }>;
}

export interface BacktestVerdict {
  outcome: VerdictOutcome;
  baseline: string;
  baselineLabel: string;
  modelMean: number;
  baselineMean: number;
  wins: number;
  losses: number;
  pValue: number | null;
  headline: string;
}

const ok = (v: number | null | undefined): v is number =>
  v !== null && v !== undefined && Number.isFinite(v);

/** P(|K − n/2| ≥ |k − n/2|) for K ~ Binomial(n, 1/2). */
export function signTestPValue(k: number, n: number): number {
  if (n === 0) return 1;
  const pmf: number[] = [];
  let c = 1;
  for (let i = 0; i <= n; i++) {
    pmf.push(c / 2 ** n);
    c = (c * (n - i)) / (i + 1);
  }
  const far = Math.abs(k - n / 2);
  let p = 0;
  for (let i = 0; i <= n; i++) if (Math.abs(i - n / 2) >= far - 1e-9) p += pmf[i] as number;
  return Math.min(1, p);
}

/** Which of model and this fold's best baseline had the lower RMSE: 'beats', 'loses' or null. */
export function foldOutcome(fold: FoldScores): 'beats' | 'loses' | 'tie' | null {
  const model = fold.metrics.rmse;
  const best = Math.min(
    ...Object.values(fold.baselines).map((b) => (ok(b.rmse) ? b.rmse : Infinity)),
  );
  if (!ok(model) || !Number.isFinite(best)) return null;
  return model < best ? 'beats' : model > best ? 'loses' : 'tie';
}

export function backtestVerdict(
  folds: readonly FoldScores[],
  names: NamedBaselines = {},
  level = 0.05,
): BacktestVerdict | null {
  const keys = [...new Set(folds.flatMap((f) => Object.keys(f.baselines)))];
  const mean = (get: (f: FoldScores) => number | null | undefined): number | null => {
    const v = folds.map(get).filter(ok);
    return v.length === folds.length && v.length > 0
      ? v.reduce((s, x) => s + x, 0) / v.length
      : null;
  };
  const modelMean = mean((f) => f.metrics.rmse);
  if (modelMean === null) return null;
  let best: { key: string; value: number } | null = null;
  for (const key of keys) {
    const m = mean((f) => f.baselines[key]?.rmse);
    if (m !== null && (best === null || m < best.value)) best = { key, value: m };
  }
  if (best === null) return null;
  const b = best;
  let wins = 0;
  let losses = 0;
  for (const f of folds) {
    const mv = f.metrics.rmse as number;
    const bv = f.baselines[b.key]?.rmse as number;
    if (mv < bv) wins++;
    else if (mv > bv) losses++;
  }
  const n = wins + losses;
  const pValue = n > 0 ? signTestPValue(wins, n) : null;
  const outcome: VerdictOutcome =
    folds.length < 2 || pValue === null
      ? 'untested'
      : pValue >= level
        ? 'no-difference'
        : wins > losses
          ? 'beats'
          : 'loses';
  const label = forecasterInline(b.key, names);
  const numbers = `mean RMSE ${verdictNumber(modelMean)} vs ${verdictNumber(b.value)}, lower in ${wins} of ${folds.length} folds`;
  const sign = `sign test ${pEquals(pValue)}`;
  const best_ = `${label}, the best baseline over the folds`;
  const headline =
    outcome === 'beats'
      ? `The model beats ${best_}: ${numbers}, ${sign}.`
      : outcome === 'loses'
        ? `The model loses to ${best_}: ${numbers}, ${sign}.`
        : outcome === 'no-difference'
          ? `No significant difference from ${best_}: ${numbers}, ${sign}.`
          : `Compared with ${best_}: ${numbers}; too few folds for a significance test.`;
  return {
    outcome,
    baseline: b.key,
    baselineLabel: label,
    modelMean,
    baselineMean: b.value,
    wins,
    losses,
    pValue,
    headline,
  };
}
