import { assertTicketDate } from "../../_lib/guards.ts";
import { isResolvedStatus, type Ticket } from "../../models/ticket.ts";
import { hasMessages, readConversation, requestStart } from "./conversation.ts";
import type { AnomalyReason, DurationSource } from "./durationTypes.ts";

/**
 * The start and (if it happened by the cutoff) stop events of a duration, or why there are none.
 *
 * @internal
 */
export type Events<Reason extends string> =
  | { readonly kind: "events"; readonly start: Date; readonly end: Date | undefined; readonly source: DurationSource }
  | { readonly kind: "skipped"; readonly reason: Reason }
  | { readonly kind: "anomaly"; readonly reason: AnomalyReason };

/** `at`, or `undefined` when it is after the cutoff. */
const byCutoff = (at: Date, cutoff: number): Date | undefined => (at.getTime() <= cutoff ? at : undefined);

/**
 * The instant a helpdesk-computed duration `ms` (from creation) ends, or `undefined` without
 * one. The readers and the schema only accept finite non-negative durations.
 *
 * @internal
 */
export function helpdeskEnd(ticket: Ticket, ms: number | undefined): Date | undefined {
  return ms === undefined ? undefined : new Date(ticket.createdAt.getTime() + ms);
}

/** `true` when the ticket's status is `solved` or `closed`. @internal */
export function isSolved(ticket: Ticket): boolean {
  return isResolvedStatus(ticket.status);
}

/**
 * First response events: from the customer's request to the first public human agent reply
 * after it. `end` is `undefined` when there is no reply by the cutoff.
 *
 * @internal
 */
export function firstResponseEvents(fn: string, ticket: Ticket, cutoff = Number.POSITIVE_INFINITY): Events<"noCustomerMessage"> {
  assertTicketDate(fn, "createdAt", ticket.createdAt, ticket);
  if (hasMessages(ticket)) {
    const conversation = readConversation(fn, ticket, cutoff);
    const first = conversation.firstCustomer;
    if (first === undefined) return { kind: "skipped", reason: "noCustomerMessage" };
    const start = conversation.outbound ? first : requestStart(ticket, conversation);
    return { kind: "events", start, end: conversation.turns[0]?.end, source: "messages" };
  }
  const reply = ticket.firstResponseAt;
  if (reply !== undefined) {
    assertTicketDate(fn, "firstResponseAt", reply, ticket);
    if (reply.getTime() < ticket.createdAt.getTime()) return { kind: "anomaly", reason: "responseBeforeCreated" };
  }
  if (reply === undefined) {
    const exported = helpdeskEnd(ticket, ticket.helpdesk?.firstReply);
    if (exported !== undefined) return { kind: "events", start: ticket.createdAt, end: byCutoff(exported, cutoff), source: "helpdesk" };
  }
  return { kind: "events", start: ticket.createdAt, end: reply === undefined ? undefined : byCutoff(reply, cutoff), source: "fields" };
}

/**
 * Resolution events: from the customer's request (the earlier of `createdAt` and the first
 * customer message) to the first or the final solve. `end` is `undefined` while unresolved
 * at the cutoff.
 *
 * @internal
 */
export function resolutionEvents(
  fn: string,
  ticket: Ticket,
  until: "first" | "final",
  cutoff = Number.POSITIVE_INFINITY,
): Events<"noSolveTime"> {
  assertTicketDate(fn, "createdAt", ticket.createdAt, ticket);
  const { firstSolvedAt, solvedAt } = ticket;
  if (firstSolvedAt !== undefined) assertTicketDate(fn, "firstSolvedAt", firstSolvedAt, ticket);
  if (solvedAt !== undefined) assertTicketDate(fn, "solvedAt", solvedAt, ticket);
  const conversation = hasMessages(ticket) ? readConversation(fn, ticket) : undefined;
  const start = requestStart(ticket, conversation);
  const source: DurationSource = conversation === undefined ? "fields" : "messages";
  const solved = isSolved(ticket);
  let end: Date | undefined;
  if (until === "final") end = solved ? solvedAt : undefined;
  else end = firstSolvedAt ?? (solved && (ticket.reopens ?? 0) === 0 ? solvedAt : undefined);
  if (end === undefined) {
    // Without the solve instant, the helpdesk's own resolution time (from creation) stands in.
    const helpdesk = ticket.helpdesk;
    const exported =
      until === "final"
        ? solved
          ? helpdeskEnd(ticket, helpdesk?.fullResolution)
          : undefined
        : helpdeskEnd(ticket, helpdesk?.firstResolution ?? (solved && (ticket.reopens ?? 0) === 0 ? helpdesk?.fullResolution : undefined));
    if (exported !== undefined) return { kind: "events", start: ticket.createdAt, end: byCutoff(exported, cutoff), source: "helpdesk" };
    return solved ? { kind: "skipped", reason: "noSolveTime" } : { kind: "events", start, end: undefined, source };
  }
  if (end.getTime() < start.getTime()) return { kind: "anomaly", reason: "solvedBeforeCreated" };
  if (firstSolvedAt !== undefined && solvedAt !== undefined && solvedAt.getTime() < firstSolvedAt.getTime()) {
    return { kind: "anomaly", reason: "finalSolveBeforeFirstSolve" };
  }
  return { kind: "events", start, end: end.getTime() <= cutoff ? end : undefined, source };
}
