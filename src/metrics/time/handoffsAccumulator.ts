/**
 * Handoffs over many tickets, as an accumulator: the assignee stations, group stations,
 * reassignments and reopen events of {@link ticketHandoffs}, each summarised as a count
 * (mean with its interval, median, percentiles, min, max), each over the tickets whose history
 * gives it.
 *
 * @module
 */
import { foldInto, openState, readCounts, stateJson, type StateJson } from "../../_lib/accumulator.ts";
import { addCounts, bump, sortedCounts, zeroCounts } from "../../_lib/counts.ts";
import {
  storeAdd,
  storeFromJSON,
  storeMerge,
  storeToJSON,
  valueStore,
  type QuantileOption,
  type ValueStore,
} from "../../_lib/quantileStore.ts";
import { valueSummary, type ValueSummary } from "../../_lib/valueSummary.ts";
import type { Ticket } from "../../models/ticket.ts";
import { COLUMNS, rowTicket, type TicketBatch, type TicketMetric } from "../../models/ticketBatch.ts";
import { addOneTicket, BATCH_COLUMNS } from "../../models/pushTicket.ts";
import { ticketHandoffs, type TicketHandoffs } from "./handoffs.ts";
import { summaryOptions } from "./_summaryOptions.ts";

/**
 * Options of {@link handoffsAccumulator} and {@link handoffs}.
 *
 * @category Time
 */
export interface HandoffsOptions {
  /** Percentiles besides the median, each from 0 to 1. Default `[0.9]`. */
  readonly percentiles?: readonly number[] | undefined;
  /** The confidence level of each mean's interval. Default 0.95. */
  readonly confidenceLevel?: number | undefined;
  /** `"exact"` (default) or `{ relativeError }`. */
  readonly quantiles?: QuantileOption | undefined;
}

/**
 * Handoffs over many tickets: each count summarised over the tickets that have its history
 * (`undefined` when none has).
 *
 * @category Time
 */
export interface HandoffsSummary {
  /** Distinct assignees per ticket. */
  readonly assigneeStations: ValueSummary | undefined;
  /** Distinct groups per ticket. */
  readonly groupStations: ValueSummary | undefined;
  /** Reassignments per ticket. */
  readonly reassignments: ValueSummary | undefined;
  /** Reopen events per ticket. */
  readonly reopens: ValueSummary | undefined;
  /** Tickets left out of each count, by reason: `noAssigneeHistory`, `noGroupHistory`, `noStatusHistory`. */
  readonly skipped: Readonly<Record<string, number>>;
}

type Count = keyof TicketHandoffs;
const COUNTS: readonly Count[] = ["assigneeStations", "groupStations", "reassignments", "reopens"];
const SKIP: Readonly<Record<Count, string>> = {
  assigneeStations: "noAssigneeHistory",
  groupStations: "noGroupHistory",
  reassignments: "noAssigneeHistory",
  reopens: "noStatusHistory",
};

/**
 * The running state of {@link handoffsAccumulator}.
 *
 * @category Time
 */
export interface HandoffsState {
  /** The counts of each figure. @internal */
  readonly values: Record<Count, ValueStore>;
  /** Tickets without the history of a figure (reassignments share the assignee stations' count). @internal */
  readonly skipped: Record<string, number>;
}

const KIND = "handoffs";

/**
 * Handoffs as an accumulator: per ticket {@link ticketHandoffs} (distinct assignees and groups,
 * reassignments, reopen events), each count summarised over the tickets with its history.
 *
 * @param options - {@link HandoffsOptions}.
 * @returns The accumulator (a ticket metric); its `result` is a {@link HandoffsSummary}.
 * @throws {@link MetricRangeError} `E_FRACTION_RANGE` (a percentile), `E_CONFIDENCE_LEVEL`, `E_OPTION_VALUE` (`quantiles`);
 * while adding, `E_INVALID_DATE`, `E_UNKNOWN_STATUS` naming the ticket; `E_STATE_FORMAT` from `fromJSON`.
 * @remarks A ticket without an assignee history is counted once in `skipped.noAssigneeHistory`
 * (it has neither assignee stations nor reassignments); without a group history in
 * `noGroupHistory`; without a status history in `noStatusHistory`. Never counted as 0.
 * @example
 * ```ts
 * const acc = handoffsAccumulator();
 * const s = acc.create();
 * const at = (h: number) => new Date(Date.UTC(2026, 0, 5, h));
 * acc.add(s, { id: "1", createdAt: at(0), status: "open",
 *   fieldHistory: [{ at: at(1), field: "assignee", value: "ana" }, { at: at(2), field: "assignee", value: "bo" }] });
 * acc.result(s).assigneeStations?.mean; // => 2
 * acc.result(s).reassignments?.max;     // => 1
 * acc.result(s).skipped;                // => { noAssigneeHistory: 0, noGroupHistory: 1, noStatusHistory: 1 }
 * ```
 * @see {@link https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metrics/ | Zendesk API: ticket metrics} (assignee_stations, group_stations, reopens)
 * @category Time
 */
export function handoffsAccumulator(options?: HandoffsOptions): TicketMetric<HandoffsState, HandoffsSummary, null> {
  return handoffsFor("handoffsAccumulator", options);
}

function handoffsFor(fn: string, options: HandoffsOptions | undefined): TicketMetric<HandoffsState, HandoffsSummary, null> {
  const { percentiles, level, quantiles } = summaryOptions(fn, options);
  const stores = (make: (c: Count) => ValueStore): Record<Count, ValueStore> =>
    Object.fromEntries(COUNTS.map((c) => [c, make(c)])) as Record<Count, ValueStore>;
  const create = (): HandoffsState => ({
    values: stores(() => valueStore(quantiles)),
    skipped: zeroCounts(["noAssigneeHistory", "noGroupHistory", "noStatusHistory"]),
  });
  const addRows = (state: HandoffsState, _f: null, batch: TicketBatch, rows: Int32Array, count: number): void => {
    for (let k = 0; k < count; k++) {
      const row = rows[k] as number;
      if (batch.fieldHistory[row] === undefined && batch.statusHistory[row] === undefined) {
        for (const reason of ["noAssigneeHistory", "noGroupHistory", "noStatusHistory"]) bump(state.skipped, reason);
        continue;
      }
      const h = ticketHandoffs(rowTicket(batch, row));
      for (const c of COUNTS) {
        const n = h[c];
        if (n !== undefined) storeAdd(state.values[c], n);
        else if (c !== "reassignments") bump(state.skipped, SKIP[c]);
      }
    }
  };
  return {
    name: KIND,
    facts: COLUMNS,
    columns: BATCH_COLUMNS.fieldHistory | BATCH_COLUMNS.statusHistory,
    create,
    add: addOneTicket(fn, COLUMNS, addRows),
    addRows,
    merge(a, b) {
      for (const c of COUNTS) a.values[c] = storeMerge(a.values[c], b.values[c]);
      addCounts(a.skipped, b.skipped);
      return a;
    },
    result: (s) => ({
      assigneeStations: valueSummary(s.values.assigneeStations, percentiles, level),
      groupStations: valueSummary(s.values.groupStations, percentiles, level),
      reassignments: valueSummary(s.values.reassignments, percentiles, level),
      reopens: valueSummary(s.values.reopens, percentiles, level),
      skipped: sortedCounts(s.skipped),
    }),
    toJSON: (s): StateJson =>
      stateJson(KIND, 1, { values: Object.fromEntries(COUNTS.map((c) => [c, storeToJSON(s.values[c])])), skipped: { ...s.skipped } }),
    fromJSON(json) {
      const o = openState(json, KIND, 1);
      const values = (o.values ?? {}) as Record<string, unknown>;
      const s: HandoffsState = { values: stores((c) => storeFromJSON(KIND, `values.${c}`, values[c])), skipped: create().skipped };
      Object.assign(s.skipped, readCounts(o, KIND, "skipped"));
      return s;
    },
  };
}

/**
 * Handoffs of many tickets, summarised: a fold of {@link handoffsAccumulator}.
 *
 * @param tickets - The tickets; reads `fieldHistory` and `statusHistory`.
 * @param options - {@link HandoffsOptions}.
 * @returns The {@link HandoffsSummary}.
 * @throws {@link MetricRangeError} as {@link handoffsAccumulator}.
 * @remarks Each count is summarised over the tickets with its history only.
 * @example
 * ```ts
 * const at = (h: number) => new Date(Date.UTC(2026, 0, 5, h));
 * handoffs([
 *   { id: "1", createdAt: at(0), status: "solved",
 *     statusHistory: [{ at: at(1), status: "solved" }, { at: at(2), status: "open" }, { at: at(3), status: "solved" }] },
 * ]).reopens?.mean; // => 1
 * ```
 * @see {@link https://github.com/fivetran/dbt_zendesk/blob/main/models/zendesk__ticket_metrics.sql | Fivetran dbt_zendesk: zendesk__ticket_metrics} (stations, count_reopens)
 * @category Time
 */
export function handoffs(tickets: readonly Ticket[], options?: HandoffsOptions): HandoffsSummary {
  const acc = handoffsFor("handoffs", options);
  return acc.result(foldInto(acc, tickets));
}
