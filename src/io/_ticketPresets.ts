/**
 * The ticket column presets: which columns (CSV headers or JSON paths) each helpdesk export
 * has, what each becomes, and the status names each helpdesk uses. docs/guide/cli.md
 * documents the same tables; keep them in step.
 *
 * @internal
 * @module
 */
import { HELPDESK_DURATION_KEYS, type HelpdeskDurationKey, type TicketStatus } from "../models/ticket.ts";
import type { FieldSpec } from "./_engine.ts";
import { isObject, own, PRE } from "./_presetKit.ts";
import { isVendorPreset, VENDOR_STATUS_TABLES, vendorFields, vendorUnwrap } from "./_presetVendors.ts";
import type { ThreadPreset, TicketPreset } from "./types.ts";

/** The presets read row by row (one record, one ticket): every ticket preset but the thread presets (./readThreads.ts). @internal */
export type RowPreset = Exclude<TicketPreset, ThreadPreset>;
import {
  interned,
  readCount,
  readEpochSeconds,
  readHms,
  readId,
  readLower,
  readMinutes,
  readSeconds,
  readSynonym,
  readTagNames,
  readTags,
  readText,
  readTimestamp,
  type Reader,
} from "./_values.ts";
import { readFreshdeskRating, readGenericRating, readIntercomRating, readZendeskRating } from "./_ratings.ts";

/** The ticket fields a preset or a column map can fill. @internal */
export const TICKET_FIELDS = [
  "id",
  "createdAt",
  "status",
  "channel",
  "type",
  "priority",
  "assignee",
  "group",
  "brand",
  "requesterId",
  "assignedAt",
  "firstResponseAt",
  "firstSolvedAt",
  "solvedAt",
  "closedAt",
  "reopens",
  "replies",
  "satisfaction",
  "tags",
] as const;

/** The precomputed durations a preset or a column map can fill. @internal */
export const PRECOMPUTED_KEYS: readonly HelpdeskDurationKey[] = HELPDESK_DURATION_KEYS;

/** Values-object key of a precomputed duration. @internal */
export { PRE } from "./_presetKit.ts";

/**
 * A status name that marks a ticket to leave out of every figure (a deleted or spam
 * ticket): readTickets counts it in `stats.excluded` under `excluded`, not as a reject.
 *
 * @internal
 */
export interface StatusExclusion {
  readonly excluded: string;
}

/** What a status name stands for: a category, or an exclusion. @internal */
export type StatusEntry = TicketStatus | StatusExclusion;

const DELETED: StatusExclusion = { excluded: "deleted" };
const SPAM: StatusExclusion = { excluded: "spam" };

const table = (pairs: readonly (readonly [string, StatusEntry])[]): ReadonlyMap<string, StatusEntry> => new Map(pairs);

const CATEGORIES: readonly (readonly [string, TicketStatus])[] = [
  ["new", "new"],
  ["open", "open"],
  ["pending", "pending"],
  ["on hold", "on_hold"],
  ["solved", "solved"],
  ["closed", "closed"],
];

/**
 * Zendesk's statuses: `new`, `open`, `pending`, `hold`, `solved`, `closed` (the API), shown
 * as New, Open, Pending, On-hold, Solved, Closed (the CSV export); incremental exports also
 * return deleted tickets with the status `deleted`, excluded here.
 * https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/ (status),
 * https://developer.zendesk.com/documentation/ticketing/managing-tickets/using-the-incremental-export-api/ (deleted tickets),
 * https://support.zendesk.com/hc/en-us/articles/4408886805786 (About ticket statuses).
 */
const ZENDESK_STATUSES = table([...CATEGORIES, ["hold", "on_hold"], ["deleted", DELETED]]);

/**
 * Status names per preset, keyed as `statusKey` folds them (lower case, `-`/`_` as spaces).
 * docs/guide/cli.md has the same tables. @internal
 */
export const STATUS_TABLES: Readonly<Record<RowPreset, ReadonlyMap<string, StatusEntry>>> = {
  generic: table([
    ...CATEGORIES,
    ["hold", "on_hold"],
    ["resolved", "solved"],
    ["pending customer response", "pending"],
    ["waiting on customer", "pending"],
    ["waiting on third party", "on_hold"],
    ["deleted", DELETED],
    ["spam", SPAM],
  ]),
  "zendesk-csv": ZENDESK_STATUSES,
  "zendesk-json": ZENDESK_STATUSES,
  // Freshdesk's four built-in statuses (API values 2 Open, 3 Pending, 4 Resolved, 5 Closed,
  // https://developers.freshdesk.com/api/#tickets) and the two custom statuses a new account
  // starts with, Waiting on Customer and Waiting on Third Party. Spam and deleted tickets
  // (the API's `spam` flag, the trash) are not in Freshdesk's ticket export.
  "freshdesk-csv": table([
    ["open", "open"],
    ["pending", "pending"],
    ["resolved", "solved"],
    ["closed", "closed"],
    ["2", "open"],
    ["3", "pending"],
    ["4", "solved"],
    ["5", "closed"],
    ["waiting on customer", "pending"],
    ["waiting on third party", "on_hold"],
  ]),
  // Intercom's conversation states: open, closed, snoozed.
  // https://developers.intercom.com/docs/references/rest-api/api.intercom.io/conversations/conversation
  "intercom-json": table([
    ["open", "open"],
    ["snoozed", "pending"],
    ["closed", "solved"],
  ]),
  ...VENDOR_STATUS_TABLES,
};

/** Zendesk CSV "Via" values and their channel; other values are lower-cased. */
const ZENDESK_VIA = new Map([
  ["web form", "web"],
  ["web widget", "web"],
  ["web service", "api"],
  ["mail", "email"],
  ["phone call (incoming)", "phone"],
  ["phone call (outgoing)", "phone"],
  ["voicemail", "phone"],
]);

interface Context {
  readonly timeZone: string | undefined;
  readonly status: Reader;
}

/** The low-cardinality labels tickets are grouped by: read through {@link interned}. */
const LABELS = new Set(["channel", "type", "priority", "assignee", "group", "brand"]);

const f = (key: string, columns: string | readonly string[], read: Reader, required = false): FieldSpec => ({
  key,
  columns: typeof columns === "string" ? [columns] : columns,
  read: LABELS.has(key) ? interned(read) : read,
  ...(required ? { required: true } : {}),
});

/** The reader a column map uses for a field the preset does not read. @internal */
export function defaultTicketReader(key: string, ctx: Context): Reader {
  const at = readTimestamp(ctx.timeZone);
  switch (key) {
    case "createdAt":
    case "assignedAt":
    case "firstResponseAt":
    case "firstSolvedAt":
    case "solvedAt":
    case "closedAt":
      return at;
    case "status":
      return ctx.status;
    case "reopens":
    case "replies":
      return readCount;
    case "satisfaction":
      return readGenericRating;
    case "tags":
      return readTags(",");
    case "id":
      return readId;
    default:
      return key.startsWith(PRE) ? readMinutes : readText;
  }
}

const snake = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The fields of `preset`. @internal */
export function ticketFields(preset: RowPreset, ctx: Context): FieldSpec[] {
  if (isVendorPreset(preset)) return vendorFields(preset, ctx);
  const at = readTimestamp(ctx.timeZone);
  switch (preset) {
    case "generic":
      return TICKET_FIELDS.map((key) => {
        const columns = snake(key) === key ? [key] : [snake(key), key];
        return f(key, columns, defaultTicketReader(key, ctx), key === "id" || key === "createdAt" || key === "status");
      });
    case "zendesk-csv":
      return [
        f("id", "Id", readId, true),
        f("createdAt", "Created at", at, true),
        f("status", "Status", ctx.status, true),
        f("channel", "Via", readSynonym(ZENDESK_VIA)),
        f("type", "Ticket type", readLower),
        f("priority", "Priority", readLower),
        f("assignee", "Assignee", readText),
        f("group", "Group", readText),
        f("requesterId", ["Requester id", "Requester"], readText),
        f("assignedAt", ["Initially assigned at", "Assigned at"], at),
        f("solvedAt", "Solved at", at),
        f("reopens", "Reopens", readCount),
        f("replies", "Replies", readCount),
        f("satisfaction", "Satisfaction Score", readZendeskRating),
        f("tags", "Tags", readTags(/\s+/)),
        f(`${PRE}firstReply`, "First reply time in minutes", readMinutes),
        f(`${PRE}firstReplyBusiness`, "First reply time in minutes within business hours", readMinutes),
        f(`${PRE}firstResolution`, "First resolution time in minutes", readMinutes),
        f(`${PRE}firstResolutionBusiness`, "First resolution time in minutes within business hours", readMinutes),
        f(`${PRE}fullResolution`, "Full resolution time in minutes", readMinutes),
        f(`${PRE}fullResolutionBusiness`, "Full resolution time in minutes within business hours", readMinutes),
        f(`${PRE}requesterWait`, "Requester wait time in minutes", readMinutes),
        f(`${PRE}requesterWaitBusiness`, "Requester wait time in minutes within business hours", readMinutes),
        f(`${PRE}agentWait`, "Agent wait time in minutes", readMinutes),
        f(`${PRE}agentWaitBusiness`, "Agent wait time in minutes within business hours", readMinutes),
        f(`${PRE}onHold`, "On hold time in minutes", readMinutes),
        f(`${PRE}onHoldBusiness`, "On hold time in minutes within business hours", readMinutes),
      ];
    case "zendesk-json": {
      const m = "metric_set.";
      return [
        f("id", "id", readId, true),
        f("createdAt", "created_at", at, true),
        f("status", "status", ctx.status, true),
        f("channel", "via.channel", readLower),
        f("type", "type", readLower),
        f("priority", "priority", readLower),
        f("assignee", "assignee_id", readText),
        f("group", "group_id", readText),
        f("brand", "brand_id", readText),
        f("requesterId", "requester_id", readText),
        f("assignedAt", [`${m}initially_assigned_at`, `${m}assigned_at`], at),
        f("solvedAt", `${m}solved_at`, at),
        f("reopens", `${m}reopens`, readCount),
        f("replies", `${m}replies`, readCount),
        f("satisfaction", "satisfaction_rating.score", readZendeskRating),
        f("tags", "tags", readTags(/\s+/)),
        f(`${PRE}firstReply`, `${m}reply_time_in_minutes.calendar`, readMinutes),
        f(`${PRE}firstReplyBusiness`, `${m}reply_time_in_minutes.business`, readMinutes),
        f(`${PRE}firstResolution`, `${m}first_resolution_time_in_minutes.calendar`, readMinutes),
        f(`${PRE}firstResolutionBusiness`, `${m}first_resolution_time_in_minutes.business`, readMinutes),
        f(`${PRE}fullResolution`, `${m}full_resolution_time_in_minutes.calendar`, readMinutes),
        f(`${PRE}fullResolutionBusiness`, `${m}full_resolution_time_in_minutes.business`, readMinutes),
        f(`${PRE}requesterWait`, `${m}requester_wait_time_in_minutes.calendar`, readMinutes),
        f(`${PRE}requesterWaitBusiness`, `${m}requester_wait_time_in_minutes.business`, readMinutes),
        f(`${PRE}agentWait`, `${m}agent_wait_time_in_minutes.calendar`, readMinutes),
        f(`${PRE}agentWaitBusiness`, `${m}agent_wait_time_in_minutes.business`, readMinutes),
        f(`${PRE}onHold`, `${m}on_hold_time_in_minutes.calendar`, readMinutes),
        f(`${PRE}onHoldBusiness`, `${m}on_hold_time_in_minutes.business`, readMinutes),
      ];
    }
    case "freshdesk-csv":
      return [
        f("id", "Ticket ID", readId, true),
        f("createdAt", "Created time", at, true),
        f("status", "Status", ctx.status, true),
        f("channel", "Source", readLower),
        f("type", "Type", readLower),
        f("priority", "Priority", readLower),
        f("assignee", "Agent", readText),
        f("group", "Group", readText),
        // Freshdesk's multi-product accounts (one helpdesk, several brands) export "Product".
        f("brand", "Product", readText),
        f("requesterId", ["Contact ID", "Email", "Requester email"], readText),
        f("firstResponseAt", "Initial response time", at),
        f("solvedAt", "Resolved time", at),
        f("closedAt", "Closed time", at),
        f("replies", "Agent interactions", readCount),
        f("satisfaction", ["Survey results", "Survey result"], readFreshdeskRating),
        f("tags", "Tags", readTags(",")),
        f(`${PRE}firstReplyBusiness`, "First response time (in hrs)", readHms),
        f(`${PRE}fullResolutionBusiness`, "Resolution time (in hrs)", readHms),
      ];
    case "intercom-json": {
      const s = "statistics.";
      return [
        f("id", "id", readId, true),
        f("createdAt", "created_at", readEpochSeconds, true),
        f("status", "state", ctx.status, true),
        f("channel", "source.type", readLower),
        f("type", "source.delivered_as", readLower),
        f("priority", "priority", readLower),
        f("assignee", "admin_assignee_id", readText),
        f("group", "team_assignee_id", readText),
        f("requesterId", ["contacts.contacts.0.id", "source.author.id"], readText),
        f("assignedAt", `${s}first_assignment_at`, readEpochSeconds),
        f("firstResponseAt", `${s}first_admin_reply_at`, readEpochSeconds),
        f("firstSolvedAt", `${s}first_close_at`, readEpochSeconds),
        f("solvedAt", `${s}last_close_at`, readEpochSeconds),
        f("reopens", `${s}count_reopens`, readCount),
        f("satisfaction", "conversation_rating.rating", readIntercomRating),
        f("tags", "tags.tags", readTagNames),
        f(`${PRE}firstReplyBusiness`, `${s}time_to_admin_reply`, readSeconds),
        f(`${PRE}firstResolutionBusiness`, `${s}time_to_first_close`, readSeconds),
        f(`${PRE}fullResolutionBusiness`, `${s}time_to_last_close`, readSeconds),
        f(`${PRE}assignment`, `${s}time_to_assignment`, readSeconds),
      ];
    }
  }
}

/** Zendesk wrappers: `{ tickets: [...], metric_sets: [...] }` (joined by `ticket_id`) or `{ ticket: {...} }`. */
function unwrapZendesk(value: unknown): readonly unknown[] | undefined {
  if (!isObject(value)) return undefined;
  const single = own(value, "ticket");
  if (isObject(single) && !Object.hasOwn(value, "tickets")) return [single];
  const tickets = own(value, "tickets");
  if (!Array.isArray(tickets)) return undefined;
  const sets = own(value, "metric_sets");
  if (!Array.isArray(sets) || sets.length === 0) return tickets as unknown[];
  const byTicket = new Map<string, unknown>();
  for (const set of sets as unknown[]) {
    if (!isObject(set)) continue;
    const id = own(set, "ticket_id");
    if (typeof id === "number" || typeof id === "string") byTicket.set(String(id), set);
  }
  return (tickets as unknown[]).map((ticket) => {
    if (!isObject(ticket) || Object.hasOwn(ticket, "metric_set")) return ticket;
    const id = own(ticket, "id");
    const set = typeof id === "number" || typeof id === "string" ? byTicket.get(String(id)) : undefined;
    if (set === undefined) return ticket;
    const joined = Object.assign(Object.create(null) as Record<string, unknown>, ticket);
    joined["metric_set"] = set;
    return joined;
  });
}

/** Intercom wrappers: `{ conversations: [...] }` (a conversation list page). */
function unwrapIntercom(value: unknown): readonly unknown[] | undefined {
  if (!isObject(value)) return undefined;
  const list = own(value, "conversations");
  return Array.isArray(list) ? (list as unknown[]) : undefined;
}

/** The JSON wrapper a preset understands, if any. @internal */
export function ticketUnwrap(preset: RowPreset): ((value: unknown) => readonly unknown[] | undefined) | undefined {
  if (preset === "zendesk-json") return unwrapZendesk;
  if (preset === "intercom-json") return unwrapIntercom;
  if (isVendorPreset(preset)) return vendorUnwrap(preset);
  return undefined;
}
