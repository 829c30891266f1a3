import type { Ticket } from "../../models/ticket.ts";
import { collect } from "./_collect.ts";
import type { TicketValues, TimeOptions } from "./durationTypes.ts";
import { measureFirstResponse, type FirstResponseSkip } from "./firstResponseTime.ts";

/**
 * First response times of many tickets: {@link firstResponseTime} of each, with the
 * unanswered tickets and the anomalies counted apart.
 *
 * @param tickets - The tickets; see {@link firstResponseTime} for the fields read.
 * @param options - {@link TimeOptions}: `schedule` for business time (default: calendar time).
 * @returns The values (ms) with their ticket ids and sources, `skipped.unanswered`,
 * `skipped.noCustomerMessage` and the `anomalies`; `values` is empty when nothing was answered.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if a timestamp read is not a valid Date.
 * @remarks One value per answered ticket. The average first response time of a period is
 * `summarizeDurations(firstResponseTimes(tickets).values)?.mean`: the total first response
 * time divided by the number of first responses, as in the source.
 * @example
 * ```ts
 * const at = (m: number) => new Date(Date.UTC(2024, 0, 1, 9, m));
 * const r = firstResponseTimes([
 *   { id: "a", createdAt: at(0), status: "open", firstResponseAt: at(2) },
 *   { id: "b", createdAt: at(0), status: "new" },
 *   { id: "c", createdAt: at(5), status: "open", firstResponseAt: at(1) },
 * ]);
 * [...r.values]; // => [120000]
 * r.skipped;     // => { unanswered: 1, noCustomerMessage: 0 }
 * r.anomalies;   // => [{ id: "c", reason: "responseBeforeCreated" }]
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (average FRT = total first response time / number of first responses)
 * @category Time
 */
export function firstResponseTimes(tickets: readonly Ticket[], options?: TimeOptions): TicketValues<FirstResponseSkip> {
  return collect(tickets, ["unanswered", "noCustomerMessage"], (ticket, slot) =>
    measureFirstResponse("firstResponseTimes", ticket, options, slot),
  );
}
