import type { Ticket } from "../ticket.ts";
import { checkOptions, parseOne } from "./core.ts";
import type { ParseOptions } from "./options.ts";
import { rowSchemas } from "./rows.ts";

/**
 * Validates one untrusted row as a {@link Ticket}, coercing the forms exports use, and
 * returns the ticket.
 *
 * @param row - A plain object, e.g. one parsed CSV or JSON record. Only its own
 *   properties named like {@link Ticket} fields are read; other keys are ignored.
 * @param options - {@link ParseOptions}; `timeZone` (default: none) reads naive local
 *   timestamps.
 * @returns The ticket (a new object; the row is not changed).
 * @throws {@link ModelValidationError} `E_INVALID_TICKET` naming the first field, its
 *   reason and value; `issues` lists every problem.
 * @throws `MetricRangeError` (from `cx-metrics`) `E_TIME_ZONE` if `options.timeZone` is not a valid IANA zone.
 * @remarks Coercions: `undefined`, `null` and blank strings are absent; timestamps accept a
 * `Date`, ISO 8601 with `Z` or an offset, epoch milliseconds (number or all-digit string),
 * and naive local strings only with `timeZone`; `reopens`/`replies` accept integer strings;
 * `satisfaction` accepts `"good"`/`"bad"` (any case) or a number or decimal string; `tags`
 * accepts an array of strings or a comma-separated string; `public` accepts `true`/`false`
 * or `"true"`/`"false"`; ids (`id`, `requesterId`, `assignee`, `group`, `authorId`) accept
 * finite numbers, written as strings. `status` accepts a category or a name known to
 * {@link normalizeStatus}; a name that differs from its category is kept in `rawStatus`
 * unless the row has its own. Timestamps that contradict each other (solved before
 * created) are kept: the time metrics report them by ticket id.
 * @example
 * ```ts
 * const ticket = parseTicket({ "Ticket ID": "x", id: 7, createdAt: "2026-03-08T10:00:00-08:00", status: "Pending Customer Response", tags: "vip, billing" });
 * ticket.id;                    // => "7"
 * ticket.createdAt.toISOString(); // => "2026-03-08T18:00:00.000Z"
 * ticket.status;                // => "pending"
 * ticket.rawStatus;             // => "Pending Customer Response"
 * ticket.tags;                  // => ["vip", "billing"]
 * parseTicket({ id: "8", createdAt: "2026-03-08 10:00", status: "open" }, { timeZone: "America/Los_Angeles" })
 *   .createdAt.toISOString();   // => "2026-03-08T17:00:00.000Z"
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc3339 | RFC 3339: Date and Time on the Internet: Timestamps}
 * @category Models
 */
export function parseTicket(row: unknown, options?: ParseOptions): Ticket {
  const timeZone = checkOptions("parseTicket", options);
  return parseOne(rowSchemas(timeZone).ticket, row, "parseTicket", "E_INVALID_TICKET");
}
