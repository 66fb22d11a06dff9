// Distribution functions for the diagnostics (p-values, bands). Everything is built on two kernels,
// the regularized incomplete gamma and beta functions, evaluated so that the *small* side of each
// split keeps full relative precision: test p-values can be as small as 1e-89 and must still be
// right to 1e-6 relative.

const EPS = 1e-16;
const FPMIN = 1e-300;
const MAX_ITER = 100_000;
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

const STIRLING_MIN = 15;

/** ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], the tail of Stirling's series (x ≥ 15). */
function stirlingCorrection(x: number): number {
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 * (1 / 1680 - inv2 * (1 / 1188)))))
  );
}

/** ln Γ(x) for x > 0 (reflection for x < 0.5); Stirling with corrections for large x. */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0.5) {
    // Reflection: Γ(x)Γ(1-x) = π / sin(πx); only the magnitude is returned.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  if (x >= STIRLING_MIN) {
    // Asymptotic series is more accurate than Lanczos out here.
    return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingCorrection(x);
  }
  const z = x - 1;
  let sum = LANCZOS[0] ?? 0;
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** x^a e^-x / Γ(a), the common factor of both incomplete gamma expansions. */
function gammaPrefix(a: number, x: number): number {
  return Math.exp(a * Math.log(x) - x - logGamma(a));
}

/** Σ x^n / (a(a+1)...(a+n)): P(a,x) = prefix · series. Converges fast for x < a + 1. */
function gammaSeries(a: number, x: number): number {
  let ap = a;
  let term = 1 / a;
  let sum = term;
  for (let i = 0; i < MAX_ITER; i++) {
    ap += 1;
    term *= x / ap;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPS) break;
  }
  return sum;
}

/** A continued fraction evaluated so far by the modified Lentz method: h, and its c and 1/d. */
interface LentzState {
  c: number;
  d: number;
  h: number;
}

/**
 * Folds the next term an/(bn + …) into the fraction (d ← an·d + bn, c ← bn + an/c, both kept off
 * zero) and returns the factor Δ = d·c that h was multiplied by: |Δ − 1| small means converged.
 */
function lentzStep(cf: LentzState, an: number, bn: number): number {
  let d = an * cf.d + bn;
  if (Math.abs(d) < FPMIN) d = FPMIN;
  let c = bn + an / cf.c;
  if (Math.abs(c) < FPMIN) c = FPMIN;
  cf.c = c;
  cf.d = 1 / d;
  const del = cf.d * c;
  cf.h *= del;
  return del;
}

/** Continued fraction (modified Lentz) with Q(a,x) = prefix · cf, for x ≥ a + 1. */
function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  const cf: LentzState = { c: 1 / FPMIN, d: 1 / b, h: 1 / b };
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    if (Math.abs(lentzStep(cf, an, b) - 1) < EPS) break;
  }
  return cf.h;
}

/** Lower regularized incomplete gamma P(a, x). */
export function regularizedGammaP(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || a <= 0) return Number.NaN;
  if (x <= 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x < a + 1) return gammaPrefix(a, x) * gammaSeries(a, x);
  return 1 - gammaPrefix(a, x) * gammaContinuedFraction(a, x);
}

/** Upper regularized incomplete gamma Q(a, x) = 1 − P(a, x), accurate when tiny. */
export function regularizedGammaQ(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || a <= 0) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (x < a + 1) return 1 - gammaPrefix(a, x) * gammaSeries(a, x);
  return gammaPrefix(a, x) * gammaContinuedFraction(a, x);
}

/** Survival function of the chi-squared distribution, P(X > x). */
export function chiSquaredSf(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN;
  if (x <= 0) return 1;
  return regularizedGammaQ(df / 2, x / 2);
}

/** exp(−x²/2) without the relative error that squaring a large x would put in the exponent. */
function expHalfSquare(x: number): number {
  const ax = Math.abs(x);
  const hi = Math.trunc(ax * 16) / 16; // few mantissa bits, so hi*hi is exact
  return Math.exp(-0.5 * hi * hi) * Math.exp(-0.5 * (ax - hi) * (ax + hi));
}

/** Upper tail of the standard normal, P(Z > x), relatively accurate far into the tail. */
export function normalSf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 1 - normalSf(-x);
  if (x === Number.POSITIVE_INFINITY) return 0;
  const z = 0.5 * x * x;
  // Q(1/2, z)/2 with the prefix written through φ(x): z^½ e^-z / Γ(½) / 2 = φ(x)·x/2.
  if (z >= 1.5) return (0.5 * x * expHalfSquare(x) * gammaContinuedFraction(0.5, z)) / SQRT_2PI;
  return 0.5 - (0.5 * x * expHalfSquare(x) * gammaSeries(0.5, z)) / SQRT_2PI;
}

/** Standard normal CDF, P(Z ≤ x). */
export function normalCdf(x: number): number {
  return normalSf(-x);
}

// Acklam's rational approximation (relative error 1.15e-9) for the initial guess.
const ACK_A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
];
const ACK_B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
];
const ACK_C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const ACK_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

function poly(coefs: readonly number[], x: number): number {
  let acc = 0;
  for (const c of coefs) acc = acc * x + c;
  return acc;
}

function acklam(p: number): number {
  const pLow = 0.02425;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return poly(ACK_C, q) / (poly(ACK_D, q) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return (poly(ACK_A, r) * q) / (poly(ACK_B, r) * r + 1);
}

/** Inverse of the standard normal CDF (Acklam + Halley steps on the accurate lower tail). */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p > 0.5) return -normalQuantile(1 - p);
  let x = acklam(p);
  for (let i = 0; i < 2; i++) {
    // Halley on F(x) − p; the lower tail P(Z ≤ x) = sf(−x) keeps relative precision.
    const e = normalSf(-x) - p;
    const u = (e * SQRT_2PI) / expHalfSquare(x);
    x -= u / (1 + 0.5 * x * u);
  }
  return x;
}

function logBeta(a: number, b: number): number {
  const big = Math.max(a, b);
  const small = Math.min(a, b);
  if (big < STIRLING_MIN) return logGamma(a) + logGamma(b) - logGamma(a + b);
  // ln Γ(big) − ln Γ(big+small) expanded so the two huge Stirling terms cancel analytically
  // (matters for Student t with large df, where a = df/2 and b = 1/2).
  const ratio =
    -small * Math.log(big) -
    (big + small - 0.5) * Math.log1p(small / big) +
    small +
    stirlingCorrection(big) -
    stirlingCorrection(big + small);
  return logGamma(small) + ratio;
}

/** Lentz continued fraction for I_x(a,b) = prefix · cf / a, good for x < (a+1)/(a+b+2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let d0 = 1 - (qab * x) / qap;
  if (Math.abs(d0) < FPMIN) d0 = FPMIN;
  const cf: LentzState = { c: 1, d: 1 / d0, h: 1 / d0 };
  for (let m = 1; m < MAX_ITER; m++) {
    const m2 = 2 * m;
    lentzStep(cf, (m * (b - m) * x) / ((qam + m2) * (a + m2)), 1);
    const aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    if (Math.abs(lentzStep(cf, aa, 1) - 1) < EPS) break;
  }
  return cf.h;
}

/**
 * I_x(a,b) (upper=false) or 1 − I_x(a,b) (upper=true) with y = 1 − x supplied by the caller, so
 * that neither x nor y loses digits to a subtraction and the smaller side stays relatively exact.
 */
function incompleteBeta(x: number, y: number, a: number, b: number, upper: boolean): number {
  if (x <= 0) return upper ? 1 : 0;
  if (y <= 0) return upper ? 0 : 1;
  // log1p of the partner keeps a·ln x exact when x is near 1 and a is large.
  const logX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
  const logY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
  const logFront = a * logX + b * logY - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) {
    const lower = (Math.exp(logFront) * betaContinuedFraction(x, a, b)) / a;
    return upper ? 1 - lower : lower;
  }
  const complement = (Math.exp(logFront) * betaContinuedFraction(y, b, a)) / b;
  return upper ? complement : 1 - complement;
}

/** Regularized incomplete beta I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (Number.isNaN(x) || !(a > 0) || !(b > 0)) return Number.NaN;
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return incompleteBeta(x, 1 - x, a, b, false);
}

/** Student t survival function P(T > t) with df > 0 degrees of freedom (df may be fractional). */
export function studentTSf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return Number.NaN;
  if (df === Number.POSITIVE_INFINITY) return normalSf(t);
  if (t === Number.POSITIVE_INFINITY) return 0;
  if (t === Number.NEGATIVE_INFINITY) return 1;
  const t2 = t * t;
  // Two-sided tail 2·P(T > |t|) = I_{df/(df+t²)}(df/2, 1/2); both arguments formed without 1 − x.
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  const twoSided = incompleteBeta(x, y, df / 2, 0.5, false);
  return t >= 0 ? 0.5 * twoSided : 1 - 0.5 * twoSided;
}

/** Student t CDF P(T ≤ t). */
export function studentTCdf(t: number, df: number): number {
  return studentTSf(-t, df);
}
