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
  /** Median reply time in ms (business time with a schedule): of the agent's tickets' customer turns on an assignee board, of the turns the responder's replies ended on a responder board; `null` without data. */
  readonly replyTimeMedian: number | null;
  /** Public replies sent by the responder; `null` on an assignee board. */
  readonly replies: number | null;
  /** The figures adjusted for the agent's mix of strata; `null` unless ranked by one of them (`…Adjusted`). */
  readonly adjusted: LeaderboardAdjustedJson | null;
  /** CSAT and one-touch share shrunk towards the team (beta-binomial empirical Bayes). */
  readonly shrunk: {
    /** Shrunk CSAT; `null` without CSAT answers in the team. */
    readonly csat: ShrunkFigureJson | null;
    /** Shrunk one-touch share; `null` without resolved tickets in the team. */
    readonly oneTouchShare: ShrunkFigureJson | null;
  };
  /** The agent's rank among the same ranked agents by the plain figure behind the ranked one (the crude mean, CSAT or one-touch share); `null` when ranked by a plain figure or unranked. */
  readonly rawRank: number | null;
  /** How certain `rank` is; `null` when ranked by a plain figure or unranked. */
  readonly certainty: RankCertaintyJson | null;
}

/**
 * One figure adjusted by indirect standardisation: value = the team's figure × observed / expected.
 *
 * @category Report
 */
export interface AdjustedFigureJson {
  /** The adjusted figure (ms for durations, a fraction for rates; a rate may exceed 1); `null` when nothing is expected. */
  readonly value: number | null;
  /** The plain figure: observed / count (the mean duration, the rate). */
  readonly crude: number;
  /** Observations (durations measured, answers, resolved tickets). */
  readonly count: number;
  /** Observed total O: the sum of durations in ms, or the successes. */
  readonly observed: number;
  /** Expected total E: Σ over the agent's strata of its count × the team's figure there. */
  readonly expected: number;
  /** O / E: below 1 is better than the team for durations, above 1 for rates; `null` when E is 0. */
  readonly ratio: number | null;
  /** Lower bound of `value` at the report's confidence level (the agent's own sampling error; E taken as known); `null` when not measurable. */
  readonly lower: number | null;
  /** Upper bound of `value`; `null` when not measurable. */
  readonly upper: number | null;
}

/**
 * An agent's mix-adjusted figures.
 *
 * @category Report
 */
export interface LeaderboardAdjustedJson {
  /** Mean first response time, adjusted; `null` without data. */
  readonly firstResponseMean: AdjustedFigureJson | null;
  /** Mean final resolution time, adjusted; `null` without data. */
  readonly resolutionMean: AdjustedFigureJson | null;
  /** CSAT, adjusted; `null` without answers. */
  readonly csat: AdjustedFigureJson | null;
  /** One-touch share, adjusted; `null` without resolved tickets. */
  readonly oneTouchShare: AdjustedFigureJson | null;
}

/**
 * A rate shrunk towards the team: the posterior mean and equal-tailed credible interval.
 *
 * @category Report
 */
export interface ShrunkFigureJson {
  /** The posterior mean (x + α) / (n + α + β), from 0 to 1. */
  readonly value: number;
  /** The (1 − level)/2 quantile of the posterior Beta. */
  readonly lower: number;
  /** The (1 + level)/2 quantile of the posterior Beta. */
  readonly upper: number;
}

/**
 * How certain a rank is, from seeded draws of every ranked agent's figure.
 *
 * @category Report
 */
export interface RankCertaintyJson {
  /** The share of draws in which the agent had exactly its shown rank, 0 to 1. */
  readonly probability: number;
  /** The (1 − level)/2 quantile of its simulated rank. */
  readonly lower: number;
  /** The (1 + level)/2 quantile of its simulated rank. */
  readonly upper: number;
}

/**
 * The team prior of a shrunk rate.
 *
 * @category Report
 */
export interface LeaderboardPriorJson {
  /** α. */
  readonly alpha: number;
  /** β. */
  readonly beta: number;
  /** The team rate α / (α + β) (all assigned answers pooled). */
  readonly mean: number;
  /** α + β: how many answers the prior weighs as. */
  readonly strength: number;
  /** `"method of moments"`, or `"pooled"` when agents differ no more than binomial noise. */
  readonly method: "method of moments" | "pooled";
}

/**
 * The agent leaderboard.
 *
 * @category Report
 */
export interface LeaderboardJson {
  /** Who is ranked: `"assignee"` (the tickets' assignee) or `"responder"` (the authors of public agent replies; rows' `tickets` are the tickets they replied on). */
  readonly of: "assignee" | "responder";
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
  /** Tickets in scope with no assignee (not on the board); 0 on a responder board. */
  readonly unassignedTickets: number;
  /** On a responder board, the replies without `authorId` (not on the board) and the tickets they were on; `null` on an assignee board. */
  readonly unknownResponder: {
    /** Tickets with a reply without `authorId`. */
    readonly tickets: number;
    /** Replies without `authorId`. */
    readonly replies: number;
  } | null;
  /** The dimensions of the strata of the adjusted figures (`["channel", "type", "priority"]`); `null` unless ranked by an adjusted figure. */
  readonly strata: readonly string[] | null;
  /** The team priors of the shrunk rates. */
  readonly priors: {
    /** CSAT's; `null` without answers. */
    readonly csat: LeaderboardPriorJson | null;
    /** One-touch share's; `null` without resolved tickets. */
    readonly oneTouchShare: LeaderboardPriorJson | null;
  };
  /** How rank certainty was simulated; `null` when ranked by a plain figure. */
  readonly certainty: {
    /** Monte Carlo draws. */
    readonly draws: number;
    /** The generator's seed. */
    readonly seed: number;
    /** The probability of each rank interval (the report's confidence level). */
    readonly confidenceLevel: number;
  } | null;
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
