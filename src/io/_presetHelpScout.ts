/**
 * The `helpscout-json` preset: Help Scout's Mailbox API 2.0 conversations, `GET
 * /v2/conversations` (`{ _embedded: { conversations: [...] }, page, _links }`), one conversation
 * per record. With `?embed=threads` each conversation carries `_embedded.threads`: they become the
 * ticket's `messages` (customer or agent from the thread's `createdBy.type`; notes and forwards
 * are private; line items, drafts and threads under review are not messages), so the first reply
 * and every reply time come from them, and the latest rated thread gives the satisfaction rating
 * (great / okay / not good → 3 / 2 / 1 on a 1–3 scale).
 *
 * Sources: https://developer.helpscout.com/mailbox-api/endpoints/conversations/list/ (fields,
 * statuses `active`, `pending`, `closed`, `spam`; states `draft`, `published`, `deleted`),
 * https://developer.helpscout.com/mailbox-api/endpoints/conversations/threads/list/ (threads),
 * https://developer.helpscout.com/mailbox-api/endpoints/ratings/get (ratings `great`, `okay`,
 * `not_good`, `unknown`) and the API changelog of 2023-09-12 (ratings on threads).
 *
 * @internal
 * @module
 */
import type { AuthorRole } from "../models/message.ts";
import {
  at,
  EXCLUDED,
  field,
  isObject,
  listAt,
  own,
  readConstant,
  readExclusion,
  readMessagesWith,
  readNames,
  scale,
  statusTable,
  type MessageOf,
  type PresetContext,
  type VendorPreset,
} from "./_presetKit.ts";
import { bad, good, readId, readLower, readText, type Reader } from "./_values.ts";

/**
 * Help Scout's statuses. `closed` conversations reopen when the customer writes again, so they
 * are solved, not closed for good; `open` is the API's name for active and pending together.
 * `spam` conversations are excluded before their status is used.
 */
const STATUSES = statusTable([
  ["active", "open"],
  ["open", "open"],
  ["pending", "pending"],
  ["closed", "solved"],
  ["spam", "closed"],
]);

/** Exclusions: a spam conversation; a deleted one; a draft (a conversation never sent). */
const BY_STATUS = new Map([["spam", "spam"]]);
const BY_STATE = new Map([
  ["deleted", "deleted"],
  ["draft", "draft"],
]);

/** Thread types that are not messages (status changes, workflow runs). */
const NOT_MESSAGES = new Set(["lineitem"]);
/** Thread types the customer does not see. */
const PRIVATE = new Set(["note", "forwardparent", "forwardchild"]);
/** Thread states that were not sent. */
const UNSENT = new Set(["draft", "underreview"]);

const AUTHORS = new Map<string, AuthorRole>([
  ["customer", "customer"],
  ["user", "agent"],
  ["system_user", "bot"],
]);

const thread: MessageOf = (entry) => {
  const type = typeof own(entry, "type") === "string" ? (own(entry, "type") as string).toLowerCase() : "";
  const state = typeof own(entry, "state") === "string" ? (own(entry, "state") as string).toLowerCase() : "published";
  if (NOT_MESSAGES.has(type) || UNSENT.has(state)) return undefined;
  const createdBy = own(entry, "createdBy");
  const by = isObject(createdBy) && typeof own(createdBy, "type") === "string" ? (own(createdBy, "type") as string).toLowerCase() : "";
  const author = AUTHORS.get(by) ?? (type === "customer" ? "customer" : type === "message" ? "agent" : "system");
  return {
    at: own(entry, "createdAt"),
    author,
    public: !PRIVATE.has(type) && state !== "hidden",
    authorId: isObject(createdBy) ? own(createdBy, "id") : undefined,
  };
};

const RATINGS = new Map([
  ["great", 3],
  ["okay", 2],
  ["not_good", 1],
  ["not good", 1],
  ["not-good", 1],
  ["bad", 1],
]);

/** A thread's rating: a string or an object with a `rating` string; `unknown` is no rating. */
function ratingOf(value: unknown): number | "unknown" | undefined {
  const text =
    typeof value === "string" ? value : isObject(value) && typeof own(value, "rating") === "string" ? own(value, "rating") : undefined;
  if (typeof text !== "string") return undefined;
  const key = text.trim().toLowerCase();
  return key === "unknown" ? "unknown" : RATINGS.get(key);
}

const RATING_REASON = "must hold ratings great, okay, not_good or unknown";

/** The latest rated thread's rating as 3 (great), 2 (okay), 1 (not good); absent when no thread is rated. */
const readRating: Reader = (raw) => {
  if (!Array.isArray(raw)) return bad("must be an array of threads");
  let latest: number | undefined;
  let latestAt = Number.NEGATIVE_INFINITY;
  for (const entry of raw as unknown[]) {
    if (!isObject(entry) || !Object.hasOwn(entry, "rating") || own(entry, "rating") === null) continue;
    const rating = ratingOf(own(entry, "rating"));
    if (rating === undefined) return bad(RATING_REASON);
    if (rating === "unknown") continue;
    const when = Date.parse(String(own(entry, "createdAt")));
    const t = Number.isNaN(when) ? Number.NEGATIVE_INFINITY : when;
    if (latest === undefined || t >= latestAt) {
      latest = rating;
      latestAt = t;
    }
  }
  return latest === undefined ? undefined : good(latest);
};

const THREADS = "_embedded.threads";

function fields(ctx: PresetContext): ReturnType<VendorPreset["fields"]> {
  const time = at(ctx);
  return [
    field("id", "id", readId, true),
    field("createdAt", "createdAt", time, true),
    field("status", "status", ctx.status, true),
    field(EXCLUDED, "status", readExclusion(BY_STATUS)),
    field(`${EXCLUDED}.state`, "state", readExclusion(BY_STATE)),
    field("channel", "type", readLower),
    field("assignee", ["assignee.email", "assignee.id"], readText),
    field("brand", "mailboxId", readText),
    field("requesterId", ["primaryCustomer.id", "customer.id"], readText),
    field("solvedAt", "closedAt", time),
    field("tags", "tags", readNames),
    field("messages", THREADS, readMessagesWith(ctx, thread, "threads")),
    field("satisfaction", THREADS, readRating),
    field("satisfactionScale", THREADS, readConstant(scale(1, 3), readRating)),
  ];
}

/** `{ _embedded: { conversations: [...] } }` (a list page). */
function unwrap(value: unknown): readonly unknown[] | undefined {
  return listAt(value, "_embedded", "conversations");
}

/** The `helpscout-json` preset. @internal */
export const HELPSCOUT_JSON: VendorPreset = { statuses: STATUSES, fields, unwrap };
