/**
 * The columns of the thread presets (./readThreads.ts): `threads`, this library's own layout of a
 * messages file linked by reply ids, and `twcs`, the public "Customer Support on Twitter" data
 * set (Thought Vector, Kaggle: `tweet_id, author_id, inbound, created_at, text,
 * response_tweet_id, in_response_to_tweet_id`). docs/guide/reading.md has the same tables.
 *
 * @internal
 * @module
 */
import { readLayoutTimestamp } from "./dateFormat.ts";
import type { FieldSpec } from "./_modelSpec.ts";
import type { ThreadPreset } from "./types.ts";
import { readAuthorRole } from "./readMessages.ts";
import { bad, good, interned, readBoolean, readId, readTags, readText, readTimestamp, type Reader } from "./_values.ts";

/** The thread presets' names. @internal */
export type ThreadPresetName = ThreadPreset;

/** The thread presets, in the order the docs list them. @internal */
export const THREAD_PRESETS: readonly ThreadPresetName[] = ["threads", "twcs"];

/** `true` for a thread preset's name. @internal */
export const isThreadPreset = (preset: string): preset is ThreadPresetName => (THREAD_PRESETS as readonly string[]).includes(preset);

/** The fields a thread preset or a column map can fill. @internal */
export const THREAD_FIELDS = ["id", "at", "author", "inReplyTo", "authorId", "responses"] as const;

/** The channel each preset writes on its conversations. @internal */
export const THREAD_CHANNEL: Readonly<Record<ThreadPresetName, string>> = { threads: "social", twcs: "twitter" };

/** Twitter's date layout (`Tue Oct 31 22:10:47 +0000 2017`) in date-fns tokens. @internal */
export const TWITTER_DATE_LAYOUT = "EEE MMM dd HH:mm:ss xx yyyy";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const TWITTER_PARTS = /^([A-Za-z]{3}) [A-Za-z]{3} \d{2} \d{2}:\d{2}:\d{2} ([+-])(\d{2})(\d{2}) \d{4}$/;

/**
 * Twitter's `created_at`: the layout {@link TWITTER_DATE_LAYOUT} (English names, the stated UTC
 * offset applied; ISO 8601 is read too), and the weekday must be the date's own, on the date as
 * written (date-fns `parse` alone would let a contradicting weekday through). @internal
 */
export function readTwitterTime(timeZone: string | undefined): Reader {
  const read = readLayoutTimestamp(timeZone, TWITTER_DATE_LAYOUT);
  return (raw) => {
    const value = read(raw);
    if (!(value instanceof Date) || typeof raw !== "string") return value;
    const parts = TWITTER_PARTS.exec(raw.trim());
    if (parts === null) return value;
    const offset = (parts[2] === "-" ? -1 : 1) * (Number(parts[3]) * 60 + Number(parts[4])) * 60_000;
    const weekday = WEEKDAYS[new Date(value.getTime() + offset).getUTCDay()] as string;
    return weekday === parts[1] ? value : bad(`must name the weekday of its date (${weekday}, in Twitter's layout ${TWITTER_DATE_LAYOUT})`);
  };
}

const TWEET_ID = /^\d+$/;
const PANDAS_FLOAT_ID = /^(\d+)\.0+$/;
const TWEET_ID_REASON = "must be a tweet id: digits, or digits and .0 as pandas writes ids of a column with blanks";

/** A tweet id: digits, or digits followed by `.0` (pandas writes a column with blanks as floats: `3.0`). @internal */
export const readTweetId: Reader = (raw) => {
  if (typeof raw === "number") return Number.isSafeInteger(raw) && raw >= 0 ? good(String(raw)) : bad(TWEET_ID_REASON);
  if (typeof raw !== "string") return bad(TWEET_ID_REASON);
  const s = raw.trim();
  if (TWEET_ID.test(s)) return good(s);
  const float = PANDAS_FLOAT_ID.exec(s);
  return float === null ? bad(TWEET_ID_REASON) : good(float[1]);
};

/** A comma-separated list of tweet ids (`"9,6,10"`). @internal */
const readTweetIds: Reader = (raw) => {
  if (typeof raw !== "string") return bad("must be a comma-separated list of tweet ids");
  const out: string[] = [];
  for (const part of raw.split(",")) {
    const id = readTweetId(part);
    if (typeof id !== "string") return bad(`must be a comma-separated list of tweet ids, got ${JSON.stringify(part.trim())}`);
    out.push(id);
  }
  return good(out);
};

/** `inbound`: `True` (the customer's tweet to the brand) → customer, `False` (the brand's) → agent. @internal */
const readInbound: Reader = (raw) => {
  const flag = readBoolean(raw);
  if (typeof flag !== "boolean") return bad("must be True or False (True: a customer's tweet to a brand; False: a brand's tweet)");
  return good(flag ? "customer" : "agent");
};

/** Where a field reads: its key, candidate columns, reader; `id`, `at` and `author` are required. */
const f = (key: string, columns: readonly string[], read: Reader, required = false): FieldSpec => ({
  key,
  columns,
  read,
  ...(required ? { required: true } : {}),
});

/** The fields of a thread preset. @internal */
export function threadFields(preset: ThreadPresetName, timeZone: string | undefined): FieldSpec[] {
  if (preset === "twcs") {
    return [
      f("id", ["tweet_id"], readTweetId, true),
      f("at", ["created_at"], readTwitterTime(timeZone), true),
      f("author", ["inbound"], readInbound, true),
      f("inReplyTo", ["in_response_to_tweet_id"], readTweetId),
      f("authorId", ["author_id"], interned(readText)),
      f("responses", ["response_tweet_id"], readTweetIds),
    ];
  }
  return [
    f("id", ["id"], readId, true),
    f("at", ["at"], readTimestamp(timeZone), true),
    f("author", ["author"], readAuthorRole, true),
    f("inReplyTo", ["in_reply_to", "inReplyTo"], readId),
    f("authorId", ["author_id", "authorId"], interned(readText)),
    f("responses", ["responses"], readTags(",")),
  ];
}

/** The reader a column map uses for a field the preset does not read. @internal */
export function threadReaderFor(key: string): Reader {
  return key === "responses" ? readTags(",") : readText;
}
