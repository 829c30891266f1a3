import { assertFraction } from "../../_lib/guards.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { confidenceLevelOf, twoSidedZ } from "./confidence.ts";
import { ceilTolerant } from "../../_lib/ceil.ts";
import { assertSafeSampleSize } from "../../_lib/moments.ts";

/**
 * Options of {@link sampleSizeForMargin}.
 *
 * @category Stats
 */
export interface SampleSizeForMarginOptions {
  /** The expected proportion, a fraction from 0 to 1. Default: 0.5 (the worst case, largest n). */
  readonly proportion?: number;
  /** Confidence level, strictly between 0 and 1. Default: 0.95. */
  readonly confidenceLevel?: number;
}

/**
 * The number of answers needed so that a proportion's confidence interval has at most the
 * given half-width (margin of error): n = ⌈z²·p(1 − p) / margin²⌉.
 *
 * @param margin - The margin of error as a fraction, strictly between 0 and 1 (0.05 = ±5 points).
 * @param options - {@link SampleSizeForMarginOptions}: `proportion` (default 0.5), `confidenceLevel` (0.95).
 * @returns The number of answers (an integer, at least 1).
 * @throws {@link MetricRangeError} `E_MARGIN_RANGE` if the margin is not strictly between 0
 * and 1; `E_FRACTION_RANGE` if the proportion is not from 0 to 1; `E_CONFIDENCE_LEVEL` if the
 * confidence level is not strictly between 0 and 1; `E_OVERFLOW` if the sample size would
 * exceed 2^53 − 1 (a margin of about 1e−8 or less).
 * @remarks Uses the normal (Wald) half-width z·√(p(1 − p)/n), as survey planning tables do;
 * no finite-population correction. A proportion of 0 or 1 has no spread: the result is 1.
 * The ceiling tolerates a relative rounding error of 1e−12, so an exact integer is not
 * pushed up by binary floating point.
 * @example
 * ```ts
 * sampleSizeForMargin(0.05);                      // => 385
 * sampleSizeForMargin(0.03);                      // => 1068
 * sampleSizeForMargin(0.05, { proportion: 0.2 }); // => 246
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Margin_of_error}
 * @category Stats
 */
export function sampleSizeForMargin(margin: number, options?: SampleSizeForMarginOptions): number {
  const fn = "sampleSizeForMargin";
  if (typeof margin !== "number" || !(margin > 0 && margin < 1)) {
    throw new MetricRangeError("E_MARGIN_RANGE", `${fn}: margin must be a fraction strictly between 0 and 1, got ${String(margin)}`);
  }
  const proportion = options?.proportion ?? 0.5;
  assertFraction(fn, "proportion", proportion);
  const z = twoSidedZ(confidenceLevelOf(fn, options?.confidenceLevel));
  const spread = z * z * proportion * (1 - proportion);
  // No spread needs one answer, however small the margin (0 / 0 when margin² underflows).
  if (spread === 0) return 1;
  return assertSafeSampleSize(fn, Math.max(1, ceilTolerant(spread / (margin * margin))));
}
