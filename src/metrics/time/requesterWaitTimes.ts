import type { Ticket } from "../../models/ticket.ts";
import { collect } from "./_collect.ts";
import type { TicketValues } from "./durationTypes.ts";
import { measureRequesterWait, type RequesterWaitSkip, type RequesterWaitTimeOptions } from "./requesterWaitTime.ts";

/**
 * Requester wait times of many tickets: {@link requesterWaitTime} of each, with the
 * tickets that cannot be measured counted by reason.
 *
 * @param tickets - The tickets; see {@link requesterWaitTime} for the fields read.
 * @param options - {@link RequesterWaitTimeOptions}: `exclude` (default `["pending", "on_hold"]`) and `schedule` (default: calendar time).
 * @returns The values (ms) with ids, `skipped` (`unresolved`, `noSolveTime`, `noStatusHistory`) and the `anomalies`.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if a timestamp read is not a valid Date;
 * `E_OPTION_VALUE` if `exclude` holds something that is not a ticket status.
 * @remarks Tickets without a status history are skipped and counted as `noStatusHistory`:
 * without it, waiting time cannot be told from pending time.
 * @example
 * ```ts
 * const at = (h: number) => new Date(Date.UTC(2024, 0, 1, h));
 * const r = requesterWaitTimes([
 *   { id: "a", createdAt: at(0), status: "solved", solvedAt: at(5),
 *     statusHistory: [{ at: at(1), status: "pending" }, { at: at(4), status: "open" }, { at: at(5), status: "solved" }] },
 *   { id: "b", createdAt: at(0), status: "solved", solvedAt: at(2) },
 * ]);
 * [...r.values]; // => [7200000]
 * r.skipped;     // => { unresolved: 0, noSolveTime: 0, noStatusHistory: 1 }
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (how long the customer must wait until the issue is resolved)
 * @category Time
 */
export function requesterWaitTimes(tickets: readonly Ticket[], options?: RequesterWaitTimeOptions): TicketValues<RequesterWaitSkip> {
  return collect(tickets, ["unresolved", "noSolveTime", "noStatusHistory"], (ticket) =>
    measureRequesterWait("requesterWaitTimes", ticket, options),
  );
}
