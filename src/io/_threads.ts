/**
 * Conversations from reply links (./readThreads.ts): which message starts a conversation, which
 * conversation each reply belongs to, and why the others belong to none. Pure: no reading, no
 * I/O. docs/guide/definitions.md ("Threads from reply links") states the same rules.
 *
 * @internal
 * @module
 */
import type { AuthorRole, Message } from "../models/message.ts";
import type { Ticket } from "../models/ticket.ts";

/** One message of a thread file, as read. @internal */
export interface ThreadMessage {
  /** The message's own id (unique in the file). */
  readonly id: string;
  readonly at: Date;
  readonly author: AuthorRole;
  /** The id of the message it answers; absent when it answers none. */
  readonly inReplyTo?: string;
  /** The author's id or handle (the brand's account for an agent message). */
  readonly authorId?: string;
  /** The ids of the messages that answer it, as the file lists them (a cross-check of `inReplyTo`). */
  readonly responses?: readonly string[];
  /** The message's record number in the file. */
  readonly record: number;
}

/**
 * Why a message that was read belongs to no conversation (`ReadStats.excludedBy`). Each is the
 * reason of the message at the top of its reply chain, so a whole cut-off branch shares one.
 *
 * - `parent not found`: the chain leads to a reply whose parent is not among the messages read
 *   (absent from the file, as where a file is cut, or rejected).
 * - `not opened by a customer`: the chain starts at a message that answers none but is not the
 *   customer's (a brand's tweet that answers nothing starts no conversation).
 * - `reply cycle`: the chain loops (A answers B, B answers A) and so never reaches a start.
 *
 * @internal
 */
export const THREAD_EXCLUSIONS = ["parent not found", "not opened by a customer", "reply cycle"] as const;

/** One of {@link THREAD_EXCLUSIONS}. @internal */
export type ThreadExclusion = (typeof THREAD_EXCLUSIONS)[number];

/** A conversation built by {@link buildConversations}, with the record number of its opening message. @internal */
export interface BuiltConversation {
  readonly ticket: Ticket;
  readonly record: number;
}

/**
 * The thread accounting beyond the records' own (`read = used + rejected + excluded`, where
 * `used` counts the messages placed in a conversation).
 *
 * @category Input
 */
export interface ThreadStats {
  /** Conversations returned (one per customer message that answers none). */
  conversations: number;
  /** Conversations with at least one public agent reply (a brand's tweet). */
  answered: number;
  /**
   * Conversations in which agents of more than one account replied (several brands in one
   * thread): the conversation's `brand` is the first to reply; the others' replies stay in it.
   */
  severalResponders: number;
  /** Ids listed among a message's responses (`response_tweet_id`) that are not among the messages read. */
  listedAbsent: number;
  /**
   * Ids listed among a message's responses whose own `inReplyTo` names another message or none:
   * the reply link (`inReplyTo`) decides, and the disagreement is counted here.
   */
  listConflicts: number;
}

const NONE = -1;
/** Codes of the resolution of a message: a conversation start's index (≥ 0), or one of these. */
const PARENT_NOT_FOUND = -2;
const NOT_CUSTOMER = -3;
const CYCLE = -4;
const UNRESOLVED = -5;
const ON_PATH = -6;

const REASON_OF: Readonly<Record<number, ThreadExclusion>> = {
  [PARENT_NOT_FOUND]: "parent not found",
  [NOT_CUSTOMER]: "not opened by a customer",
  [CYCLE]: "reply cycle",
};

/** Time order, then file order. */
const byTimeThenRecord = (a: ThreadMessage, b: ThreadMessage): number => a.at.getTime() - b.at.getTime() || a.record - b.record;

/**
 * The conversations of `messages`: each customer message that answers none starts one; every
 * message whose chain of `inReplyTo` links reaches that start belongs to it. Returns the
 * conversations in the file order of their starts, the count of left-out messages by reason,
 * and the thread accounting. `channel` is set on every ticket when given.
 *
 * @internal
 */
export function buildConversations(
  messages: readonly ThreadMessage[],
  channel: string | undefined,
): { conversations: BuiltConversation[]; excluded: Partial<Record<ThreadExclusion, number>>; stats: ThreadStats } {
  const n = messages.length;
  const index = new Map<string, number>();
  messages.forEach((m, i) => index.set(m.id, i));
  const parent = new Int32Array(n).fill(NONE);
  // The start each message leads to (≥ 0), or why it leads to none.
  const resolved = new Int32Array(n).fill(UNRESOLVED);
  for (let i = 0; i < n; i++) {
    const link = (messages[i] as ThreadMessage).inReplyTo;
    if (link === undefined) continue;
    const p = index.get(link);
    parent[i] = p === undefined ? PARENT_NOT_FOUND : p;
  }
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    if (resolved[i] !== UNRESOLVED) continue;
    // Walk up until a message whose answer is known, a start, a missing parent or a loop.
    let at = i;
    let answer = UNRESOLVED;
    path.length = 0;
    for (;;) {
      const known = resolved[at] as number;
      if (known === ON_PATH) {
        answer = CYCLE;
        break;
      }
      if (known !== UNRESOLVED) {
        answer = known;
        break;
      }
      path.push(at);
      resolved[at] = ON_PATH;
      const p = parent[at] as number;
      if (p === NONE) {
        answer = (messages[at] as ThreadMessage).author === "customer" ? at : NOT_CUSTOMER;
        break;
      }
      if (p === PARENT_NOT_FOUND) {
        answer = PARENT_NOT_FOUND;
        break;
      }
      at = p;
    }
    for (const j of path) resolved[j] = answer;
  }

  const members = new Map<number, ThreadMessage[]>();
  const excluded: Partial<Record<ThreadExclusion, number>> = {};
  for (let i = 0; i < n; i++) {
    const r = resolved[i] as number;
    if (r >= 0) {
      const list = members.get(r);
      if (list === undefined) members.set(r, [messages[i] as ThreadMessage]);
      else list.push(messages[i] as ThreadMessage);
    } else {
      const reason = REASON_OF[r] as ThreadExclusion;
      excluded[reason] = (excluded[reason] ?? 0) + 1;
    }
  }

  const stats: ThreadStats = { conversations: 0, answered: 0, severalResponders: 0, listedAbsent: 0, listConflicts: 0 };
  for (let i = 0; i < n; i++) {
    for (const listed of (messages[i] as ThreadMessage).responses ?? []) {
      const j = index.get(listed);
      if (j === undefined) stats.listedAbsent++;
      else if (parent[j] !== i) stats.listConflicts++;
    }
  }

  const conversations: BuiltConversation[] = [];
  // Starts in file order (the map keeps the order in which starts were first seen: not file order).
  const starts = [...members.keys()].sort((a, b) => a - b);
  for (const start of starts) {
    const root = messages[start] as ThreadMessage;
    const thread = (members.get(start) as ThreadMessage[]).sort(byTimeThenRecord);
    const first = thread.find((m) => m.author === "agent");
    const responders = new Set<string | undefined>();
    for (const m of thread) if (m.author === "agent") responders.add(m.authorId);
    stats.conversations++;
    if (first !== undefined) stats.answered++;
    if (responders.size > 1) stats.severalResponders++;
    const ticket: Ticket = {
      id: root.id,
      createdAt: root.at,
      status: first === undefined ? "new" : "open",
      ...(channel === undefined ? {} : { channel }),
      ...(first?.authorId === undefined ? {} : { brand: first.authorId }),
      ...(root.authorId === undefined ? {} : { requesterId: root.authorId }),
      ...(first === undefined ? {} : { firstResponseAt: first.at }),
      messages: thread.map((m): Message => ({
        at: m.at,
        author: m.author,
        public: true,
        ...(m.authorId === undefined ? {} : { authorId: m.authorId }),
      })),
    };
    conversations.push({ ticket, record: root.record });
  }
  return { conversations, excluded, stats };
}
