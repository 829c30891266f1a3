import { assertCount } from "../../_lib/guards.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { addNpsScores, npsState } from "../survey/npsAccumulator.ts";

/**
 * The counts of promoters (9–10), passives (7–8) and detractors (0–6) of an NPS survey.
 *
 * @category Stats
 */
export interface NpsCounts {
  /** Answers of 9 or 10. A non-negative integer. */
  readonly promoters: number;
  /** Answers of 7 or 8. A non-negative integer. */
  readonly passives: number;
  /** Answers from 0 to 6. A non-negative integer. */
  readonly detractors: number;
}

/**
 * NPS answers as raw 0–10 scores (one per respondent) or as {@link NpsCounts}.
 *
 * @category Stats
 */
export type NpsSample = readonly number[] | NpsCounts;

/**
 * Reduces raw scores (counted by the survey area's `addNpsScores`: the one NPS grouping) or counts
 * to checked counts: `E_SCORE_RANGE` for a score that is not an
 * integer from 0 to 10, `E_COUNT_RANGE` for a count that is not a non-negative integer.
 *
 * @internal
 */
export function npsCountsOf(fn: string, sample: NpsSample, name = "scores"): NpsCounts {
  if (Array.isArray(sample)) {
    const counts = npsState();
    addNpsScores(fn, counts, sample as readonly number[], `${name} must be integers`);
    return counts;
  }
  const counts = sample as NpsCounts;
  if (counts === null || typeof counts !== "object") {
    throw new MetricRangeError("E_COUNT_RANGE", `${fn}: ${name} must be an array of scores or an object of counts, got ${String(counts)}`);
  }
  assertCount(fn, `${name}.promoters`, counts.promoters);
  assertCount(fn, `${name}.passives`, counts.passives);
  assertCount(fn, `${name}.detractors`, counts.detractors);
  const total = counts.promoters + counts.passives + counts.detractors;
  if (!Number.isFinite(total)) {
    throw new MetricRangeError(
      "E_OVERFLOW",
      `${fn}: ${name} counts must add up to a finite number (at most 1.8e308), got ${String(total)}`,
    );
  }
  return counts;
}

/**
 * NPS (points), its per-answer variance p + d − (p − d)² and the number of answers, from counts.
 * `undefined` for no answers.
 *
 * @internal
 */
export function npsMoments(counts: NpsCounts): { nps: number; variance: number; n: number } | undefined {
  const n = counts.promoters + counts.passives + counts.detractors;
  if (n === 0) return undefined;
  const mean = (counts.promoters - counts.detractors) / n;
  // Never below 0: rounding could make p + d − (p − d)² a hair negative when p or d is 1.
  const variance = Math.max(0, (counts.promoters + counts.detractors) / n - mean * mean);
  // Computed as nps() computes it, so the two agree exactly.
  const nps = ((counts.promoters - counts.detractors) / n) * 100;
  return { nps: nps === 0 ? 0 : nps, variance, n };
}
