/**
 * The input, options and output types of {@link report} and {@link reportAccumulator}.
 *
 * Everything under {@link Report} is plain JSON: objects, arrays, strings, finite numbers,
 * booleans and `null` (a metric without data). Instants are ISO-8601 UTC strings, durations
 * milliseconds, rates and shares fractions from 0 to 1, NPS points from −100 to 100.
 *
 * @module
 */
import type { LogMeanInterval } from "../_lib/logMeanInterval.ts";
import type { ValueSummary } from "../_lib/valueSummary.ts";
import type { DurationMetricSummary } from "../metrics/time/durationAccumulators.ts";
import type { Json } from "./json.ts";
import type { SurveySummary } from "../metrics/survey/surveyResponsesAccumulator.ts";
import type { TicketRatingsSummary } from "../metrics/survey/ticketRatingsAccumulator.ts";
import type { ReopenRateSummary } from "../metrics/volume/reopenRate.ts";
import type { ContactsJson } from "./contactsTypes.ts";
import type { BucketUnit } from "../_lib/bucket.ts";
import type { TicketStatus } from "../models/ticket.ts";

export type { BucketUnit };

export type * from "./options.ts";
export type * from "./comparisonTypes.ts";
export type * from "./wholeTypes.ts";
export type * from "./survivalTypes.ts";
export type * from "./slaTypes.ts";
import type { SlaJson } from "./slaTypes.ts";
import type { FirstResponseSurvivalJson, ResolutionSurvivalJson } from "./survivalTypes.ts";
import type { CustomersJson, PeaksJson, TypesJson, VolumeJson } from "./wholeTypes.ts";
import type { ComparisonJson, LeaderboardJson } from "./comparisonTypes.ts";
import type { BotsJson, RespondersJson } from "./responderTypes.ts";

/**
 * A period in the report.
 *
 * @category Report
 */
export interface PeriodJson {
  /** The start, inclusive (ISO-8601). */
  readonly from: string;
  /** The end, exclusive (ISO-8601). */
  readonly to: string;
}

/**
 * A confidence interval attached to a score, a rate or a mean: its bounds (in the unit of the
 * value), the confidence level and the method (the `method` of `npsInterval` or `wilsonInterval`,
 * or `"log-scale t (delta method)"` for means). Computed from the counts (or values) of the same
 * scope when the report is read; never part of the merged state.
 *
 * @category Report
 */
export type IntervalJson = Json<LogMeanInterval>;

/**
 * A summary of durations (milliseconds) or reply counts, with the log-scale interval of its mean:
 * {@link ValueSummary} as JSON.
 *
 * @category Report
 */
export type DurationSummaryWithIntervalJson = Json<ValueSummary>;

/**
 * A duration summary without intervals (the helpdesk's own figures).
 *
 * @category Report
 */
export type DurationSummaryJson = Omit<DurationSummaryWithIntervalJson, "meanInterval" | "medianInterval" | "p"> & {
  /** The requested percentiles, as `{ p, value }`. */
  readonly p: readonly {
    /** The probability asked for, 0 to 1. */
    readonly p: number;
    /** Its R-7 quantile, in ms. */
    readonly value: number;
  }[];
};

/**
 * One per-ticket duration metric (first response, resolution, ...) over the tickets in scope:
 * {@link DurationMetricSummary} (the result of its accumulator, e.g.
 * `firstResponseTimeAccumulator`) as JSON.
 *
 * @category Report
 */
export type DurationMetricJson = Json<DurationMetricSummary>;

/**
 * The survey section of a scope: {@link SurveySummary} (the result of
 * `surveyResponsesAccumulator`) as JSON.
 *
 * @category Report
 */
export type SurveyJson = Json<SurveySummary> & {
  /**
   * Where `csat` came from: `"responses"` (the survey responses), `"ticketRatings"` (the
   * satisfaction ratings on the tickets, used when the scope has no CSAT response), `null`
   * without either.
   */
  readonly csatSource: "responses" | "ticketRatings" | null;
};

/**
 * CSAT from the satisfaction ratings on the tickets of a scope, with the survey response rate
 * (the result of `ticketRatingsAccumulator` as JSON).
 *
 * @category Report
 */
export type RatingsJson = Json<TicketRatingsSummary>;

/**
 * Reopen rate of the tickets of a scope (the result of `reopenRateAccumulator` as JSON).
 *
 * @category Report
 */
export type ReopensJson = Omit<Json<ReopenRateSummary>, "interval"> & {
  /** The Wilson interval of `rate`; `null` when no ticket was solved. */
  readonly interval: IntervalJson | null;
};

/**
 * Ticket counts of the tickets in scope.
 *
 * @category Report
 */
export interface CountsJson {
  /** Tickets per status category, plus `unassigned` (unsolved with no assignee; overlaps) and `total`, as `ticketsByStatus`. */
  readonly statuses: Readonly<Record<TicketStatus | "unassigned" | "total", number>>;
  /** Resolution rate as `resolutionRate`, judged at the period's end (or `asOf` without a period). */
  readonly resolutionRate: {
    /** `resolved / received`; `null` when nothing was received. */
    readonly value: number | null;
    /** `resolved + unresolved`. */
    readonly received: number;
    /** Resolved by the judging moment. */
    readonly resolved: number;
    /** Not resolved by it. */
    readonly unresolved: number;
    /** Of `resolved`, those without `solvedAt`, judged by status alone. */
    readonly resolvedByStatusOnly: number;
    /** The instant resolution is judged at (ISO-8601). */
    readonly judgedAt: string;
    /** Wilson score interval of `value`; `null` when nothing was received. */
    readonly interval: IntervalJson | null;
  };
  /** Backlog at `asOf` as `backlog` with the default threshold (the average resolution time). */
  readonly backlog: {
    /** Unresolved tickets open longer than the threshold; `null` without a threshold. */
    readonly count: number | null;
    /** The threshold in ms; `null` when no resolution time could be averaged. */
    readonly threshold: number | null;
    /** Resolution times averaged for the threshold. */
    readonly averagedResolutions: number;
    /** Tickets unresolved at `asOf`. */
    readonly unresolved: number;
    /** Tickets resolved at `asOf`. */
    readonly resolved: number;
  };
  /** The channel mix as `channelMix`; `null` without tickets. */
  readonly channelMix: {
    /** Per channel, most tickets first (ties by name). */
    readonly channels: readonly {
      /** The channel as on the tickets. */
      readonly channel: string;
      /** Its tickets. */
      readonly count: number;
      /** `count / tickets` (all tickets, with or without a channel). */
      readonly share: number;
    }[];
    /** Tickets without a channel: `count` and `share` of all tickets. */
    readonly withoutChannel: {
      /** The number of tickets without a channel. */
      readonly count: number;
      /** Their share of all tickets, from 0 to 1. */
      readonly share: number;
    };
  } | null;
}

/**
 * Per-ticket durations and reply counts.
 *
 * @category Report
 */
export interface TimeJson {
  /** First response time (`firstResponseTime`). */
  readonly firstResponse: DurationMetricJson;
  /** Every customer turn's response time (`responseTimes`). */
  readonly responses: DurationMetricJson;
  /** Time to the first solve (`resolutionTime` with `until: "first"`). */
  readonly resolutionFirst: DurationMetricJson;
  /** Time to the final solve (`resolutionTime`, the default). */
  readonly resolutionFinal: DurationMetricJson;
  /** Time to the first assignment (`assignmentTime`). */
  readonly assignment: DurationMetricJson;
  /** Requester wait time (`requesterWaitTime`, pending and on-hold excluded). */
  readonly requesterWait: DurationMetricJson;
  /** Agent work time: time in `new` and `open` from creation to the last solve event (`statusTimeAccumulator("agentWork")`). */
  readonly agentWork: DurationMetricJson;
  /** Agent wait time: time in `pending` (`statusTimeAccumulator("agentWait")`). */
  readonly agentWait: DurationMetricJson;
  /** On-hold time: time in `on_hold` (`statusTimeAccumulator("onHold")`). */
  readonly onHold: DurationMetricJson;
  /** Time to the final solve counting the open tickets censored at `asOf` (`resolutionSurvival`, Kaplan–Meier). */
  readonly resolutionSurvival: ResolutionSurvivalJson;
  /** Time to the first response counting the unanswered tickets censored at `asOf` (`firstResponseSurvival`, Kaplan–Meier). */
  readonly firstResponseSurvival: FirstResponseSurvivalJson;
  /** One-touch resolution (`oneTouchResolution`). */
  readonly oneTouch: {
    /** `oneTouch / resolved`; `null` when `resolved` is 0. */
    readonly share: number | null;
    /** Resolved with exactly one public agent reply. */
    readonly oneTouch: number;
    /** Resolved with none. */
    readonly zeroTouch: number;
    /** Resolved tickets with a known reply count. */
    readonly resolved: number;
    /** Wilson score interval of `share`; `null` when `resolved` is 0. */
    readonly interval: IntervalJson | null;
  };
  /** Replies to resolve (`repliesToResolve`): a summary of reply counts (not milliseconds), with the mean's interval; `null` without data. */
  readonly repliesToResolve: DurationSummaryWithIntervalJson | null;
}

/**
 * The metrics computed for the whole scope, for each segment and for the comparison period.
 *
 * @category Report
 */
export interface MetricSetJson {
  /** Tickets counted. */
  readonly tickets: number;
  /** Counts. */
  readonly counts: CountsJson;
  /** Durations. */
  readonly time: TimeJson;
  /** SLA compliance; `null` without a policy. */
  readonly sla: SlaJson | null;
  /** Reopen rate and reopens per solved ticket. */
  readonly reopens: ReopensJson;
  /** CSAT from the tickets' own satisfaction ratings, and the survey response rate. */
  readonly ratings: RatingsJson;
  /**
   * Survey results; for a segment whose dimension responses do not carry, `null` unless its
   * tickets have ratings (then `csat` is theirs and `nps`, `ces` are empty).
   */
  readonly survey: SurveyJson | null;
  /** Customers served (by requester), contacts per customer and the repeat-contact rate. */
  readonly contacts: ContactsJson;
  /** Per-responder figures, from the messages' `authorId` (issue 17). */
  readonly responders: RespondersJson;
  /** Bot resolution and handoff rates, from the messages (issue 17). */
  readonly bots: BotsJson;
}

/**
 * One segment: its key parts and its metrics.
 *
 * @category Report
 */
export interface SegmentJson extends MetricSetJson {
  /** The value of each dimension (`"(none)"` when missing), in the order of the dimensions. */
  readonly key: readonly string[];
}

/**
 * One segmentation's results.
 *
 * @category Report
 */
export interface SegmentationJson {
  /** The dimension names, e.g. `["channel", "type"]`. */
  readonly dimensions: readonly string[];
  /** `true` when a ticket can be in several segments (a `tag` dimension): counts may sum to more than the total. */
  readonly overlapping: boolean;
  /**
   * `true` when survey responses are placed in these segments: joined to their ticket by
   * `ticketId` (at least one was), or by the response's own key (every dimension has a response
   * field or `responseKey`); otherwise each segment's `survey` is `null` (or only the tickets'
   * ratings' CSAT).
   */
  readonly surveySegmented: boolean;
  /**
   * Responses in scope placed in no segment here: not joined to a ticket (no `ticketId`, or its
   * ticket was not added after it) and no response key for these dimensions. 0 when every
   * dimension has a response key.
   */
  readonly responsesNotJoined: number;
  /** One entry per key seen, most tickets first (ties by key). */
  readonly segments: readonly SegmentJson[];
}

/**
 * The whole report: one JSON-serialisable object. See docs/guide/report.md for the schema.
 *
 * @category Report
 */
export interface Report extends MetricSetJson {
  /** The schema version: 1. */
  readonly version: 1;
  /** The options the report was computed with. */
  readonly parameters: {
    /** `asOf` (ISO-8601). */
    readonly asOf: string;
    /** The time zone. */
    readonly timeZone: string;
    /** The period; `null` for every ticket. */
    readonly period: PeriodJson | null;
    /** The comparison period; `null` without. */
    readonly compareTo: PeriodJson | null;
    /** The volume bucket length. */
    readonly bucket: BucketUnit;
    /** Whether a schedule was given (business-time summaries present). */
    readonly businessHours: boolean;
    /** The duration percentiles. */
    readonly percentiles: readonly number[];
    /** The confidence level of the intervals and significance tests. */
    readonly confidenceLevel: number;
    /** The `valuePerCustomer` option; `null` when not given. */
    readonly valuePerCustomer: number | null;
    /** The metric selection: always `null` here (every metric computed); a `SelectedReport` (option `metrics`) lists its own. */
    readonly metrics: null;
  };
  /** What was read. */
  readonly input: {
    /** Tickets read. */
    readonly tickets: number;
    /** Tickets in scope (created in the period, or all valid ones). */
    readonly ticketsInScope: number;
    /** Survey responses read. */
    readonly responses: number;
    /** Responses in scope. */
    readonly responsesInScope: number;
    /** Responses in scope joined to their ticket by `ticketId` (placed in that ticket's segments). */
    readonly responsesJoined: number;
    /** Responses in scope not joined: without a `ticketId`, or whose ticket was not added after them. */
    readonly responsesNotJoined: number;
    /** Cohorts given. */
    readonly cohorts: number;
  };
  /** Volume per bucket; `null` when no ticket has a valid `createdAt` and there is no period. */
  readonly volume: VolumeJson | null;
  /** The arrival heatmap; `null` with `volume`. */
  readonly peaks: PeaksJson | null;
  /** Ticket types. */
  readonly types: TypesJson;
  /** Retention; `null` without cohorts. */
  readonly customers: CustomersJson | null;
  /** One entry per requested segmentation, in the order asked. */
  readonly segments: readonly SegmentationJson[];
  /** The agent leaderboard. */
  readonly leaderboard: LeaderboardJson;
  /** The period comparison; `null` without `compareTo`. */
  readonly comparison: ComparisonJson | null;
  /** Everything a metric left out, by metric then reason (whole scope; also in each section). */
  readonly skipped: Readonly<Record<string, Readonly<Record<string, number>>>>;
}
