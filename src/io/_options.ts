/**
 * Option checks shared by the readers: the time zone, the column map, the status map.
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import { isValidTimeZone } from "../_lib/zone.ts";
import { TICKET_STATUSES, type TicketStatus } from "../models/ticket.ts";
import { REASONS } from "../_lib/reasons.ts";
import type { ColumnMap } from "./types.ts";
import { bad, good, type Invalid, type Reader } from "./_values.ts";

/** Throws `E_TIME_ZONE` unless `timeZone` is absent or a valid IANA zone. @internal */
export function checkTimeZone(fn: string, timeZone: string | undefined): string | undefined {
  if (timeZone !== undefined && !isValidTimeZone(timeZone)) {
    throw new MetricRangeError("E_TIME_ZONE", `${fn}: timeZone must be a valid IANA time zone, got ${JSON.stringify(timeZone)}`);
  }
  return timeZone;
}

/** What joins the two parts of an id read from two columns (`--map id=Mailbox+Number` → `support/1234`). @internal */
export const ID_SEPARATOR = "/";

const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** `"field=Column"` entries or an object, as `[field, column]` pairs. */
function entries(fn: string, input: ColumnMap | Readonly<Record<string, string>> | readonly string[]): [string, string][] {
  if (Array.isArray(input)) {
    return (input as readonly string[]).map((entry) => {
      const at = typeof entry === "string" ? entry.indexOf("=") : -1;
      if (at <= 0) {
        throw new MetricRangeError("E_MAP_ENTRY", `${fn}: a map entry must look like field=Column, got ${JSON.stringify(entry)}`);
      }
      return [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
    });
  }
  return Object.entries(input as Readonly<Record<string, string>>).map(([field, column]) => [field.trim(), String(column).trim()]);
}

/**
 * The column map as field → column (camelCase fields; `""` = do not read). Throws
 * `E_MAP_ENTRY` for an entry without `=` and `E_MAP_FIELD` for a field not in `fields`.
 *
 * @internal
 */
export function parseColumnMap(fn: string, map: ColumnMap | undefined, fields: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (map === undefined) return out;
  const known = new Set(fields);
  for (const [rawField, column] of entries(fn, map)) {
    const field = known.has(rawField) ? rawField : camel(rawField);
    if (!known.has(field)) {
      throw new MetricRangeError("E_MAP_FIELD", `${fn}: a map field must be one of ${fields.join(", ")}, got ${JSON.stringify(rawField)}`);
    }
    out.set(field, column);
  }
  return out;
}

/** A status name as a lookup key: trimmed, lower-cased, runs of spaces, `-` and `_` as one space. @internal */
export const statusKey = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

/**
 * A custom status mapping from a helpdesk's status names to categories: an object
 * (`{ "Escalated": "open" }`) or `"Name=category"` strings.
 *
 * @category Input
 */
export type StatusMap = Readonly<Record<string, TicketStatus>> | readonly string[];

/**
 * The status reader of a preset: `statusMap` first, then the preset's table (whose entries
 * may be other markers than categories, such as an exclusion). An unknown name is rejected
 * with a reason that names it and `--status-map`. Throws `E_STATUS_MAP` for a mapping to
 * something that is not a category.
 *
 * @internal
 */
export function statusReader<E>(
  fn: string,
  preset: string,
  table: ReadonlyMap<string, TicketStatus | E>,
  statusMap: StatusMap | undefined,
): Reader {
  const lookup = new Map<string, TicketStatus | E>(table);
  if (statusMap !== undefined) {
    const pairs: [string, string][] = Array.isArray(statusMap)
      ? (statusMap as readonly string[]).map((entry) => {
          const at = typeof entry === "string" ? entry.lastIndexOf("=") : -1;
          if (at <= 0) {
            throw new MetricRangeError(
              "E_STATUS_MAP",
              `${fn}: a status map entry must look like Name=category, got ${JSON.stringify(entry)}`,
            );
          }
          return [entry.slice(0, at), entry.slice(at + 1).trim()];
        })
      : Object.entries(statusMap as Readonly<Record<string, string>>);
    for (const [name, category] of pairs) {
      if (!(TICKET_STATUSES as readonly string[]).includes(category)) {
        throw new MetricRangeError(
          "E_STATUS_MAP",
          `${fn}: a status must map to one of ${TICKET_STATUSES.join(", ")}, got ${JSON.stringify(category)} for ${JSON.stringify(name)}`,
        );
      }
      lookup.set(statusKey(name), category as TicketStatus);
    }
  }
  // The reason names the value and how to map it (--status-map in the command, statusMap in code).
  const unknown = (raw: string): string =>
    `unknown status ${JSON.stringify(raw.trim())} for the ${preset} preset; map it with --status-map ${JSON.stringify(`${raw.trim()}=CATEGORY`)} (statusMap in code), CATEGORY one of ${TICKET_STATUSES.join(", ")}`;
  // Exports repeat a handful of spellings: remember each raw spelling's category or reject (bounded).
  const seen = new Map<string, TicketStatus | E | Invalid>();
  return (input) => {
    // JSON exports may give a status as a number (Freshdesk's API codes 2–5).
    const raw = typeof input === "number" && Number.isInteger(input) ? String(input) : input;
    if (typeof raw !== "string") return bad(REASONS.status);
    const known = seen.get(raw);
    if (known !== undefined) return known;
    const status = lookup.get(statusKey(raw));
    const result = status === undefined ? bad(unknown(raw)) : good(status);
    if (seen.size < 1024) seen.set(raw, result as TicketStatus | E | Invalid);
    return result;
  };
}
