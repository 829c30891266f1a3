import type { Ticket } from "../../models/ticket.ts";
import { collect } from "./_collect.ts";
import type { TicketValues, TimeOptions } from "./durationTypes.ts";
import { measureAssignment } from "./assignmentTime.ts";

/**
 * Times to first assignment of many tickets: {@link assignmentTime} of each, with the
 * unassigned tickets and the anomalies counted apart.
 *
 * @param tickets - The tickets; reads `id`, `createdAt` and `assignedAt`.
 * @param options - {@link TimeOptions}: `schedule` for business time (default: calendar time).
 * @returns The values (ms) with ids, `skipped.unassigned` and the `anomalies`.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if a timestamp read is not a valid Date.
 * @remarks One value per assigned ticket; `assignedAt < createdAt` is an anomaly.
 * @example
 * ```ts
 * const at = (m: number) => new Date(Date.UTC(2024, 0, 1, 9, m));
 * const r = assignmentTimes([
 *   { id: "a", createdAt: at(0), status: "open", assignedAt: at(10) },
 *   { id: "b", createdAt: at(0), status: "new" },
 * ]);
 * [...r.values]; // => [600000]
 * r.skipped;     // => { unassigned: 1 }
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (how fast an issue is assigned)
 * @category Time
 */
export function assignmentTimes(tickets: readonly Ticket[], options?: TimeOptions): TicketValues<"unassigned"> {
  return collect(tickets, ["unassigned"], (ticket, slot) => measureAssignment("assignmentTimes", ticket, options, slot));
}
