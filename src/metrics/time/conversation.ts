import { assertDate } from "../../_lib/guards.ts";
import type { Message } from "../../models/message.ts";
import type { Ticket } from "../../models/ticket.ts";

/**
 * One customer turn: from the first unanswered customer message to the next public agent reply.
 *
 * @internal
 */
export interface Turn {
  readonly start: Date;
  readonly end: Date;
}

/**
 * What the timing metrics read from a ticket's messages.
 *
 * @internal
 */
export interface Conversation {
  /** The first customer message, if any. */
  readonly firstCustomer: Date | undefined;
  /** `true` when a public agent reply comes before any customer message (an agent-created ticket). */
  readonly outbound: boolean;
  /** The answered customer turns, in time order. */
  readonly turns: readonly Turn[];
  /** The start of the customer turn still waiting for a reply, if any. */
  readonly openSince: Date | undefined;
  /** The times of the public agent replies, in time order. */
  readonly replies: readonly Date[];
}

/** `true` when the ticket has a non-empty `messages` list (then messages are the source of truth). @internal */
export function hasMessages(ticket: Ticket): boolean {
  return ticket.messages !== undefined && ticket.messages.length > 0;
}

/** A public message by a human agent: the only kind of message that counts as a reply. @internal */
export function isAgentReply(message: Message): boolean {
  return message.author === "agent" && message.public === true;
}

/**
 * Reads the turns of a ticket's conversation, in time order (ties keep input order). Bot and
 * system messages and private notes are ignored; consecutive customer messages form one turn
 * that starts at the first of them. Messages after `cutoff` (epoch ms) are ignored.
 *
 * @internal
 */
export function readConversation(fn: string, ticket: Ticket, cutoff = Number.POSITIVE_INFINITY): Conversation {
  if (memo.on && memo.ticket === ticket && memo.messages === ticket.messages) {
    if (cutoff === memo.cutoffA && memo.a !== undefined) return memo.a;
    if (cutoff === memo.cutoffB && memo.b !== undefined) return memo.b;
  }
  const read = readMessages(fn, ticket, cutoff);
  if (memo.on && memo.ticket === ticket) {
    if (memo.a === undefined) {
      memo.a = read;
      memo.cutoffA = cutoff;
    } else {
      memo.b = read;
      memo.cutoffB = cutoff;
    }
  }
  return read;
}

/**
 * While one ticket is being observed by several per-ticket metrics (the report's ticket times,
 * the SLA checks), its conversation is read once per cutoff: `beginObserving(ticket)` turns the
 * memo on for that ticket only, `endObserving()` (in a `finally`) clears it, so a ticket changed
 * later is read afresh. Two calls rather than a callback: the hot loop allocates no closure.
 *
 * @internal
 */
export function beginObserving(ticket: Ticket): void {
  memo.on = true;
  memo.ticket = ticket;
  memo.messages = ticket.messages;
  memo.a = undefined;
  memo.b = undefined;
}

/** Ends {@link beginObserving}. @internal */
export function endObserving(): void {
  memo.on = false;
  memo.ticket = undefined;
  memo.messages = undefined;
  memo.a = undefined;
  memo.b = undefined;
}

const memo: {
  on: boolean;
  ticket: Ticket | undefined;
  messages: readonly Message[] | undefined;
  a: Conversation | undefined;
  cutoffA: number;
  b: Conversation | undefined;
  cutoffB: number;
} = { on: false, ticket: undefined, messages: undefined, a: undefined, cutoffA: 0, b: undefined, cutoffB: 0 };

/** `true` when the message counts for the conversation: by the customer, or a public agent reply. */
const counts = (message: Message): boolean => message.author === "customer" || isAgentReply(message);

const NO_MESSAGES: readonly Message[] = Object.freeze([]);
const NO_REPLIES: readonly Date[] = Object.freeze([]);
const NO_TURNS: readonly Turn[] = Object.freeze([]);

function readMessages(fn: string, ticket: Ticket, cutoff: number): Conversation {
  const messages = ticket.messages ?? NO_MESSAGES;
  // Checks every instant and whether the counted messages are already in time order (the usual
  // case), so that only a conversation out of order is copied and sorted.
  let ordered = true;
  let last = Number.NEGATIVE_INFINITY;
  let replyCount = 0;
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i] as Message;
    const at = message.at;
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) assertDate(fn, `messages[${String(i)}].at of ticket ${ticket.id}`, at);
    const ms = at.getTime();
    if (ms > cutoff || !counts(message)) continue;
    if (message.author !== "customer") replyCount++;
    if (ms < last) ordered = false;
    last = ms;
  }
  // A stable sort: ties keep input order.
  const inOrder = ordered
    ? messages
    : messages.filter((m) => m.at.getTime() <= cutoff && counts(m)).sort((a, b) => a.at.getTime() - b.at.getTime());
  // Sized once (a turn ends at a reply, so there are at most as many turns as replies): an empty
  // array that grows by push would allocate a 16-slot store per ticket.
  const replies: Date[] | readonly Date[] = replyCount === 0 ? NO_REPLIES : new Array<Date>(replyCount);
  const turns: Turn[] | readonly Turn[] = replyCount === 0 ? NO_TURNS : new Array<Turn>(replyCount);
  let r = 0;
  let t = 0;
  let firstCustomer: Date | undefined;
  let waiting: Date | undefined;
  let first: Message | undefined;
  for (let i = 0; i < inOrder.length; i++) {
    const message = inOrder[i] as Message;
    if (message.at.getTime() > cutoff || !counts(message)) continue;
    first ??= message;
    if (message.author === "customer") {
      firstCustomer ??= message.at;
      waiting ??= message.at;
    } else {
      (replies as Date[])[r++] = message.at;
      if (waiting !== undefined) (turns as Turn[])[t++] = { start: waiting, end: message.at };
      waiting = undefined;
    }
  }
  if (t < turns.length) (turns as Turn[]).length = t;
  const outbound = first !== undefined && first.author !== "customer";
  return { firstCustomer, outbound, turns, openSince: waiting, replies };
}

/**
 * The start of the customer's request: the earlier of `createdAt` and the first customer
 * message (messages source) or `createdAt` (fields source).
 *
 * @internal
 */
export function requestStart(ticket: Ticket, conversation: Conversation | undefined): Date {
  const first = conversation?.firstCustomer;
  return first !== undefined && first.getTime() < ticket.createdAt.getTime() ? first : ticket.createdAt;
}
