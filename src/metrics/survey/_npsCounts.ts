import { MetricRangeError } from "../../_lib/errors.ts";

/** Promoters (9–10), passives (7–8) and detractors (0–6) among NPS answers. @internal */
export interface NpsCounts {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

/**
 * Counts the three NPS groups, throwing `E_SCORE_RANGE` (with `fn` in the message) for a
 * score that is not an integer from 0 to 10. The loop of `nps` and `npsBreakdown`.
 *
 * @internal
 */
export function npsCounts(fn: string, scores: readonly number[]): NpsCounts {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const score of scores) {
    if (!Number.isInteger(score) || score < 0 || score > 10) {
      throw new MetricRangeError("E_SCORE_RANGE", `${fn}: score must be an integer from 0 to 10, got ${String(score)}`);
    }
    if (score >= 9) promoters++;
    else if (score >= 7) passives++;
    else detractors++;
  }
  return { promoters, passives, detractors };
}
