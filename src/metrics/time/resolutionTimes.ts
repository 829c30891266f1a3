import type { Ticket } from "../../models/ticket.ts";
import { collect } from "./_collect.ts";
import type { TicketValues } from "./durationTypes.ts";
import { measureResolution, type ResolutionSkip, type ResolutionTimeOptions } from "./resolutionTime.ts";

/**
 * Resolution times of many tickets: {@link resolutionTime} of each, with unresolved tickets
 * and anomalies counted apart.
 *
 * @param tickets - The tickets; see {@link resolutionTime} for the fields read.
 * @param options - {@link ResolutionTimeOptions}: `until` (default `"final"`) and `schedule` (default: calendar time).
 * @returns The values (ms) with ids and sources, `skipped.unresolved`, `skipped.noSolveTime` and the `anomalies`.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if a timestamp read is not a valid Date;
 * `E_OPTION_VALUE` if `until` is neither `"first"` nor `"final"`.
 * @remarks The average resolution time is `summarizeDurations(resolutionTimes(tickets).values)?.mean`:
 * total resolution time of the resolved tickets / number of resolved tickets.
 * @example
 * ```ts
 * const at = (h: number) => new Date(Date.UTC(2024, 0, 1, h));
 * const r = resolutionTimes([
 *   { id: "a", createdAt: at(0), status: "solved", solvedAt: at(4) },
 *   { id: "b", createdAt: at(1), status: "open" },
 *   { id: "c", createdAt: at(5), status: "closed", solvedAt: at(3) },
 * ]);
 * [...r.values]; // => [14400000]
 * r.skipped;     // => { unresolved: 1, noSolveTime: 0 }
 * r.anomalies;   // => [{ id: "c", reason: "solvedBeforeCreated" }]
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (average resolution time)
 * @category Time
 */
export function resolutionTimes(tickets: readonly Ticket[], options?: ResolutionTimeOptions): TicketValues<ResolutionSkip> {
  return collect(tickets, ["unresolved", "noSolveTime"], (ticket, slot) => measureResolution("resolutionTimes", ticket, options, slot));
}
