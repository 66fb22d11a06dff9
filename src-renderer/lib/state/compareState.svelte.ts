// Two runs side by side: Diebold-Mariano (with the Harvey-Leybourne-Newbold correction) and a
// paired t-test on their test losses.
import type { Comparison } from '../../../src-main/shared/schemas/interpret';
import type { StudioClient } from '../studioClient';
import { LatestRequest, type RequestView } from './latestRequest.svelte';

export interface CompareOptions {
  loss: 'squared' | 'absolute';
  h: number;
  alternative: 'two-sided' | 'less' | 'greater';
}

export interface CompareDeps {
  client: Pick<StudioClient, 'call'>;
}

export class CompareState {
  #options = $state<CompareOptions>({ loss: 'squared', h: 1, alternative: 'two-sided' });
  /** A newer comparison (or a clear, when the pair changes) drops an older one still running. */
  readonly #comparison = new LatestRequest<Comparison>();
  /** The tests' result for the pair last compared. */
  readonly comparison: RequestView<Comparison> = this.#comparison;
  readonly #deps: CompareDeps;

  constructor(deps: CompareDeps) {
    this.#deps = deps;
  }

  get options(): Readonly<CompareOptions> {
    return this.#options;
  }

  /** Changes one test setting; the next `compare` uses it. */
  set<K extends keyof CompareOptions>(key: K, value: CompareOptions[K]): void {
    this.#options[key] = value;
  }

  async compare(runA: string, runB: string): Promise<void> {
    const options = $state.snapshot(this.#options);
    await this.#comparison.load(() =>
      this.#deps.client.call('runs:compare', { runA, runB, ...options }),
    );
  }

  clear(): void {
    this.#comparison.clear();
  }
}
