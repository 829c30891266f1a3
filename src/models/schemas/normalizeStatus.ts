import type { TicketStatus } from "../ticket.ts";

/**
 * Status names of common helpdesks and their category, keyed by the name lower-cased with
 * runs of spaces, hyphens and underscores folded to one space.
 */
const SYNONYMS: ReadonlyMap<string, TicketStatus> = new Map<string, TicketStatus>([
  ["new", "new"],
  ["open", "open"],
  ["pending", "pending"],
  ["pending customer response", "pending"],
  ["waiting on customer", "pending"],
  ["on hold", "on_hold"],
  ["hold", "on_hold"],
  ["waiting on third party", "on_hold"],
  ["solved", "solved"],
  ["resolved", "solved"],
  ["closed", "closed"],
]);

/**
 * Maps a helpdesk's status name to its {@link TicketStatus} category by looking it up,
 * case-insensitively, in a small synonym table.
 *
 * @param raw - The status name as the helpdesk exported it, e.g. `"Pending Customer Response"`.
 * @returns The category, or `undefined` when the name is not in the table.
 * @remarks The name is trimmed and lower-cased, and runs of spaces, hyphens and
 * underscores count as one space, so `"On-hold"`, `"on_hold"` and `"ON HOLD"` are the same
 * name. The table:
 *
 * | category | names |
 * |---|---|
 * | `new` | New |
 * | `open` | Open |
 * | `pending` | Pending, Pending Customer Response, Waiting on Customer |
 * | `on_hold` | On-hold (On hold, on_hold), Hold, Waiting on Third Party |
 * | `solved` | Solved, Resolved |
 * | `closed` | Closed |
 *
 * Any other name (a custom status) gives `undefined`; map it yourself before parsing.
 * @example
 * ```ts
 * normalizeStatus("Pending Customer Response"); // => "pending"
 * normalizeStatus("On-hold");                   // => "on_hold"
 * normalizeStatus("Resolved");                  // => "solved"
 * normalizeStatus("Escalated");                 // => undefined
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (seed article 002: tickets by status)
 * @see {@link https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/ | Zendesk Tickets API (status values)}
 * @category Models
 */
export function normalizeStatus(raw: string): TicketStatus | undefined {
  if (typeof raw !== "string") return undefined;
  return SYNONYMS.get(
    raw
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, " "),
  );
}
