import { assertTicketDate } from "../../_lib/guards.ts";
import type { Ticket } from "../../models/ticket.ts";
import { hasMessages, readConversation } from "./conversation.ts";
import { measure } from "./measure.ts";
import type { TimeOptions } from "./durationTypes.ts";

/**
 * One answered customer turn: the wait from the first unanswered customer message to the
 * next public agent reply.
 *
 * @category Time
 */
export interface CustomerTurn {
  /** The first customer message of the turn. */
  readonly start: Date;
  /** The public agent reply that answered it. */
  readonly end: Date;
  /** `end − start` in milliseconds (business milliseconds with a schedule). */
  readonly ms: number;
}

/**
 * The customer turns of one conversation.
 *
 * @category Time
 */
export interface CustomerTurns {
  /** The answered turns, in time order; the first one is the first response. */
  readonly turns: readonly CustomerTurn[];
  /** The first message of the turn still waiting for a reply; `undefined` when none waits. */
  readonly unansweredSince: Date | undefined;
}

/**
 * Response times of every customer turn of one ticket: for each run of customer messages,
 * the time from its first message to the next public agent reply.
 *
 * @param ticket - The ticket; reads `messages` (and `createdAt`, checked).
 * @param options - {@link TimeOptions}: `schedule` for business time (default: calendar time).
 * @returns The answered turns and the start of the unanswered one, or `undefined` when the
 * ticket has no messages (response times cannot be read from pre-computed fields).
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `createdAt` or a message time is not a valid Date.
 * @remarks Messages are read in time order (ties keep input order). Consecutive customer
 * messages start one wait, at the first of them; the wait ends at the next public agent
 * reply. Bot and system messages and private notes are ignored; agent replies with no
 * customer message waiting (an agent-created ticket's opening message, a second reply in a
 * row) end no turn. The turns start at customer messages, so for a ticket whose first
 * customer message came after `createdAt` the first turn can be shorter than the first
 * response time, which measures from creation.
 * @example
 * ```ts
 * const at = (m: number) => new Date(Date.UTC(2024, 0, 1, 9, m));
 * const r = customerTurns({
 *   id: "1", createdAt: at(0), status: "open",
 *   messages: [
 *     { at: at(0), author: "customer", public: true },
 *     { at: at(1), author: "customer", public: true }, // same turn
 *     { at: at(4), author: "agent", public: true },
 *     { at: at(10), author: "customer", public: true },
 *     { at: at(12), author: "agent", public: true },
 *     { at: at(20), author: "customer", public: true },
 *   ],
 * });
 * r?.turns.map((t) => t.ms);  // => [240000, 120000]
 * r?.unansweredSince;         // => at(20)
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (average response time: the time taken to answer each message)
 * @category Time
 */
export function customerTurns(ticket: Ticket, options?: TimeOptions): CustomerTurns | undefined {
  return readTurns("customerTurns", ticket, options);
}

/** {@link customerTurns} with the caller's name for error messages. @internal */
export function readTurns(fn: string, ticket: Ticket, options?: TimeOptions): CustomerTurns | undefined {
  assertTicketDate(fn, "createdAt", ticket.createdAt, ticket);
  if (!hasMessages(ticket)) return undefined;
  const conversation = readConversation(fn, ticket);
  const turns = conversation.turns.map((t) => ({ start: t.start, end: t.end, ms: measure(t.start, t.end, options?.schedule) }));
  return { turns, unansweredSince: conversation.openSince };
}
