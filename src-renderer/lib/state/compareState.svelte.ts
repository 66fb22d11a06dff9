// Two runs side by side: Diebold-Mariano (with the Harvey-Leybourne-Newbold correction) and a
// paired t-test on their test losses.
import type { StudioError } from '../../../src-main/shared/result';
import type { Comparison } from '../../../src-main/shared/schemas/interpret';
import type { StudioClient } from '../studioClient';

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
  #result = $state.raw<Comparison | null>(null);
  #error = $state<StudioError | null>(null);
  #loading = $state(false);
  readonly #deps: CompareDeps;

  constructor(deps: CompareDeps) {
    this.#deps = deps;
  }

  get options(): Readonly<CompareOptions> {
    return this.#options;
  }
  get result(): Comparison | null {
    return this.#result;
  }
  get error(): StudioError | null {
    return this.#error;
  }
  get loading(): boolean {
    return this.#loading;
  }

  /** Changes one test setting; the next `compare` uses it. */
  set<K extends keyof CompareOptions>(key: K, value: CompareOptions[K]): void {
    this.#options[key] = value;
  }

  async compare(runA: string, runB: string): Promise<void> {
    this.#loading = true;
    const result = await this.#deps.client.call('runs:compare', {
      runA,
      runB,
      ...$state.snapshot(this.#options),
    });
    this.#loading = false;
    this.#result = result.ok ? result.value : null;
    this.#error = result.ok ? null : result.error;
  }

  clear(): void {
    this.#result = null;
    this.#error = null;
  }
}
