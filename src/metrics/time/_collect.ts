import type { Ticket } from "../../models/ticket.ts";
import type { DurationSource, TicketAnomaly, TicketDuration, TicketValues } from "./durationTypes.ts";

/**
 * Folds a per-ticket duration function over tickets into {@link TicketValues}.
 *
 * @internal
 */
export function collect<Reason extends string>(
  tickets: readonly Ticket[],
  reasons: readonly Reason[],
  each: (ticket: Ticket) => TicketDuration<Reason>,
): TicketValues<Reason> {
  const values: number[] = [];
  const ids: string[] = [];
  const sources: Record<DurationSource, number> = { messages: 0, fields: 0, helpdesk: 0 };
  const skipped = Object.fromEntries(reasons.map((r) => [r, 0])) as Record<Reason, number>;
  const anomalies: TicketAnomaly[] = [];
  for (const ticket of tickets) {
    const result = each(ticket);
    if (result.kind === "measured") {
      values.push(result.ms);
      ids.push(ticket.id);
      sources[result.source]++;
    } else if (result.kind === "skipped") skipped[result.reason]++;
    else anomalies.push({ id: ticket.id, reason: result.reason });
  }
  return { values: Float64Array.from(values), ids, sources, skipped, anomalies };
}
