// Default transforms when the analyst chose none (the Model tab's defaults and "Reset to defaults",
// the CLI without --transforms). The rules are the Explore hints' (engine/stats/seriesRules); the
// callers pass the training part only (missing values dropped), so no held-out row decides a
// transform, and the hints, which describe the whole series, agree unless those rows alone would
// change the decision: log for
// positive growth, a seasonal difference when the M-competition seasonality test finds a season in
// the changes, a first difference when ADF/KPSS call the series non-stationary, nothing when both
// call it stationary. Fitted parameters (scalers, an estimated Box-Cox λ) see the training part
// only. Each decision is explained in words and recorded with the run.
import type { TransformStep } from '../transforms';
import { seriesRules } from '../stats/seriesRules';

export interface SuggestedTransforms {
  steps: TransformStep[];
  reasons: string[];
}

export function suggestTransforms(
  values: Float64Array,
  seasonalPeriod: number,
): SuggestedTransforms {
  const complete = values.filter((v) => !Number.isNaN(v));
  const { steps, reasons } = seriesRules(complete, seasonalPeriod);
  return { steps, reasons };
}
