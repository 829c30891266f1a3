/**
 * The standard normal distribution: cumulative distribution function, density and
 * quantile, written for this library (no dependency).
 *
 * - CDF for |x| ≤ 3: Marsaglia's Taylor series, Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …)
 *   (G. Marsaglia, "Evaluating the Normal Distribution", Journal of Statistical Software
 *   11(4), 2004), summed until the terms stop changing the sum: absolute error ~1e-16.
 * - CDF for |x| > 3: the tail by Laplace's continued fraction for the Mills ratio,
 *   Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), evaluated by the modified Lentz method,
 *   which keeps full relative accuracy far in the tail (Φ(−30) ≈ 4.9e−198).
 * - Quantile: P. J. Acklam's rational approximation (relative error below 1.15e−9), refined
 *   by two Halley steps on the CDF above, which brings it to about 1e−15.
 *
 * @internal
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);

/** The standard normal density φ(x) = e^(−x²/2) / √(2π). @internal */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/** Upper tail Q(x) = 1 − Φ(x) for x > 3 by the continued fraction (modified Lentz). */
function upperTailFraction(x: number): number {
  const tiny = 1e-300;
  // b0 = x, a_k = k, b_k = x.
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    d = x + k * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = x + k / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return normalPdf(x) / f;
}

/**
 * The standard normal cumulative distribution function Φ(x) = P(Z ≤ x).
 *
 * @internal
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return 1;
  if (x === Number.NEGATIVE_INFINITY) return 0;
  if (x > 3) return 1 - upperTailFraction(x);
  if (x < -3) return upperTailFraction(-x);
  let sum = x;
  let term = x;
  const x2 = x * x;
  for (let i = 3; i < 400; i += 2) {
    term = (term * x2) / i;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return 0.5 + sum * normalPdf(x);
}

/**
 * The upper tail 1 − Φ(x), computed without the cancellation of `1 - normalCdf(x)` for
 * large x.
 *
 * @internal
 */
export function normalSurvival(x: number): number {
  return normalCdf(-x);
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** Acklam's approximation for 0 < p ≤ 0.5. */
function acklam(p: number): number {
  const [a0, a1, a2, a3, a4, a5] = A as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = B as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = C as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = D as [number, number, number, number];
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/**
 * The standard normal quantile Φ⁻¹(p): the x with Φ(x) = p. Returns −∞ for p = 0, +∞ for
 * p = 1 and NaN outside [0, 1].
 *
 * @internal
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  // Work in the lower half, where Φ has full relative accuracy, and reflect.
  const upper = p > 0.5;
  const lowerP = upper ? 1 - p : p;
  let x = acklam(lowerP);
  for (let step = 0; step < 2; step++) {
    const e = normalCdf(x) - lowerP;
    const u = e * SQRT_2PI * Math.exp(0.5 * x * x);
    x -= u / (1 + 0.5 * x * u);
  }
  return upper ? -x : x;
}
