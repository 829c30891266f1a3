/**
 * The `gorgias-json` preset: Gorgias' tickets API, `GET /api/tickets` (`{ data: [...], meta }`),
 * one ticket per record. Spam tickets (`spam: true`) and trashed ones (`trashed_datetime` set)
 * are excluded. A ticket that embeds its `messages` (as `GET /api/tickets/{id}` returns it) gets
 * them as its conversation (agent or customer from `from_agent`; internal notes private), and
 * one that embeds its `satisfaction_survey` gets its score (1–5) and whether it was sent. Gorgias
 * writes UTC times, sometimes without an offset: those are read as UTC unless `timeZone` says
 * otherwise.
 *
 * Sources: https://developers.gorgias.com/reference/tickets (the ticket object: `status`,
 * `channel`, `spam`, `customer`, `assignee_user`, `assignee_team`, `tags`, `created_datetime`,
 * `closed_datetime`, `trashed_datetime`, `messages`),
 * https://developers.gorgias.com/reference/satisfaction-surveys (scores 1 to 5, `sent_datetime`).
 *
 * @internal
 * @module
 */
import {
  EXCLUDED,
  field,
  listAt,
  own,
  readConstant,
  readFlag,
  readMessagesWith,
  readNames,
  readPresence,
  scale,
  statusTable,
  type MessageOf,
  type PresetContext,
  type VendorPreset,
} from "./_presetKit.ts";
import { bad, good, readId, readLower, readNumber, readText, readTimestamp, type Reader } from "./_values.ts";

/** Gorgias' two statuses; a closed ticket reopens when the customer writes again, so it is solved. */
const STATUSES = statusTable([
  ["open", "open"],
  ["closed", "solved"],
]);

const message: MessageOf = (entry) => {
  const internal = own(entry, "public") === false || own(entry, "channel") === "internal-note";
  const sent = own(entry, "sent_datetime");
  return {
    at: sent === undefined || sent === null ? own(entry, "created_datetime") : sent,
    author: own(entry, "from_agent") === true ? "agent" : "customer",
    public: !internal,
    authorId:
      own(entry, "sender") !== null && typeof own(entry, "sender") === "object"
        ? (own(entry, "sender") as Record<string, unknown>)["id"]
        : undefined,
  };
};

/** A survey score from 1 to 5. */
const readScore: Reader = (raw) => {
  const n = readNumber(raw);
  return typeof n === "number" && (!Number.isInteger(n) || n < 1 || n > 5) ? bad("must be a score from 1 to 5") : n;
};

function fields(ctx: PresetContext): ReturnType<VendorPreset["fields"]> {
  const time = readTimestamp(ctx.timeZone ?? "UTC");
  return [
    field("id", "id", readId, true),
    field("createdAt", "created_datetime", time, true),
    field("status", "status", ctx.status, true),
    field(EXCLUDED, "spam", readFlag("spam")),
    field(`${EXCLUDED}.trashed`, "trashed_datetime", readPresence("deleted")),
    field("channel", "channel", readLower),
    field("priority", "priority", readLower),
    field("assignee", ["assignee_user.name", "assignee_user.email", "assignee_user.id"], readText),
    field("group", ["assignee_team.name", "assignee_team.id"], readText),
    field("requesterId", ["customer.id", "customer.email"], readText),
    field("solvedAt", "closed_datetime", time),
    field("tags", "tags", readNames),
    field("messages", "messages", readMessagesWith({ timeZone: ctx.timeZone ?? "UTC", status: ctx.status }, message, "messages")),
    field("satisfaction", "satisfaction_survey.score", readScore),
    field("satisfactionScale", "satisfaction_survey.score", readConstant(scale(1, 5), readScore)),
    field("satisfactionOffered", "satisfaction_survey.sent_datetime", () => good(true)),
  ];
}

/** `{ data: [...], meta }` (a list page). */
function unwrap(value: unknown): readonly unknown[] | undefined {
  return listAt(value, "data");
}

/** The `gorgias-json` preset. @internal */
export const GORGIAS_JSON: VendorPreset = { statuses: STATUSES, fields, unwrap };
