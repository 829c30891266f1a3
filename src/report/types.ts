/**
 * The input, options and output types of {@link report} and {@link reportAccumulator}.
 *
 * Everything under {@link Report} is plain JSON: objects, arrays, strings, finite numbers,
 * booleans and `null` (a metric without data). Instants are ISO-8601 UTC strings, durations
 * milliseconds, rates and shares fractions from 0 to 1, NPS points from −100 to 100.
 *
 * @module
 */
import type { QuantileOption } from "../_lib/quantileStore.ts";
import type { LogMeanInterval } from "../_lib/logMeanInterval.ts";
import type { ValueSummary } from "../_lib/valueSummary.ts";
import type { DurationMetricSummary } from "../metrics/time/durationAccumulators.ts";
import type { Json } from "./json.ts";
import type { BucketUnit } from "../_lib/bucket.ts";
import type { Cohort } from "../models/cohort.ts";
import type { Schedule, Weekday } from "../models/schedule.ts";
import type { SlaPolicy } from "../models/sla.ts";
import type { SurveyResponse } from "../models/survey.ts";
import type { Ticket, TicketStatus } from "../models/ticket.ts";

export type { BucketUnit };

/**
 * A built-in segment dimension: the ticket field of that name. Survey responses are
 * segmented by their own `agent` (for `assignee`) and `channel` fields; the other dimensions
 * have no response field, so segments by them carry no survey results.
 *
 * `tag` is multi-valued: a ticket with several (distinct) tags counts once in each tag's
 * segment, so tag segments may sum to more than the total; a ticket without tags goes to
 * `"(none)"`.
 *
 * @category Report
 */
export type SegmentDimension = "assignee" | "group" | "channel" | "type" | "priority" | "tag";

/**
 * A user-defined segment dimension, e.g. "difficulty" computed from a ticket's fields.
 *
 * @category Report
 */
export interface CustomDimension {
  /** The dimension's name in the report, e.g. `"difficulty"`. */
  readonly name: string;
  /** The key of a ticket; `undefined`, `null` or `""` go to `"(none)"`. */
  readonly key: (ticket: Ticket) => string | number | boolean | null | undefined;
  /** The key of a survey response; when absent, segments by this dimension carry no survey results. */
  readonly responseKey?: ((response: SurveyResponse) => string | number | boolean | null | undefined) | undefined;
}

/**
 * One segmentation: a dimension, or several at once (`["channel", "type"]` is channel × type).
 *
 * @category Report
 */
export type SegmentKey = SegmentDimension | CustomDimension | readonly (SegmentDimension | CustomDimension)[];

/**
 * The metric an agent leaderboard ranks by: tickets handled (more is better), first response
 * or final resolution median (less is better), CSAT or one-touch share (more is better).
 *
 * @category Report
 */
export type LeaderboardMetric = "tickets" | "firstResponseMedian" | "resolutionMedian" | "csat" | "oneTouchShare";

/**
 * A half-open span of time `[from, to)`.
 *
 * @category Report
 */
export interface ReportPeriod {
  /** The start, inclusive. */
  readonly from: Date;
  /** The end, exclusive; not before `from`. */
  readonly to: Date;
}

/**
 * Options of {@link report} and {@link reportAccumulator}.
 *
 * @category Report
 */
export interface ReportOptions {
  /** The moment the report is judged at (backlog, SLA clocks still running). Required: there is no hidden clock. */
  readonly asOf: Date;
  /** The IANA time zone of every calendar bucket and of the heatmap. Required. */
  readonly timeZone: string;
  /** Business hours; when given, every duration is also summarised in business time. Default: none. */
  readonly schedule?: Schedule | undefined;
  /** The SLA policy to judge tickets against; when absent, `sla` is `null`. A policy without its own `schedule` uses `schedule` for business-hours targets. */
  readonly slaPolicy?: SlaPolicy | undefined;
  /** Segmentations to compute, e.g. `["channel", "assignee", ["channel", "type"]]`. Default: none. */
  readonly segments?: readonly SegmentKey[] | undefined;
  /**
   * The period reported: only tickets created and responses answered in `[from, to)` are in
   * scope; it is also the range of the volume buckets and the heatmap. Default: every ticket,
   * with the volume range the whole buckets from the earliest to the latest `createdAt`.
   */
  readonly period?: ReportPeriod | undefined;
  /** A period to compare with (needs `period`): the same metrics side by side, new ticket types and type change. Default: none. */
  readonly compareTo?: ReportPeriod | undefined;
  /** The volume bucket length. Default: `"day"`. */
  readonly bucket?: BucketUnit | undefined;
  /** The agent leaderboard. Default: `{ by: "tickets", minSample: 10 }`. */
  readonly leaderboard?:
    | {
        /** The metric ranked by. */
        readonly by: LeaderboardMetric;
        /** The fewest observations of that metric an agent needs to be ranked: an integer ≥ 1. Default: 10. */
        readonly minSample?: number | undefined;
      }
    | undefined;
  /** Percentiles (0 to 1) of every duration summary, e.g. `[0.9, 0.95]`. Default: `[0.9]`. */
  readonly percentiles?: readonly number[] | undefined;
  /** How many hours the heatmap's `top` covers: an integer from 1 to 24. Default: 3. */
  readonly topHours?: number | undefined;
  /**
   * The confidence level of every interval in the report (NPS, CSAT, rates, shares, SLA
   * compliance, mean durations), strictly between 0 and 1; a period change is significant
   * when its two-sided p-value is below 1 − `confidenceLevel`. Default: 0.95.
   */
  readonly confidenceLevel?: number | undefined;
  /**
   * The money one lost customer is worth (e.g. a lifetime value, or an average cost of a lost
   * customer; the Russian article quotes USD 243 as an example, not a default): with cohorts,
   * `customers.revenueAtRisk` is the lost customers times this. A finite number ≥ 0. Default:
   * none (`revenueAtRisk` is `null`).
   */
  readonly valuePerCustomer?: number | undefined;
  /**
   * How duration and reply-count quantiles are computed: `"exact"` keeps every value (8 bytes
   * each; R-7 quantiles, as R, numpy and Excel), `{ relativeError: α }` keeps a mergeable sketch
   * whose memory stays flat at any count, with every quantile within relative error α of the
   * exact one (see docs/guide/definitions.md, "Quantiles"). Counts, totals, means, minima and
   * maxima are exact either way. Default: `"exact"`.
   */
  readonly quantiles?: QuantileOption | undefined;
}

/**
 * The input of {@link report}.
 *
 * @category Report
 */
export interface ReportInput {
  /** The tickets (any iterable; read once). */
  readonly tickets: Iterable<Ticket>;
  /** Survey responses (NPS, CSAT, CES), each on its own scale. */
  readonly responses?: Iterable<SurveyResponse> | undefined;
  /** Customer cohorts for the retention matrix. */
  readonly cohorts?: readonly Cohort[] | undefined;
}

// ---------------------------------------------------------------------------------------
// The Report (JSON).

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
 * A duration summary without the interval of its mean.
 *
 * @category Report
 */
export type DurationSummaryJson = Omit<DurationSummaryWithIntervalJson, "meanInterval">;

/**
 * One per-ticket duration metric (first response, resolution, ...) over the tickets in scope:
 * {@link DurationMetricSummary} (the result of its accumulator, e.g.
 * `firstResponseTimeAccumulator`) as JSON.
 *
 * @category Report
 */
export type DurationMetricJson = Json<DurationMetricSummary>;

/**
 * SLA counts of one metric (or all metrics together).
 *
 * @category Report
 */
export interface SlaTallyJson {
  /** `achieved / (achieved + breached)`; `null` when nothing was decided. */
  readonly compliance: number | null;
  /** Checks whose stop event came by the due time. */
  readonly achieved: number;
  /** Checks late, or still open past their due time at `asOf`. */
  readonly breached: number;
  /** Checks still open and not yet due at `asOf`. */
  readonly running: number;
  /** Wilson score interval of `compliance` (`achieved` of `achieved + breached`); `null` when nothing was decided. */
  readonly interval: IntervalJson | null;
}

/**
 * SLA compliance per metric, as `slaCompliance`.
 *
 * @category Report
 */
export interface SlaJson extends SlaTallyJson {
  /** The policy's name, `null` when it has none. */
  readonly policy: string | null;
  /** The counts per SLA metric. */
  readonly byMetric: {
    /** First response checks. */
    readonly firstResponse: SlaTallyJson;
    /** Next response checks (every later customer turn). */
    readonly nextResponse: SlaTallyJson;
    /** Resolution checks. */
    readonly resolution: SlaTallyJson;
  };
  /** Breached checks (every metric): the same number as `breached`. */
  readonly breaches: number;
  /** The counts per ticket channel (`"(none)"` for no channel), most checks first. */
  readonly byChannel: readonly (SlaTallyJson & {
    /** The channel, `"(none)"` for tickets without one. */
    readonly channel: string;
  })[];
  /** What was not judged: `notCreated` counts tickets created after `asOf`; the others (ticket, metric) pairs. */
  readonly skipped: Readonly<Record<string, number>>;
  /** (ticket, metric) pairs whose data contradicts itself, by reason. */
  readonly anomalies: Readonly<Record<string, number>>;
}

/**
 * Survey results of the responses in scope.
 *
 * @category Report
 */
export interface SurveyJson {
  /** The NPS breakdown of `nps` responses (0–10); `null` without any. */
  readonly nps: {
    /** The Net Promoter Score in points from −100 to 100. */
    readonly score: number;
    /** Answers counted. */
    readonly total: number;
    /** Answers of 9 or 10. */
    readonly promoters: number;
    /** Answers of 7 or 8. */
    readonly passives: number;
    /** Answers from 0 to 6. */
    readonly detractors: number;
    /** `promoters / total`. */
    readonly promoterShare: number;
    /** `passives / total`. */
    readonly passiveShare: number;
    /** `detractors / total`. */
    readonly detractorShare: number;
    /** Confidence interval of `score` in points (`npsInterval` from the counts: Wald on +1/0/−1 scores, clamped to [−100, 100]). */
    readonly interval: IntervalJson;
  } | null;
  /** CSAT of `csat` responses, each judged on its own scale; `null` without any. */
  readonly csat: {
    /** `satisfied / total`, from 0 to 1. */
    readonly score: number;
    /** Satisfied answers: the top two points of a scale of 5 or more points, the top point of a smaller (binary) scale. */
    readonly satisfied: number;
    /** Answers counted. */
    readonly total: number;
    /** Wilson score interval of `score`. */
    readonly interval: IntervalJson;
  } | null;
  /** CES of `ces` responses, one entry per scale (means on different scales do not mix), most answers first. */
  readonly ces: readonly {
    /** The scale. */
    readonly scale: {
      /** The lowest score. */
      readonly min: number;
      /** The highest score. */
      readonly max: number;
    };
    /** Answers on it. */
    readonly count: number;
    /** Their mean score. */
    readonly mean: number;
    /** The share of easy answers (above the middle of the scale, higher is easier), as `cesEasyShare`. */
    readonly easyShare: number;
  }[];
  /** Responses counted (all kinds). */
  readonly responses: number;
}

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
  /** Survey results; for a segment whose dimension responses do not carry, `null`. */
  readonly survey: SurveyJson | null;
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
  /** `true` when survey responses are segmented too (every dimension has a response field or `responseKey`); otherwise each segment's `survey` is `null`. */
  readonly surveySegmented: boolean;
  /** One entry per key seen, most tickets first (ties by key). */
  readonly segments: readonly SegmentJson[];
}

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

/**
 * One volume bucket, as `volumeByPeriod`.
 *
 * @category Report
 */
export interface VolumeBucketJson {
  /** The bucket's label (`2026-03-08T03:00-07:00`, `2026-03-08`, `2026-W10`, `2026-03`). */
  readonly label: string;
  /** The first instant counted (ISO-8601). */
  readonly start: string;
  /** The end, exclusive (ISO-8601). */
  readonly end: string;
  /** Tickets created. */
  readonly created: number;
  /** Tickets resolved (last `solvedAt`, among solved or closed tickets). */
  readonly resolved: number;
  /** Customer messages. */
  readonly messagesIn: number;
  /** Public agent messages. */
  readonly messagesOut: number;
  /** Tickets open at some time in the bucket. */
  readonly active: number;
  /** Tickets open at the end of the bucket. */
  readonly backlog: number;
}

/**
 * The ticket counts by status at the end of one bucket, as a `statusesOverTime` bucket.
 *
 * @category Report
 */
export interface StatusesBucketJson {
  /** The bucket's label, as in {@link VolumeBucketJson.label}. */
  readonly label: string;
  /** The first instant of the bucket (ISO-8601). */
  readonly start: string;
  /** The end of the bucket, exclusive (ISO-8601): the counts are the state just before it. */
  readonly end: string;
  /** Tickets that existed and were not solved or closed just before `end`. */
  readonly unresolved: number;
  /** Tickets that existed and were solved or closed just before `end`. */
  readonly resolved: number;
  /** Of `unresolved`: tickets not assigned to anyone before `end`. */
  readonly unassigned: number;
  /** Of `unresolved`: tickets with an `assignee` but no `assignedAt` (assigned when is unknown). */
  readonly assignmentUnknown: number;
  /** Counts per status, from the tickets that have a `statusHistory` only. */
  readonly byStatus: Readonly<Record<TicketStatus, number>>;
  /** Tickets without a `statusHistory`, known only as unresolved or resolved. */
  readonly withoutHistory: {
    /** Created and not resolved (by `status` and `solvedAt`) before `end`. */
    readonly unresolved: number;
    /** Resolved (by `status` and `solvedAt`) before `end`. */
    readonly resolved: number;
  };
}

/**
 * Ticket counts by status at the end of each bucket of the volume range, as `statusesOverTime`
 * (its skip counts are in `skipped.statuses`).
 *
 * @category Report
 */
export interface StatusesJson {
  /** One entry per bucket of the volume range, oldest first. */
  readonly buckets: readonly StatusesBucketJson[];
  /** Tickets read from their `statusHistory`. */
  readonly withHistory: number;
  /** Tickets read from `createdAt`, `status` and `solvedAt` only. */
  readonly withoutHistory: number;
}

/**
 * Volume over time.
 *
 * @category Report
 */
export interface VolumeJson {
  /** The bucket length. */
  readonly unit: BucketUnit;
  /** The range bucketed: the period, or whole buckets from the earliest to the latest `createdAt`. */
  readonly range: PeriodJson;
  /** Every bucket of the range, oldest first; empty ones have zeros. */
  readonly buckets: readonly VolumeBucketJson[];
  /** Tickets open at the range's start. */
  readonly backlogAtStart: number;
  /** Sums over the buckets. */
  readonly totals: {
    /** Tickets created in the range. */
    readonly created: number;
    /** Tickets resolved in the range. */
    readonly resolved: number;
    /** Customer messages in the range. */
    readonly messagesIn: number;
    /** Public agent messages in the range. */
    readonly messagesOut: number;
  };
  /** Tickets in the ticket counts. */
  readonly counted: number;
  /** Ticket counts by status at the end of each bucket, as `statusesOverTime`. */
  readonly statuses: StatusesJson;
}

/**
 * One heatmap slot, as `peakHours`.
 *
 * @category Report
 */
export interface PeakSlotJson {
  /** Tickets created in the slot over the range. */
  readonly sum: number;
  /** How many times the slot occurred in the range. */
  readonly occurrences: number;
  /** `sum / occurrences`; `null` when it never occurred. */
  readonly average: number | null;
}

/**
 * When tickets arrive, as `peakHours` over the volume range.
 *
 * @category Report
 */
export interface PeaksJson {
  /** The rows of `cells`: `["mon", …, "sun"]`. */
  readonly weekdays: readonly Weekday[];
  /** `cells[weekday][hour]` (local time). */
  readonly cells: readonly (readonly PeakSlotJson[])[];
  /** Per local hour (24). */
  readonly byHour: readonly PeakSlotJson[];
  /** Per weekday (7, Monday first). */
  readonly byWeekday: readonly PeakSlotJson[];
  /** The hour with the highest average per day; `null` without tickets. */
  readonly busiestHour:
    | (PeakSlotJson & {
        /** The hour of day, 0–23, in the report's time zone. */
        readonly hour: number;
      })
    | null;
  /** The weekday with the highest average; `null` without tickets. */
  readonly busiestDay:
    | (PeakSlotJson & {
        /** The weekday, `"mon"` to `"sun"`. */
        readonly weekday: Weekday;
      })
    | null;
  /** The weekday-hour with the highest average; `null` without tickets. */
  readonly busiestSlot:
    | (PeakSlotJson & {
        /** The weekday, `"mon"` to `"sun"`. */
        readonly weekday: Weekday;
        /** The hour of day, 0–23, in the report's time zone. */
        readonly hour: number;
      })
    | null;
  /** The busiest hours of the day and their share of the tickets. */
  readonly top: {
    /** The busiest local hours of the day, busiest first (ties: earlier hour first). */
    readonly hours: readonly number[];
    /** Tickets created in them. */
    readonly count: number;
    /** `count / total`; `null` without tickets. */
    readonly share: number | null;
  };
  /** Tickets counted. */
  readonly total: number;
}

/**
 * Ticket types.
 *
 * @category Report
 */
export interface TypesJson {
  /** Share per type in scope (`"(none)"` included), most first, as `typeShares`. */
  readonly shares: readonly {
    /** The type, `"(none)"` for tickets without one. */
    readonly type: string;
    /** Tickets of this type. */
    readonly count: number;
    /** `count / tickets in scope`. */
    readonly share: number;
  }[];
  /** The most common known type(s). */
  readonly mostCommon: readonly string[];
  /** Types in the period never seen in `compareTo`, as `newTypes`; `null` without `compareTo`. */
  readonly newTypes:
    | readonly {
        /** The new type. */
        readonly type: string;
        /** Its tickets in the period. */
        readonly count: number;
        /** Its earliest `createdAt` in the period (ISO-8601). */
        readonly firstSeen: string;
      }[]
    | null;
  /** Change per type from `compareTo` to the period, as `typeChange`; `null` without `compareTo`. */
  readonly change:
    | readonly {
        /** The type. */
        readonly type: string;
        /** Tickets in `compareTo`. */
        readonly baseline: number;
        /** Tickets in the period. */
        readonly period: number;
        /** `period − baseline`. */
        readonly change: number;
        /** `change / baseline`; `null` when the baseline has none. */
        readonly relativeChange: number | null;
        /** Share of the baseline's tickets; `null` when it has none. */
        readonly baselineShare: number | null;
        /** Share of the period's tickets; `null` when it has none. */
        readonly periodShare: number | null;
        /** `periodShare − baselineShare`; `null` when either is. */
        readonly shareChange: number | null;
      }[]
    | null;
}

/**
 * Customer retention from the cohorts given, as `retentionMatrix`.
 *
 * @category Report
 */
export interface CustomersJson {
  /** The longest series. */
  readonly periods: number;
  /** One row per cohort: label, start (ISO), size, counts and fractions (`null` for a cohort of size 0). */
  readonly rows: readonly {
    /** The cohort's label. */
    readonly label: string;
    /** The start of its first period (ISO-8601). */
    readonly start: string;
    /** Customers at the start. */
    readonly size: number;
    /** Customers active in periods 1, 2, … */
    readonly counts: readonly number[];
    /** `counts[i] / size`; `null` for a cohort of size 0. */
    readonly fractions: readonly (number | null)[];
  }[];
  /** The size-weighted average retention curve. */
  readonly curve: readonly {
    /** Periods since the start, from 1. */
    readonly period: number;
    /** `active / customers`; `null` when `customers` is 0. */
    readonly retention: number | null;
    /** Customers active in this period, over the cohorts old enough to have it. */
    readonly active: number;
    /** Those cohorts' sizes, summed. */
    readonly customers: number;
    /** How many cohorts have this period. */
    readonly cohorts: number;
  }[];
  /** Revenue at risk (`revenueAtRisk`); `null` without the `valuePerCustomer` option. */
  readonly revenueAtRisk: RevenueAtRiskJson | null;
}

/**
 * Revenue at risk from the cohorts: customers lost times the value of one customer.
 *
 * @category Report
 */
export interface RevenueAtRiskJson {
  /** Σ over cohorts of (size − active in the last period observed); a cohort with no period observed yet loses none. */
  readonly lostCustomers: number;
  /** The `valuePerCustomer` option. */
  readonly valuePerCustomer: number;
  /** `lostCustomers × valuePerCustomer`, in the currency of `valuePerCustomer`. */
  readonly value: number;
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
