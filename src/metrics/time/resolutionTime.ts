import { MetricRangeError } from "../../_lib/errors.ts";
import type { Ticket } from "../../models/ticket.ts";
import { resolutionEvents } from "./events.ts";
import { measure, measured, type DurationSlot } from "./measure.ts";
import type { TicketDuration, TimeOptions } from "./durationTypes.ts";

/**
 * Why a ticket has no resolution time: `unresolved` (not solved yet) or `noSolveTime`
 * (solved or closed, but the solve time asked for is missing).
 *
 * @category Time
 */
export type ResolutionSkip = "unresolved" | "noSolveTime";

/**
 * Options of {@link resolutionTime} and {@link resolutionTimes}.
 *
 * @category Time
 */
export interface ResolutionTimeOptions extends TimeOptions {
  /**
   * Which solve stops the clock: `"final"` (default), the last solve (`solvedAt`) of a ticket
   * that is solved or closed now; or `"first"`, the first solve (`firstSolvedAt`), kept even
   * when the ticket was reopened since.
   */
  readonly until?: "first" | "final" | undefined;
}

/**
 * Resolution time of one ticket: the time from the customer's request to the first or the
 * final solve.
 *
 * @param ticket - The ticket; reads `createdAt`, `status`, `firstSolvedAt`, `solvedAt`, `reopens` and the customer messages.
 * @param options - {@link ResolutionTimeOptions}: `until` (default `"final"`) and `schedule` (default: calendar time).
 * @returns The measurement; `kind: "skipped"` with `unresolved` or `noSolveTime`; or
 * `kind: "anomaly"` (`solvedBeforeCreated`, `finalSolveBeforeFirstSolve`).
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if a timestamp read is not a valid Date;
 * `E_OPTION_VALUE` if `until` is neither `"first"` nor `"final"`.
 * @remarks The start is the customer's request: the earlier of `createdAt` and the first
 * customer message (source `messages` when the ticket has messages, `fields` otherwise).
 * `until: "final"` measures to `solvedAt` and only for tickets whose status is `solved` or
 * `closed` (a reopened ticket that is open again is `unresolved`). `until: "first"` measures
 * to `firstSolvedAt` whatever the current status; without `firstSolvedAt`, `solvedAt` is used
 * when the ticket is solved or closed and `reopens` is absent or 0. A solve before the start,
 * or `solvedAt < firstSolvedAt`, is an anomaly. Without the solve instant, the helpdesk's
 * exported duration from `createdAt` stands in (source `helpdesk`): `helpdesk.fullResolution`
 * for `final` (solved or closed tickets only), `helpdesk.firstResolution` for `first`.
 * @example
 * ```ts
 * const at = (h: number) => new Date(Date.UTC(2024, 0, 1, h));
 * const reopened = { id: "1", createdAt: at(0), status: "solved", firstSolvedAt: at(2), solvedAt: at(10), reopens: 1 } as const;
 * const first = resolutionTime(reopened, { until: "first" });
 * first.kind === "measured" && first.ms; // => 7200000
 * const final = resolutionTime(reopened);
 * final.kind === "measured" && final.ms; // => 36000000
 * ```
 * @see "Métricas para servicio al cliente ¡12 Indispensables!" (average time to resolve = total resolution time / number of resolved issues)
 * @category Time
 */
export function resolutionTime(ticket: Ticket, options?: ResolutionTimeOptions): TicketDuration<ResolutionSkip> {
  return measureResolution("resolutionTime", ticket, options);
}

/** {@link resolutionTime} with the caller's name for error messages (and a {@link DurationSlot} to fill). @internal */
export function measureResolution(
  fn: string,
  ticket: Ticket,
  options?: ResolutionTimeOptions,
  slot?: DurationSlot,
): TicketDuration<ResolutionSkip> {
  const until = options?.until ?? "final";
  if (until !== "first" && until !== "final") {
    throw new MetricRangeError("E_OPTION_VALUE", `${fn}: until must be "first" or "final", got ${String(until)}`);
  }
  const events = resolutionEvents(fn, ticket, until, Number.POSITIVE_INFINITY, slot?.events);
  if (events.kind !== "events") return events;
  if (events.end === undefined) return UNRESOLVED;
  return measured(slot, measure(events.start, events.end, options?.schedule), events.start, events.end, events.source);
}

const UNRESOLVED = Object.freeze({ kind: "skipped", reason: "unresolved" } as const);
