import type { TransformStep } from '../../src-main/shared/schemas/analysis';
import { formatNumber } from './format';

/** A transform step in words, for the builder's chips and chart captions. */
export function transformLabel(step: TransformStep): string {
  switch (step.kind) {
    case 'log':
      return 'log';
    case 'boxcox':
      return step.lambda === null
        ? 'Box-Cox (λ estimated)'
        : `Box-Cox (λ = ${formatNumber(step.lambda, 3)})`;
    case 'diff':
      return 'first difference';
    case 'seasonalDiff':
      return `seasonal difference (m = ${step.period})`;
  }
}
