/**
 * The layouts `readEvents` reads (./readEvents.ts): each preset's columns, which of its field
 * names it keeps (status, assignee, group, priority) and which it leaves out on purpose, and
 * Zendesk's JSON wrappers (incremental ticket events, ticket audits) flattened to one record
 * per change.
 *
 * @internal
 * @module
 */
import type { TicketField } from "../models/ticket.ts";
import type { FieldSpec } from "./_modelSpec.ts";
import { field, isObject, listAt, own, type PresetContext } from "./_presetKit.ts";
import { CHATWOOT_JSON } from "./_presetChatwoot.ts";
import { STATUS_TABLES, type StatusEntry } from "./_ticketPresets.ts";
import { readId, readText, readTimestamp, type Reader } from "./_values.ts";
import { readAuthorRole } from "./readMessages.ts";

/**
 * A layout of a ticket history file:
 *
 * - `generic`: this library's columns `ticket_id`, `at`, `field`, `value`, `author_id`, `author_role`.
 * - `zendesk-json`: Zendesk's Incremental Ticket Event Export (`ticket_events` with their
 *   `child_events`) or Ticket Audits (`audits` with their `events`), as JSON or NDJSON.
 * - `fivetran`: Fivetran's Zendesk connector table `ticket_field_history` exported from a
 *   warehouse as CSV (`field_name`, `ticket_id`, `updated`, `value`, `user_id`).
 * - `chatwoot`: Chatwoot's `reporting_events` (the table, or the API's `payload`):
 *   `conversation_opened` and `conversation_bot_handoff` → open, `conversation_resolved` and
 *   `conversation_bot_resolved` → resolved, at `event_end_time`; joined by `conversation_id`.
 *
 * @category Input
 */
export type EventPreset = "generic" | "zendesk-json" | "fivetran" | "chatwoot";

/** Every {@link EventPreset}, in the order the docs list them. @internal */
export const EVENT_PRESET_NAMES: readonly EventPreset[] = ["generic", "zendesk-json", "fivetran", "chatwoot"];

/** A field an events file records: the status or one of the {@link TicketField}s. @internal */
export type EventField = "status" | TicketField;

/** The values keys of an event record. @internal */
export const EVENT_KEYS = ["ticketId", "at", "field", "value", "authorId", "authorRole", "eventType"] as const;

/** Why a record is left out on purpose (counted in `stats.excludedBy`). @internal */
export const EVENT_EXCLUSIONS = {
  otherField: "otherField",
  comment: "comment",
  otherEvent: "otherEvent",
} as const;

/** How a preset reads its records. @internal */
export interface EventLayout {
  /** The status table the `status` values are looked up in (before `statusMap`). */
  readonly statuses: ReadonlyMap<string, StatusEntry>;
  readonly fields: (ctx: PresetContext) => FieldSpec[];
  /** Field names (lower-cased) and the field they change. */
  readonly names: ReadonlyMap<string, EventField>;
  /** `true` when a field name not in `names` leaves the record out (a vendor's other fields); `false` rejects it. */
  readonly othersExcluded: boolean;
  /** Event names that state both the field and its value (Chatwoot's `conversation_resolved` → status `resolved`). */
  readonly named?: ReadonlyMap<string, readonly [EventField, string]>;
  /** Naive timestamps are UTC unless a time zone is given (a warehouse's or a database's convention). */
  readonly naiveUtc?: boolean;
  readonly unwrap?: (value: unknown) => readonly unknown[] | undefined;
}

/** The JSON value of a Zendesk event as found (an array for tags, an object for SLA events): `readEvents` checks it once it knows the field. */
const passValue: Reader = (raw) => raw;

/** Zendesk's field names of the tracked fields (audits, incremental events, Fivetran's table). */
const ZENDESK_NAMES = new Map<string, EventField>([
  ["status", "status"],
  ["assignee_id", "assignee"],
  ["group_id", "group"],
  ["priority", "priority"],
]);

/** The keys of an incremental-export child event that are not a changed field. */
const CHILD_META = new Set([
  "id",
  "via",
  "via_reference_id",
  "event_type",
  "type",
  "previous_value",
  "audit_id",
  "created_at",
  "author_id",
]);

/**
 * One change of a Zendesk update as a flat record: the update's ticket, time and author, the
 * event's type, field name and value. An incremental-export child event names its field by
 * its key (`"status": "open"`) or, like an audit event, by `field_name` and `value`.
 */
function flatChange(update: Record<string, unknown>, event: unknown, author: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  out["ticket_id"] = own(update, "ticket_id");
  const created = own(update, "created_at");
  const stamp = own(update, "timestamp");
  out["created_at"] = created ?? (typeof stamp === "number" ? new Date(stamp * 1000).toISOString() : stamp);
  out["author_id"] = author;
  if (!isObject(event)) {
    out["event_type"] = event;
    return out;
  }
  out["event_type"] = own(event, "event_type") ?? own(event, "type");
  if (Object.hasOwn(event, "field_name")) {
    out["field_name"] = own(event, "field_name");
    out["value"] = own(event, "value");
    return out;
  }
  const key =
    Object.keys(event).find((k) => !CHILD_META.has(k) && ZENDESK_NAMES.has(k)) ?? Object.keys(event).find((k) => !CHILD_META.has(k));
  out["field_name"] = key;
  out["value"] = key === undefined ? undefined : own(event, key);
  return out;
}

/** One update (an incremental-export ticket event or an audit) as its flat changes; `undefined` when it is neither. */
function flatUpdate(update: unknown): readonly unknown[] | undefined {
  if (!isObject(update)) return undefined;
  const children = own(update, "child_events");
  if (Array.isArray(children)) return (children as unknown[]).map((e) => flatChange(update, e, own(update, "updater_id")));
  const events = own(update, "events");
  if (Array.isArray(events)) return (events as unknown[]).map((e) => flatChange(update, e, own(update, "author_id")));
  return undefined;
}

/**
 * Zendesk's wrappers: `{ ticket_events: [...] }` (incremental export), `{ audits: [...] }` or
 * `{ audit: {...} }` (ticket audits), or one update per NDJSON line; each update becomes one
 * record per child event.
 */
function unwrapZendesk(value: unknown): readonly unknown[] | undefined {
  if (!isObject(value)) return undefined;
  const list = own(value, "ticket_events") ?? own(value, "audits");
  const updates = Array.isArray(list) ? (list as unknown[]) : isObject(own(value, "audit")) ? [own(value, "audit")] : undefined;
  if (updates === undefined) return flatUpdate(value);
  // An update that is not an object stays one record (rejected for its missing ticket id).
  return updates.flatMap((update) => flatUpdate(update) ?? [update]);
}

const at = (ctx: PresetContext): Reader => readTimestamp(ctx.timeZone);

const ZENDESK_FIELDS = (ctx: PresetContext): FieldSpec[] => [
  field("ticketId", "ticket_id", readId, true),
  field("at", "created_at", at(ctx), true),
  field("field", "field_name", readText),
  field("value", "value", passValue),
  field("authorId", "author_id", readText),
  field("eventType", "event_type", readText, true),
];

/** Each preset's layout. @internal */
export const EVENT_LAYOUTS: Readonly<Record<EventPreset, EventLayout>> = {
  generic: {
    statuses: STATUS_TABLES.generic,
    fields: (ctx) => [
      field("ticketId", ["ticket_id", "ticketId"], readId, true),
      field("at", "at", at(ctx), true),
      field("field", "field", readText, true),
      field("value", "value", readText),
      field("authorId", ["author_id", "authorId"], readText),
      field("authorRole", ["author_role", "authorRole"], readAuthorRole),
    ],
    names: new Map<string, EventField>([
      ["status", "status"],
      ["assignee", "assignee"],
      ["group", "group"],
      ["priority", "priority"],
      ["assignee_id", "assignee"],
      ["group_id", "group"],
    ]),
    othersExcluded: false,
  },
  "zendesk-json": {
    statuses: STATUS_TABLES["zendesk-json"],
    fields: ZENDESK_FIELDS,
    names: ZENDESK_NAMES,
    othersExcluded: true,
    unwrap: unwrapZendesk,
  },
  fivetran: {
    statuses: STATUS_TABLES["zendesk-json"],
    fields: (ctx) => [
      field("ticketId", "ticket_id", readId, true),
      field("at", "updated", at(ctx), true),
      field("field", "field_name", readText, true),
      field("value", "value", readText),
      field("authorId", "user_id", readText),
    ],
    names: ZENDESK_NAMES,
    othersExcluded: true,
    naiveUtc: true,
  },
  // chatwoot/chatwoot app/listeners/reporting_event_listener.rb: each event's name, user,
  // conversation and event_end_time (the moment of the change; event_start_time is the start of
  // the interval its value measures).
  chatwoot: {
    statuses: CHATWOOT_JSON.statuses,
    fields: (ctx) => [
      field("ticketId", "conversation_id", readId, true),
      field("at", ["event_end_time", "created_at"], at(ctx), true),
      field("field", "name", readText, true),
      field("authorId", "user_id", readText),
    ],
    names: new Map(),
    named: new Map<string, readonly [EventField, string]>([
      ["conversation_opened", ["status", "open"]],
      ["conversation_bot_handoff", ["status", "open"]],
      ["conversation_resolved", ["status", "resolved"]],
      ["conversation_bot_resolved", ["status", "resolved"]],
    ]),
    othersExcluded: true,
    naiveUtc: true,
    unwrap: (value) => listAt(value, "data", "payload") ?? listAt(value, "payload"),
  },
};
