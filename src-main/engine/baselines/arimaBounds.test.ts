// The auto-ARIMA baseline is bounded: no seasonal search for very long periods, and the search on
// the latest values of a long training part (it once took minutes: issue 13).
import { describe, expect, it } from 'vitest';
import {
  classicalBaselines,
  MAX_ARIMA_SEARCH_LENGTH,
  MAX_SEASONAL_ARIMA_PERIOD,
} from './classical';

/** A deterministic seasonal series with a trend and pseudo-random noise. */
function series(n: number, period: number): Float64Array {
  let seed = 7;
  const noise = (): number => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647 - 0.5;
  };
  return Float64Array.from(
    { length: n },
    (_, i) => 100 + 0.05 * i + 10 * Math.sin((2 * Math.PI * i) / period) + 4 * noise(),
  );
}

describe('auto-ARIMA bounds', () => {
  it('hourly data (period 24) gets a non-seasonal ARIMA, and says why', () => {
    expect(MAX_SEASONAL_ARIMA_PERIOD).toBe(12);
    const y = series(300, 24);
    const r = classicalBaselines(y.subarray(0, 260), 24, 4, {
      test: y.subarray(260),
      methods: ['arima'],
    });
    const arima = r.arima;
    expect(arima?.ok).toBe(true);
    if (!arima?.ok) return;
    expect(arima.label).not.toMatch(/\[24\]/);
    expect(arima.parameters.s).toBe(0);
    expect(arima.note).toContain(
      'non-seasonal, as a seasonal search with period 24 would take tens of seconds to minutes',
    );
    expect(arima.oneStep).toHaveLength(40);
  });

  it('a long training part is searched on its latest values only', () => {
    const y = series(MAX_ARIMA_SEARCH_LENGTH + 150, 1);
    const train = y.subarray(0, MAX_ARIMA_SEARCH_LENGTH + 100);
    const r = classicalBaselines(train, 1, 3, {
      test: y.subarray(train.length),
      methods: ['arima'],
    });
    const arima = r.arima;
    expect(arima?.ok).toBe(true);
    if (!arima?.ok) return;
    expect(arima.note).toContain(`fitted on the latest ${MAX_ARIMA_SEARCH_LENGTH} of those values`);
    expect(arima.oneStep).toHaveLength(50);
    expect(arima.forecast).toHaveLength(3);
  });
});
