// One request whose latest answer wins, with its own value, error and loading flag: a newer
// `load` or a `clear` supersedes a request still running, whose answer is then dropped. It replaces
// the hand-rolled sequence counters, one of which left a button disabled for good when a request
// was superseded by "nothing to load" (the counter moved on, the loading flag never came back).
import type { Result, StudioError } from '../../../src-main/shared/result';

/** What a component reads of a request: its answer, its error and whether it runs. */
export type RequestView<T> = Pick<LatestRequest<T>, 'value' | 'error' | 'loading'>;

export class LatestRequest<T> {
  #value = $state.raw<T | null>(null);
  #error = $state.raw<StudioError | null>(null);
  #loading = $state(false);
  #seq = 0;
  readonly #keepValueOnError: boolean;

  /** `keepValueOnError`: an error leaves the last answer in place (shown beside the error). */
  constructor({ keepValueOnError = false }: { keepValueOnError?: boolean } = {}) {
    this.#keepValueOnError = keepValueOnError;
  }

  /** The latest request's answer; null while none has answered, after an error or a clear. */
  get value(): T | null {
    return this.#value;
  }

  get error(): StudioError | null {
    return this.#error;
  }

  /** True exactly while the latest request is running. */
  get loading(): boolean {
    return this.#loading;
  }

  /**
   * Runs `request`; its answer is kept only if no later `load` or `clear` came first. Resolves to
   * that answer, or to null when it was superseded (and dropped).
   */
  async load(request: () => Promise<Result<T>>): Promise<Result<T> | null> {
    const seq = ++this.#seq;
    this.#loading = true;
    let result: Result<T>;
    try {
      result = await request();
    } catch (error) {
      result = { ok: false, error: { code: 'internal', message: String(error) } };
    }
    if (seq !== this.#seq) return null;
    this.#loading = false;
    if (result.ok || !this.#keepValueOnError) this.#value = result.ok ? result.value : null;
    this.#error = result.ok ? null : result.error;
    return result;
  }

  /** Nothing to load: drops the value and error and supersedes any request still running. */
  clear(): void {
    this.#seq++;
    this.#loading = false;
    this.#value = null;
    this.#error = null;
  }
}
