/**
 * Special functions behind the t distribution and the Erlang A service level: the log-gamma
 * function, the regularized incomplete beta function and Student's t CDF and quantile.
 * Written for this library, without coefficients to copy:
 *
 * - ln Γ(x) by the Stirling series to x⁻⁹ after shifting x up to at least 15 with
 *   Γ(x + 1) = x·Γ(x) (relative error ~1e−16 for x > 0).
 * - I_x(a, b) by the continued fraction of Numerical Recipes §6.4 (modified Lentz), using
 *   I_x(a, b) = 1 − I_{1−x}(b, a) when x > (a + 1)/(a + b + 2).
 * - The t CDF from I_x(ν/2, ½) with x = ν/(ν + t²); the t quantile by safeguarded Newton
 *   steps (bisection fallback) on that CDF, to a relative tolerance of 1e−15.
 *
 * @internal
 */

const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0. @internal */
export function logGamma(x: number): number {
  let shift = 0;
  let z = x;
  while (z < 15) {
    shift += Math.log(z);
    z += 1;
  }
  const z2 = 1 / (z * z);
  const series = (1 / z) * (1 / 12 - z2 * (1 / 360 - z2 * (1 / 1260 - z2 * (1 / 1680 - z2 * (1 / 1188)))));
  return (z - 0.5) * Math.log(z) - z + HALF_LN_2PI + series - shift;
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). @internal */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** The continued fraction of I_x(a, b) (Numerical Recipes `betacf`). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const eps = 1e-16;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  const maxIterations = 1000 + Math.ceil(20 * Math.sqrt(Math.max(a, b)));
  for (let m = 1; m <= maxIterations; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < eps) break;
  }
  return h;
}

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), for a, b > 0
 * and 0 ≤ x ≤ 1.
 *
 * @internal
 */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b);
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaFraction(a, b, x)) / a;
  return 1 - (Math.exp(logFront) * betaFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` > 0 degrees of freedom. @internal */
export function studentTCdf(t: number, df: number): number {
  if (t === 0) return 0.5;
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** The density of Student's t with `df` degrees of freedom. @internal */
export function studentTPdf(t: number, df: number): number {
  const logC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/**
 * The quantile of Student's t with `df` > 0 degrees of freedom: the t with P(T ≤ t) = p.
 * Returns ±∞ for p = 1 or 0. Solves on the upper tail ½·I_{ν/(ν+t²)}(ν/2, ½) = 1 − p, which
 * keeps full relative accuracy where the CDF is close to 1.
 *
 * @internal
 */
export function studentTQuantile(p: number, df: number): number {
  if (p === 0.5) return 0;
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (p < 0.5) return -studentTUpperQuantile(p, df);
  return studentTUpperQuantile(1 - p, df);
}

/**
 * The t with P(T > t) = q, for 0 < q ≤ ½ (0 at q = ½): the critical value of a two-sided
 * interval at level 1 − 2q. Taking the tail probability itself, rather than 1 − q, keeps
 * levels such as 0.9999999999999999 (whose (1 + level) / 2 rounds to 1) finite.
 *
 * @internal
 */
export function studentTUpperQuantile(q: number, df: number): number {
  if (!(q < 0.5)) return 0;
  if (!(q > 0)) return Number.POSITIVE_INFINITY;
  const upperTail = (t: number): number => 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  // Bracket the root in [lo, hi] (the tail falls as t grows), then safeguarded Newton.
  let lo = 0;
  let hi = 1;
  while (upperTail(hi) > q) {
    lo = hi;
    hi *= 2;
    if (hi > 1e300) return Number.POSITIVE_INFINITY;
  }
  let t = 0.5 * (lo + hi);
  for (let i = 0; i < 200; i++) {
    const f = upperTail(t) - q;
    if (f === 0) return t;
    if (f > 0) lo = t;
    else hi = t;
    let next = t + f / studentTPdf(t, df);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (Math.abs(next - t) <= 1e-15 * Math.abs(next)) return next;
    t = next;
  }
  return t;
}
