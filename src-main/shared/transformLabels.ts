// One set of transform words for the app, the report and the hints: a step's kind as a menu entry,
// and a step (with its λ or period) as a chip, a chart caption or a report cell.
import type { TransformStep } from './schemas/analysis';

export type TransformKind = TransformStep['kind'];

/** The kind alone, capitalised, as the transform builder's menu lists it. */
export const TRANSFORM_KIND_LABELS: Readonly<Record<TransformKind, string>> = {
  log: 'Log',
  boxcox: 'Box-Cox',
  diff: 'First difference',
  seasonalDiff: 'Seasonal difference',
};

/** λ to three significant digits (0.1483 → "0.148"). */
function lambdaText(lambda: number): string {
  if (!Number.isFinite(lambda)) return String(lambda);
  if (lambda === 0) return '0';
  return String(Number(lambda.toPrecision(3)));
}

/** A step in words: "log", "Box-Cox (λ = 0.148)", "first difference", "seasonal difference (m = 12)". */
export function transformLabel(step: TransformStep): string {
  switch (step.kind) {
    case 'log':
      return 'log';
    case 'boxcox':
      return step.lambda === null
        ? 'Box-Cox (λ estimated)'
        : `Box-Cox (λ = ${lambdaText(step.lambda)})`;
    case 'diff':
      return 'first difference';
    case 'seasonalDiff':
      return `seasonal difference (m = ${step.period})`;
  }
}
