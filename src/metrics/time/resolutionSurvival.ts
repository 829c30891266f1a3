import type { Ticket } from "../../models/ticket.ts";
import {
  resolutionSurvivalAccumulator,
  type ResolutionSurvivalExclusion,
  type ResolutionSurvivalOptions,
  type TicketSurvival,
} from "./survivalAccumulators.ts";

/**
 * Kaplan–Meier estimate of the time to resolution that counts the tickets still open: a ticket
 * solved by `asOf` is an event at its resolution time; one still open is censored at
 * `asOf − start`. S(t) = Π (1 − dᵢ/nᵢ), with the median, percentiles, restricted mean and
 * Greenwood log intervals of {@link kaplanMeier}, in calendar (and, with a schedule, business) time.
 *
 * @param tickets - The tickets; reads what `resolutionTime` reads.
 * @param options - {@link ResolutionSurvivalOptions}: `asOf` (required), `until` (default `"final"`), `schedule` (default none), `percentiles` (default none), `confidenceLevel` (default 0.95), `horizon` (default the largest time).
 * @returns The estimate with `counted`, `observed`, `censored` and `excluded` by reason; `calendar` (and `business`) `undefined` when no ticket is counted.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if `asOf` or a timestamp read is not a valid Date;
 * `E_OPTION_VALUE` for a bad `until`; `E_FRACTION_RANGE` for a percentile outside [0, 1];
 * `E_CONFIDENCE_LEVEL`; `E_DURATION` for a bad horizon; the business-hours errors for a bad schedule.
 * @remarks The start, the solve and the `until` rule are `resolutionTime`'s (the same
 * per-ticket function). A ticket whose solve is later than `asOf`, or that is open again after
 * a reopen (`until: "final"`), is censored at `asOf`. Left out and counted: `startedAfterAsOf`,
 * `noSolveTime`, and the anomalies `solvedBeforeCreated`, `finalSolveBeforeFirstSolve`. With no
 * open ticket the median equals the R-7 median of `resolutionTimes` (see the definitions guide).
 * @example
 * ```ts
 * const day = (d: number, h = 0) => new Date(Date.UTC(2024, 0, d, h));
 * const s = resolutionSurvival(
 *   [
 *     { id: "1", createdAt: day(1), status: "solved", solvedAt: day(1, 2) },
 *     { id: "2", createdAt: day(1), status: "solved", solvedAt: day(1, 4) },
 *     { id: "3", createdAt: day(1), status: "open" },
 *   ],
 *   { asOf: day(2) },
 * );
 * s.calendar?.median.value; // => 14400000
 * [s.observed, s.censored]; // => [2, 1]
 * ```
 * @see Kaplan & Meier (1958); R `survival` `survfit`: {@link https://github.com/therneau/survival}
 * @category Time
 */
export function resolutionSurvival(
  tickets: readonly Ticket[],
  options: ResolutionSurvivalOptions,
): TicketSurvival<ResolutionSurvivalExclusion> {
  const acc = resolutionSurvivalAccumulator(options);
  const state = acc.create();
  for (const ticket of tickets) acc.add(state, ticket);
  return acc.result(state);
}
