// One call that runs every diagnostic on a series (missing values already dropped) and returns a
// plain, JSON-serialisable bundle for the CLI `analyze` command and the UI.
import { acfBartlettBand, acfFromSums, checkLags, defaultNlags } from './acf';
import { adfTest, type AdfResult } from './adf';
import { laggedProductSums } from './autocovariance';
import { summarize, type Summary } from './descriptive';
import { interpretDiagnostics } from './hints';
import { kpssTest, type KpssResult } from './kpss';
import { defaultLjungBoxLag, ljungBox, type LjungBoxResult } from './ljungBox';
import { pacfBand, pacfOls, pacfYuleWalkerFromSums } from './pacf';

export type PacfMethod = 'ywadjusted' | 'ols';

export interface AnalyzeOptions {
  nlags?: number;
  pacfMethod?: PacfMethod;
  seasonalPeriod?: number;
  /**
   * 'fast' (default): ADF and OLS PACF from cross-product sums, O(n·lags), with a QR refit only
   * where an error bound fails. 'exact': Householder QR throughout, O(n·lags²) (slow on long series).
   */
  solver?: 'fast' | 'exact';
}

export interface AnalysisResult {
  n: number;
  nlags: number;
  summary: Summary;
  acf: { values: number[]; band: number[]; method: string };
  pacf: {
    method: PacfMethod;
    values: number[];
    ywadjusted: number[];
    /** null when skipped (see notes): the exact solver is too slow on very long series. */
    ols: number[] | null;
    band: number;
    label: string;
  };
  adf: AdfResult | null;
  kpss: KpssResult | null;
  ljungBox: LjungBoxResult | null;
  hints: string[];
  labels: { adf: string; kpss: string; ljungBox: string };
  /** Diagnostics that could not be computed, with the reason. */
  notes: string[];
}

/** With the exact (QR) solver, above this length the OLS PACF is skipped unless requested. */
export const OLS_PACF_MAX_N = 20_000;

function attempt<T>(name: string, notes: string[], run: () => T): T | null {
  try {
    return run();
  } catch (e) {
    notes.push(`${name} not computed: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

export function analyzeSeries(x: Float64Array, options: AnalyzeOptions = {}): AnalysisResult {
  const n = x.length;
  if (n < 8) throw new RangeError(`need at least 8 observations, got ${n}`);
  for (const v of x)
    if (!Number.isFinite(v)) throw new RangeError('series contains non-finite values');
  const notes: string[] = [];
  const nlags = options.nlags ?? defaultNlags(n);
  const method = options.pacfMethod ?? 'ywadjusted';
  const solver = options.solver ?? 'fast';
  checkLags(n, nlags);
  // One pass of lagged products serves both the ACF and the Yule-Walker PACF.
  const sums = laggedProductSums(x, nlags);
  const acfValues = acfFromSums(sums);
  const ywadjusted = pacfYuleWalkerFromSums(sums, n);
  let ols: number[] | null = null;
  if (method === 'ols' || solver === 'fast' || n <= OLS_PACF_MAX_N) ols = pacfOls(x, nlags, solver);
  else notes.push(`OLS PACF skipped for n = ${n} > ${OLS_PACF_MAX_N} (Yule-Walker shown).`);
  const band = pacfBand(n);
  const adf = attempt('ADF', notes, () => adfTest(x, { method: solver }));
  const kpss = attempt('KPSS', notes, () => kpssTest(x));
  const lbLag = defaultLjungBoxLag(n);
  const lb = attempt('Ljung-Box', notes, () => ljungBox(x, lbLag));
  const pacfValues = method === 'ols' && ols ? ols : ywadjusted;
  return {
    n,
    nlags,
    summary: summarize(x),
    acf: {
      values: acfValues,
      band: acfBartlettBand(acfValues, n),
      method: 'ACF (not adjusted), 95% Bartlett band',
    },
    pacf: {
      method,
      values: pacfValues,
      ywadjusted,
      ols,
      band,
      label:
        method === 'ols'
          ? 'PACF (OLS regressions with constant), 95% band ±1.96/√n'
          : 'PACF (Yule-Walker, adjusted autocovariances), 95% band ±1.96/√n',
    },
    adf,
    kpss,
    ljungBox: lb,
    hints: interpretDiagnostics({
      acf: acfValues,
      pacf: pacfValues,
      band,
      adf,
      kpss,
      ljungBox: lb,
      seasonalPeriod: options.seasonalPeriod,
    }),
    labels: {
      adf: 'Augmented Dickey-Fuller (constant, lag by AIC), MacKinnon p-value',
      kpss: 'KPSS level stationarity (Bartlett kernel, Hobijn lag), table p-value',
      ljungBox: `Ljung-Box Q up to lag ${lbLag}`,
    },
    notes,
  };
}
