import { describe, it, expect } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import { initBackend, patchNodeUtil } from './backend';

describe('initBackend', () => {
  it('honours an explicit cpu preference and is idempotent', async () => {
    const a = await initBackend('cpu');
    expect(a.backend).toBe('cpu');
    expect(a.detail).toMatch(/^cpu: selected, requested/);
    const b = await initBackend('cpu');
    expect(b).toBe(a);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('auto picks tfjs-node when installed, otherwise wasm, explaining skipped ones', async () => {
    const info = await initBackend();
    expect(tf.getBackend()).toBe(info.backend);
    if (info.backend === 'wasm') {
      expect(info.detail).toMatch(/tensorflow: skipped \(.+\)/);
      expect(info.detail).toMatch(/SIMD yes, threads no/);
      const y = tf.tidy(() => tf.matMul(tf.ones([2, 3]), tf.ones([3, 1])).dataSync());
      expect(Array.from(y)).toEqual([3, 3]);
    } else {
      expect(info.backend).toBe('tensorflow');
    }
    await initBackend('cpu');
  });

  it('shims util.isNullOrUndefined and util.isArray', () => {
    patchNodeUtil();
    const util = createRequire(import.meta.url)('node:util') as Record<
      string,
      (v: unknown) => boolean
    >;
    expect(util['isNullOrUndefined']?.(null)).toBe(true);
    expect(util['isNullOrUndefined']?.(0)).toBe(false);
    expect(util['isArray']?.([])).toBe(true);
  });
});
