import { twoSidedPValue } from "./_pValue.ts";
import { assertProportion } from "./_proportion.ts";

/**
 * The successes and trials of one group, for {@link twoProportionZTest}.
 *
 * @category Stats
 */
export interface ProportionCounts {
  /** The number of successes (a non-negative integer, at most `trials`). */
  readonly successes: number;
  /** The number of trials (a non-negative integer). */
  readonly trials: number;
}

/**
 * A two-proportion z-test.
 *
 * @category Stats
 */
export interface TwoProportionZTest {
  /** p_A − p_B, a fraction from −1 to 1. */
  readonly difference: number;
  /** The proportion of the first group, successes / trials. */
  readonly proportionA: number;
  /** The proportion of the second group. */
  readonly proportionB: number;
  /** The pooled proportion (x_A + x_B) / (n_A + n_B) under the null hypothesis p_A = p_B. */
  readonly pooled: number;
  /** The pooled standard error √(p̄(1 − p̄)(1/n_A + 1/n_B)). */
  readonly standardError: number;
  /** The test statistic difference / standardError (0 when the standard error is 0). */
  readonly z: number;
  /** Two-sided p-value 2·(1 − Φ(|z|)); 1 when the standard error is 0. */
  readonly pValue: number;
  /** Trials of the first group. */
  readonly nA: number;
  /** Trials of the second group. */
  readonly nB: number;
  /** How the test was computed. */
  readonly method: "two-proportion z-test, pooled, two-sided, no continuity correction";
}

/**
 * Tests whether two independent proportions differ: z = (p_A − p_B) / √(p̄(1 − p̄)(1/n_A + 1/n_B))
 * with the pooled proportion p̄ = (x_A + x_B)/(n_A + n_B), and the two-sided p-value 2·(1 − Φ(|z|)).
 *
 * @param a - The first group's `{ successes, trials }`.
 * @param b - The second group's `{ successes, trials }`.
 * @returns The test, or `undefined` when either group has no trials.
 * @throws {@link MetricRangeError} `E_COUNT_RANGE` if a count is not a non-negative integer;
 * `E_SUCCESSES_EXCEED_TRIALS` if a group has more successes than trials.
 * @remarks z² equals Pearson's chi-squared statistic of the 2×2 table, so the p-value equals
 * R's `prop.test(c(xA, xB), c(nA, nB), correct = FALSE)$p.value`. When both groups are all
 * successes or all failures the pooled standard error is 0 and the difference is 0: z is 0
 * and the p-value 1. The normal approximation wants at least ~5 successes and ~5 failures
 * per group; for smaller counts use an exact test.
 * @example
 * ```ts
 * const t = twoProportionZTest({ successes: 45, trials: 100 }, { successes: 30, trials: 100 });
 * t.difference; // => 0.15000000000000002
 * t.z;          // => 2.1908902300206647
 * t.pValue;     // => 0.02845973691631054
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Two-proportion_Z-test}
 * @category Stats
 */
export function twoProportionZTest(a: ProportionCounts, b: ProportionCounts): TwoProportionZTest | undefined {
  const fn = "twoProportionZTest";
  assertProportion(fn, a.successes, a.trials, "a.");
  assertProportion(fn, b.successes, b.trials, "b.");
  if (a.trials === 0 || b.trials === 0) return undefined;
  const proportionA = a.successes / a.trials;
  const proportionB = b.successes / b.trials;
  const rawDifference = proportionA - proportionB;
  const difference = rawDifference === 0 ? 0 : rawDifference;
  // Halved first (exact for doubles) so that counts near 1.8e308 do not overflow to ∞ / ∞ = NaN.
  const pooled = (a.successes / 2 + b.successes / 2) / (a.trials / 2 + b.trials / 2);
  const standardError = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
  const z = standardError === 0 ? 0 : difference / standardError;
  return {
    difference,
    proportionA,
    proportionB,
    pooled,
    standardError,
    z: z === 0 ? 0 : z,
    pValue: twoSidedPValue(z),
    nA: a.trials,
    nB: b.trials,
    method: "two-proportion z-test, pooled, two-sided, no continuity correction",
  };
}
