import { assertDate, assertTicketDate } from "../../_lib/guards.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { isResolvedStatus, type Ticket } from "../../models/ticket.ts";

/**
 * Options of {@link resolutionRate}: the period whose tickets are counted.
 *
 * @category Volume
 */
export interface ResolutionRateOptions {
  /** Start of the period, inclusive. Required. */
  readonly from: Date;
  /** End of the period, exclusive; also the moment at which "resolved" is judged. Required. */
  readonly to: Date;
}

/**
 * The resolution rate of a period with the counts behind it.
 *
 * @category Volume
 */
export interface ResolutionRateResult {
  /** `resolved / received`, a fraction from 0 to 1; `undefined` when `received` is 0. */
  readonly value: number | undefined;
  /** Tickets created in `[from, to)` and judged: `resolved + unresolved`. */
  readonly received: number;
  /** Of `received`, the tickets resolved by `to`. */
  readonly resolved: number;
  /** Of `received`, the tickets not resolved by `to` (including reopened ones). */
  readonly unresolved: number;
  /** Of `resolved`, those with no `solvedAt`, judged by their status alone (they may have been solved after `to`). */
  readonly resolvedByStatusOnly: number;
  /** Tickets created in the period but left out of every count, by reason. */
  readonly skipped: {
    /** `solvedAt` earlier than `createdAt`: bad data, neither resolved nor unresolved. */
    readonly solvedBeforeCreated: number;
  };
}

/**
 * Resolution rate: of the tickets received (created) in a period, the share resolved by the
 * end of the period.
 *
 * @param tickets - The tickets; reads `createdAt`, `status` and `solvedAt`.
 * @param options - {@link ResolutionRateOptions}: the period `[from, to)`, required.
 * @returns The rate and its counts; `value` is `undefined` when no ticket was received in the period.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `from`, `to`, a `createdAt` or a
 * present `solvedAt` is not a valid Date; `E_PERIOD_ORDER` if `to` is before `from`.
 * @remarks A ticket is received when `from <= createdAt < to`. It is resolved by `to` when its
 * status is `solved` or `closed` and its `solvedAt` (the last solve) is before `to`; with no
 * `solvedAt`, the status alone decides (counted in `resolvedByStatusOnly`). A ticket whose
 * status is `new`, `open`, `pending` or `on_hold` is unresolved, even when it has a `solvedAt`
 * (it was reopened), and so is a solved ticket whose `solvedAt` is at or after `to`. Tickets
 * with `solvedAt < createdAt` are skipped and counted. This is a cohort rate, so it never
 * exceeds 1; "solved in the period / created in the period" can, and is not what this
 * computes. For counts you already have, use {@link resolutionRateFromCounts}.
 * @example
 * ```ts
 * const at = (d: string) => new Date(`2024-01-${d}T00:00:00Z`);
 * resolutionRate(
 *   [
 *     { id: "1", createdAt: at("02"), status: "solved", solvedAt: at("03") },
 *     { id: "2", createdAt: at("04"), status: "open" },
 *     { id: "3", createdAt: at("05"), status: "closed", solvedAt: at("09") }, // solved after `to`
 *     { id: "4", createdAt: at("06"), status: "solved", solvedAt: at("07") },
 *     { id: "5", createdAt: at("20"), status: "open" },                       // not received
 *   ],
 *   { from: at("01"), to: at("08") },
 * ).value; // => 0.5
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (resolution rate = issues resolved / issues received)
 * @category Volume
 */
export function resolutionRate(tickets: readonly Ticket[], options: ResolutionRateOptions): ResolutionRateResult {
  const { from, to } = options;
  assertDate("resolutionRate", "from", from);
  assertDate("resolutionRate", "to", to);
  const start = from.getTime();
  const end = to.getTime();
  if (end < start) {
    throw new MetricRangeError(
      "E_PERIOD_ORDER",
      `resolutionRate: to must not be before from (${from.toISOString()}), got ${to.toISOString()}`,
    );
  }
  let resolved = 0;
  let unresolved = 0;
  let byStatus = 0;
  let solvedBeforeCreated = 0;
  for (const ticket of tickets) {
    assertTicketDate("resolutionRate", "createdAt", ticket.createdAt, ticket);
    const created = ticket.createdAt.getTime();
    if (created < start || created >= end) continue;
    const solvedAt = ticket.solvedAt;
    if (solvedAt !== undefined) assertTicketDate("resolutionRate", "solvedAt", solvedAt, ticket);
    switch (resolutionStanding(created, solvedAt?.getTime() ?? Number.NaN, isResolvedStatus(ticket.status), end)) {
      case RESOLVED:
        resolved++;
        break;
      case RESOLVED_BY_STATUS:
        resolved++;
        byStatus++;
        break;
      case UNRESOLVED:
        unresolved++;
        break;
      default:
        solvedBeforeCreated++;
    }
  }
  return {
    ...rateOf(resolved, byStatus, unresolved),
    skipped: { solvedBeforeCreated },
  };
}

/** {@link resolutionStanding}: resolved by `at` with a `solvedAt`. @internal */
export const RESOLVED = 0;
/** Resolved by status alone (no `solvedAt`). @internal */
export const RESOLVED_BY_STATUS = 1;
/** Not resolved by `at`. @internal */
export const UNRESOLVED = 2;
/** `solvedAt` before `createdAt`: bad data, left out. @internal */
export const SOLVED_BEFORE_CREATED = 3;

/**
 * THE resolution-rate rule for one ticket created at `created` (before `at`), judged at `at`:
 * `solvedAt` (epoch ms, `NaN` when absent) before `created` is bad data; a ticket whose status
 * is not resolved is unresolved; a resolved one with no `solvedAt` is resolved by its status
 * alone; otherwise it is resolved when `solvedAt < at`.
 *
 * @internal
 */
export function resolutionStanding(created: number, solvedAt: number, resolvedNow: boolean, at: number): number {
  if (solvedAt < created) return SOLVED_BEFORE_CREATED;
  if (!resolvedNow) return UNRESOLVED;
  if (Number.isNaN(solvedAt)) return RESOLVED_BY_STATUS;
  return solvedAt < at ? RESOLVED : UNRESOLVED;
}

/**
 * THE resolution-rate formula from the counts: `resolved / (resolved + unresolved)`,
 * `undefined` when nothing was received.
 *
 * @internal
 */
export function rateOf(resolved: number, resolvedByStatusOnly: number, unresolved: number): Omit<ResolutionRateResult, "skipped"> {
  const received = resolved + unresolved;
  return { value: received === 0 ? undefined : resolved / received, received, resolved, unresolved, resolvedByStatusOnly };
}
