import type { Ticket } from "../../models/ticket.ts";
import { firstResponseEvents } from "./events.ts";
import { measure, measured, type DurationSlot } from "./measure.ts";
import type { TicketDuration, TimeOptions } from "./durationTypes.ts";

/**
 * Why a ticket has no first response time: `unanswered` (no public human agent reply yet)
 * or `noCustomerMessage` (its messages hold no customer message to answer).
 *
 * @category Time
 */
export type FirstResponseSkip = "unanswered" | "noCustomerMessage";

/**
 * First response time of one ticket: the time from the customer's request to the first
 * public reply by a human agent.
 *
 * @param ticket - The ticket; reads `messages` when non-empty, otherwise `createdAt` and `firstResponseAt`.
 * @param options - {@link TimeOptions}: `schedule` for business time (default: calendar time).
 * @returns The measurement with its start, end and source; `kind: "skipped"` with reason
 * `unanswered` or `noCustomerMessage`; or `kind: "anomaly"` (`responseBeforeCreated`).
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `createdAt`, `firstResponseAt` or a message time is not a valid Date.
 * @remarks With messages (the source of truth): only public messages by `agent` authors are
 * replies; bot and system messages and private notes never count. The start is the earlier
 * of `createdAt` and the first customer message; when the ticket was created by an agent
 * (a public agent message comes before any customer message), the start is the first
 * customer message instead and the stop is the next public agent reply after it. A reply at
 * the same instant as the start counts (0 ms). Messages need not be sorted. Without
 * messages: `firstResponseAt − createdAt`, `firstResponseAt < createdAt` an anomaly; without
 * `firstResponseAt` either, the helpdesk's exported `helpdesk.firstReply` (source `helpdesk`:
 * the reply is taken to be that long after `createdAt`), and with none of these the ticket is
 * unanswered. With a `schedule`, only open hours count.
 * @example
 * ```ts
 * const at = (m: number) => new Date(Date.UTC(2024, 0, 1, 9, m));
 * const r = firstResponseTime({
 *   id: "1", createdAt: at(0), status: "open",
 *   messages: [
 *     { at: at(0), author: "customer", public: true },
 *     { at: at(1), author: "bot", public: true },
 *     { at: at(2), author: "agent", public: false },
 *     { at: at(5), author: "agent", public: true },
 *   ],
 * });
 * r.kind === "measured" && r.ms; // => 300000
 * firstResponseTime({ id: "2", createdAt: at(0), status: "new" }); // => { kind: "skipped", reason: "unanswered" }
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (first response time: from the customer's first message to the team's first reply)
 * @category Time
 */
export function firstResponseTime(ticket: Ticket, options?: TimeOptions): TicketDuration<FirstResponseSkip> {
  return measureFirstResponse("firstResponseTime", ticket, options);
}

/** {@link firstResponseTime} with the caller's name for error messages (and a {@link DurationSlot} to fill). @internal */
export function measureFirstResponse(
  fn: string,
  ticket: Ticket,
  options?: TimeOptions,
  slot?: DurationSlot,
): TicketDuration<FirstResponseSkip> {
  const events = firstResponseEvents(fn, ticket, Number.POSITIVE_INFINITY, slot?.events);
  if (events.kind !== "events") return events;
  if (events.end === undefined) return UNANSWERED;
  return measured(slot, measure(events.start, events.end, options?.schedule), events.start, events.end, events.source);
}

const UNANSWERED = Object.freeze({ kind: "skipped", reason: "unanswered" } as const);
