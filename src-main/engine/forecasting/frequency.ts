// Frequency classes of the pretrained forecasters and the lookback choice.
import type { FrequencyClass } from '../model/runResult';

export type { FrequencyClass };

export const FREQUENCY_CLASSES: readonly FrequencyClass[] = ['yearly', 'quarterly', 'monthly'];

/** Seasonal period of each class. */
export const CLASS_PERIOD: Record<FrequencyClass, number> = {
  yearly: 1,
  quarterly: 4,
  monthly: 12,
};

/**
 * The nearest class by seasonal period: m = 1 yearly, 2–7 quarterly, 8–26 monthly; longer periods
 * (hourly, weekly of daily data…) have no class.
 */
export function frequencyClassOf(m: number): FrequencyClass | null {
  const p = Math.max(1, Math.floor(m));
  if (p === 1) return 'yearly';
  if (p <= 7) return 'quarterly';
  if (p <= 26) return 'monthly';
  return null;
}

/** Lookback before any length limit: 8 yearly, 12 quarterly, 24 monthly, else 2m (8–48), ≥ h/2. */
export function baseLookback(m: number, horizon: number): number {
  const cls = frequencyClassOf(m);
  const byClass = cls === 'yearly' ? 8 : cls === 'quarterly' ? 12 : cls === 'monthly' ? 24 : 0;
  const base = byClass > 0 ? byClass : Math.min(48, Math.max(8, 2 * Math.floor(m)));
  return Math.max(base, Math.ceil(horizon / 2));
}

/**
 * Lookback for a network trained on a part of nTrain rows with horizon h: the base lookback, cut
 * to nTrain − h so at least one window needs no padding, and never below 1 — so a part of h + 1
 * rows always has a window.
 */
export function chooseLookback(nTrain: number, horizon: number, m: number): number {
  return Math.max(1, Math.min(baseLookback(m, horizon), nTrain - horizon));
}

/** Ensemble member k's lookback: base × 1, 0.75, 1.5, 1.25, 0.5, 2, … (at least 1). */
export function memberLookback(base: number, k: number): number {
  const factors = [1, 0.75, 1.5, 1.25, 0.5, 2, 1.75, 0.625, 1.125, 0.875];
  return Math.max(1, Math.round(base * (factors[k % factors.length] ?? 1)));
}
