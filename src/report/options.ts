/**
 * The input and options of {@link report} and {@link reportAccumulator}.
 *
 * @module
 */
import type { BotsOptions } from "../metrics/time/bots.ts";
import type { QuantileOption } from "../_lib/quantileStore.ts";
import type { BucketUnit } from "../_lib/bucket.ts";
import type { Cohort } from "../models/cohort.ts";
import type { Schedule } from "../models/schedule.ts";
import type { DurationInput } from "../_lib/duration.ts";
import type { SlaPolicy } from "../models/sla.ts";
import type { SurveyResponse } from "../models/survey.ts";
import type { Ticket } from "../models/ticket.ts";

/**
 * A built-in segment dimension: the ticket field of that name (`brand`: Zendesk `brand_id`, or
 * the account a social-channel ticket reached). Survey responses go to the segments of the
 * ticket their `ticketId` names (the ticket's key wins); a response without one falls back on
 * its own `agent` (for `assignee`) or `channel`, and is otherwise counted as not joined (see
 * docs/guide/report.md, "Survey responses in segments").
 *
 * `period` is the calendar bucket (`bucket`, in `timeZone`) a ticket was created in, labelled as
 * the volume buckets are (`2026-03-02`, `2026-W10`, `2026-03`): every metric per day, week or
 * month, for trends. A survey response goes to its ticket's period, or else to the bucket of
 * its `answeredAt`.
 *
 * `tag` is multi-valued: a ticket with several (distinct) tags counts once in each tag's
 * segment, so tag segments may sum to more than the total; a ticket without tags goes to
 * `"(none)"`.
 *
 * @category Report
 */
export type SegmentDimension = "assignee" | "group" | "channel" | "type" | "priority" | "brand" | "tag" | "period";

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
  /** The key of a survey response not joined to a ticket (no `ticketId`, or its ticket not added after it); when absent, such a response is counted as not joined. */
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
 * or final resolution median (less is better), CSAT or one-touch share (more is better); the
 * mean first response or resolution time and the CSAT or one-touch share adjusted for the
 * agent's mix of channel × type × priority (`…Adjusted`, indirect standardisation); CSAT or
 * one-touch share shrunk towards the team (`…Shrunk`, beta-binomial empirical Bayes). See the
 * fair leaderboard in docs/guide/definitions.md. `replyTimeMedian` (less is better): the median
 * response time of customer turns. A responder board ranks by `tickets`, `firstResponseMedian` or
 * `replyTimeMedian` only.
 *
 * @category Report
 */
export type LeaderboardMetric =
  | "tickets"
  | "firstResponseMedian"
  | "resolutionMedian"
  | "csat"
  | "oneTouchShare"
  | "firstResponseMeanAdjusted"
  | "resolutionMeanAdjusted"
  | "csatAdjusted"
  | "oneTouchShareAdjusted"
  | "csatShrunk"
  | "oneTouchShareShrunk"
  | "replyTimeMedian";

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
        /** Who is ranked: `"assignee"` (default; the tickets' assignee) or `"responder"` (the `authorId` of public agent replies, from the `responders` figures). */
        readonly of?: "assignee" | "responder" | undefined;
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
  /**
   * The repeat-contact window of `contacts`: a ticket counts as a repeat contact's origin when its
   * requester created another ticket within this time after it (milliseconds or a `Duration` of
   * fixed units). Default: 7 days.
   */
  readonly repeatWindow?: DurationInput | undefined;
  /**
   * How the `bots` figures measure handed-off tickets (see `botsAccumulator`):
   * `firstResponseFrom` `"request"` (default) or `"handoff"`, `excludeBotTime` (default `false`).
   * The rates do not depend on them.
   */
  readonly bots?: Pick<BotsOptions, "firstResponseFrom" | "excludeBotTime"> | undefined;
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
