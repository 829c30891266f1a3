/**
 * The report's leaderboard and period comparison, as JSON.
 *
 * @module
 */
import type { MetricSetJson, PeriodJson } from "./types.ts";
import type { LeaderboardMetric } from "./options.ts";

/**
 * One agent's leaderboard row.
 *
 * @category Report
 */
export interface LeaderboardRowJson {
  /** The agent (the tickets' `assignee`, the responses' `agent`). */
  readonly agent: string;
  /** 1 for the best; tied values share a rank; `null` when unranked. */
  readonly rank: number | null;
  /** Why unranked: `belowMinSample` or `noData`; `null` when ranked. */
  readonly unrankedReason: "belowMinSample" | "noData" | null;
  /** The observations of the ranked metric (tickets, measured durations, CSAT answers or resolved tickets). */
  readonly sample: number;
  /** The value of the ranked metric; `null` without data. */
  readonly value: number | null;
  /** Tickets assigned to the agent. */
  readonly tickets: number;
  /** Median first response time in ms (business time with a schedule); `null` without data. */
  readonly firstResponseMedian: number | null;
  /** Median final resolution time in ms (business time with a schedule); `null` without data. */
  readonly resolutionMedian: number | null;
  /** CSAT of the responses attributed to the agent; `null` without any. */
  readonly csat: number | null;
  /** One-touch share; `null` without resolved tickets. */
  readonly oneTouchShare: number | null;
}

/**
 * The agent leaderboard.
 *
 * @category Report
 */
export interface LeaderboardJson {
  /** The metric ranked by. */
  readonly by: LeaderboardMetric;
  /** `"desc"` when more is better, `"asc"` when less is. */
  readonly order: "asc" | "desc";
  /** The fewest observations needed for a rank. */
  readonly minSample: number;
  /** The clock of the two medians. */
  readonly clock: "calendar" | "business";
  /** Ranked agents first (by rank, then name), then unranked ones (by name). */
  readonly rows: readonly LeaderboardRowJson[];
  /** Tickets in scope with no assignee (not on the board). */
  readonly unassignedTickets: number;
}

/**
 * One compared metric.
 *
 * @category Report
 */
export interface ChangeJson {
  /** The metric's path in {@link MetricSetJson}, e.g. `"time.firstResponse.calendar.median"`. */
  readonly metric: string;
  /** Its value in the period; `null` without data. */
  readonly current: number | null;
  /** Its value in `compareTo`; `null` without data. */
  readonly previous: number | null;
  /** `current − previous`; `null` when either is `null`. */
  readonly change: number | null;
  /** `(current − previous) / previous`; `null` when either is `null` or `previous` is 0. */
  readonly relativeChange: number | null;
}

/**
 * A two-sided test of "no change" between the period and `compareTo`.
 *
 * @category Report
 */
export interface ChangeTestJson {
  /** How it was tested: the `method` of `twoProportionZTest` (rates, shares, CSAT, SLA compliance) or `npsDifferenceTest` (NPS). */
  readonly method: string;
  /** The two-sided p-value, from 0 to 1. */
  readonly pValue: number;
  /** `pValue < 1 − confidenceLevel`: `false` means the change may well be noise. */
  readonly significant: boolean;
}

/**
 * One compared metric with its significance test.
 *
 * @category Report
 */
export interface ComparedChangeJson extends ChangeJson {
  /** The test of the change for proportions (resolution rate, one-touch share, SLA compliance, CSAT) and NPS; `null` for other metrics or when either period has no data. */
  readonly test: ChangeTestJson | null;
}

/**
 * The period comparison.
 *
 * @category Report
 */
export interface ComparisonJson {
  /** The period. */
  readonly period: PeriodJson;
  /** The period compared with. */
  readonly compareTo: PeriodJson;
  /** Every metric of the comparison period. */
  readonly previous: MetricSetJson;
  /** The headline metrics side by side, proportions and NPS with a significance test. */
  readonly changes: readonly ComparedChangeJson[];
}
