// LatestRequest against real promises resolved in a chosen order: the latest request's answer is
// kept, a superseded one is dropped, and `loading` is true exactly while the latest one runs.
import { describe, expect, it } from 'vitest';
import type { Result } from '../../../src-main/shared/result';
import { LatestRequest } from './latestRequest.svelte';

/** A request the test answers when it chooses. */
function deferred<T>(): { request: () => Promise<Result<T>>; answer: (r: Result<T>) => void } {
  let answer: (r: Result<T>) => void = () => undefined;
  const promise = new Promise<Result<T>>((resolve) => (answer = resolve));
  return { request: () => promise, answer };
}

describe('LatestRequest', () => {
  it('keeps the later answer when an earlier request answers last', async () => {
    const r = new LatestRequest<string>();
    const first = deferred<string>();
    const second = deferred<string>();
    const a = r.load(first.request);
    const b = r.load(second.request);
    expect(r.loading).toBe(true);
    second.answer({ ok: true, value: 'second' });
    await b;
    expect([r.value, r.loading]).toEqual(['second', false]);
    first.answer({ ok: true, value: 'first' });
    await a;
    expect([r.value, r.loading]).toEqual(['second', false]);
  });

  it('a clear while a request runs ends loading, and the late answer is dropped', async () => {
    const r = new LatestRequest<number>();
    const running = deferred<number>();
    const done = r.load(running.request);
    expect(r.loading).toBe(true);
    r.clear();
    expect([r.value, r.error, r.loading]).toEqual([null, null, false]);
    running.answer({ ok: true, value: 7 });
    await done;
    expect([r.value, r.error, r.loading]).toEqual([null, null, false]);
  });

  it('an error replaces the value; the next success replaces the error', async () => {
    const r = new LatestRequest<number>();
    await r.load(() => Promise.resolve({ ok: true, value: 1 }));
    expect([r.value, r.error]).toEqual([1, null]);
    const error = { code: 'not-found' as const, message: 'Dataset not open' };
    await r.load(() => Promise.resolve({ ok: false, error }));
    expect([r.value, r.error, r.loading]).toEqual([null, error, false]);
    await r.load(() => Promise.resolve({ ok: true, value: 2 }));
    expect([r.value, r.error]).toEqual([2, null]);
  });

  it('a request that throws ends loading with an internal error', async () => {
    const r = new LatestRequest<number>();
    await r.load(() => Promise.reject(new Error('socket closed')));
    expect([r.value, r.error, r.loading]).toEqual([
      null,
      { code: 'internal', message: 'Error: socket closed' },
      false,
    ]);
  });

  it('resolves to the answer it kept, to null for a superseded one; keepValueOnError keeps the value', async () => {
    const r = new LatestRequest<number>({ keepValueOnError: true });
    const first = deferred<number>();
    const a = r.load(first.request);
    expect(await r.load(() => Promise.resolve({ ok: true, value: 1 }))).toEqual({
      ok: true,
      value: 1,
    });
    first.answer({ ok: true, value: 0 });
    expect(await a).toBeNull();
    const error = { code: 'not-found' as const, message: 'Dataset not open' };
    await r.load(() => Promise.resolve({ ok: false, error }));
    expect([r.value, r.error]).toEqual([1, error]);
  });
});
