import { assertFraction } from "../../_lib/guards.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { confidenceLevelOf, twoSidedZ } from "./confidence.ts";
import { ceilTolerant } from "../../_lib/ceil.ts";
import { assertSafeSampleSize } from "../../_lib/moments.ts";

/**
 * Options of {@link npsSampleSizeForMargin}.
 *
 * @category Stats
 */
export interface NpsSampleSizeForMarginOptions {
  /** Expected promoter share, a fraction from 0 to 1. Give it with `detractorShare`; without both, the worst-case variance 1 is used. */
  readonly promoterShare?: number;
  /** Expected detractor share, a fraction from 0 to 1 (promoterShare + detractorShare ≤ 1). */
  readonly detractorShare?: number;
  /** Confidence level, strictly between 0 and 1. Default: 0.95. */
  readonly confidenceLevel?: number;
}

/**
 * The number of NPS answers needed so that the NPS confidence interval has at most the given
 * half-width in points: n = ⌈z²·var / (margin/100)²⌉ with var = p + d − (p − d)² for expected
 * promoter and detractor shares p and d, or the worst case var = 1 (half promoters, half detractors).
 *
 * @param margin - The margin of error in NPS points, greater than 0 and at most 200 (5 = ±5 points).
 * @param options - {@link NpsSampleSizeForMarginOptions}: `promoterShare` and `detractorShare`
 * (default: worst case), `confidenceLevel` (0.95).
 * @returns The number of answers (an integer, at least 1).
 * @throws {@link MetricRangeError} `E_MARGIN_RANGE` if the margin is not in (0, 200];
 * `E_FRACTION_RANGE` if a share is not from 0 to 1; `E_SHARES_SUM` if only one share is given
 * or the two add up to more than 1; `E_CONFIDENCE_LEVEL` if the confidence level is not
 * strictly between 0 and 1; `E_OVERFLOW` if the sample size would exceed 2^53 − 1.
 * @remarks Matches {@link npsInterval}, whose half-width is z·100·√(var/n). No
 * finite-population correction. Shares that leave no spread (all promoters) give 1.
 * @example
 * ```ts
 * npsSampleSizeForMargin(5);  // => 1537
 * npsSampleSizeForMargin(10); // => 385
 * npsSampleSizeForMargin(5, { promoterShare: 0.3, detractorShare: 0.2 }); // => 753
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Net_promoter_score}
 * @category Stats
 */
export function npsSampleSizeForMargin(margin: number, options?: NpsSampleSizeForMarginOptions): number {
  const fn = "npsSampleSizeForMargin";
  if (typeof margin !== "number" || !(margin > 0 && margin <= 200)) {
    throw new MetricRangeError(
      "E_MARGIN_RANGE",
      `${fn}: margin must be a number of NPS points greater than 0 and at most 200, got ${String(margin)}`,
    );
  }
  const p = options?.promoterShare;
  const d = options?.detractorShare;
  let variance = 1;
  if (p !== undefined || d !== undefined) {
    if (p === undefined || d === undefined) {
      throw new MetricRangeError(
        "E_SHARES_SUM",
        `${fn}: promoterShare and detractorShare must be given together, got ${String(p)} and ${String(d)}`,
      );
    }
    assertFraction(fn, "promoterShare", p);
    assertFraction(fn, "detractorShare", d);
    if (p + d > 1 + 1e-12) {
      throw new MetricRangeError("E_SHARES_SUM", `${fn}: promoterShare + detractorShare must be at most 1, got ${String(p + d)}`);
    }
    variance = Math.max(0, p + d - (p - d) * (p - d));
  }
  const z = twoSidedZ(confidenceLevelOf(fn, options?.confidenceLevel));
  const m = margin / 100;
  // No spread needs one answer, however small the margin (0 / 0 when m² underflows).
  if (z * z * variance === 0) return 1;
  return assertSafeSampleSize(fn, Math.max(1, ceilTolerant((z * z * variance) / (m * m))));
}
