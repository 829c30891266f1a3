import type { Ticket } from "../../models/ticket.ts";
import type { TicketValues, TimeOptions } from "./durationTypes.ts";
import { readTurns } from "./customerTurns.ts";

/**
 * Why a customer turn has no response time: `unanswered` (counts turns still waiting for a
 * reply), `noMessages` (counts tickets without messages to read turns from) or
 * `noCustomerMessage` (counts tickets whose messages hold no customer message: agent-only,
 * bots or notes).
 *
 * @category Time
 */
export type ResponseTimesSkip = "unanswered" | "noMessages" | "noCustomerMessage";

/**
 * Response times of every customer turn of many tickets: the waits of
 * {@link customerTurns}, one value per answered turn.
 *
 * @param tickets - The tickets; reads `messages`.
 * @param options - {@link TimeOptions}: `schedule` for business time (default: calendar time).
 * @returns One value (ms) per answered turn, `ids[i]` naming its ticket (an id repeats once
 * per turn); `skipped.unanswered` counts waiting turns, `skipped.noMessages` and
 * `skipped.noCustomerMessage` tickets.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if a `createdAt` or message time is not a valid Date.
 * @remarks The average response time of the source is
 * `summarizeDurations(responseTimes(tickets).values)?.mean`: total response time divided by
 * the number of responses. The turns cannot contradict each other (each reply is after the
 * message it answers), so `anomalies` is always empty.
 * @example
 * ```ts
 * const at = (m: number) => new Date(Date.UTC(2024, 0, 1, 9, m));
 * const msg = (m: number, author: "customer" | "agent") => ({ at: at(m), author, public: true });
 * const r = responseTimes([
 *   { id: "a", createdAt: at(0), status: "open", messages: [msg(0, "customer"), msg(2, "agent"), msg(5, "customer"), msg(9, "agent")] },
 *   { id: "b", createdAt: at(0), status: "new", messages: [msg(0, "customer")] },
 *   { id: "c", createdAt: at(0), status: "open" },
 * ]);
 * [...r.values]; // => [120000, 240000]
 * r.ids;         // => ["a", "a"]
 * r.skipped;     // => { unanswered: 1, noMessages: 1, noCustomerMessage: 0 }
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (average response time = total response time / number of questions or complaints)
 * @category Time
 */
export function responseTimes(tickets: readonly Ticket[], options?: TimeOptions): TicketValues<ResponseTimesSkip> {
  const values: number[] = [];
  const ids: string[] = [];
  let unanswered = 0;
  let noMessages = 0;
  let noCustomerMessage = 0;
  for (const ticket of tickets) {
    const result = readTurns("responseTimes", ticket, options);
    if (result === undefined) {
      noMessages++;
      continue;
    }
    for (const turn of result.turns) {
      values.push(turn.ms);
      ids.push(ticket.id);
    }
    if (result.unansweredSince !== undefined) unanswered++;
    else if (result.turns.length === 0) noCustomerMessage++;
  }
  return {
    values: Float64Array.from(values),
    ids,
    sources: { messages: values.length, fields: 0, helpdesk: 0 },
    skipped: { unanswered, noMessages, noCustomerMessage },
    anomalies: [],
  };
}
