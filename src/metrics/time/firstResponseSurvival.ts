import type { Ticket } from "../../models/ticket.ts";
import {
  firstResponseSurvivalAccumulator,
  type FirstResponseSurvivalExclusion,
  type TicketSurvival,
  type TicketSurvivalOptions,
} from "./survivalAccumulators.ts";

/**
 * Kaplan–Meier estimate of the time to the first response that counts the tickets not yet
 * answered: a ticket answered by `asOf` is an event at its first response time; one still
 * waiting is censored at `asOf − start`. S(t) = Π (1 − dᵢ/nᵢ), with the median, percentiles,
 * restricted mean and Greenwood log intervals of {@link kaplanMeier}, in calendar (and, with a
 * schedule, business) time.
 *
 * @param tickets - The tickets; reads what `firstResponseTime` reads.
 * @param options - {@link TicketSurvivalOptions}: `asOf` (required), `schedule` (default none), `percentiles` (default none), `confidenceLevel` (default 0.95), `horizon` (default the largest time).
 * @returns The estimate with `counted`, `observed`, `censored` and `excluded` by reason; `calendar` (and `business`) `undefined` when no ticket is counted.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `asOf` or a timestamp read is not a valid Date;
 * `E_FRACTION_RANGE` for a percentile outside [0, 1]; `E_CONFIDENCE_LEVEL`; `E_DURATION` for a
 * bad horizon; the business-hours errors for a bad schedule.
 * @remarks The start and the reply are `firstResponseTime`'s (the same per-ticket function),
 * reading only the messages up to `asOf`; a reply later than `asOf` leaves the ticket censored
 * at `asOf`. Left out and counted: `startedAfterAsOf`, `noCustomerMessage`, and the anomaly
 * `responseBeforeCreated`.
 * @example
 * ```ts
 * const at = (h: number) => new Date(Date.UTC(2024, 0, 1, h));
 * const s = firstResponseSurvival(
 *   [
 *     { id: "1", createdAt: at(0), status: "open", firstResponseAt: at(1) },
 *     { id: "2", createdAt: at(0), status: "open" },
 *   ],
 *   { asOf: at(3) },
 * );
 * s.calendar?.steps.map((step) => step.survival); // => [0.5, 0.5]
 * s.calendar?.median.value;                        // => 7200000 (S is exactly 0.5 from 1 h to the last time, 3 h: the midpoint)
 * ```
 * @see Kaplan & Meier (1958); R `survival` `survfit`: {@link https://github.com/therneau/survival}
 * @category Time
 */
export function firstResponseSurvival(
  tickets: readonly Ticket[],
  options: TicketSurvivalOptions,
): TicketSurvival<FirstResponseSurvivalExclusion> {
  const acc = firstResponseSurvivalAccumulator(options);
  const state = acc.create();
  for (const ticket of tickets) acc.add(state, ticket);
  return acc.result(state);
}
