import { assertFinite, noNegativeZero } from "../../_lib/guards.ts";
import { assertFiniteResult, meanAndSquares } from "../../_lib/moments.ts";

/**
 * Summary statistics of one group in {@link compareGroups}.
 *
 * @category Customers
 */
export interface GroupSummary {
  /** Number of values. */
  readonly n: number;
  /** Mean (compensated summation). */
  readonly mean: number;
  /** Sample variance, Σ(x − mean)² / (n − 1); `undefined` when n = 1. */
  readonly variance: number | undefined;
}

/**
 * The result of {@link compareGroups}.
 *
 * @category Customers
 */
export interface GroupComparison {
  /** Group a. */
  readonly a: GroupSummary;
  /** Group b (the reference). */
  readonly b: GroupSummary;
  /** `a.mean − b.mean`. */
  readonly difference: number;
  /** `(a.mean − b.mean) / b.mean`; `undefined` when `b.mean` is 0. */
  readonly relativeDifference: number | undefined;
}

/**
 * Compares the means of two groups of values: the difference a − b, the relative difference
 * (a − b) / b, and each group's size, mean and sample variance.
 *
 * @param a - Values of the group of interest (e.g. order values of customers who used chat).
 * @param b - Values of the reference group (e.g. order values of customers who did not).
 * @returns The comparison, or `undefined` when either group is empty.
 * @throws {@link MetricRangeError} `E_NOT_FINITE` if a value is not a finite number;
 * `E_OVERFLOW` if a variance, the difference or the relative difference exceeds the largest
 * double (values near ±1e308; the means are computed on scaled values and never overflow).
 * @remarks Groups are independent samples: one value per customer or order. The variances
 * (n − 1 denominator, two-pass with compensated sums) let a statistics function attach a
 * confidence interval to the difference; none is computed here. For rates such as repurchase
 * of promoters vs detractors, pass 0/1 values: the means are the rates. For spend before vs
 * after a support experience, pass each customer's change (after − before) per group (e.g.
 * satisfied vs unsatisfied). The Russian article cites chat users ordering 15 % more than
 * other customers: a `relativeDifference` of 0.15.
 * @example
 * ```ts
 * const r = compareGroups([110, 120], [100, 100]);
 * r?.difference;         // => 15
 * r?.relativeDifference; // => 0.15
 * r?.a.variance;         // => 50
 * compareGroups([], [1]); // => undefined
 * ```
 * @see Russian article on tying support to revenue (untitled; it opens "На прошлой неделе мы убедились…"; chat users order 15 % more)
 * @see {@link https://en.wikipedia.org/wiki/Variance#Sample_variance}
 * @category Customers
 */
export function compareGroups(a: readonly number[], b: readonly number[]): GroupComparison | undefined {
  for (const value of a) assertFinite("compareGroups", "a value", value);
  for (const value of b) assertFinite("compareGroups", "b value", value);
  if (a.length === 0 || b.length === 0) return undefined;
  const sa = summarise(a);
  const sb = summarise(b);
  const difference = noNegativeZero(assertFiniteResult("compareGroups", "the difference of the means", sa.mean - sb.mean));
  return {
    a: sa,
    b: sb,
    difference,
    relativeDifference:
      sb.mean === 0 ? undefined : noNegativeZero(assertFiniteResult("compareGroups", "the relative difference", difference / sb.mean)),
  };
}

function summarise(values: readonly number[]): GroupSummary {
  const n = values.length;
  const moments = meanAndSquares(values);
  const mean = noNegativeZero(moments.mean);
  const variance = n < 2 ? undefined : noNegativeZero(assertFiniteResult("compareGroups", "the variance", moments.squares / (n - 1)));
  return { n, mean, variance };
}
