// One call that runs every diagnostic on a series (missing values already dropped) and returns a
// plain, JSON-serialisable bundle for the CLI `analyze` command and the UI.
import { acfBartlettBand, acfFromSums, checkLags, defaultNlags } from './acf';
import { adfTest, type AdfAutolag, type AdfRegression, type AdfResult } from './adf';
import { laggedProductSums } from './autocovariance';
import { boxcoxLambdaGuerrero, boxcoxLambdaMle } from './boxcox';
import { summarize, type Summary } from './descriptive';
import { interpretDiagnostics } from './hints';
import { kpssTest, type KpssNlags, type KpssRegression, type KpssResult } from './kpss';
import {
  defaultLjungBoxLag,
  ljungBoxVerdict,
  portmanteau,
  type LjungBoxResult,
  type PortmanteauResult,
} from './ljungBox';
import { pacfBand, pacfOlsDetailed, pacfYuleWalkerFromSums } from './pacf';

export type BoxcoxMethod = 'mle' | 'guerrero';

export interface BoxcoxSummary {
  method: BoxcoxMethod;
  lambda: number;
  label: string;
}

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
  adf?: { regression?: AdfRegression; autolag?: AdfAutolag; maxlag?: number };
  kpss?: { regression?: KpssRegression; nlags?: KpssNlags };
  /** Portmanteau tests: lags (default min(10, n/5)), fitted parameters, Box-Pierce beside Ljung-Box. */
  ljungBox?: { lags?: readonly number[]; modelDf?: number; boxPierce?: boolean };
  /** Box-Cox λ, for strictly positive series; Guerrero's method uses seasonalPeriod. */
  boxcoxMethod?: BoxcoxMethod;
}

export interface AnalysisResult {
  n: number;
  nlags: number;
  /** The lag count asked for, when it was capped at n/2 − 1 (the note says so). */
  nlagsRequested?: number;
  summary: Summary;
  acf: { values: number[]; band: number[]; method: string };
  pacf: {
    method: PacfMethod;
    /** null at OLS lags that are not identified (see missing). */
    values: (number | null)[];
    ywadjusted: number[];
    /** null when skipped (see notes): the exact solver is too slow on very long series. */
    ols: (number | null)[] | null;
    band: number;
    label: string;
    /** OLS lags left out (not identified), with the reason. */
    missing: { lag: number; reason: string }[];
  };
  adf: AdfResult | null;
  kpss: KpssResult | null;
  ljungBox: LjungBoxResult | null;
  /** Ljung-Box (and Box-Pierce) at every lag asked for. */
  portmanteau: PortmanteauResult | null;
  boxcox: BoxcoxSummary | null;
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

function boxcoxSummary(
  x: Float64Array,
  method: BoxcoxMethod,
  period: number,
  notes: string[],
  asked: boolean,
): BoxcoxSummary | null {
  if (!x.every((v) => v > 0)) {
    if (asked) notes.push('Box-Cox λ not computed: the series has values ≤ 0.');
    return null;
  }
  if (method === 'guerrero') {
    const p = Math.round(Math.max(2, period));
    const lambda = boxcoxLambdaGuerrero(x, period);
    const label =
      x.length <= 2 * period
        ? `Box-Cox λ by Guerrero: 1, as the series is not longer than two seasons (${2 * period} values)`
        : `Box-Cox λ by Guerrero (blocks of ${p}, λ in [−1, 2])`;
    return { method, lambda, label };
  }
  return { method, lambda: boxcoxLambdaMle(x), label: 'Box-Cox λ by maximum likelihood' };
}

/**
 * The series times 2^k (exact) with k chosen so that squared sums cannot overflow or underflow;
 * the series itself when its largest magnitude is already in [2^-200, 2^200].
 */
export function rescaledForStatistics(x: Float64Array): Float64Array {
  let maxAbs = 0;
  for (const v of x) maxAbs = Math.max(maxAbs, Math.abs(v));
  if (maxAbs === 0 || (maxAbs <= 2 ** 200 && maxAbs >= 2 ** -200)) return x;
  const k = -Math.floor(Math.log2(maxAbs));
  const out = new Float64Array(x.length);
  // Two steps so that 2^k itself never overflows (k can reach ±1074).
  const half = Math.trunc(k / 2);
  const a = 2 ** half;
  const b = 2 ** (k - half);
  for (let i = 0; i < x.length; i++) out[i] = (x[i] as number) * a * b;
  return out;
}

export function analyzeSeries(x: Float64Array, options: AnalyzeOptions = {}): AnalysisResult {
  const n = x.length;
  if (n < 8) throw new RangeError(`need at least 8 observations, got ${n}`);
  for (const v of x)
    if (!Number.isFinite(v)) throw new RangeError('series contains non-finite values');
  const notes: string[] = [];
  // Every statistic below except the summary is scale-invariant, so a series near the limits of a
  // double (e.g. 1.8e308, whose squares overflow) is analysed after an exact power-of-two rescale.
  const raw = x;
  x = rescaledForStatistics(raw);
  const cap = Math.floor(n / 2) - 1;
  const requested = options.nlags;
  const nlags = requested === undefined ? defaultNlags(n) : Math.min(requested, cap);
  if (requested !== undefined && requested > cap)
    notes.push(
      `Lags capped at ${cap} (asked for ${requested}): the PACF needs fewer lags than half the ${n} values.`,
    );
  const method = options.pacfMethod ?? 'ywadjusted';
  const solver = options.solver ?? 'fast';
  checkLags(n, nlags);
  // One pass of lagged products serves both the ACF and the Yule-Walker PACF.
  const sums = laggedProductSums(x, nlags);
  const acfValues = acfFromSums(sums);
  const ywadjusted = pacfYuleWalkerFromSums(sums, n);
  let ols: (number | null)[] | null = null;
  let missing: { lag: number; reason: string }[] = [];
  if (method === 'ols' || solver === 'fast' || n <= OLS_PACF_MAX_N) {
    ({ values: ols, missing } = pacfOlsDetailed(x, nlags, solver));
    for (const m of missing) notes.push(m.reason);
  } else notes.push(`OLS PACF skipped for n = ${n} > ${OLS_PACF_MAX_N} (Yule-Walker shown).`);
  const band = pacfBand(n);
  const adf = attempt('ADF', notes, () =>
    adfTest(x, {
      method: solver,
      ...(options.adf?.regression === undefined ? {} : { regression: options.adf.regression }),
      ...(options.adf?.autolag === undefined ? {} : { autolag: options.adf.autolag }),
      ...(options.adf?.maxlag === undefined ? {} : { maxlag: options.adf.maxlag }),
    }),
  );
  const kpss = attempt('KPSS', notes, () =>
    kpssTest(x, {
      ...(options.kpss?.regression === undefined ? {} : { regression: options.kpss.regression }),
      ...(options.kpss?.nlags === undefined ? {} : { nlags: options.kpss.nlags }),
    }),
  );
  const lbLags = options.ljungBox?.lags ?? [defaultLjungBoxLag(n)];
  const modelDf = options.ljungBox?.modelDf ?? 0;
  const port = attempt('Ljung-Box', notes, () =>
    portmanteau(x, lbLags, modelDf, options.ljungBox?.boxPierce ?? false),
  );
  const first = port?.rows[0];
  const lb: LjungBoxResult | null =
    first === undefined
      ? null
      : {
          statistic: first.ljungBox.statistic,
          pValue: first.ljungBox.pValue,
          lags: first.lags,
          df: first.df,
          verdict: ljungBoxVerdict(first.ljungBox.pValue, first.lags),
        };
  const boxcox = attempt('Box-Cox λ', notes, () =>
    boxcoxSummary(
      x,
      options.boxcoxMethod ?? 'mle',
      options.seasonalPeriod ?? 1,
      notes,
      options.boxcoxMethod !== undefined,
    ),
  );
  const pacfValues = method === 'ols' && ols ? ols : ywadjusted;
  return {
    n,
    nlags,
    ...(requested !== undefined && requested > cap ? { nlagsRequested: requested } : {}),
    summary: summarize(raw),
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
      missing,
    },
    adf,
    kpss,
    ljungBox: lb,
    portmanteau: port,
    boxcox,
    hints: interpretDiagnostics({
      series: x,
      acf: acfValues,
      pacf: pacfValues.map((v) => v ?? 0),
      band,
      adf,
      kpss,
      ljungBox: lb,
      seasonalPeriod: options.seasonalPeriod,
    }),
    labels: {
      adf: adf?.label ?? 'ADF not computed',
      kpss: kpss?.label ?? 'KPSS not computed',
      ljungBox: port?.label ?? 'Ljung-Box not computed',
    },
    notes,
  };
}
