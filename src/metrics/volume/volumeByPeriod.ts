import { foldInto } from "../../_lib/accumulator.ts";
import type { BucketUnit } from "../../_lib/bucket.ts";
import type { Ticket } from "../../models/ticket.ts";
import { volumeByPeriodAccumulatorOf } from "./volumeAccumulators.ts";

/**
 * Options of {@link volumeByPeriod}.
 *
 * @category Volume
 */
export interface VolumeByPeriodOptions {
  /** The start of the range (inclusive). Required. */
  readonly from: Date;
  /** The end of the range (exclusive). Required; may equal `from` (no buckets). */
  readonly to: Date;
  /** The IANA time zone the calendar buckets are cut in, e.g. `"Europe/Bucharest"`. Required. */
  readonly timeZone: string;
  /** The bucket length: `"hour"`, `"day"`, `"week"` (ISO, Monday first) or `"month"`. Default: `"day"`. */
  readonly unit?: BucketUnit;
}

/**
 * One bucket of {@link volumeByPeriod}: the counts of `[start, end)`.
 *
 * @category Volume
 */
export interface VolumeBucket {
  /** The bucket's label: `2026-03-08T03:00-07:00`, `2026-03-08`, `2026-W10` or `2026-03`. */
  readonly label: string;
  /** The first instant counted (the calendar bucket start, or `from` for a partial first bucket). */
  readonly start: Date;
  /** The end, exclusive (the next bucket's start, or `to` for a partial last bucket). */
  readonly end: Date;
  /** Tickets created in `[start, end)`. */
  readonly created: number;
  /** Tickets whose (last) `solvedAt` is in `[start, end)`, among tickets now solved or closed. */
  readonly resolved: number;
  /** Customer messages sent in `[start, end)`. */
  readonly messagesIn: number;
  /** Public agent messages (replies) sent in `[start, end)`. */
  readonly messagesOut: number;
  /** Tickets open at some time in the bucket: created before `end` and not resolved before `start`. */
  readonly active: number;
  /** Backlog at the end of the bucket: tickets created before `end` and not resolved before `end`. */
  readonly backlog: number;
}

/**
 * Tickets left out of every ticket count of {@link volumeByPeriod}, by reason.
 *
 * @category Volume
 */
export interface VolumeSkipped {
  /** `createdAt` is not a valid Date. */
  readonly invalidCreatedAt: number;
  /** Solved or closed, with a `solvedAt` that is not a valid Date. */
  readonly invalidSolvedAt: number;
  /** Solved or closed with no `solvedAt`: when it stopped being open is unknown. */
  readonly solvedWithoutSolvedAt: number;
  /** `solvedAt` earlier than `createdAt`: bad data. */
  readonly solvedBeforeCreated: number;
  /** Created at or after `to`: after the range. */
  readonly createdAfterRange: number;
  /** Resolved before `from`: open only before the range. */
  readonly resolvedBeforeRange: number;
}

/**
 * What happened to the messages {@link volumeByPeriod} read.
 *
 * @category Volume
 */
export interface VolumeMessageCounts {
  /** Tickets with no `messages` array (or an empty one): they add no message counts. */
  readonly ticketsWithoutMessages: number;
  /** Messages counted neither in nor out: bot and system messages, internal agent notes. */
  readonly notCounted: number;
  /** Customer or public agent messages sent outside `[from, to)`. */
  readonly outsideRange: number;
  /** Messages whose `at` is not a valid Date. */
  readonly invalidAt: number;
}

/**
 * The result of {@link volumeByPeriod}.
 *
 * @category Volume
 */
export interface VolumeByPeriodResult {
  /** The bucket length used. */
  readonly unit: BucketUnit;
  /** The time zone used. */
  readonly timeZone: string;
  /** One entry per calendar bucket overlapping `[from, to)`, oldest first; empty buckets have zeros. */
  readonly buckets: readonly VolumeBucket[];
  /** Backlog at `from`: tickets created before `from` and not resolved before `from`. */
  readonly backlogAtStart: number;
  /** The sums over all buckets. */
  readonly totals: {
    /** Tickets created in `[from, to)`. */
    readonly created: number;
    /** Tickets resolved in `[from, to)`. */
    readonly resolved: number;
    /** Customer messages in `[from, to)`. */
    readonly messagesIn: number;
    /** Public agent messages in `[from, to)`. */
    readonly messagesOut: number;
  };
  /** Tickets that entered the ticket counts (created, resolved, active or backlog of some bucket). */
  readonly counted: number;
  /** Tickets left out of the ticket counts, by reason; `counted` plus these is the input length. */
  readonly skipped: VolumeSkipped;
  /** What happened to the messages. */
  readonly messages: VolumeMessageCounts;
}

/**
 * Ticket and message volume per calendar bucket (hour, day, ISO week or month) in a time
 * zone: tickets created, resolved, active and in backlog at each bucket's end, and customer
 * messages in vs public agent messages out.
 *
 * @param tickets - The tickets; reads `createdAt`, `status`, `solvedAt` and `messages`.
 * @param options - {@link VolumeByPeriodOptions}: `from`, `to`, `timeZone` (all required) and `unit` (default `"day"`).
 * @returns The buckets, the backlog at `from`, the totals and the skip counts. Never
 * `undefined`: a range with no tickets has buckets of zeros, and `from = to` has no buckets.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `from` or `to` is not a valid Date;
 * `E_PERIOD_ORDER` if `to` is before `from`; `E_TIME_ZONE` for an unknown time zone;
 * `E_BUCKET_UNIT` for a unit other than hour, day, week or month; `E_BUCKET_LIMIT` beyond
 * 1,000,000 buckets.
 * @remarks Buckets are half-open `[start, end)` and cut in `timeZone`: a spring-forward day
 * has 23 hourly buckets, a fall-back day 25 (the repeated hour is two buckets, labelled with
 * their offsets). When `from` or `to` is not a bucket boundary, the first or last bucket is
 * partial and its `start`/`end` are clipped to the range.
 *
 * A ticket is open over `[createdAt, resolved)`, where `resolved` is its `solvedAt` when its
 * status is `solved` or `closed`, and never otherwise (a reopened ticket is open, whatever its
 * old `solvedAt`). Then `created` counts `createdAt` in the bucket, `resolved` counts the
 * resolution in the bucket, `backlog` counts tickets open just before `end`
 * (`createdAt < end` and not resolved before `end`), and `active` counts tickets created
 * before `end` and not resolved before `start`, which is the backlog at `start` plus the
 * bucket's `created`. Hence for every bucket k:
 * `backlog[k] = backlogAtStart + Σ created[0..k] − Σ resolved[0..k]`.
 *
 * Tickets whose open interval cannot be known (invalid `createdAt`, solved with no or an
 * invalid `solvedAt`, `solvedAt < createdAt`) are left out of ALL ticket counts, so the
 * identity above holds exactly on the returned numbers; they and tickets entirely outside
 * the range are counted in `skipped`. Messages are events of their own: every message of
 * every ticket is read (whether or not the ticket was skipped). `messagesIn` counts
 * `author: "customer"`, `messagesOut` counts `author: "agent"` with `public: true`; bot,
 * system and internal messages are counted in `messages.notCounted`.
 *
 * Compared with helpdesk reports: Zendesk's "created tickets" and "solved tickets" count the
 * same events; their "unsolved tickets" at a date is this `backlog`. Backlog with an age
 * threshold (the source article's "backlog") is {@link backlog}.
 * @example
 * ```ts
 * const at = (d: number, h: number) => new Date(Date.UTC(2026, 2, d, h));
 * const v = volumeByPeriod(
 *   [
 *     { id: "a", createdAt: at(1, 9), status: "solved", solvedAt: at(2, 10) },
 *     { id: "b", createdAt: at(1, 15), status: "open" },
 *   ],
 *   { from: at(1, 0), to: at(4, 0), unit: "day", timeZone: "UTC" },
 * );
 * v.buckets.map((b) => b.label);    // => ["2026-03-01", "2026-03-02", "2026-03-03"]
 * v.buckets.map((b) => b.created);  // => [2, 0, 0]
 * v.buckets.map((b) => b.resolved); // => [0, 1, 0]
 * v.buckets.map((b) => b.active);   // => [2, 2, 1]
 * v.buckets.map((b) => b.backlog);  // => [2, 1, 1]
 * ```
 * @see "4 مقاييس دعم العملاء التي تدفع النمو" (incoming vs outgoing messages, active tickets, new tickets over time)
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (new conversations and total volume over time)
 * @see {@link volumeByPeriodAccumulator} for the same counts folded ticket by ticket, with a serialisable state.
 * @category Volume
 */
export function volumeByPeriod(tickets: readonly Ticket[], options: VolumeByPeriodOptions): VolumeByPeriodResult {
  const accumulator = volumeByPeriodAccumulatorOf("volumeByPeriod", options);
  return accumulator.result(foldInto(accumulator, tickets));
}
