import { describe, it, expect } from 'vitest';
import { loadArima, parseArimaSummary } from './arimaWasm';

// Lines as printed by ctsa's auto_arima_summary (captured from a fit on log AirPassengers[0:120]).
const printed = [
  'p: 1 d: 1 q: 0 P: 2 D: 1 Q: 0 Drift/Mean: 0 ic: -317.735 ',
  ' AutoARIMA summary: ',
  'Exit Status ',
  'Return Code : 1 ',
  'Exit Message : Probable Success',
  'ARIMA Seasonal Order : ( 0, 1, 1) * (2, 1, 0) ',
  'Coefficients        Value               Standard Error       ',
  'MA1              0.357054            0.0999145            ',
  'SAR1             -0.529677           0.0975936            ',
  'SAR2             -0.202862           0.104551             ',
  'MEAN             0                    ',
  'TREND            0                    ',
  'SIGMA^2          0.00146606           ',
  'AIC criterion : -385.853 ',
];

describe('parseArimaSummary', () => {
  it('reads order, coefficients, sigma² and AIC', () => {
    const s = parseArimaSummary(printed, 12);
    expect(s?.order).toEqual({ p: 0, d: 1, q: 1, P: 2, D: 1, Q: 0, s: 12 });
    expect(s?.coefficients).toEqual({
      ar: [],
      ma: [0.357054],
      sar: [-0.529677, -0.202862],
      sma: [],
      mean: 0,
      drift: 0,
    });
    expect(s?.sigma2).toBe(0.00146606);
    expect(s?.aic).toBe(-385.853);
    expect(s?.converged).toBe(true);
  });

  it('returns null without a summary and drops s for a non-seasonal order', () => {
    expect(parseArimaSummary(['nothing here'], 12)).toBeNull();
    const plain = parseArimaSummary(
      ['ARIMA Seasonal Order : ( 1, 0, 0) * (0, 0, 0) ', 'AR1   0.5   0.1'],
      12,
    );
    expect(plain?.order.s).toBe(0);
    expect(plain?.coefficients.ar).toEqual([0.5]);
  });
});

describe('loadArima', () => {
  it('loads the WebAssembly module synchronously in Node and captures its output', () => {
    const { ARIMA, lines } = loadArima();
    lines.length = 0;
    const ts = Array.from({ length: 40 }, (_, i) => Math.sin(i / 3) + i / 10);
    const model = new ARIMA({ p: 1, d: 1, q: 0, verbose: true }).train(ts);
    const [pred] = model.predict(2);
    model.destroy();
    expect(pred).toHaveLength(2);
    expect(pred.every(Number.isFinite)).toBe(true);
    expect(lines.some((l) => /Order/i.test(l))).toBe(true);
  });
});
