/**
 * What the vendor presets (Chatwoot, Help Scout, Zammad, Gorgias: ./_preset<Vendor>.ts) share:
 * the field builder, the keys readTickets treats specially, and readers of values several
 * vendors write the same way (epoch seconds with 0 for "none", nested name/id objects, a
 * conversation's messages). Each vendor file holds its own columns, status table and JSON
 * wrapper; ./_presetVendors.ts registers them.
 *
 * @internal
 * @module
 */
import type { AuthorRole, Message } from "../models/message.ts";
import type { SurveyScale } from "../models/survey.ts";
import type { TicketStatus } from "../models/ticket.ts";
import type { FieldSpec } from "./_modelSpec.ts";
import { bad, good, interned, readTimestamp, type Reader } from "./_values.ts";
import { SECOND_MS } from "../_lib/time.ts";

/** The values key prefix of a helpdesk-computed duration (field keys `pre.firstReply`, …), for every preset. @internal */
export const PRE = "pre.";

/**
 * The values key of an exclusion: a reader on this key returns the reason (`"deleted"`,
 * `"spam"`, `"merged"`) for a record the helpdesk marks as not a real ticket, and readTickets
 * counts the record as excluded instead of building a ticket. @internal
 */
export const EXCLUDED = "excluded";

/** What a vendor preset's fields are built with (the same shape as ./_ticketPresets.ts' context). @internal */
export interface PresetContext {
  readonly timeZone: string | undefined;
  readonly status: Reader;
}

/** A vendor preset: its fields, its status table, and its JSON wrapper. @internal */
export interface VendorPreset {
  /** Status names (folded as `statusKey` folds them) and their category. */
  readonly statuses: ReadonlyMap<string, TicketStatus>;
  readonly fields: (ctx: PresetContext) => FieldSpec[];
  /** Expands the vendor's response wrapper into its records; `undefined` when `value` is not one. */
  readonly unwrap?: (value: unknown) => readonly unknown[] | undefined;
}

/** The low-cardinality labels tickets are grouped by: read through {@link interned}. */
const LABELS = new Set(["channel", "type", "priority", "assignee", "group", "brand"]);

/** A field: its key, candidate columns (JSON dot paths), reader, and whether it is required. @internal */
export function field(key: string, columns: string | readonly string[], read: Reader, required = false): FieldSpec {
  return {
    key,
    columns: typeof columns === "string" ? [columns] : columns,
    read: LABELS.has(key) ? interned(read) : read,
    ...(required ? { required: true } : {}),
  };
}

/** A status table from pairs. @internal */
export const statusTable = (pairs: readonly (readonly [string, TicketStatus])[]): ReadonlyMap<string, TicketStatus> => new Map(pairs);

/** `true` for a plain object. @internal */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** An own property of an object (never a prototype's). @internal */
export const own = (value: Record<string, unknown>, key: string): unknown => (Object.hasOwn(value, key) ? value[key] : undefined);

/** The array under `key` of a wrapper object, if `value` is one. @internal */
export function listAt(value: unknown, ...path: readonly string[]): readonly unknown[] | undefined {
  let current = value;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = own(current, key);
  }
  return Array.isArray(current) ? (current as unknown[]) : undefined;
}

/** Epoch seconds where `0` means "none" (Chatwoot writes unset instants as 0) → `Date`, or absent for 0. @internal */
export const readEpochSecondsOrNone: Reader = (raw) => {
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 0) return bad("must be a non-negative integer number of epoch seconds (0 for none)");
  return n === 0 ? undefined : good(new Date(n * SECOND_MS));
};

/** `true` (the JSON boolean or the string) → `reason`; `false` → absent. @internal */
export function readFlag(reason: string): Reader {
  return (raw) => {
    if (raw === true || raw === "true") return good(reason);
    if (raw === false || raw === "false") return undefined;
    return bad("must be true or false");
  };
}

/** Any non-missing value (an instant such as `trashed_datetime`) → `reason`. @internal */
export function readPresence(reason: string): Reader {
  return () => good(reason);
}

/** A value looked up in `reasons` (lower-cased) → the reason; other values → absent. @internal */
export function readExclusion(reasons: ReadonlyMap<string, string>): Reader {
  return (raw) => (typeof raw === "string" ? reasons.get(raw.trim().toLowerCase()) : undefined);
}

/** A fixed value whenever the column has a value that `when` accepts (a rating's scale beside the rating). @internal */
export function readConstant(value: unknown, when: Reader): Reader {
  return (raw) => {
    const parsed = when(raw);
    return typeof parsed === "number" ? good(value) : undefined;
  };
}

/** The scale of a rating: `{ min, max }`. @internal */
export const scale = (min: number, max: number): SurveyScale => ({ min, max });

/** Reads a timestamp (ISO 8601; naive strings in `timeZone`). @internal */
export const at = (ctx: PresetContext): Reader => readTimestamp(ctx.timeZone);

/** Text or, for an array of strings, the strings (Chatwoot `labels`); objects with `name` give their names (Gorgias `tags`). @internal */
export const readNames: Reader = (raw) => {
  if (!Array.isArray(raw)) return bad("must be an array of names (strings or objects with a name)");
  const out: string[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item === "string") out.push(item);
    else if (isObject(item) && typeof own(item, "name") === "string") out.push(own(item, "name") as string);
    else if (isObject(item) && typeof own(item, "tag") === "string") out.push(own(item, "tag") as string);
    else return bad("must be an array of names (strings or objects with a name)");
  }
  return good(out);
};

/**
 * How one entry of a vendor's message list counts: skipped (`undefined`), or its instant, author,
 * visibility and author id. @internal
 */
export type MessageOf = (
  entry: Record<string, unknown>,
) => { at: unknown; author: AuthorRole; public: boolean; authorId?: unknown } | undefined;

/**
 * A conversation's message list (Help Scout threads, Gorgias messages) → `Message[]`, oldest
 * first; entries `classify` skips are left out; an entry without a readable instant rejects the
 * record (a reply time cannot be measured around it). @internal
 */
export function readMessagesWith(ctx: PresetContext, classify: MessageOf, what: string): Reader {
  const readAt = at(ctx);
  return (raw) => {
    if (!Array.isArray(raw)) return bad(`must be an array of ${what}`);
    const out: Message[] = [];
    for (const entry of raw as unknown[]) {
      if (!isObject(entry)) return bad(`must be an array of ${what} (objects)`);
      const kind = classify(entry);
      if (kind === undefined) continue;
      const instant = readAt(kind.at);
      if (!(instant instanceof Date)) return bad(`must be an array of ${what} each with a valid time (${String(kind.at)})`);
      const id = kind.authorId;
      out.push({
        at: instant,
        author: kind.author,
        public: kind.public,
        ...(typeof id === "string" || typeof id === "number" ? { authorId: String(id) } : {}),
      });
    }
    out.sort((a, b) => a.at.getTime() - b.at.getTime());
    return good(out);
  };
}
