/**
 * Time in status over many tickets, as accumulators: each figure of {@link statusTimes}
 * (time in new, open, pending, on hold; agent work, agent wait, on-hold, solve and unassigned
 * time; first and last assignment to resolution) summarised as the other durations are (count,
 * exact total, mean with its interval, R-7 median and percentiles, min, max) in calendar and
 * business time, with the skips and anomalies counted by reason.
 *
 * @module
 */
import { foldInto } from "../../_lib/accumulator.ts";
import { bump } from "../../_lib/counts.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { storeAdd } from "../../_lib/quantileStore.ts";
import type { Ticket } from "../../models/ticket.ts";
import type { TicketBatch, TicketMetric } from "../../models/ticketBatch.ts";
import { BATCH_COLUMNS } from "../../models/pushTicket.ts";
import { durationMetric, settingsOf, type DurationAccumulatorOptions, type DurationState } from "./_durationMetric.ts";
import type { DurationMetricSummary } from "./durationTypes.ts";
import {
  ANOMALY_CODE,
  figureAt,
  MEASURED,
  STATUS_FIGURES,
  STATUS_REASONS,
  statusTimesFacts,
  type StatusTimesFacts,
} from "./_statusTimesFacts.ts";

/**
 * A figure of {@link statusTimes} that {@link statusTimeAccumulator} summarises: the time in
 * `new`, `open`, `pending`, `on_hold`; `agentWork` (new + open), `agentWait` (pending), `onHold`,
 * `solve` (creation to the last solve event), `unassigned`, `firstAssignmentToResolution`,
 * `lastAssignmentToResolution`.
 *
 * @category Time
 */
export type StatusTimeFigure =
  | "new"
  | "open"
  | "pending"
  | "on_hold"
  | "agentWork"
  | "agentWait"
  | "onHold"
  | "solve"
  | "unassigned"
  | "firstAssignmentToResolution"
  | "lastAssignmentToResolution";

/** The accumulator of one time in status figure. @category Time */
export type StatusTimeAccumulator = TicketMetric<DurationState, DurationMetricSummary, StatusTimesFacts>;

const BASE_SKIPS = ["unresolved", "noSolveTime", "noStatusHistory"];

/** The skip reasons of each figure (reported even when zero). */
function skipsOf(figure: StatusTimeFigure): string[] {
  if (figure === "unassigned") return [...BASE_SKIPS, "noAssigneeHistory"];
  if (figure === "firstAssignmentToResolution" || figure === "lastAssignmentToResolution") {
    return [...BASE_SKIPS, "noAssigneeHistory", "neverAssigned"];
  }
  return BASE_SKIPS;
}

/** The state kinds (`toJSON`'s `kind`) of the figures. */
const kindOf = (figure: StatusTimeFigure): string => `statusTime.${figure}`;

/**
 * One time in status figure over many tickets, as an accumulator: per ticket {@link statusTimes}
 * (from `createdAt` to the last solve event, read from `statusHistory` and `fieldHistory`).
 *
 * @param figure - The {@link StatusTimeFigure} to summarise.
 * @param options - {@link DurationAccumulatorOptions}: `schedule` (business time too),
 * `percentiles` (default `[0.9]`), `confidenceLevel` (default 0.95), `quantiles` (default `"exact"`).
 * @returns The accumulator; its `result` is a `DurationMetricSummary` (values in ms; skips
 * `unresolved`, `noSolveTime`, `noStatusHistory`, and for `unassigned` `noAssigneeHistory`, for the
 * assignment figures `noAssigneeHistory` and `neverAssigned`; anomalies `statusBeforeCreated`,
 * `solvedBeforeCreated`).
 * @throws {@link MetricRangeError} `E_OPTION_VALUE` for an unknown figure; as the other duration
 * accumulators (`E_FRACTION_RANGE`, `E_CONFIDENCE_LEVEL`); while adding, `E_INVALID_DATE` and
 * `E_UNKNOWN_STATUS` naming the ticket; `E_STATE_FORMAT` from `fromJSON`.
 * @remarks Tickets without a status history are skipped and counted (`noStatusHistory`), as are
 * tickets not resolved now (their figures are not final). Every value comes from the ticket's
 * histories (`sources.fields`). The calendar and business summaries hold the same tickets, and
 * merging is exact.
 * @example
 * ```ts
 * const acc = statusTimeAccumulator("agentWait");
 * const s = acc.create();
 * const at = (h: number) => new Date(Date.UTC(2026, 0, 5, h));
 * acc.add(s, { id: "1", createdAt: at(0), status: "solved",
 *   statusHistory: [{ at: at(1), status: "pending" }, { at: at(3), status: "open" }, { at: at(4), status: "solved" }] });
 * acc.add(s, { id: "2", createdAt: at(0), status: "open" });
 * acc.result(s).calendar?.median; // => 7200000
 * acc.result(s).skipped; // => { noSolveTime: 0, noStatusHistory: 0, unresolved: 1 }
 * ```
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408821871642 | Zendesk: ticket metrics} (agent wait, on-hold, requester wait time)
 * @see {@link https://github.com/fivetran/dbt_zendesk/blob/main/models/zendesk__ticket_metrics.sql | Fivetran dbt_zendesk: zendesk__ticket_metrics}
 * @category Time
 */
export function statusTimeAccumulator(figure: StatusTimeFigure, options?: DurationAccumulatorOptions): StatusTimeAccumulator {
  return statusTimeFor("statusTimeAccumulator", figure, options);
}

function statusTimeFor(fn: string, figure: StatusTimeFigure, options: DurationAccumulatorOptions | undefined): StatusTimeAccumulator {
  if (!(STATUS_FIGURES as readonly string[]).includes(figure)) {
    throw new MetricRangeError(
      "E_OPTION_VALUE",
      `${fn}: figure must be one of ${STATUS_FIGURES.join(", ")}, got ${JSON.stringify(figure) ?? String(figure)}`,
    );
  }
  const s = settingsOf(fn, kindOf(figure), skipsOf(figure), options);
  const facts = statusTimesFacts(s.schedule, s.fn);
  const columns = BATCH_COLUMNS.statusHistory | BATCH_COLUMNS.fieldHistory | BATCH_COLUMNS.solvedAt;
  return durationMetric(s, facts, 0, columns, (state, f: StatusTimesFacts, _batch: TicketBatch, rows, count) => {
    const bus = state.bus;
    for (let k = 0; k < count; k++) {
      const row = rows[k] as number;
      const code = f.code[row] as number;
      if (code !== MEASURED) {
        bump(code - 1 >= ANOMALY_CODE ? state.anomalies : state.skipped, STATUS_REASONS[code - 1] as string);
        continue;
      }
      const at = figureAt(row, figure);
      const cal = f.cal[at] as number;
      if (Number.isNaN(cal)) {
        bump(state.skipped, Number.isNaN(f.cal[figureAt(row, "unassigned")] as number) ? "noAssigneeHistory" : "neverAssigned");
        continue;
      }
      storeAdd(state.cal, cal);
      if (bus !== undefined) storeAdd(bus, f.bus[at] as number);
      state.fields++;
    }
  });
}

/**
 * One time in status figure of many tickets, summarised: a fold of {@link statusTimeAccumulator}.
 *
 * @param tickets - The tickets; see {@link statusTimes} for the fields read.
 * @param figure - The {@link StatusTimeFigure}.
 * @param options - {@link DurationAccumulatorOptions}.
 * @returns The `DurationMetricSummary` (ms); `calendar` is `undefined` when no ticket was measured.
 * @throws {@link MetricRangeError} as {@link statusTimeAccumulator}.
 * @remarks As {@link statusTimeAccumulator}: skipped tickets are counted, never averaged as 0.
 * @example
 * ```ts
 * const at = (h: number) => new Date(Date.UTC(2026, 0, 5, h));
 * timeInStatus([
 *   { id: "1", createdAt: at(0), status: "solved", statusHistory: [{ at: at(1), status: "on_hold" }, { at: at(4), status: "solved" }] },
 * ], "onHold").calendar?.mean; // => 10800000
 * ```
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408821871642 | Zendesk: ticket metrics} (on-hold time)
 * @category Time
 */
export function timeInStatus(
  tickets: readonly Ticket[],
  figure: StatusTimeFigure,
  options?: DurationAccumulatorOptions,
): DurationMetricSummary {
  const acc = statusTimeFor("timeInStatus", figure, options);
  return acc.result(foldInto(acc, tickets));
}
