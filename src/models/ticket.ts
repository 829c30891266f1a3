import type { Message } from "./message.ts";

/**
 * The normalised status category of a ticket. Helpdesks name their statuses differently;
 * the raw name is kept in {@link Ticket.rawStatus}.
 *
 * - `new`: received, nobody has acted on it yet.
 * - `open`: being worked on by the support team.
 * - `pending`: waiting for the customer.
 * - `on_hold`: waiting for a third party or another team.
 * - `solved`: resolved by the team (may still be reopened).
 * - `closed`: final; cannot be reopened.
 *
 * @category Models
 */
export type TicketStatus = "new" | "open" | "pending" | "on_hold" | "solved" | "closed";

/** Every {@link TicketStatus}, in workflow order. @category Models */
export const TICKET_STATUSES: readonly TicketStatus[] = ["new", "open", "pending", "on_hold", "solved", "closed"];

/**
 * Whether a status counts as resolved: `solved` or `closed`. This is the one "is this ticket
 * solved" rule of cx-metrics; every metric that asks (resolution rate, backlog, resolution and
 * requester wait times, replies to resolve, statuses over time, the report) asks it here.
 *
 * @param status - A ticket status.
 * @returns `true` for `"solved"` and `"closed"`, `false` for anything else.
 * @example
 * ```ts
 * isResolvedStatus("solved"); // => true
 * isResolvedStatus("pending"); // => false
 * ```
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408886805786 | Zendesk: About ticket statuses} (solved and closed)
 * @category Models
 */
export function isResolvedStatus(status: string): boolean {
  return status === "solved" || status === "closed";
}

/**
 * A ticket's satisfaction rating as the helpdesk recorded it: `"good"` / `"bad"` (binary
 * surveys such as Zendesk's) or a number on the survey's scale.
 *
 * @category Models
 */
export type TicketSatisfaction = "good" | "bad" | number;

/**
 * A change of status, when the helpdesk export carries the history.
 *
 * @category Models
 */
export interface StatusChange {
  /** When the ticket entered `status`. */
  readonly at: Date;
  /** The status it entered. */
  readonly status: TicketStatus;
}

/**
 * A support ticket (a case, a conversation). Only `id`, `createdAt` and `status` are
 * required; each metric documents which other fields it reads and skips tickets without
 * them (counting the skips).
 *
 * @category Models
 */
export interface Ticket {
  /** Unique id within the data set. */
  readonly id: string;
  /** When the ticket was created. */
  readonly createdAt: Date;
  /** Normalised status category. */
  readonly status: TicketStatus;
  /** The helpdesk's own status name, e.g. `"Pending Customer Response"`. */
  readonly rawStatus?: string;
  /** The channel the ticket came in by, e.g. `"email"`, `"chat"`, `"phone"`, `"social"`. */
  readonly channel?: string;
  /** The ticket type or category, e.g. `"question"`, `"incident"`, `"billing"`. */
  readonly type?: string;
  /** The priority, e.g. `"low"`, `"normal"`, `"high"`, `"urgent"`. */
  readonly priority?: string;
  /** The agent the ticket is assigned to; absent when unassigned. */
  readonly assignee?: string;
  /** The group or team the ticket is assigned to. */
  readonly group?: string;
  /** The requester's (customer's) id. */
  readonly requesterId?: string;
  /** When the ticket was first assigned to an agent. */
  readonly assignedAt?: Date;
  /** When the first public agent reply was sent (pre-computed by the helpdesk). */
  readonly firstResponseAt?: Date;
  /** When the ticket was solved for the first time. */
  readonly firstSolvedAt?: Date;
  /** When the ticket was solved for the last time (equal to `firstSolvedAt` if never reopened). */
  readonly solvedAt?: Date;
  /** When the ticket was closed. */
  readonly closedAt?: Date;
  /** How many times the ticket was reopened after being solved. */
  readonly reopens?: number;
  /** How many public agent replies the ticket received. */
  readonly replies?: number;
  /** The satisfaction rating given for this ticket, if any. */
  readonly satisfaction?: TicketSatisfaction;
  /** Free-form tags. */
  readonly tags?: readonly string[];
  /** The conversation, when known; when present it is the source of truth for times. */
  readonly messages?: readonly Message[];
  /** Status history, when known, oldest first. */
  readonly statusHistory?: readonly StatusChange[];
}
