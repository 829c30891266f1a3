/**
 * The `zammad-json` preset: Zammad's tickets API, `GET /api/v1/tickets` (a JSON array of tickets;
 * with `?expand=true` each ticket also carries the names `state`, `group`, `priority`, `owner`,
 * `customer`, `create_article_type`). A ticket without `?expand=true` has only ids: its
 * `state_id` and `priority_id` are read through Zammad's default states and priorities (a
 * system with states of its own must export with `?expand=true`). Zammad's escalation
 * figures `first_response_in_min` and `close_in_min` (minutes in the business hours of the
 * ticket's SLA calendar) are read as helpdesk-computed durations.
 *
 * Sources: https://docs.zammad.org/en/latest/api/ticket/index.html (the list response) and
 * Zammad's default ticket states (zammad/zammad db/seeds/ticket_states.rb: 1 new, 2 open,
 * 3 pending reminder, 4 closed, 5 merged, 6 removed, 7 pending close) and priorities (1 low,
 * 2 normal, 3 high).
 *
 * @internal
 * @module
 */
import {
  at,
  EXCLUDED,
  field,
  isObject,
  own,
  PRE,
  readExclusion,
  statusTable,
  type PresetContext,
  type VendorPreset,
} from "./_presetKit.ts";
import { readId, readLower, readMinutes, readText, type Reader } from "./_values.ts";

/**
 * Zammad's default states. `closed` tickets reopen on a customer follow-up, so they are solved;
 * both pending states wait on someone else. Merged and removed tickets are excluded before their
 * status is used.
 */
const STATUSES = statusTable([
  ["new", "new"],
  ["open", "open"],
  ["pending reminder", "pending"],
  ["pending close", "pending"],
  ["closed", "solved"],
  ["merged", "closed"],
  ["removed", "closed"],
]);

/** A merged ticket lives on in the ticket it was merged into; a removed one is deleted. */
const EXCLUSIONS = new Map([
  ["merged", "merged"],
  ["removed", "deleted"],
]);

const STATE_NAMES = new Map([
  [1, "new"],
  [2, "open"],
  [3, "pending reminder"],
  [4, "closed"],
  [5, "merged"],
  [6, "removed"],
  [7, "pending close"],
]);

const PRIORITY_NAMES = new Map([
  [1, "1 low"],
  [2, "2 normal"],
  [3, "3 high"],
]);

/** Zammad priorities are named with their rank first (`"2 normal"`): the rank is dropped. */
const readPriority: Reader = (raw) => {
  const text = readLower(raw);
  return typeof text === "string" ? text.replace(/^\d+\s+/, "") : text;
};

/** Zammad's user 1 (`"-"`) is the placeholder owner of unassigned tickets. */
const readOwner: Reader = (raw) => {
  if (raw === 1 || raw === "-" || raw === "1") return undefined;
  return readText(raw);
};

function fields(ctx: PresetContext): ReturnType<VendorPreset["fields"]> {
  const time = at(ctx);
  return [
    field("id", "id", readId, true),
    field("createdAt", "created_at", time, true),
    field("status", "state", ctx.status, true),
    field(EXCLUDED, "state", readExclusion(EXCLUSIONS)),
    field("channel", "create_article_type", readLower),
    field("type", "type", readLower),
    field("priority", "priority", readPriority),
    field("assignee", ["owner", "owner_id"], readOwner),
    field("group", ["group", "group_id"], readText),
    field("requesterId", ["customer_id", "customer"], readText),
    field("firstResponseAt", "first_response_at", time),
    field("solvedAt", "close_at", time),
    field(`${PRE}firstReplyBusiness`, "first_response_in_min", readMinutes),
    field(`${PRE}fullResolutionBusiness`, "close_in_min", readMinutes),
  ];
}

/** A ticket without names (no `?expand=true`): its default state and priority named. */
function named(ticket: Record<string, unknown>): readonly unknown[] | undefined {
  const stateId = own(ticket, "state_id");
  const priorityId = own(ticket, "priority_id");
  const state = own(ticket, "state") === undefined && typeof stateId === "number" ? STATE_NAMES.get(stateId) : undefined;
  const priority = own(ticket, "priority") === undefined && typeof priorityId === "number" ? PRIORITY_NAMES.get(priorityId) : undefined;
  if (state === undefined && priority === undefined) return undefined;
  const copy = Object.assign(Object.create(null) as Record<string, unknown>, ticket);
  if (state !== undefined) copy["state"] = state;
  if (priority !== undefined) copy["priority"] = priority;
  return [copy];
}

/**
 * A ticket of the list (named when it has only ids), or a search result's
 * `{ assets: { Ticket: { "<id>": {...} } } }`.
 */
function unwrap(value: unknown): readonly unknown[] | undefined {
  if (!isObject(value)) return undefined;
  const assets = own(value, "assets");
  const tickets = isObject(assets) ? own(assets, "Ticket") : undefined;
  if (isObject(tickets)) return Object.values(tickets).flatMap((ticket) => (isObject(ticket) ? (named(ticket) ?? [ticket]) : [ticket]));
  return named(value);
}

/** The `zammad-json` preset. @internal */
export const ZAMMAD_JSON: VendorPreset = { statuses: STATUSES, fields, unwrap };
