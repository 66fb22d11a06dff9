import { describe, expect, it } from 'vitest';
import {
  backendInWords,
  backendName,
  backendShortWords,
  kernelInWords,
  memberThreadsInWords,
} from './backendWords';

describe('backendInWords', () => {
  it('says WebAssembly with SIMD and why native TensorFlow is missing, without paths', () => {
    const detail =
      "wasm: selected, best available (WebAssembly from /work/main/node_modules/@tensorflow/tfjs-backend-wasm/dist/ (SIMD yes, threads no)); tensorflow: skipped (Cannot find package '@tensorflow/tfjs-node' imported from /work/main/out/main/engine.js)";
    expect(backendInWords({ backend: 'wasm', detail })).toBe(
      'WebAssembly (SIMD), native TensorFlow not installed',
    );
    expect(backendShortWords({ backend: 'wasm', detail })).toBe('WebAssembly (SIMD)');
  });

  it('native TensorFlow that failed for another reason points to the log', () => {
    const detail =
      'cpu: selected, fallback from wasm (pure JavaScript); tensorflow: skipped (libtensorflow.so: undefined symbol)';
    expect(backendInWords({ backend: 'cpu', detail })).toBe(
      'JavaScript (CPU), native TensorFlow could not start (details in the log)',
    );
  });

  it('native TensorFlow in use', () => {
    expect(
      backendInWords({
        backend: 'tensorflow',
        detail:
          'tensorflow: selected, best available (native libtensorflow via @tensorflow/tfjs-node)',
      }),
    ).toBe('Native TensorFlow');
    expect(backendName('wasm')).toBe('WebAssembly');
  });
});

describe('kernelInWords', () => {
  it('names the kernels without code names', () => {
    expect(kernelInWords('fused-wasm-simd')).toBe('Fused WebAssembly kernels (SIMD)');
    expect(kernelInWords('fused stack (relaxed) + JS head/adam + 2-thread split')).toBe(
      'Fused WebAssembly kernels (relaxed SIMD with FMA, 2 threads)',
    );
    expect(kernelInWords('op-by-op')).toBe('TensorFlow.js layers, op by op');
  });
});

describe('memberThreadsInWords', () => {
  const note = '3 members trained in parallel on 2 threads (1 on a second thread)';
  it('says where an ensemble trained', () => {
    expect(
      memberThreadsInWords({ members: [0, 1, 2], memberThreads: { threads: 2, note } }),
    ).toEqual({ threads: '2 threads', members: 3, note });
    expect(
      memberThreadsInWords({ members: [0, 1], memberThreads: { threads: 1, note: 'x' } }),
    ).toEqual({ threads: 'one thread', members: 2, note: 'x' });
  });
  it('is null for a single model, a run before member threads, or no forecaster', () => {
    expect(memberThreadsInWords({ members: [0], memberThreads: { threads: 1, note } })).toBeNull();
    expect(memberThreadsInWords({ members: [0, 1, 2] })).toBeNull();
    expect(memberThreadsInWords(null)).toBeNull();
  });
});
