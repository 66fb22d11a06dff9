// One call that runs every diagnostic on a series (missing values already dropped) and returns a
// plain, JSON-serialisable bundle for the CLI `analyze` command and the UI.
import { acf, acfBartlettBand, defaultNlags } from './acf';
import { adfTest, type AdfResult } from './adf';
import { summarize, type Summary } from './descriptive';
import { interpretDiagnostics } from './hints';
import { kpssTest, type KpssResult } from './kpss';
import { defaultLjungBoxLag, ljungBox, type LjungBoxResult } from './ljungBox';
import { pacfBand, pacfOls, pacfYuleWalker } from './pacf';

export type PacfMethod = 'ywadjusted' | 'ols';

export interface AnalyzeOptions {
  nlags?: number;
  pacfMethod?: PacfMethod;
  seasonalPeriod?: number;
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
    /** null when skipped (see notes): one QR per lag is too slow on very long series. */
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

/** Above this length the OLS PACF (40 QR fits over all rows) is skipped unless requested. */
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
  const acfValues = acf(x, nlags);
  const ywadjusted = pacfYuleWalker(x, nlags);
  let ols: number[] | null = null;
  if (method === 'ols' || n <= OLS_PACF_MAX_N) ols = pacfOls(x, nlags);
  else notes.push(`OLS PACF skipped for n = ${n} > ${OLS_PACF_MAX_N} (Yule-Walker shown).`);
  const band = pacfBand(n);
  const adf = attempt('ADF', notes, () => adfTest(x));
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
