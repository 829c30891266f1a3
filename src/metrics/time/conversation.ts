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
  /** The `authorId` of the reply that ended the turn (`undefined`: not given). */
  readonly by: string | undefined;
}

/**
 * What the timing metrics read from a ticket's messages. The first four fields and the counts are
 * found by one scan; `turns` and `replies` are lists built on first read, so a metric that needs
 * only the head of the conversation (first response, resolution start) allocates no list.
 *
 * @internal
 */
export interface Conversation {
  /** The first customer message, if any. */
  readonly firstCustomer: Date | undefined;
  /** `true` when a public agent reply comes before any customer message (an agent-created ticket). */
  readonly outbound: boolean;
  /** The end of the first answered customer turn (`turns[0].end`), if any. */
  readonly firstTurnEnd: Date | undefined;
  /** The start of the customer turn still waiting for a reply, if any. */
  readonly openSince: Date | undefined;
  /** `replies.length`. */
  readonly replyCount: number;
  /** The answered customer turns, in time order. */
  readonly turns: readonly Turn[];
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
const EMPTY_LISTS: ConversationLists = Object.freeze({ turns: Object.freeze([]), replies: Object.freeze([]) });

function readMessages(fn: string, ticket: Ticket, cutoff: number): Conversation {
  const messages = ticket.messages ?? NO_MESSAGES;
  // Checks every instant and whether the counted messages are already in time order (the usual
  // case), so that only a conversation out of order is copied and sorted.
  let ordered = true;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i] as Message;
    const at = message.at;
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) assertDate(fn, `messages[${String(i)}].at of ticket ${ticket.id}`, at);
    const ms = at.getTime();
    if (ms > cutoff || !counts(message)) continue;
    if (ms < last) ordered = false;
    last = ms;
  }
  // A stable sort: ties keep input order.
  const inOrder = ordered
    ? messages
    : messages.filter((m) => m.at.getTime() <= cutoff && counts(m)).sort((a, b) => a.at.getTime() - b.at.getTime());
  return new MessageConversation(inOrder, cutoff);
}

/** The lists of a conversation. */
interface ConversationLists {
  readonly turns: readonly Turn[];
  readonly replies: readonly Date[];
}

/** The lists being filled by {@link MessageConversation.scan}. */
interface TurnLists {
  readonly turns: Turn[];
  readonly replies: Date[];
}

/**
 * A conversation over messages in time order (those after the cutoff, and those that do not
 * count, are passed over). The turn rule is written once, in `scan`: consecutive customer
 * messages form one turn that starts at the first of them and ends at the next agent reply.
 */
class MessageConversation implements Conversation {
  firstCustomer: Date | undefined = undefined;
  outbound = false;
  firstTurnEnd: Date | undefined = undefined;
  openSince: Date | undefined = undefined;
  replyCount = 0;
  private lists: ConversationLists | undefined = undefined;

  constructor(
    private readonly inOrder: readonly Message[],
    private readonly cutoff: number,
  ) {
    this.scan(undefined);
  }

  get turns(): readonly Turn[] {
    return this.listed().turns;
  }

  get replies(): readonly Date[] {
    return this.listed().replies;
  }

  /** The lists, built on first read: sized once (a turn ends at a reply, so there are at most as many turns as replies). */
  private listed(): ConversationLists {
    if (this.lists !== undefined) return this.lists;
    if (this.replyCount === 0) return (this.lists = EMPTY_LISTS);
    const lists: TurnLists = { turns: new Array<Turn>(this.replyCount), replies: new Array<Date>(this.replyCount) };
    this.scan(lists);
    return (this.lists = lists);
  }

  /** Walks the conversation: fills `lists` when given, else the head fields and the reply count. */
  private scan(lists: TurnLists | undefined): void {
    let firstCustomer: Date | undefined;
    let firstTurnEnd: Date | undefined;
    let waiting: Date | undefined;
    let first: Message | undefined;
    let replies = 0;
    let turns = 0;
    for (let i = 0; i < this.inOrder.length; i++) {
      const message = this.inOrder[i] as Message;
      if (message.at.getTime() > this.cutoff || !counts(message)) continue;
      first ??= message;
      if (message.author === "customer") {
        firstCustomer ??= message.at;
        waiting ??= message.at;
      } else {
        if (lists !== undefined) lists.replies[replies] = message.at;
        replies++;
        if (waiting !== undefined) {
          firstTurnEnd ??= message.at;
          if (lists !== undefined) lists.turns[turns] = { start: waiting, end: message.at, by: message.authorId };
          turns++;
        }
        waiting = undefined;
      }
    }
    if (lists !== undefined) {
      lists.turns.length = turns;
      return;
    }
    this.firstCustomer = firstCustomer;
    this.outbound = first !== undefined && first.author !== "customer";
    this.firstTurnEnd = firstTurnEnd;
    this.openSince = waiting;
    this.replyCount = replies;
  }
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
