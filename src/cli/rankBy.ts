/**
 * The leaderboard metrics `cx-metrics report --rank-by` accepts.
 *
 * @internal
 * @module
 */

/** The leaderboard metrics (`--rank-by`). */
export const RANK_BY = [
  "tickets",
  "firstResponseMedian",
  "resolutionMedian",
  "csat",
  "oneTouchShare",
  "firstResponseMeanAdjusted",
  "resolutionMeanAdjusted",
  "csatAdjusted",
  "oneTouchShareAdjusted",
  "csatShrunk",
  "oneTouchShareShrunk",
  "replyTimeMedian",
] as const;
