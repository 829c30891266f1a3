import type { Message } from "./message.ts";
import type { SurveyScale } from "./survey.ts";

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
 * Durations the helpdesk computed itself and exported with a ticket, in milliseconds. The
 * time metrics use them where the ticket's timestamps cannot give the value (an export with
 * "First reply time in minutes" but no first-reply instant), and the report says which
 * source each figure came from and how far the two agree where both exist. `Business`
 * fields count only the helpdesk's own business hours. Each field is present only when the
 * export had a value.
 *
 * @category Models
 */
export interface HelpdeskDurations {
  /** Ticket creation to the first public agent reply (Zendesk "First reply time", metric_sets `reply_time_in_minutes`). */
  readonly firstReply?: number;
  /** The same within business hours (Zendesk; Freshdesk "First response time (in hrs)"; Intercom `time_to_admin_reply`). */
  readonly firstReplyBusiness?: number;
  /** Creation to the first solve (Zendesk "First resolution time"). */
  readonly firstResolution?: number;
  /** The same within business hours (Zendesk; Intercom `time_to_first_close`). */
  readonly firstResolutionBusiness?: number;
  /** Creation to the last solve (Zendesk "Full resolution time"). */
  readonly fullResolution?: number;
  /** The same within business hours (Zendesk; Freshdesk "Resolution time (in hrs)"; Intercom `time_to_last_close`). */
  readonly fullResolutionBusiness?: number;
  /** Time the requester spent waiting (Zendesk "Requester wait time"). */
  readonly requesterWait?: number;
  /** The same within business hours. */
  readonly requesterWaitBusiness?: number;
  /** Time spent waiting on the requester (Zendesk "Agent wait time"). */
  readonly agentWait?: number;
  /** The same within business hours. */
  readonly agentWaitBusiness?: number;
  /** Time spent on hold (Zendesk "On hold time"). */
  readonly onHold?: number;
  /** The same within business hours. */
  readonly onHoldBusiness?: number;
  /** Time to the first assignment (Intercom `time_to_assignment`). */
  readonly assignment?: number;
}

/**
 * The names of the {@link HelpdeskDurations} fields.
 *
 * @category Models
 */
export type HelpdeskDurationKey = keyof HelpdeskDurations;

/** Every {@link HelpdeskDurationKey}. @category Models */
export const HELPDESK_DURATION_KEYS: readonly HelpdeskDurationKey[] = [
  "firstReply",
  "firstReplyBusiness",
  "firstResolution",
  "firstResolutionBusiness",
  "fullResolution",
  "fullResolutionBusiness",
  "requesterWait",
  "requesterWaitBusiness",
  "agentWait",
  "agentWaitBusiness",
  "onHold",
  "onHoldBusiness",
  "assignment",
];

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
  /** Who made the change (an agent's id or name, a trigger's), when the history says. */
  readonly authorId?: string;
}

/**
 * The ticket fields, besides the status, whose changes an events history records.
 *
 * @category Models
 */
export type TicketField = "assignee" | "group" | "priority";

/**
 * Every {@link TicketField}, in a fixed order.
 *
 * @category Models
 */
export const TICKET_FIELDS: readonly TicketField[] = ["assignee", "group", "priority"];

/**
 * A change of a ticket's assignee, group or priority, when the helpdesk export carries the
 * history (Zendesk ticket events, Fivetran's `ticket_field_history`, a generic events file).
 *
 * @category Models
 */
export interface FieldChange {
  /** When the field took `value`. */
  readonly at: Date;
  /** The field that changed. */
  readonly field: TicketField;
  /** The new value; absent when the field was cleared (unassigned, no group). */
  readonly value?: string;
  /** Who made the change, when the history says. */
  readonly authorId?: string;
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
  /** The brand (Zendesk `brand_id`) or, on social channels, the account the ticket reached. */
  readonly brand?: string;
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
  /**
   * The scale of a numeric {@link Ticket.satisfaction} (Intercom 1–5, a Freshdesk survey's
   * points). Absent for `"good"` / `"bad"` ratings; a numeric rating without a scale is not
   * used for CSAT (and counted as skipped).
   */
  readonly satisfactionScale?: SurveyScale;
  /**
   * Whether a satisfaction survey was offered for this ticket, answered or not (Zendesk
   * `offered`). With it, the survey response rate is rated tickets / offered tickets.
   */
  readonly satisfactionOffered?: boolean;
  /** Durations the helpdesk computed and exported with the ticket, in milliseconds. */
  readonly helpdesk?: HelpdeskDurations;
  /** Free-form tags. */
  readonly tags?: readonly string[];
  /** The conversation, when known; when present it is the source of truth for times. */
  readonly messages?: readonly Message[];
  /** Status history, when known, oldest first. */
  readonly statusHistory?: readonly StatusChange[];
  /** Assignee, group and priority changes, when known, oldest first. */
  readonly fieldHistory?: readonly FieldChange[];
}
