// Two runs side by side: Diebold-Mariano (with the Harvey-Leybourne-Newbold correction) and a
// paired t-test on their test losses.
import type { StudioError } from '../../../src-main/shared/result';
import type { Comparison } from '../../../src-main/shared/schemas/interpret';
import type { StudioState } from './studioState.svelte';

export class CompareState {
  loss = $state<'squared' | 'absolute'>('squared');
  h = $state(1);
  alternative = $state<'two-sided' | 'less' | 'greater'>('two-sided');
  result = $state.raw<Comparison | null>(null);
  error = $state<StudioError | null>(null);
  loading = $state(false);

  constructor(private readonly studio: StudioState) {}

  async compare(runA: string, runB: string): Promise<void> {
    this.loading = true;
    const result = await this.studio.client.call('runs:compare', {
      runA,
      runB,
      loss: this.loss,
      h: this.h,
      alternative: this.alternative,
    });
    this.loading = false;
    this.result = result.ok ? result.value : null;
    this.error = result.ok ? null : result.error;
  }

  clear(): void {
    this.result = null;
    this.error = null;
  }
}
