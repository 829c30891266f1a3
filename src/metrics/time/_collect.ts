import type { Ticket } from "../../models/ticket.ts";
import type { DurationSource, TicketAnomaly, TicketDuration, TicketValues } from "./durationTypes.ts";
import { durationSlot, type DurationSlot } from "./measure.ts";

/**
 * Folds a per-ticket duration function over tickets into {@link TicketValues}. `each` gets a
 * {@link DurationSlot} it may fill instead of allocating a result per ticket (each result is
 * read before the next call); values go straight into a typed array of the input's length.
 *
 * @internal
 */
export function collect<Reason extends string>(
  tickets: readonly Ticket[],
  reasons: readonly Reason[],
  each: (ticket: Ticket, slot: DurationSlot) => TicketDuration<Reason>,
): TicketValues<Reason> {
  const slot = durationSlot();
  const values = new Float64Array(tickets.length);
  // Sized once and trimmed at the end: growing by push copies the list several times.
  const ids = new Array<string>(tickets.length);
  let n = 0;
  const sources: Record<DurationSource, number> = { messages: 0, fields: 0, helpdesk: 0 };
  const skipped = Object.fromEntries(reasons.map((r) => [r, 0])) as Record<Reason, number>;
  const anomalies: TicketAnomaly[] = [];
  for (let i = 0; i < tickets.length; i++) {
    const ticket = tickets[i] as Ticket;
    const result = each(ticket, slot);
    if (result.kind === "measured") {
      values[n] = result.ms;
      ids[n++] = ticket.id;
      sources[result.source]++;
    } else if (result.kind === "skipped") skipped[result.reason]++;
    else anomalies.push({ id: ticket.id, reason: result.reason });
  }
  ids.length = n;
  return { values: n === values.length ? values : values.slice(0, n), ids, sources, skipped, anomalies };
}
