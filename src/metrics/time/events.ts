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

/** A reusable "events" record (see `DurationSlot`). @internal */
export interface EventsSlot {
  kind: "events";
  start: Date;
  end: Date | undefined;
  source: DurationSource;
}

/** Found events: `slot` filled when there is one, else a new object. */
function found(slot: EventsSlot | undefined, start: Date, end: Date | undefined, source: DurationSource): Events<never> {
  if (slot === undefined) return { kind: "events", start, end, source };
  slot.start = start;
  slot.end = end;
  slot.source = source;
  return slot;
}

// The skip and anomaly results carry no per-ticket data: one frozen object each.
const NO_CUSTOMER_MESSAGE = Object.freeze({ kind: "skipped", reason: "noCustomerMessage" } as const);
const NO_SOLVE_TIME = Object.freeze({ kind: "skipped", reason: "noSolveTime" } as const);
const RESPONSE_BEFORE_CREATED = Object.freeze({ kind: "anomaly", reason: "responseBeforeCreated" } as const);
const SOLVED_BEFORE_CREATED = Object.freeze({ kind: "anomaly", reason: "solvedBeforeCreated" } as const);
const FINAL_BEFORE_FIRST = Object.freeze({ kind: "anomaly", reason: "finalSolveBeforeFirstSolve" } as const);

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
export function firstResponseEvents(
  fn: string,
  ticket: Ticket,
  cutoff = Number.POSITIVE_INFINITY,
  slot?: EventsSlot,
): Events<"noCustomerMessage"> {
  assertTicketDate(fn, "createdAt", ticket.createdAt, ticket);
  if (hasMessages(ticket)) {
    const conversation = readConversation(fn, ticket, cutoff);
    const first = conversation.firstCustomer;
    if (first === undefined) return NO_CUSTOMER_MESSAGE;
    const start = conversation.outbound ? first : requestStart(ticket, conversation);
    return found(slot, start, conversation.firstTurnEnd, "messages");
  }
  const reply = ticket.firstResponseAt;
  if (reply !== undefined) {
    assertTicketDate(fn, "firstResponseAt", reply, ticket);
    if (reply.getTime() < ticket.createdAt.getTime()) return RESPONSE_BEFORE_CREATED;
  }
  if (reply === undefined) {
    const exported = helpdeskEnd(ticket, ticket.helpdesk?.firstReply);
    if (exported !== undefined) return found(slot, ticket.createdAt, byCutoff(exported, cutoff), "helpdesk");
  }
  return found(slot, ticket.createdAt, reply === undefined ? undefined : byCutoff(reply, cutoff), "fields");
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
  slot?: EventsSlot,
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
    if (exported !== undefined) return found(slot, ticket.createdAt, byCutoff(exported, cutoff), "helpdesk");
    return solved ? NO_SOLVE_TIME : found(slot, start, undefined, source);
  }
  if (end.getTime() < start.getTime()) return SOLVED_BEFORE_CREATED;
  if (firstSolvedAt !== undefined && solvedAt !== undefined && solvedAt.getTime() < firstSolvedAt.getTime()) {
    return FINAL_BEFORE_FIRST;
  }
  return found(slot, start, end.getTime() <= cutoff ? end : undefined, source);
}
