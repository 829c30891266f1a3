import { toMilliseconds, type DurationInput } from "../../_lib/duration.ts";
import { assertDate, assertTicketDate } from "../../_lib/guards.ts";
import { exactAdd, exactSum, exactValue } from "../../_lib/exactSum.ts";
import { isResolvedStatus, type Ticket } from "../../models/ticket.ts";

/**
 * Options of {@link backlog}.
 *
 * @category Volume
 */
export interface BacklogOptions {
  /** The moment the backlog is measured at. Required: there is no hidden clock. */
  readonly asOf: Date;
  /**
   * How long a ticket may stay unresolved before it is backlog (milliseconds or a date-fns
   * `Duration`). Default: the average resolution time (`solvedAt − createdAt`) of the tickets
   * given that are resolved at `asOf` and have a `solvedAt`.
   */
  readonly threshold?: DurationInput;
}

/**
 * The backlog at a moment, with everything needed to trace the number.
 *
 * @category Volume
 */
export interface BacklogResult {
  /** Unresolved tickets open strictly longer than `threshold` at `asOf`; `undefined` when there is no threshold. */
  readonly count: number | undefined;
  /** The ids of those tickets, in input order (empty when `count` is `undefined`). */
  readonly tickets: readonly string[];
  /** The threshold used, in milliseconds; `undefined` when none was given and no resolution time could be averaged. */
  readonly threshold: number | undefined;
  /** Where the threshold came from: the `threshold` option, or the average resolution time. */
  readonly thresholdSource: "option" | "averageResolutionTime";
  /** How many resolution times were averaged for the default threshold (0 when `threshold` was given). */
  readonly averagedResolutions: number;
  /** Tickets unresolved at `asOf`, however long open; `count` is a subset of these. */
  readonly unresolved: number;
  /** Tickets resolved at `asOf`. */
  readonly resolved: number;
  /** Of `resolved`, those with no `solvedAt`, judged by their status alone. */
  readonly resolvedByStatusOnly: number;
  /** Tickets left out of every count, by reason. */
  readonly skipped: {
    /** `createdAt` after `asOf`: the ticket did not exist yet. */
    readonly createdAfterAsOf: number;
    /** `solvedAt` earlier than `createdAt`: bad data. */
    readonly solvedBeforeCreated: number;
  };
}

/**
 * Backlog: the number of tickets unresolved at `asOf` that have been open longer than a
 * threshold, by default the average resolution time.
 *
 * @param tickets - The tickets; reads `id`, `createdAt`, `status` and `solvedAt`.
 * @param options - {@link BacklogOptions}: `asOf` (required) and `threshold` (default: average resolution time).
 * @returns The count with its ids, threshold and counts; `count` is `undefined` when no
 * threshold was given and no ticket has a resolution time to average.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `asOf`, a `createdAt` or a present
 * `solvedAt` is not a valid Date; `E_DURATION` if `threshold` is negative, not finite, or uses
 * months or years.
 * @remarks A ticket is resolved at `asOf` when its status is `solved` or `closed` and its
 * `solvedAt` is at or before `asOf` (with no `solvedAt`, the status alone decides); otherwise
 * it is unresolved, including a reopened ticket and a ticket solved after `asOf`. Its age is
 * `asOf − createdAt`; it is backlog when the age is strictly greater than the threshold (a
 * ticket exactly at the threshold is not). The default threshold is the compensated mean of
 * `solvedAt − createdAt` over the resolved tickets with a `solvedAt`, so only what was known
 * at `asOf` is used. Tickets created after `asOf` and tickets with `solvedAt < createdAt` are
 * skipped and counted. Without a status history the state at a past `asOf` is inferred from
 * the current status and `solvedAt`: a ticket reopened since counts as unresolved.
 * @example
 * ```ts
 * const at = (h: number) => new Date(Date.UTC(2024, 0, 1, h));
 * const result = backlog(
 *   [
 *     { id: "a", createdAt: at(0), status: "solved", solvedAt: at(2) }, // resolved in 2 h
 *     { id: "b", createdAt: at(0), status: "closed", solvedAt: at(4) }, // resolved in 4 h
 *     { id: "c", createdAt: at(1), status: "open" },                    // open 9 h at asOf
 *     { id: "d", createdAt: at(8), status: "pending" },                 // open 2 h at asOf
 *   ],
 *   { asOf: at(10) },
 * );
 * result.threshold; // => 10800000
 * result.tickets;   // => ["c"]
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (backlog: unresolved tickets open beyond the normal resolution time)
 * @category Volume
 */
export function backlog(tickets: readonly Ticket[], options: BacklogOptions): BacklogResult {
  const { asOf } = options;
  assertDate("backlog", "asOf", asOf);
  const given = options.threshold === undefined ? undefined : toMilliseconds("backlog", "threshold", options.threshold);
  const now = asOf.getTime();
  const durations = exactSum();
  let averaged = 0;
  let resolved = 0;
  let byStatus = 0;
  let createdAfterAsOf = 0;
  let solvedBeforeCreated = 0;
  // Parallel typed lists (no object, no growth): each open ticket's index and age in ms; ids are
  // read at the end, for the backlog's tickets only.
  const openAt = new Int32Array(tickets.length);
  const openAges = new Float64Array(tickets.length);
  let open = 0;
  for (let i = 0; i < tickets.length; i++) {
    const ticket = tickets[i] as Ticket;
    assertTicketDate("backlog", "createdAt", ticket.createdAt, ticket);
    const created = ticket.createdAt.getTime();
    const solvedAt = ticket.solvedAt;
    if (solvedAt !== undefined) assertTicketDate("backlog", "solvedAt", solvedAt, ticket);
    const standing = backlogStanding(created, solvedAt?.getTime() ?? Number.NaN, isResolvedStatus(ticket.status), now);
    if (standing === BACKLOG_OPEN) {
      openAt[open] = i;
      openAges[open++] = now - created;
    } else if (standing === BACKLOG_RESOLVED) {
      resolved++;
      exactAdd(durations, (solvedAt as Date).getTime() - created);
      averaged++;
    } else if (standing === BACKLOG_RESOLVED_BY_STATUS) {
      resolved++;
      byStatus++;
    } else if (standing === BACKLOG_CREATED_AFTER) createdAfterAsOf++;
    else solvedBeforeCreated++;
  }
  const threshold = given ?? averageResolution(exactValue(durations), averaged);
  const ids: string[] = [];
  if (threshold !== undefined)
    for (let k = 0; k < open; k++) if (isBacklog(openAges[k] as number, threshold)) ids.push((tickets[openAt[k] as number] as Ticket).id);
  return {
    count: threshold === undefined ? undefined : ids.length,
    tickets: ids,
    threshold,
    thresholdSource: given === undefined ? "averageResolutionTime" : "option",
    averagedResolutions: given === undefined ? averaged : 0,
    unresolved: open,
    resolved,
    resolvedByStatusOnly: byStatus,
    skipped: { createdAfterAsOf, solvedBeforeCreated },
  };
}

/** {@link backlogStanding}: resolved at `asOf` with a `solvedAt` (its resolution time is averaged). @internal */
export const BACKLOG_RESOLVED = 0;
/** Resolved by status alone. @internal */
export const BACKLOG_RESOLVED_BY_STATUS = 1;
/** Unresolved at `asOf`: open for `asOf − createdAt`. @internal */
export const BACKLOG_OPEN = 2;
/** Created after `asOf`. @internal */
export const BACKLOG_CREATED_AFTER = 3;
/** `solvedAt` before `createdAt`. @internal */
export const BACKLOG_SOLVED_BEFORE_CREATED = 4;

/**
 * THE backlog rule for one ticket at `asOf` (epoch ms; `solvedAt` `NaN` when absent): created
 * after `asOf` → not yet a ticket; `solvedAt` before `createdAt` → bad data; resolved now with no
 * `solvedAt` → resolved by status; resolved now with `solvedAt ≤ asOf` → resolved; otherwise open.
 *
 * @internal
 */
export function backlogStanding(created: number, solvedAt: number, resolvedNow: boolean, asOf: number): number {
  if (created > asOf) return BACKLOG_CREATED_AFTER;
  if (solvedAt < created) return BACKLOG_SOLVED_BEFORE_CREATED;
  if (resolvedNow && Number.isNaN(solvedAt)) return BACKLOG_RESOLVED_BY_STATUS;
  if (resolvedNow && solvedAt <= asOf) return BACKLOG_RESOLVED;
  return BACKLOG_OPEN;
}

/** THE default backlog threshold: the mean resolution time, `undefined` when none was averaged. @internal */
export function averageResolution(sum: number, averaged: number): number | undefined {
  if (averaged === 0) return undefined;
  const mean = sum / averaged;
  return mean === 0 ? 0 : mean;
}

/** THE backlog test: open strictly longer than the threshold. @internal */
export function isBacklog(age: number, threshold: number): boolean {
  return age > threshold;
}
