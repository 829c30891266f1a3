import { assertDate, assertTicketDate } from "../../_lib/guards.ts";
import type { Ticket } from "../../models/ticket.ts";
import { ticketSlaOf, type TicketSla } from "./_evaluate.ts";
import type { SlaOptions } from "./_options.ts";
import { compilePolicy } from "./policy.ts";

/**
 * SLA status of one ticket: for each metric with a matching target, whether the stop event
 * came by the due time (`start` + time allowed), is late, or is still running at `asOf`.
 *
 * @param ticket - The ticket; reads `createdAt`, `status`, `priority`, `channel`, `messages`, `firstResponseAt`, `solvedAt`
 * and, for a target with `pauseIn`, `statusHistory`.
 * @param options - {@link SlaOptions}: `policy` and `asOf`, both required.
 * @returns The checks (one per customer turn for `nextResponse`), the skipped metrics and the
 * anomalies; `undefined` when the ticket was created after `asOf`.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `asOf` or a timestamp read is not a
 * valid Date; `E_SLA_TARGET`, `E_SLA_SCHEDULE` and `E_DURATION` for an invalid policy (see {@link slaTargetFor}).
 * @remarks Start and stop events are those of `firstResponseTime` (request → first public
 * human agent reply), `customerTurns` after the first (first unanswered customer message →
 * next public agent reply) and `resolutionTime` with `until: "final"` (request → `solvedAt`
 * of a solved or closed ticket). The due time is `start` plus the target, in calendar time
 * or, for a business-hours target, with `addBusinessTime`. A stop exactly at the due time
 * achieves the target. With no stop by `asOf`, the target is breached once `asOf` is past
 * the due time, and running until then. `lateBy` is in calendar milliseconds. A reopened
 * ticket that is open again is judged as unresolved against its original due time. A target
 * with `pauseIn` stops its clock while the ticket's `statusHistory` has it in one of those
 * statuses: the due time moves later by the time paused (a clock paused at `asOf` resumes
 * then). Each check's `breachAt` is its due time unless achieved.
 * @example
 * ```ts
 * const at = (m: number) => new Date(Date.UTC(2024, 0, 1, 9, m));
 * const policy = { targets: [{ metric: "firstResponse", within: { minutes: 5 } }] } as const;
 * const r = ticketSla(
 *   { id: "1", createdAt: at(0), status: "open", firstResponseAt: at(5) },
 *   { policy, asOf: at(30) },
 * );
 * r?.checks[0]?.status; // => "achieved"
 * ticketSla({ id: "2", createdAt: at(0), status: "new" }, { policy, asOf: at(30) })?.checks[0]?.lateBy; // => 1500000
 * ```
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408829459866} (Zendesk SLA policies: first reply, next reply and resolution targets)
 * @category SLA
 */
export function ticketSla(ticket: Ticket, options: SlaOptions): TicketSla | undefined {
  const fn = "ticketSla";
  assertDate(fn, "asOf", options.asOf);
  const targets = compilePolicy(fn, options.policy);
  assertTicketDate(fn, "createdAt", ticket.createdAt, ticket);
  const asOf = options.asOf.getTime();
  if (ticket.createdAt.getTime() > asOf) return undefined;
  return ticketSlaOf(fn, ticket, targets, asOf);
}
