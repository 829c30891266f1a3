import { assertTicketDate } from "../../_lib/guards.ts";
import type { Schedule } from "../../models/schedule.ts";
import type { Ticket } from "../../models/ticket.ts";
import type { FactsProvider } from "../../models/ticketBatch.ts";
import { messageFacts, type RowFacts } from "./_messageFacts.ts";
import { hasMessages, isAgentReply, readConversation } from "./conversation.ts";
import { measureFirstResponse } from "./firstResponseTime.ts";
import { measure } from "./measure.ts";
import type { TimeOptions } from "./durationTypes.ts";

/**
 * One figure credited to a responder: the `authorId` of the public agent reply, or `undefined`
 * when the reply names none ("responder unknown").
 *
 * @category Time
 */
export interface CreditedTime {
  /** The reply's `authorId`; `undefined`: responder unknown. */
  readonly responder: string | undefined;
  /** The time credited, in milliseconds (business milliseconds with a schedule). */
  readonly ms: number;
}

/**
 * The public agent replies of one responder on one ticket.
 *
 * @category Time
 */
export interface ResponderReplies {
  /** The replies' `authorId`; `undefined`: responder unknown. */
  readonly responder: string | undefined;
  /** How many public agent replies the responder sent on the ticket (at least 1). */
  readonly replies: number;
}

/**
 * Who answered one ticket: the first response and every answered customer turn, each credited to
 * the author of the reply that ended it, and the public agent replies per author.
 *
 * @category Time
 */
export interface TicketResponders {
  /** The ticket's first response time, credited to the author of the reply that ended it; `undefined` when unanswered or with no customer message. */
  readonly firstResponse: CreditedTime | undefined;
  /** Each answered customer turn's response time, credited to the author of the reply that ended it, in time order. */
  readonly turns: readonly CreditedTime[];
  /** The public agent replies per author, in order of each author's first reply (by position in `messages`). */
  readonly replies: readonly ResponderReplies[];
}

/**
 * Who answered a ticket, from `Message.authorId` on its public agent replies: the first response
 * (as {@link firstResponseTime} measures it) credited to the author of the reply that ended it,
 * each customer turn's response time (as {@link customerTurns} measures it) credited to the author
 * of the reply that ended that turn, and the replies each author sent.
 *
 * @param ticket - The ticket; reads `messages` (and `createdAt`).
 * @param options - {@link TimeOptions}: `schedule` for business time (default: calendar time).
 * @returns The credits, or `undefined` when the ticket has no messages (responders cannot be read
 * from pre-computed fields).
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `createdAt` or a message time is not a valid Date.
 * @remarks Only public messages by `agent` authors are replies (bots, system messages and private
 * notes never are). A reply without `authorId` is credited to `responder: undefined` (responder
 * unknown): it is counted, never dropped. The first response is credited to the author of the
 * reply that ended the first answered customer turn: the same reply at which
 * {@link firstResponseTime} stops. Agent replies that end no turn (a second reply in a row, an
 * agent-created ticket's opening message) count as replies sent, not as reply times.
 * @example
 * ```ts
 * const at = (m: number) => new Date(Date.UTC(2024, 0, 1, 9, m));
 * const r = ticketResponders({
 *   id: "1", createdAt: at(0), status: "open",
 *   messages: [
 *     { at: at(0), author: "customer", public: true },
 *     { at: at(3), author: "agent", public: true, authorId: "ana" },
 *     { at: at(10), author: "customer", public: true },
 *     { at: at(12), author: "agent", public: true, authorId: "ben" },
 *     { at: at(13), author: "agent", public: true },
 *   ],
 * });
 * r?.firstResponse;                  // => { responder: "ana", ms: 180000 }
 * r?.turns.map((t) => t.responder);  // => ["ana", "ben"]
 * r?.replies;                        // => [{ responder: "ana", replies: 1 }, { responder: "ben", replies: 1 }, { responder: undefined, replies: 1 }]
 * ```
 * @see {@link https://github.com/chatwoot/chatwoot/blob/develop/app/listeners/reporting_event_listener.rb | Chatwoot: reporting events (first_response, reply_time)}
 * @category Time
 */
export function ticketResponders(ticket: Ticket, options?: TimeOptions): TicketResponders | undefined {
  return readResponders("ticketResponders", ticket, options?.schedule);
}

/** {@link ticketResponders} with the caller's name for error messages. @internal */
export function readResponders(fn: string, ticket: Ticket, schedule: Schedule | undefined): TicketResponders | undefined {
  assertTicketDate(fn, "createdAt", ticket.createdAt, ticket);
  if (!hasMessages(ticket)) return undefined;
  const conversation = readConversation(fn, ticket);
  const turns = conversation.turns.map((t) => ({ responder: t.by, ms: measure(t.start, t.end, schedule) }));
  const first = measureFirstResponse(fn, ticket, schedule === undefined ? undefined : { schedule });
  // The first response stops at the first answered turn's reply (firstTurnEnd = turns[0].end).
  const by = conversation.turns[0]?.by;
  const firstResponse = first.kind === "measured" && conversation.turns.length > 0 ? { responder: by, ms: first.ms } : undefined;
  return { firstResponse, turns, replies: repliesByAuthor(ticket) };
}

/** The public agent replies per `authorId`, in order of first appearance. */
function repliesByAuthor(ticket: Ticket): ResponderReplies[] {
  const counts = new Map<string | undefined, number>();
  for (const message of ticket.messages ?? []) {
    if (isAgentReply(message)) counts.set(message.authorId, (counts.get(message.authorId) ?? 0) + 1);
  }
  return [...counts].map(([responder, replies]) => ({ responder, replies }));
}

/** The responders facts of a batch's rows. @internal */
export type ResponderFacts = RowFacts<TicketResponders>;

/**
 * The responders-facts provider for a schedule (`undefined`: calendar time), whose errors name the caller.
 *
 * @internal
 */
export const responderFacts: (schedule: Schedule | undefined, fn: string) => FactsProvider<ResponderFacts> = messageFacts(
  "responders",
  readResponders,
);
