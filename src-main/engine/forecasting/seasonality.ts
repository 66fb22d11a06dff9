// The M-competition seasonality test (as used for naive2 and R's thetaf): the series is seasonal at
// period m when |r_m| > 1.645·√((1 + 2·Σ_{k<m} r_k²)/n), r_k the sample autocorrelation at lag k
// (denominator n, as statsmodels' acf with adjusted=False). 1.645 is the one-sided 95% normal
// quantile, i.e. a 90% two-sided test.
import { acf } from '../stats/acf';

export const SEASONALITY_Z = 1.6448536269514722;

export interface SeasonalityTest {
  period: number;
  n: number;
  /** Autocorrelation at lag m (NaN when the test could not run). */
  rm: number;
  /** 1.645·√((1 + 2·Σ_{k<m} r_k²)/n). */
  threshold: number;
  seasonal: boolean;
  /** Why the test was not run, or null. */
  skipped: string | null;
}

/** Runs the test on x (at least 3m values, as naive2 requires; a constant series is not seasonal). */
export function seasonalityTest(x: Float64Array, m: number): SeasonalityTest {
  const n = x.length;
  const period = Math.floor(m);
  const skip = (why: string): SeasonalityTest => ({
    period,
    n,
    rm: Number.NaN,
    threshold: Number.NaN,
    seasonal: false,
    skipped: why,
  });
  if (period <= 1) return skip('no seasonal period (m = 1)');
  if (n < 3 * period) return skip(`${n} values, fewer than 3 seasons (${3 * period})`);
  const first = x[0] ?? 0;
  if (x.every((v) => v === first)) return skip('constant series');
  const r = acf(x, period);
  let sum = 0;
  for (let k = 1; k < period; k++) sum += (r[k] ?? 0) ** 2;
  const threshold = SEASONALITY_Z * Math.sqrt((1 + 2 * sum) / n);
  const rm = r[period] ?? Number.NaN;
  return { period, n, rm, threshold, seasonal: Math.abs(rm) > threshold, skipped: null };
}
