/**
 * The duration metrics as accumulators: first response, resolution, assignment, requester wait
 * and every response time, each summarised (count, exact total, mean with its interval, R-7
 * median and percentiles, min, max) in calendar and business time, with the skips and anomalies
 * counted by reason. Per-ticket values come from the metrics' own per-ticket functions (via
 * ./ticketTimes.ts, computed once per ticket); this module only keeps and summarises them.
 *
 * @module
 */
import { MetricRangeError } from "../../_lib/errors.ts";
import { bump } from "../../_lib/counts.ts";
import { storeAdd } from "../../_lib/quantileStore.ts";
import { type TicketBatch, type TicketMetric } from "../../models/ticketBatch.ts";
import type { DurationMetricSummary } from "./durationTypes.ts";

export type { DurationMetricSummary } from "./durationTypes.ts";
import { reconcile } from "./reconciliation.ts";
import {
  addReasonCounts,
  ANOMALY_BASE,
  ANOMALY_REASONS,
  DURATION_SKIPS,
  FROM_HELPDESK,
  FROM_MESSAGES,
  instantColumns,
  NEEDS_TURNS,
  needsDuration,
  ticketTimes,
  TICKET_DURATIONS,
  TURNS_NO_CUSTOMER,
  TURNS_NO_MESSAGES,
  TURNS_UNANSWERED,
  type TicketDurationName,
  type TicketTimes,
} from "./ticketTimes.ts";

import { durationMetric, settingsOf, type DurationAccumulatorOptions, type DurationState, type Settings } from "./_durationMetric.ts";

export type { DurationAccumulatorOptions, DurationState } from "./_durationMetric.ts";

/** The accumulator of one duration metric: a {@link TicketMetric} of tickets. @category Time */
export type DurationAccumulator = TicketMetric<DurationState, DurationMetricSummary, TicketTimes>;

function perTicket(s: Settings, name: TicketDurationName): DurationAccumulator {
  const d = TICKET_DURATIONS.indexOf(name);
  // The batch's skips and anomalies by code, folded into the named counts after the loop (a
  // count keyed by a varying reason per ticket is a dictionary lookup each time).
  const reasons = new Int32Array(ANOMALY_BASE + ANOMALY_REASONS.length);
  return durationMetric(
    s,
    ticketTimes(s.schedule, s.fn),
    needsDuration(name),
    instantColumns(needsDuration(name)),
    (state, f, batch: TicketBatch, rows, count) => {
      const bus = state.bus;
      let skips = 0;
      reasons.fill(0);
      for (let k = 0; k < count; k++) {
        const row = rows[k] as number;
        const at = row * 5 + d;
        const code = f.code[at] as number;
        if (code <= FROM_HELPDESK) {
          const cal = f.cal[at] as number;
          storeAdd(state.cal, cal);
          const busMs = f.bus[at] as number;
          if (bus !== undefined && !Number.isNaN(busMs)) storeAdd(bus, busMs);
          if (code === FROM_HELPDESK) state.helpdesk++;
          else {
            if (code === FROM_MESSAGES) state.messages++;
            else state.fields++;
            const exported = f.exported[at] as number;
            if (!Number.isNaN(exported)) reconcile(state.reconciliation, batch.id[row] as string, cal, exported);
          }
        } else {
          reasons[code] = (reasons[code] as number) + 1;
          skips++;
        }
      }
      if (skips > 0) addReasonCounts(reasons, state.skipped, state.anomalies);
    },
  );
}

/**
 * First response time over many tickets, as an accumulator: per ticket `firstResponseTime`
 * (the first customer message, or `createdAt`, to the first public agent reply; else the
 * `firstResponseAt` field), summarised with `summarizeDurations`' rules.
 *
 * @param options - {@link DurationAccumulatorOptions}.
 * @returns The accumulator; its `result` is a {@link DurationMetricSummary} (skips `unanswered`, `noCustomerMessage`).
 * @throws {@link MetricRangeError} `E_FRACTION_RANGE` (a percentile), `E_CONFIDENCE_LEVEL`, `E_OPTION_VALUE` (`quantiles`);
 * while adding, `E_INVALID_DATE` and `E_UNKNOWN_STATUS` naming the ticket; `E_STATE_FORMAT` from `fromJSON`.
 * @remarks The calendar and business summaries hold the same tickets (but for a requester
 * wait the helpdesk exported in calendar time only: calendar only). Merging is exact: the
 * result does not depend on the order of tickets or on how they were split.
 * @example
 * ```ts
 * const acc = firstResponseTimeAccumulator();
 * const s = acc.create();
 * acc.add(s, { id: "1", status: "open", createdAt: new Date("2026-01-05T09:00:00Z"), firstResponseAt: new Date("2026-01-05T09:30:00Z") });
 * acc.add(s, { id: "2", status: "new", createdAt: new Date("2026-01-05T10:00:00Z") });
 * acc.result(s).calendar?.median; // => 1800000
 * acc.result(s).skipped; // => { noCustomerMessage: 0, unanswered: 1 }
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (first response time)
 * @category Time
 */
export function firstResponseTimeAccumulator(options?: DurationAccumulatorOptions): DurationAccumulator {
  const fn = "firstResponseTimeAccumulator";
  return perTicket(settingsOf(fn, "firstResponseTime", DURATION_SKIPS.firstResponse, options), "firstResponse");
}

/**
 * Options of {@link resolutionTimeAccumulator}.
 *
 * @category Time
 */
export interface ResolutionTimeAccumulatorOptions extends DurationAccumulatorOptions {
  /** `"final"` (default): to the last solve; `"first"`: to the first solve (`firstSolvedAt`). */
  readonly until?: "first" | "final" | undefined;
}

/**
 * Resolution time over many tickets, as an accumulator: per ticket `resolutionTime`
 * (`createdAt` to the final solve, or to the first with `until: "first"`).
 *
 * @param options - {@link ResolutionTimeAccumulatorOptions}.
 * @returns The accumulator; its `result` is a {@link DurationMetricSummary} (skips `unresolved`, `noSolveTime`).
 * @throws {@link MetricRangeError} as {@link firstResponseTimeAccumulator}; `E_OPTION_VALUE` for another `until`.
 * @remarks Resolved means status `solved` or `closed` (`isResolvedStatus`).
 * @example
 * ```ts
 * const acc = resolutionTimeAccumulator({ until: "final" });
 * const s = acc.create();
 * acc.add(s, { id: "1", status: "solved", createdAt: new Date("2026-01-05T09:00:00Z"), solvedAt: new Date("2026-01-05T11:00:00Z") });
 * acc.result(s).calendar?.mean; // => 7200000
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (resolution time)
 * @category Time
 */
export function resolutionTimeAccumulator(options?: ResolutionTimeAccumulatorOptions): DurationAccumulator {
  const fn = "resolutionTimeAccumulator";
  const until = options?.until ?? "final";
  if (until !== "first" && until !== "final") {
    throw new MetricRangeError("E_OPTION_VALUE", `${fn}: until must be "first" or "final", got ${JSON.stringify(until) ?? String(until)}`);
  }
  const kind = until === "first" ? "resolutionTimeFirst" : "resolutionTime";
  return perTicket(
    settingsOf(fn, kind, DURATION_SKIPS.resolutionFinal, options),
    until === "first" ? "resolutionFirst" : "resolutionFinal",
  );
}

/**
 * Assignment time over many tickets, as an accumulator: per ticket `assignmentTime`
 * (`createdAt` to the first assignment).
 *
 * @param options - {@link DurationAccumulatorOptions}.
 * @returns The accumulator; its `result` is a {@link DurationMetricSummary} (skips `unassigned`).
 * @throws {@link MetricRangeError} as {@link firstResponseTimeAccumulator}.
 * @remarks As `assignmentTime`: the `assignedAt` field, or the first status change away from `new`.
 * @example
 * ```ts
 * const acc = assignmentTimeAccumulator();
 * const s = acc.create();
 * acc.add(s, { id: "1", status: "open", createdAt: new Date("2026-01-05T09:00:00Z"), assignedAt: new Date("2026-01-05T09:05:00Z") });
 * acc.result(s).calendar?.max; // => 300000
 * ```
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408821871642 | Zendesk: ticket metrics (assignment)}
 * @category Time
 */
export function assignmentTimeAccumulator(options?: DurationAccumulatorOptions): DurationAccumulator {
  return perTicket(settingsOf("assignmentTimeAccumulator", "assignmentTime", DURATION_SKIPS.assignment, options), "assignment");
}

/**
 * Requester wait time over many tickets, as an accumulator: per ticket `requesterWaitTime`
 * (time not in `pending` or `on_hold` from `createdAt` to the solve, from the status history).
 *
 * @param options - {@link DurationAccumulatorOptions}.
 * @returns The accumulator; its `result` is a {@link DurationMetricSummary} (skips `unresolved`, `noSolveTime`, `noStatusHistory`).
 * @throws {@link MetricRangeError} as {@link firstResponseTimeAccumulator}.
 * @remarks In business time each open interval is measured in business hours.
 * @example
 * ```ts
 * const acc = requesterWaitTimeAccumulator();
 * acc.result(acc.create()).calendar; // => undefined
 * ```
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408821871642 | Zendesk: ticket metrics (requester wait time)}
 * @category Time
 */
export function requesterWaitTimeAccumulator(options?: DurationAccumulatorOptions): DurationAccumulator {
  return perTicket(settingsOf("requesterWaitTimeAccumulator", "requesterWaitTime", DURATION_SKIPS.requesterWait, options), "requesterWait");
}

/**
 * Every customer turn's response time over many tickets, as an accumulator: per ticket
 * `customerTurns` (each customer turn to the agent reply that answered it).
 *
 * @param options - {@link DurationAccumulatorOptions}.
 * @returns The accumulator; its `result` is a {@link DurationMetricSummary} of turns (not tickets);
 * tickets are skipped by reason `noMessages` (no conversation), `unanswered` (the last turn
 * waits; its answered turns still count) and `noCustomerMessage`.
 * @throws {@link MetricRangeError} as {@link firstResponseTimeAccumulator}.
 * @remarks Read from messages only (`sources.fields` stays 0).
 * @example
 * ```ts
 * const acc = responseTimesAccumulator();
 * const s = acc.create();
 * acc.add(s, { id: "1", status: "open", createdAt: new Date("2026-01-05T09:00:00Z") });
 * acc.result(s).skipped.noMessages; // => 1
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (response time)
 * @category Time
 */
export function responseTimesAccumulator(options?: DurationAccumulatorOptions): DurationAccumulator {
  const s = settingsOf("responseTimesAccumulator", "responseTimes", ["unanswered", "noMessages", "noCustomerMessage"], options);
  return durationMetric(s, ticketTimes(s.schedule, s.fn), NEEDS_TURNS, instantColumns(NEEDS_TURNS), (state, f, _batch, rows, count) => {
    const bus = state.bus;
    for (let k = 0; k < count; k++) {
      const row = rows[k] as number;
      const flag = f.turnFlag[row] as number;
      if (flag === TURNS_NO_MESSAGES) {
        bump(state.skipped, "noMessages");
        continue;
      }
      const from = f.turnFrom[row] as number;
      const n = f.turnCount[row] as number;
      for (let i = from; i < from + n; i++) {
        storeAdd(state.cal, f.turnCal[i] as number);
        if (bus !== undefined) storeAdd(bus, f.turnBus[i] as number);
      }
      state.messages += n;
      if (flag === TURNS_UNANSWERED) bump(state.skipped, "unanswered");
      else if (flag === TURNS_NO_CUSTOMER) bump(state.skipped, "noCustomerMessage");
    }
  });
}
