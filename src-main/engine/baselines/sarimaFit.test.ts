import { describe, expect, it } from 'vitest';
import { expandArma, invpartrans, maInvert, partrans } from './sarimaFit';

describe('sarimaFit parameter maps', () => {
  it('partrans: one value is tanh; two follow Durbin–Levinson (φ1 = ψ1 − ψ2ψ1, φ2 = ψ2)', () => {
    expect(Array.from(partrans([0.5]))).toEqual([Math.tanh(0.5)]);
    const [a, b] = [Math.tanh(0.4), Math.tanh(-0.3)];
    const phi = partrans([0.4, -0.3]);
    expect(phi[0]).toBeCloseTo(a - b * a, 15);
    expect(phi[1]).toBeCloseTo(b, 15);
  });

  it('invpartrans undoes partrans', () => {
    const raw = [0.7, -0.2, 0.35];
    invpartrans(partrans(raw)).forEach((v, i) => expect(v).toBeCloseTo(raw[i] as number, 12));
  });

  it('maInvert reflects roots inside the unit circle: MA(1) θ → 1/θ; 1 + 2.5z + z² → 1 + z + 0.25z²', () => {
    expect(maInvert([2, 0])).toEqual([0.5, 0]);
    expect(maInvert([0.5])).toEqual([0.5]);
    // 1 + 2.5z + z² = (1 + 2z)(1 + 0.5z): the root −0.5 reflects to −2, giving (1 + 0.5z)² = 1 + z + 0.25z².
    const inv = maInvert([2.5, 1]);
    expect(inv[0]).toBeCloseTo(1, 12);
    expect(inv[1]).toBeCloseTo(0.25, 12);
  });

  it('expandArma multiplies the seasonal polynomials: (1 − φB)(1 − ΦB⁴), (1 + θB)(1 + ΘB⁴)', () => {
    const { phi, theta } = expandArma([0.5], [0.3], [0.2], [0.4], 4);
    expect(Array.from(phi)).toEqual([0.5, 0, 0, 0.2, -0.1]);
    expect(Array.from(theta)).toEqual([0.3, 0, 0, 0.4, expect.closeTo(0.12, 15)]);
  });
});
