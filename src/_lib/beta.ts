/**
 * The Beta distribution: its quantile (the inverse of the regularized incomplete beta function)
 * and seeded draws (a ratio of two Gamma draws, Marsaglia–Tsang).
 *
 * @internal
 * @module
 */
import { incompleteBeta } from "./special.ts";
import { normalQuantile } from "./normal.ts";

/**
 * The p-quantile of Beta(a, b), a, b > 0: the x in [0, 1] with I_x(a, b) = p, found by
 * bisection on the monotone {@link incompleteBeta} to within 1e−15 (absolute) or 200 halvings.
 * `p = 0` gives 0 and `p = 1` gives 1. When a or b exceeds 1e8 (a hundred million trials), the
 * normal approximation with the Beta's mean and variance (clamped to [0, 1]).
 *
 * @internal
 */
export function betaQuantile(p: number, a: number, b: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  if (Math.max(a, b) > LARGE) {
    // The continued fraction needs ~20·√max(a, b) terms: past 1e8 use the normal approximation
    // mean ± z·sd, sd = √(ab / ((a + b)²(a + b + 1))), clamped to [0, 1].
    const mean = a / (a + b);
    const sd = Math.sqrt((mean * (1 - mean)) / (a + b + 1));
    return Math.min(1, Math.max(0, mean + normalQuantile(p) * sd));
  }
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (incompleteBeta(mid, a, b) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Where {@link betaQuantile} switches to the normal approximation. */
const LARGE = 1e8;

/** A uniform draw in (0, 1), never 0 (the generator gives [0, 1)). */
function openUniform(random: () => number): number {
  let u = random();
  while (u === 0) u = random();
  return u;
}

/**
 * One draw from Gamma(shape, 1), shape > 0: Marsaglia & Tsang (2000), "A simple method for
 * generating gamma variables", ACM TOMS 26(3); shape < 1 by Gamma(shape + 1) · U^(1/shape).
 * Normal draws by the inverse normal distribution function of a uniform; shapes above 1e12 by
 * the normal approximation shape + √shape·Z.
 *
 * @internal
 */
export function gammaDraw(random: () => number, shape: number): number {
  if (shape < 1) return gammaDraw(random, shape + 1) * Math.pow(openUniform(random), 1 / shape);
  // Past 1e12 the Gamma's relative spread 1/√shape is below 1e−6 and the normal approximation is
  // exact to far below it, while the rejection test below would lose itself in rounding (d·ε ≫ 1).
  if (shape > 1e12) return Math.max(0, shape + Math.sqrt(shape) * normalQuantile(openUniform(random)));
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = normalQuantile(openUniform(random));
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = openUniform(random);
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * One draw from Beta(a, b): X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). When both Gamma
 * draws underflow to 0 (tiny shapes), the draw is 0 or 1 with the odds a : b.
 *
 * @internal
 */
export function betaDraw(random: () => number, a: number, b: number): number {
  const x = gammaDraw(random, a);
  const y = gammaDraw(random, b);
  const sum = x + y;
  if (sum > 0) return x / sum;
  return random() < a / (a + b) ? 1 : 0;
}
