import { describe, expect, it } from 'vitest';
import { armaAutocovariance, armaStateCovariance } from './armaCovariance';
import { stationaryCovariance } from './lyapunovDoubling.testkit';
import { expandArma } from './sarimaFit';

/** The doubling algorithm's answer for the same state (Harvey's form), as an independent reference. */
function byDoubling(phi: Float64Array, theta: Float64Array): Float64Array {
  const r = Math.max(phi.length, theta.length + 1);
  const A = new Float64Array(r * r);
  phi.forEach((v, i) => (A[i * r] = v));
  for (let i = 0; i < r - 1; i++) A[i * r + i + 1] = 1;
  const R = Float64Array.from({ length: r }, (_, i) => (i === 0 ? 1 : (theta[i - 1] ?? 0)));
  const V = new Float64Array(r * r);
  for (let i = 0; i < r; i++)
    for (let j = 0; j < r; j++) V[i * r + j] = (R[i] as number) * (R[j] as number);
  return stationaryCovariance(A, V, r);
}

describe('armaStateCovariance', () => {
  it('ARMA(1,1): γ(0) = (1 + 2φθ + θ²) / (1 − φ²) and γ(1) = (1 + φθ)(φ + θ) / (1 − φ²)', () => {
    const [phi, theta] = [0.6, 0.3];
    const { gamma } = armaAutocovariance([phi], [theta], 2);
    expect(gamma[0]).toBeCloseTo((1 + 2 * phi * theta + theta ** 2) / (1 - phi ** 2), 14);
    expect(gamma[1]).toBeCloseTo(((1 + phi * theta) * (phi + theta)) / (1 - phi ** 2), 14);
    expect(gamma[2]).toBeCloseTo(phi * (gamma[1] as number), 14);
  });

  it.each([
    ['AR(1)', [0.5], [], [], [], 1],
    ['ARMA(2,2)', [0.3, -0.2], [0.4, 0.1], [], [], 1],
    ['seasonal ARMA(2,1)(1,1)[12]', [0.3, -0.2], [0.4], [0.6], [-0.5], 12],
    ['MA(1)(1)[4]', [], [0.7], [], [0.9], 4],
    ['AR(1)(2)[4]', [0.9], [], [0.5, 0.3], [], 4],
  ] as const)('%s: equals the doubling algorithm to 1e-12', (_name, ar, ma, sar, sma, s) => {
    const { phi, theta } = expandArma(ar, ma, sar, sma, s);
    const ours = armaStateCovariance(phi, theta);
    const ref = byDoubling(phi, theta);
    expect(ours).toHaveLength(ref.length);
    const scale = Math.max(...Array.from(ref, Math.abs));
    ours.forEach((v, i) => expect(Math.abs(v - (ref[i] as number)) / scale).toBeLessThan(1e-12));
  });
});
