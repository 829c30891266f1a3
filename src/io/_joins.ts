/**
 * The companion files `readTickets` joins to the tickets by id: a messages file
 * (./readMessages.ts) and a ticket history file (./readEvents.ts). Each is read whole before
 * the first ticket, grouped per ticket id, attached to the ticket with that id (sorted by
 * time, ties in file order: `Array.prototype.sort` is stable) and counted: attached, or
 * matching no returned ticket.
 *
 * @internal
 * @module
 */
import { stateFor } from "../_lib/group.ts";
import type { Message } from "../models/message.ts";
import type { FieldChange, StatusChange } from "../models/ticket.ts";
import { readEvents, type ReadEventsOptions } from "./readEvents.ts";
import { readMessages, type ReadMessagesOptions } from "./readMessages.ts";
import type { InputInfo, InputSource, ReadStats, Reject } from "./types.ts";

/**
 * The accounting of the messages file attached by `readTickets`.
 *
 * @category Input
 */
export interface MessageJoin {
  /** The messages file's own counts. */
  readonly stats: ReadStats;
  /** The messages file's rejects. */
  readonly rejects: Reject[];
  /** Messages attached to a returned ticket (final once the tickets are iterated). */
  attached: number;
  /** Valid messages whose ticket id matched no returned ticket (final once the tickets are iterated). */
  unmatched: number;
}

/**
 * The accounting of the ticket history file attached by `readTickets` (see `readEvents`).
 *
 * @category Input
 */
export interface EventJoin extends MessageJoin {
  /** How the history file was read (its layout, compression, columns). */
  readonly input: InputInfo;
  /**
   * Attached changes earlier than their ticket's `createdAt` (final once the tickets are
   * iterated). They are kept, as the models keep contradicting timestamps: the status-based
   * metrics report such a ticket as the anomaly `statusBeforeCreated`.
   */
  beforeCreated: number;
}

/** The files to join and their options. @internal */
export interface JoinFiles {
  readonly messages?: InputSource | undefined;
  readonly messagesOptions?: ReadMessagesOptions | undefined;
  readonly events?: InputSource | undefined;
  readonly eventsOptions?: ReadEventsOptions | undefined;
}

/** The joins of one read. @internal */
export interface Joins {
  readonly messages?: MessageJoin;
  readonly events?: EventJoin;
  /** Attaches what belongs to ticket `id` (created at `createdAt`) to `ticket`. */
  attach(ticket: Record<string, unknown>, id: string, createdAt: Date): void;
  /** Counts what matched no ticket; call once the tickets are iterated. */
  finish(): void;
}

interface History {
  readonly status: StatusChange[];
  readonly fields: FieldChange[];
}

const newList = <T>(): T[] => [];
const newHistory = (): History => ({ status: [], fields: [] });
const byTime = (a: { at: Date }, b: { at: Date }): number => a.at.getTime() - b.at.getTime();

/**
 * Reads the companion files (`inherited` are their default options: the tickets' time zone
 * and date layout; the events file also inherits the status map) and returns their joins, or
 * `undefined` when there is none.
 *
 * @internal
 */
export async function openJoins(files: JoinFiles, inherited: ReadMessagesOptions & ReadEventsOptions): Promise<Joins | undefined> {
  if (files.messages === undefined && files.events === undefined) return undefined;
  let messages: MessageJoin | undefined;
  let events: EventJoin | undefined;
  const messagesBy = new Map<string, Message[]>();
  const eventsBy = new Map<string, History>();
  if (files.messages !== undefined) {
    const { statusMap: _, ...shared } = inherited;
    const { records, stats, rejects } = await readMessages(files.messages, files.messagesOptions ?? shared);
    for await (const { ticketId, message } of records) stateFor(messagesBy, ticketId, newList<Message>).push(message);
    messages = { stats, rejects, attached: 0, unmatched: 0 };
  }
  if (files.events !== undefined) {
    const { records, stats, rejects, input } = await readEvents(files.events, files.eventsOptions ?? inherited);
    for await (const event of records) {
      const history = stateFor(eventsBy, event.ticketId, newHistory);
      if (event.field === "status") history.status.push(event.change);
      else history.fields.push(event.change);
    }
    events = { stats, rejects, input, attached: 0, unmatched: 0, beforeCreated: 0 };
  }
  return {
    ...(messages === undefined ? {} : { messages }),
    ...(events === undefined ? {} : { events }),
    attach(ticket, id, createdAt) {
      const list = messagesBy.get(id);
      if (list !== undefined && messages !== undefined) {
        messagesBy.delete(id);
        ticket["messages"] = list.sort(byTime);
        messages.attached += list.length;
      }
      const history = eventsBy.get(id);
      if (history !== undefined && events !== undefined) {
        eventsBy.delete(id);
        const created = createdAt.getTime();
        for (const change of [...history.status, ...history.fields]) if (change.at.getTime() < created) events.beforeCreated++;
        if (history.status.length > 0) ticket["statusHistory"] = history.status.sort(byTime);
        if (history.fields.length > 0) ticket["fieldHistory"] = history.fields.sort(byTime);
        events.attached += history.status.length + history.fields.length;
      }
    },
    finish() {
      if (messages !== undefined) messages.unmatched = [...messagesBy.values()].reduce((n, list) => n + list.length, 0);
      if (events !== undefined) events.unmatched = [...eventsBy.values()].reduce((n, h) => n + h.status.length + h.fields.length, 0);
    },
  };
}
