import { foldInto } from "../../_lib/accumulator.ts";
import type { BucketUnit } from "../../_lib/bucket.ts";
import type { Ticket, TicketStatus } from "../../models/ticket.ts";
import { statusesOverTimeAccumulatorOf } from "./volumeAccumulators.ts";

/**
 * Options of {@link statusesOverTime}.
 *
 * @category Volume
 */
export interface StatusesOverTimeOptions {
  /** The start of the range (inclusive). Required. */
  readonly from: Date;
  /** The end of the range (exclusive). Required. */
  readonly to: Date;
  /** The IANA time zone the calendar buckets are cut in. Required. */
  readonly timeZone: string;
  /** The bucket length: `"hour"`, `"day"`, `"week"` or `"month"`. Default: `"day"`. */
  readonly unit?: BucketUnit;
}

/**
 * The status counts at the end of one bucket of {@link statusesOverTime}.
 *
 * @category Volume
 */
export interface StatusesBucket {
  /** The bucket's label, as in {@link VolumeBucket.label}. */
  readonly label: string;
  /** The first instant of the bucket (clipped to `from`). */
  readonly start: Date;
  /** The end of the bucket (clipped to `to`): the counts are the state just before it. */
  readonly end: Date;
  /** Tickets that existed and were not solved or closed just before `end`. */
  readonly unresolved: number;
  /** Tickets that existed and were solved or closed just before `end`. */
  readonly resolved: number;
  /** Of `unresolved`: tickets not assigned to anyone before `end`. */
  readonly unassigned: number;
  /** Of `unresolved`: tickets with an `assignee` but no `assignedAt`, so whether they were assigned yet is unknown. */
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
 * The result of {@link statusesOverTime}.
 *
 * @category Volume
 */
export interface StatusesOverTimeResult {
  /** The bucket length used. */
  readonly unit: BucketUnit;
  /** The time zone used. */
  readonly timeZone: string;
  /** One entry per bucket, oldest first. */
  readonly buckets: readonly StatusesBucket[];
  /** Tickets read from their `statusHistory`. */
  readonly withHistory: number;
  /** Tickets read from `createdAt`, `status` and `solvedAt` only. */
  readonly withoutHistory: number;
  /** Tickets left out of every count, by reason. */
  readonly skipped: {
    /** `createdAt` is not a valid Date. */
    readonly invalidCreatedAt: number;
    /** A `statusHistory` entry has an invalid `at` or an unknown status. */
    readonly invalidHistory: number;
    /** No history; solved or closed with a `solvedAt` that is not a valid Date. */
    readonly invalidSolvedAt: number;
    /** No history; solved or closed with no `solvedAt`. */
    readonly solvedWithoutSolvedAt: number;
    /** No history; `solvedAt` earlier than `createdAt`. */
    readonly solvedBeforeCreated: number;
    /** Created at or after `to`: it exists at no bucket end. */
    readonly createdAfterRange: number;
  };
}

/**
 * Ticket counts by status at the end of each calendar bucket: unresolved, resolved,
 * unassigned, and (from status histories) new, open, pending, on hold, solved and closed.
 *
 * @param tickets - The tickets; reads `createdAt`, `statusHistory`, `status`, `solvedAt`, `assignee` and `assignedAt`.
 * @param options - {@link StatusesOverTimeOptions}: `from`, `to`, `timeZone` (required) and `unit` (default `"day"`).
 * @returns One count set per bucket with the skip counts; never `undefined` (no tickets give zeros).
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `from` or `to` is not a valid Date;
 * `E_PERIOD_ORDER` if `to` is before `from`; `E_TIME_ZONE` for an unknown time zone;
 * `E_BUCKET_UNIT` for an unknown unit; `E_BUCKET_LIMIT` beyond 1,000,000 buckets.
 * @remarks The counts are the state just before each bucket's `end`, so a change at exactly
 * `end` belongs to the next bucket. A ticket exists from `createdAt`.
 *
 * With a `statusHistory`: the status at `end` is the last change before `end` (sorted by
 * time; before the first change the ticket is `new`), and it is counted in `byStatus`;
 * resolved means `solved` or `closed`.
 *
 * Without a history only the current status is known, so the past status cannot be
 * recovered: such a ticket is only split into resolved (status `solved` or `closed` and
 * `solvedAt` before `end`) and unresolved (everything else since `createdAt`), counted in
 * `withoutHistory`, exactly as the backlog of {@link volumeByPeriod}. A reopened ticket
 * without a history counts as unresolved since creation.
 *
 * Unassigned: unresolved and not assigned before `end`, where assigned means `assignedAt`
 * before `end`; with no `assignedAt`, a ticket without an `assignee` was never assigned, and one
 * with an `assignee` is counted in `assignmentUnknown` instead (an assignment removed later is
 * not visible in the model). The source article's four groups map as: unassigned →
 * `unassigned`; open → `new` + `open` + `on_hold`; pending → `pending`; resolved → `resolved`.
 * For every bucket, `Σ byStatus + withoutHistory.unresolved + withoutHistory.resolved =
 * unresolved + resolved`.
 * @example
 * ```ts
 * const at = (d: number) => new Date(Date.UTC(2026, 2, d, 12));
 * const result = statusesOverTime(
 *   [
 *     { id: "a", createdAt: at(1), status: "solved", solvedAt: at(2),
 *       statusHistory: [{ at: at(1), status: "open" }, { at: at(2), status: "solved" }] },
 *     { id: "b", createdAt: at(1), status: "open" },
 *   ],
 *   { from: new Date(Date.UTC(2026, 2, 1)), to: new Date(Date.UTC(2026, 2, 3)), timeZone: "UTC" },
 * );
 * result.buckets.map((b) => b.byStatus.open);   // => [1, 0]
 * result.buckets.map((b) => b.byStatus.solved); // => [0, 1]
 * result.buckets.map((b) => b.unassigned);      // => [2, 1]
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (tickets unassigned, open, pending, resolved)
 * @see {@link statusesOverTimeAccumulator} for the same counts folded ticket by ticket, with a serialisable state.
 * @category Volume
 */
export function statusesOverTime(tickets: readonly Ticket[], options: StatusesOverTimeOptions): StatusesOverTimeResult {
  const accumulator = statusesOverTimeAccumulatorOf("statusesOverTime", options);
  return accumulator.result(foldInto(accumulator, tickets));
}
