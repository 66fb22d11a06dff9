import { describe, expect, it } from 'vitest';
import { denseHeadStep } from './denseHead';

// Two samples, units 2, horizon 1; W = [1, 2]ᵀ, b = 0.5.
// Sample 0 (window 1): h = [1, 0] → pred 1.5, y = 1  → e = 0.5.
// Sample 1 (window 0): h = [0, 1] (stored with stride 4) → pred 2.5, y = 3 → e = −0.5.
const mem = Float32Array.from([9, 9, 1, 0, 9, 9, 0, 1, 9, 9]);
const segments = [
  { from: 0, rows: 1, at: 2, stride: 4 },
  { from: 1, rows: 1, at: 6, stride: 4 },
];
const y = Float32Array.from([3, 1]);
const idx = Int32Array.from([1, 0]);
const kernel = Float32Array.from([1, 2]);
const bias = Float32Array.from([0.5]);
const grads = () => ({
  kernel: new Float32Array(2),
  bias: new Float32Array(1),
  hidden: new Float32Array(4),
});

describe('denseHeadStep', () => {
  it('MSE: loss (0.25 + 0.25) / 2 and its gradients', () => {
    const g = grads();
    const loss = denseHeadStep({ mem, segments, units: 2, y, idx }, kernel, bias, 'mse', g);
    expect(loss).toBeCloseTo(0.25, 12);
    // d/dpred = 2e/2 = e: +0.5 and −0.5.
    expect(Array.from(g.bias)).toEqual([0]);
    // dW = Σ h·d = [1·0.5, 0] + [0, 1·(−0.5)].
    expect(Array.from(g.kernel)).toEqual([0.5, -0.5]);
    // dh = d·Wᵀ: [0.5, 1] and [−0.5, −1].
    expect(Array.from(g.hidden)).toEqual([0.5, 1, -0.5, -1]);
  });

  it('MAE: loss 0.5 and sign gradients / n', () => {
    const g = grads();
    const loss = denseHeadStep({ mem, segments, units: 2, y, idx }, kernel, bias, 'mae', g);
    expect(loss).toBeCloseTo(0.5, 12);
    expect(Array.from(g.kernel)).toEqual([0.5, -0.5]);
    expect(Array.from(g.hidden)).toEqual([0.5, 1, -0.5, -1]);
  });
});
