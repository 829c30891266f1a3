/**
 * The ranks of the distribution-free (order-statistic) confidence interval of a quantile: the
 * one rule behind `quantileInterval` and the intervals of every summarised duration.
 *
 * For n values and the quantile p at level γ: l = qbinom((1 − γ)/2, n, p) and
 * u = qbinom((1 + γ)/2, n, p) + 1 (1-based ranks, clamped to 1…n), so that
 * P(x₍l₎ ≤ true quantile ≤ x₍u₎) = P(l ≤ B ≤ u − 1) ≥ γ for B ~ Binomial(n, p) and any
 * continuous distribution (Conover 1999, §3.2). The exact coverage is returned; when it would be
 * below γ (n too small for γ), the ranks are 1 and n, the widest interval, with its coverage.
 *
 * @internal
 * @module
 */
import { incompleteBeta } from "./special.ts";

/** The ranks of a quantile's order-statistic interval and their exact coverage. @internal */
export interface QuantileRanks {
  /** The rank of the lower bound, from 1 to n. */
  readonly lowerRank: number;
  /** The rank of the upper bound, from 1 to n. */
  readonly upperRank: number;
  /** P(lowerRank ≤ B < upperRank) with B ~ Binomial(n, p), from 0 to 1. */
  readonly coverage: number;
}

/** The method's name, as results print it. @internal */
export const ORDER_STATISTICS_METHOD = "order statistics (binomial)";

/** P(B ≤ k) for B ~ Binomial(n, p), by the regularized incomplete beta function. */
function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  return incompleteBeta(1 - p, n - k, k + 1);
}

/** The smallest k in [0, n] with P(B ≤ k) ≥ q (R's `qbinom(q, n, p)`), by bisection. */
function binomialQuantile(q: number, n: number, p: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (binomialCdf(mid, n, p) >= q) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The coverage of [x₍l₎, x₍u₎]: P(l ≤ B ≤ u − 1). */
function coverageOf(lowerRank: number, upperRank: number, n: number, p: number): number {
  return Math.min(1, Math.max(0, binomialCdf(upperRank - 1, n, p) - binomialCdf(lowerRank - 1, n, p)));
}

/**
 * The interval ranks of the quantile `p` of `n` ≥ 1 values at confidence level `level`
 * (strictly between 0 and 1; neither is checked here).
 *
 * @internal
 */
export function quantileRanks(n: number, p: number, level: number): QuantileRanks {
  const alpha = 1 - level;
  const lowerRank = Math.max(1, binomialQuantile(alpha / 2, n, p));
  const upperRank = Math.min(n, binomialQuantile(1 - alpha / 2, n, p) + 1);
  const coverage = coverageOf(lowerRank, upperRank, n, p);
  // Too few values for the level (clamped ranks, e.g. p = 0.95 of two values gave [x₍₂₎, x₍₂₎]
  // with coverage 0): the widest interval there is, min to max, with its coverage.
  if (coverage < level) return { lowerRank: 1, upperRank: n, coverage: coverageOf(1, n, n, p) };
  return { lowerRank, upperRank, coverage };
}
