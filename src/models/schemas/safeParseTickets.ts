import type { Ticket } from "../ticket.ts";
import { checkOptions, parseMany } from "./core.ts";
import type { ParseOptions, ParseRowsResult } from "./options.ts";
import { duplicateIdReason } from "../../_lib/reasons.ts";
import { rowSchemas } from "./rows.ts";

/**
 * Validates untrusted rows as {@link Ticket}s: the rows that fit become tickets, the
 * others are rejected with their issues, so `used + rejected === rows`.
 *
 * @param rows - Plain objects, e.g. parsed CSV or JSON records.
 * @param options - {@link ParseOptions}; `timeZone` (default: none) reads naive local
 *   timestamps.
 * @returns The tickets, the issues (row index, field, value, reason) and the counts;
 *   `ok` is `true` when no row was rejected. No rows give `{ ok: true, value: [], rows: 0, … }`.
 * @throws `MetricRangeError` (from `cx-metrics`) `E_TIME_ZONE` if `options.timeZone` is not a valid IANA zone.
 * @remarks Each row is read as {@link parseTicket} reads it. Ids must be unique: a row
 * whose id an earlier accepted row already has is rejected with an `id` issue naming that
 * row. Never throws for bad rows.
 * @example
 * ```ts
 * const result = safeParseTickets([
 *   { id: "1", createdAt: "2026-03-08T10:00:00Z", status: "Open" },
 *   { id: "2", createdAt: "2026-03-08 10:00:00", status: "open" },
 *   { id: "1", createdAt: "2026-03-09T10:00:00Z", status: "closed" },
 * ]);
 * result.used;             // => 1
 * result.rejected;         // => 2
 * result.issues[0].field;  // => "createdAt"
 * result.issues[1].reason; // => "must be unique; row 0 has the same id"
 * ```
 * @see {@link https://zod.dev/api | zod 4 API (the validator underneath)}
 * @category Models
 */
export function safeParseTickets(rows: readonly unknown[], options?: ParseOptions): ParseRowsResult<Ticket> {
  const timeZone = checkOptions("safeParseTickets", options);
  const firstRow = new Map<string, number>();
  return parseMany(rowSchemas(timeZone).ticket, rows, (ticket, row) => {
    const first = firstRow.get(ticket.id);
    if (first !== undefined) return { field: "id", value: ticket.id, reason: duplicateIdReason(first) };
    firstRow.set(ticket.id, row);
    return undefined;
  });
}
