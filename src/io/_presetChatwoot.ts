/**
 * The `chatwoot-json` preset: Chatwoot's conversations API, `GET
 * /api/v1/accounts/{account_id}/conversations` (`{ data: { meta, payload: [...] } }`), one
 * conversation per record, as the API's conversation view writes it (`created_at` and
 * `first_reply_created_at` in epoch seconds, `0` for "none"; `meta.assignee`, `meta.team`,
 * `meta.sender`, `meta.channel`; `labels`). Statuses: Chatwoot's four (`open`, `pending`,
 * `snoozed`, `resolved`).
 *
 * Sources: https://developers.chatwoot.com/api-reference/conversations/conversations-list and
 * the API's conversation view (chatwoot/chatwoot
 * app/views/api/v1/conversations/partials/_conversation.json.jbuilder; statuses: the
 * `Conversation` model's `status` enum).
 *
 * @internal
 * @module
 */
import { field, listAt, readEpochSecondsOrNone, readNames, statusTable, type PresetContext, type VendorPreset } from "./_presetKit.ts";
import { readEpochSeconds, readId, readLower, readSynonym, readText } from "./_values.ts";

/** Chatwoot's statuses: `pending` is a conversation still with a bot, not yet in the agents' queue. */
const STATUSES = statusTable([
  ["open", "open"],
  ["pending", "new"],
  ["snoozed", "pending"],
  ["resolved", "solved"],
]);

/** Chatwoot inbox channel types (`meta.channel`) and their channel; others lose their `Channel::` prefix. */
const CHANNELS = new Map([
  ["channel::webwidget", "chat"],
  ["channel::email", "email"],
  ["channel::api", "api"],
  ["channel::whatsapp", "whatsapp"],
  ["channel::twiliosms", "sms"],
  ["channel::sms", "sms"],
  ["channel::facebookpage", "facebook"],
  ["channel::instagram", "instagram"],
  ["channel::twitterprofile", "twitter"],
  ["channel::telegram", "telegram"],
  ["channel::line", "line"],
  ["channel::voice", "phone"],
]);

const readChannel = readSynonym(CHANNELS);
const channel = (raw: unknown): unknown => {
  const value = readChannel(raw);
  return typeof value === "string" && value.startsWith("channel::") ? value.slice("channel::".length) : value;
};

function fields(ctx: PresetContext): ReturnType<VendorPreset["fields"]> {
  return [
    field("id", "id", readId, true),
    field("createdAt", "created_at", readEpochSeconds, true),
    field("status", "status", ctx.status, true),
    field("channel", "meta.channel", channel),
    field("priority", "priority", readLower),
    field("assignee", ["meta.assignee.name", "meta.assignee.id"], readText),
    field("group", ["meta.team.name", "meta.team.id"], readText),
    field("brand", "inbox_id", readText),
    field("requesterId", "meta.sender.id", readText),
    field("firstResponseAt", "first_reply_created_at", readEpochSecondsOrNone),
    field("tags", "labels", readNames),
  ];
}

/** `{ data: { meta, payload: [...] } }` (the list) or `{ payload: [...] }`. */
function unwrap(value: unknown): readonly unknown[] | undefined {
  return listAt(value, "data", "payload") ?? listAt(value, "payload");
}

/** The `chatwoot-json` preset. @internal */
export const CHATWOOT_JSON: VendorPreset = { statuses: STATUSES, fields, unwrap };
