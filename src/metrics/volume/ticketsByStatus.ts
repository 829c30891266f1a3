import { MetricRangeError } from "../../_lib/errors.ts";
import { isResolvedStatus, type Ticket } from "../../models/ticket.ts";

/**
 * Ticket counts per status, plus the unassigned unsolved tickets.
 *
 * @category Volume
 */
export interface TicketsByStatus {
  /** Unsolved tickets (`new`, `open`, `pending`, `on_hold`) with no assignee; overlaps those four counts. */
  readonly unassigned: number;
  /** Tickets with status `new`. */
  readonly new: number;
  /** Tickets with status `open`. */
  readonly open: number;
  /** Tickets with status `pending` (waiting for the customer). */
  readonly pending: number;
  /** Tickets with status `on_hold` (waiting for a third party). */
  readonly on_hold: number;
  /** Tickets with status `solved`. */
  readonly solved: number;
  /** Tickets with status `closed`. */
  readonly closed: number;
  /** All tickets: the sum of the six status counts (`unassigned` is not added). */
  readonly total: number;
}

/**
 * Counts tickets by their current status, and counts the unsolved ones that nobody is
 * assigned to.
 *
 * @param tickets - The tickets; reads `status` and `assignee`.
 * @returns The counts; every count is 0 for no tickets.
 * @throws {@link MetricRangeError} `E_UNKNOWN_STATUS` if a ticket's status is not a {@link TicketStatus}.
 * @remarks The six status counts partition the tickets, so they add up to `total`.
 * `unassigned` is a cross-cut, not a seventh status: it counts tickets that are also in
 * `new`, `open`, `pending` or `on_hold` and have no `assignee` (absent or the empty string).
 * Solved and closed tickets are never unassigned. A snapshot of the status as exported: no
 * `asOf`. The source article's four groups map as: unassigned → `unassigned`; open → `new` +
 * `open`; pending → `pending` (the article describes it as solved and awaiting the
 * customer's confirmation, which some helpdesks call `solved`); resolved → `solved` + `closed`.
 * @example
 * ```ts
 * const at = new Date("2024-01-01T00:00:00Z");
 * const counts = ticketsByStatus([
 *   { id: "1", createdAt: at, status: "new" },
 *   { id: "2", createdAt: at, status: "open", assignee: "ana" },
 *   { id: "3", createdAt: at, status: "solved" },
 * ]);
 * counts.unassigned; // => 1
 * counts.total;      // => 3
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (tickets unassigned, open, pending, resolved)
 * @category Volume
 */
export function ticketsByStatus(tickets: readonly Ticket[]): TicketsByStatus {
  const counts = { unassigned: 0, new: 0, open: 0, pending: 0, on_hold: 0, solved: 0, closed: 0 };
  for (const ticket of tickets) {
    const status = ticket.status;
    switch (status) {
      case "new":
      case "open":
      case "pending":
      case "on_hold":
      case "solved":
      case "closed":
        counts[status]++;
        break;
      default:
        throw new MetricRangeError(
          "E_UNKNOWN_STATUS",
          `ticketsByStatus: status must be one of new, open, pending, on_hold, solved, closed, got ${JSON.stringify(status)}`,
        );
    }
    if (isUnassignedOpen(isResolvedStatus(status), ticket.assignee !== undefined && ticket.assignee !== "")) counts.unassigned++;
  }
  return { ...counts, total: tickets.length };
}

/** THE "unassigned" rule of the status counts: not resolved and without an assignee (absent or `""`). @internal */
export function isUnassignedOpen(resolved: boolean, hasAssignee: boolean): boolean {
  return !resolved && !hasAssignee;
}
