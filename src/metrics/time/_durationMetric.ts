/**
 * The state, merge, summary and JSON form every duration accumulator shares (first response,
 * resolution, requester wait, response times, the time in status figures), whatever per-ticket
 * facts provider its values come from.
 *
 * @internal
 * @module
 */
import { openState, readCount, readCounts, stateJson, type StateJson } from "../../_lib/accumulator.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { addCounts, sortedCounts, zeroCounts } from "../../_lib/counts.ts";
import { storeFromJSON, storeMerge, storeToJSON, valueStore, type QuantileOption, type ValueStore } from "../../_lib/quantileStore.ts";
import { valueSummary } from "../../_lib/valueSummary.ts";
import type { Schedule } from "../../models/schedule.ts";
import type { FactsProvider, TicketMetric } from "../../models/ticketBatch.ts";
import { addOneTicket } from "../../models/pushTicket.ts";
import { summaryOptions } from "./_summaryOptions.ts";
import { figureSource, type DurationMetricSummary } from "./durationTypes.ts";
import {
  reconciliationFromJSON,
  reconciliationMerge,
  reconciliationResult,
  reconciliationState,
  reconciliationToJSON,
  type ReconciliationState,
} from "./reconciliation.ts";

/**
 * Options of the duration accumulators.
 *
 * @category Time
 */
export interface DurationAccumulatorOptions {
  /** Business hours: with one, each value is also measured in business time. Default: none (calendar only). */
  readonly schedule?: Schedule | undefined;
  /** Percentiles to report besides the median, each from 0 to 1. Default `[0.9]`. */
  readonly percentiles?: readonly number[] | undefined;
  /** The confidence level of the mean's interval, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number | undefined;
  /** `"exact"` (default: every value kept, 8 bytes each) or `{ relativeError }` (a mergeable sketch of flat memory). */
  readonly quantiles?: QuantileOption | undefined;
  /** The function errors name (a composition passes its own, e.g. `report`). Default: the accumulator's name. @internal */
  readonly caller?: string | undefined;
}

/**
 * The running state of a duration accumulator.
 *
 * @category Time
 */
export interface DurationState {
  /** Calendar values. @internal */
  cal: ValueStore;
  /** Business values (only with a schedule). @internal */
  bus: ValueStore | undefined;
  /** Values from messages. @internal */
  messages: number;
  /** Values from fields. @internal */
  fields: number;
  /** Values from the helpdesk's exported durations. @internal */
  helpdesk: number;
  /** Timestamps against the helpdesk, per ticket with both. @internal */
  reconciliation: ReconciliationState;
  /** Skips by reason. @internal */
  readonly skipped: Record<string, number>;
  /** Anomalies by reason. @internal */
  readonly anomalies: Record<string, number>;
}

/** The settings of one duration accumulator. @internal */
export interface Settings {
  readonly fn: string;
  readonly kind: string;
  readonly schedule: Schedule | undefined;
  readonly percentiles: readonly number[];
  readonly level: number;
  readonly quantiles: QuantileOption;
  readonly skips: readonly string[];
}

/** The settings of accumulator `name` (state kind `kind`, skip reasons `skips`), the options checked. @internal */
export function settingsOf(
  name: string,
  kind: string,
  skips: readonly string[],
  options: DurationAccumulatorOptions | undefined,
): Settings {
  const fn = options?.caller ?? name;
  return { fn, kind, schedule: options?.schedule, ...summaryOptions(fn, options), skips };
}

/**
 * A duration accumulator whose rows are added by `addRows` (a per-ticket value, or every turn),
 * reading the facts of `facts` and the batch columns `columns`.
 *
 * @internal
 */
export function durationMetric<F>(
  s: Settings,
  facts: FactsProvider<F>,
  needs: number,
  columns: number,
  addRows: TicketMetric<DurationState, DurationMetricSummary, F>["addRows"],
): TicketMetric<DurationState, DurationMetricSummary, F> {
  const business = s.schedule !== undefined;
  function create(): DurationState {
    return {
      cal: valueStore(s.quantiles),
      bus: business ? valueStore(s.quantiles) : undefined,
      messages: 0,
      fields: 0,
      helpdesk: 0,
      reconciliation: reconciliationState(),
      skipped: zeroCounts(s.skips),
      anomalies: {},
    };
  }
  function merge(a: DurationState, b: DurationState): DurationState {
    a.cal = storeMerge(a.cal, b.cal);
    if (a.bus !== undefined && b.bus !== undefined) a.bus = storeMerge(a.bus, b.bus);
    a.messages += b.messages;
    a.fields += b.fields;
    a.helpdesk += b.helpdesk;
    a.reconciliation = reconciliationMerge(a.reconciliation, b.reconciliation);
    addCounts(a.skipped, b.skipped);
    addCounts(a.anomalies, b.anomalies);
    return a;
  }
  function result(state: DurationState): DurationMetricSummary {
    return {
      calendar: valueSummary(state.cal, s.percentiles, s.level),
      business: state.bus === undefined ? undefined : valueSummary(state.bus, s.percentiles, s.level),
      sources: { messages: state.messages, fields: state.fields, helpdesk: state.helpdesk },
      source: figureSource(state.messages + state.fields, state.helpdesk),
      reconciliation: reconciliationResult(state.reconciliation),
      skipped: sortedCounts(state.skipped),
      anomalies: sortedCounts(state.anomalies),
    };
  }
  function toJSON(state: DurationState): StateJson {
    return stateJson(s.kind, 2, {
      cal: storeToJSON(state.cal),
      bus: state.bus === undefined ? null : storeToJSON(state.bus),
      messages: state.messages,
      fields: state.fields,
      helpdesk: state.helpdesk,
      reconciliation: reconciliationToJSON(state.reconciliation),
      skipped: { ...state.skipped },
      anomalies: { ...state.anomalies },
    });
  }
  function fromJSON(json: unknown): DurationState {
    const o = openState(json, s.kind, 2);
    const state = create();
    state.cal = storeFromJSON(s.kind, "cal", o.cal);
    if (business) state.bus = storeFromJSON(s.kind, "bus", o.bus);
    else if (o.bus !== null) {
      throw new MetricRangeError("E_STATE_FORMAT", `${s.kind}.fromJSON: bus must be null (no schedule), got ${JSON.stringify(o.bus)}`);
    }
    state.messages = readCount(o, s.kind, "messages");
    state.fields = readCount(o, s.kind, "fields");
    state.helpdesk = readCount(o, s.kind, "helpdesk");
    state.reconciliation = reconciliationFromJSON(o.reconciliation);
    Object.assign(state.skipped, readCounts(o, s.kind, "skipped"));
    Object.assign(state.anomalies, readCounts(o, s.kind, "anomalies"));
    return state;
  }
  return {
    name: s.kind,
    facts,
    needs,
    columns,
    create,
    add: addOneTicket(s.fn, facts, addRows, needs),
    addRows,
    merge,
    result,
    toJSON,
    fromJSON,
  };
}
