import type { Ticket } from "../../models/ticket.ts";
import { replyCount, type RepliesSkip } from "./_replies.ts";
import type { DurationSource, TicketValues } from "./durationTypes.ts";

/**
 * Replies to resolve ("back-and-forth"): for each resolved ticket, the number of public
 * human agent replies it received up to its final solve.
 *
 * @param tickets - The tickets; reads `status`, `messages`, `solvedAt` and `replies`.
 * @returns One count per resolved ticket with ids and sources; `skipped.unresolved` and
 * `skipped.noReplyData` count the rest; `anomalies` is always empty.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if a message time or a present `solvedAt`
 * (with messages) is not a valid Date; `E_COUNT_RANGE` if a `replies` field read is not a
 * non-negative integer.
 * @remarks A ticket is resolved when its status is `solved` or `closed`. With messages, the
 * public `agent` messages at or before `solvedAt` are counted (all of them without
 * `solvedAt`); bot and system messages and private notes are not. Without messages, the
 * pre-computed `replies` field is used. The mean of the values is the average number of
 * replies per resolution.
 * @example
 * ```ts
 * const at = (m: number) => new Date(Date.UTC(2024, 0, 1, 9, m));
 * const r = repliesToResolve([
 *   { id: "a", createdAt: at(0), status: "solved", replies: 3 },
 *   { id: "b", createdAt: at(0), status: "closed", solvedAt: at(9), messages: [
 *     { at: at(0), author: "customer", public: true },
 *     { at: at(5), author: "agent", public: true },
 *     { at: at(6), author: "agent", public: false },
 *     { at: at(10), author: "agent", public: true }, // after the solve
 *   ] },
 *   { id: "c", createdAt: at(0), status: "open", replies: 1 },
 * ]);
 * [...r.values]; // => [3, 1]
 * r.sources;     // => { messages: 1, fields: 1, helpdesk: 0 }
 * r.skipped;     // => { unresolved: 1, noReplyData: 0 }
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (how much back-and-forth a resolution needs)
 * @category Time
 */
export function repliesToResolve(tickets: readonly Ticket[]): TicketValues<RepliesSkip> {
  const values: number[] = [];
  const ids: string[] = [];
  const sources: Record<DurationSource, number> = { messages: 0, fields: 0, helpdesk: 0 };
  const skipped: Record<RepliesSkip, number> = { unresolved: 0, noReplyData: 0 };
  for (const ticket of tickets) {
    const result = replyCount("repliesToResolve", ticket);
    if (result.kind === "skipped") {
      skipped[result.reason]++;
      continue;
    }
    values.push(result.count);
    ids.push(ticket.id);
    sources[result.source]++;
  }
  return { values: Float64Array.from(values), ids, sources, skipped, anomalies: [] };
}
