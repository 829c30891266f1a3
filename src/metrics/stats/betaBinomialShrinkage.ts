import { betaQuantile } from "../../_lib/beta.ts";
import { assertFiniteResult } from "../../_lib/moments.ts";
import { assertProportion } from "./_proportion.ts";
import { confidenceLevelOf } from "./confidence.ts";

/**
 * Successes out of trials for one group (an agent's satisfied answers out of all answers).
 *
 * @category Stats
 */
export interface SuccessCounts {
  /** Successes, a non-negative integer. */
  readonly successes: number;
  /** Trials, a non-negative integer at least `successes`. */
  readonly trials: number;
}

/**
 * Options of {@link betaBinomialShrinkage}.
 *
 * @category Stats
 */
export interface BetaBinomialShrinkageOptions {
  /** The probability of each credible interval, strictly between 0 and 1. Default: 0.95. */
  readonly confidenceLevel?: number;
}

/**
 * The prior Beta(α, β) fitted to every group together.
 *
 * @category Stats
 */
export interface BetaPrior {
  /** α = mean × strength. */
  readonly alpha: number;
  /** β = (1 − mean) × strength. */
  readonly beta: number;
  /** The prior mean: the pooled rate Σx / Σn. */
  readonly mean: number;
  /** α + β: how many trials the prior weighs as. */
  readonly strength: number;
  /** `"method of moments"`, or `"pooled"` when the spread between groups is no larger than binomial noise (strength = Σn). */
  readonly method: "method of moments" | "pooled";
}

/**
 * One group's shrunk rate.
 *
 * @category Stats
 */
export interface ShrunkRate {
  /** Successes. */
  readonly successes: number;
  /** Trials. */
  readonly trials: number;
  /** The raw rate x / n; `undefined` without trials. */
  readonly raw: number | undefined;
  /** The posterior mean (x + α) / (n + α + β), from 0 to 1. */
  readonly value: number;
  /** The (1 − level)/2 quantile of the posterior Beta(x + α, n − x + β). */
  readonly lower: number;
  /** The (1 + level)/2 quantile of the posterior. */
  readonly upper: number;
  /** The posterior's α: x + α. */
  readonly alpha: number;
  /** The posterior's β: n − x + β. */
  readonly beta: number;
}

/**
 * The result of {@link betaBinomialShrinkage}.
 *
 * @category Stats
 */
export interface BetaBinomialShrinkage {
  /** The fitted prior. */
  readonly prior: BetaPrior;
  /** One shrunk rate per input, in input order. */
  readonly rates: readonly ShrunkRate[];
  /** The credible level of the intervals. */
  readonly confidenceLevel: number;
}

/**
 * Beta-binomial empirical Bayes: fits a prior Beta(α, β) to every group's successes x_i out of
 * n_i by the method of moments, then reports each group's posterior mean (x + α) / (n + α + β)
 * with an equal-tailed credible interval from the Beta(x + α, n − x + β) quantiles.
 *
 * @param counts - One {@link SuccessCounts} per group.
 * @param options - {@link BetaBinomialShrinkageOptions}: `confidenceLevel` (default 0.95).
 * @returns The prior and the shrunk rates, or `undefined` when no group has a trial.
 * @throws {@link MetricRangeError} `E_COUNT_RANGE` if a count is not a non-negative integer;
 * `E_SUCCESSES_EXCEED_TRIALS` if successes exceed trials; `E_CONFIDENCE_LEVEL` if the level is
 * not strictly between 0 and 1; `E_OVERFLOW` if the trials add up past the largest double.
 * @remarks The fit uses the k groups with n_i > 0 and N = Σn_i trials. Prior mean μ = Σx_i / N
 * (the pooled rate). With S = Σ(x_i/n_i − μ)² / k and h = Σ(1/n_i) / k, the moment equation
 * S = μ(1 − μ)(ρ + (1 − ρ)h) of the beta-binomial (ρ = 1 / (α + β + 1), the intra-group
 * correlation) gives ρ = (S / (μ(1 − μ)) − h) / (1 − h) and strength α + β = (1 − ρ) / ρ, kept
 * from 1 to N. When ρ ≤ 0 (the groups differ no more than binomial noise), k < 2, every n_i is
 * 1 or μ is 0 or 1, the method is `"pooled"`: strength N, so the prior weighs as much as all
 * the data and every rate lies close to μ. A group without trials gets the prior (value μ).
 * The shrunk value always lies between the raw rate and μ. An equal-tailed interval of a very
 * skewed posterior (a prior weighing about one answer, an agent with few) may not hold its mean.
 * @example
 * ```ts
 * const r = betaBinomialShrinkage([
 *   { successes: 2, trials: 10 },
 *   { successes: 9, trials: 10 },
 *   { successes: 5, trials: 10 },
 *   { successes: 14, trials: 20 },
 * ])!;
 * r.prior.mean;      // => 0.6
 * r.prior.strength;  // => 3.7096774193548376 (115 / 31)
 * r.rates[0]!.value; // => 0.308235294117647 (131 / 425, raw 0.2)
 * betaBinomialShrinkage([]); // => undefined
 * ```
 * @see Robinson, D. (2015). "Understanding empirical Bayes estimation (using baseball statistics)", Variance Explained. {@link http://varianceexplained.org/r/empirical_bayes_baseball/}
 * @see Kleinman, J. C. (1973). "Proportions with extraneous variance: single and independent samples", JASA 68(341) (moment estimators of the beta-binomial).
 * @category Stats
 */
export function betaBinomialShrinkage(
  counts: readonly SuccessCounts[],
  options?: BetaBinomialShrinkageOptions,
): BetaBinomialShrinkage | undefined {
  const fn = "betaBinomialShrinkage";
  const level = confidenceLevelOf(fn, options?.confidenceLevel);
  counts.forEach((c, i) => assertProportion(fn, c.successes, c.trials, `counts[${String(i)}].`));
  const used = counts.filter((c) => c.trials > 0);
  const n = assertFiniteResult(
    fn,
    "the total of trials",
    used.reduce((s, c) => s + c.trials, 0),
  );
  if (n === 0) return undefined;
  const mean = used.reduce((s, c) => s + c.successes, 0) / n;
  const prior = fitPrior(used, mean, n);
  const lowerP = (1 - level) / 2;
  const rates = counts.map((c): ShrunkRate => {
    const alpha = c.successes + prior.alpha;
    const beta = c.trials - c.successes + prior.beta;
    return {
      successes: c.successes,
      trials: c.trials,
      raw: c.trials === 0 ? undefined : c.successes / c.trials,
      value: alpha / (alpha + beta),
      lower: quantile(lowerP, alpha, beta),
      upper: quantile(1 - lowerP, alpha, beta),
      alpha,
      beta,
    };
  });
  return { prior, rates, confidenceLevel: level };
}

/** The method-of-moments prior of {@link betaBinomialShrinkage}. */
function fitPrior(used: readonly SuccessCounts[], mean: number, n: number): BetaPrior {
  const k = used.length;
  const spread = mean * (1 - mean);
  let strength = n;
  let method: BetaPrior["method"] = "pooled";
  const h = used.reduce((s, c) => s + 1 / c.trials, 0) / k;
  if (k >= 2 && spread > 0 && h < 1) {
    const s = used.reduce((t, c) => t + (c.successes / c.trials - mean) ** 2, 0) / k;
    const rho = (s / spread - h) / (1 - h);
    if (rho > 0) {
      strength = Math.min(n, Math.max(1, (1 - rho) / rho));
      method = "method of moments";
    }
  }
  return { alpha: mean * strength, beta: (1 - mean) * strength, mean, strength, method };
}

/** A Beta quantile that also takes the point masses Beta(0, b) = 0 and Beta(a, 0) = 1 (a pooled rate of 0 or 1). */
function quantile(p: number, a: number, b: number): number {
  if (a === 0) return 0;
  if (b === 0) return 1;
  return betaQuantile(p, a, b);
}
