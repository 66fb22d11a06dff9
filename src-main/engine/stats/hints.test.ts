import { describe, it, expect } from 'vitest';
import { interpretDiagnostics } from './hints';

const BAND = 0.2; // z/√n for n ≈ 96
const flat = (n: number): number[] => [1, ...Array.from({ length: n }, () => 0.01)];

describe('interpretDiagnostics', () => {
  it('slow ACF decay suggests a trend and differencing', () => {
    const acf = Array.from({ length: 21 }, (_, k) => 1 - 0.03 * k); // 0.97 at lag 1, 0.7 at lag 10
    const hints = interpretDiagnostics({ acf, band: BAND });
    expect(hints[0]).toMatch(/decays slowly \(r1 = 0\.97, still 0\.70 at lag 10\).*differencing/);
  });

  it('a peak at lag 12 after a trough is reported as seasonality', () => {
    const acf = Array.from(
      { length: 25 },
      (_, k) => Math.cos((2 * Math.PI * k) / 12) * 0.8 ** (k / 12),
    );
    const hints = interpretDiagnostics({ acf, band: BAND });
    expect(hints.some((h) => h.includes('spikes at lag 12') && h.includes('period 12'))).toBe(true);
  });

  it('a given seasonal period is checked directly', () => {
    const acf = flat(24);
    acf[4] = 0.5;
    expect(interpretDiagnostics({ acf, band: BAND, seasonalPeriod: 4 }).join(' ')).toMatch(/lag 4/);
    expect(
      interpretDiagnostics({ acf: flat(24), band: BAND, seasonalPeriod: 4 }).join(' '),
    ).not.toMatch(/seasonality/);
  });

  it('PACF with two significant lags then nothing reads as AR(2)', () => {
    const pacf = flat(20);
    pacf[1] = 0.7;
    pacf[2] = -0.35;
    const hints = interpretDiagnostics({ pacf, band: BAND });
    expect(hints).toContain(
      'The PACF cuts off after lag 2: the series behaves like an AR(2) process.',
    );
  });

  it('no PACF hint when significant lags keep coming', () => {
    const pacf = flat(20);
    pacf[1] = 0.7;
    pacf[4] = 0.4;
    expect(interpretDiagnostics({ pacf, band: BAND }).some((h) => h.includes('PACF'))).toBe(false);
  });

  it('Ljung-Box: white noise warns that an LSTM may not beat the mean', () => {
    const quiet = interpretDiagnostics({ ljungBox: { pValue: 0.42, lags: 10 } });
    expect(quiet[0]).toMatch(
      /no significant autocorrelation up to lag 10 \(p = 0\.42\).*LSTM may not beat/,
    );
    const busy = interpretDiagnostics({ ljungBox: { pValue: 5.6e-89, lags: 10 } });
    expect(busy[0]).toMatch(/significant autocorrelation up to lag 10 \(p = 5\.6e-89\)/);
  });

  it('ADF and KPSS: the four combinations', () => {
    const text = (adfP: number, kpssP: number, clip: 'below' | 'above' | null) =>
      interpretDiagnostics({
        adf: { pValue: adfP },
        kpss: { pValue: kpssP, pValueClipped: clip },
      })[0];
    expect(text(0.001, 0.1, 'above')).toMatch(/agree: the series looks stationary/);
    expect(text(0.99, 0.01, 'below')).toMatch(/agree: the series looks non-stationary/);
    expect(text(0.01, 0.01, 'below')).toMatch(/trend or have a structural break/);
    expect(text(0.3, 0.08, null)).toMatch(/Neither ADF nor KPSS rejects/);
  });

  it('says nothing without inputs', () => {
    expect(interpretDiagnostics({})).toEqual([]);
  });
});
