/**
 * The reply-count metrics as accumulators: one-touch resolution and replies to resolve, read
 * from the per-ticket reply count of ./ticketTimes.ts (computed once per ticket by `replyCount`).
 *
 * @module
 */
import { openState, readCount, readCounts, stateJson, type StateJson } from "../../_lib/accumulator.ts";
import { addCounts, sortedCounts } from "../../_lib/counts.ts";
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
import type { Schedule } from "../../models/schedule.ts";
import { type TicketMetric } from "../../models/ticketBatch.ts";
import { addOneTicket } from "../../models/pushTicket.ts";
import { confidenceLevelOf } from "../stats/confidence.ts";
import { summaryOptions } from "./_summaryOptions.ts";
import { wilsonInterval, type WilsonInterval } from "../stats/wilsonInterval.ts";
import { NEEDS_REPLIES, REPLIES_UNRESOLVED, ticketTimes, type TicketTimes } from "./ticketTimes.ts";

/**
 * Options of {@link oneTouchAccumulator}.
 *
 * @category Time
 */
export interface OneTouchAccumulatorOptions {
  /** The confidence level of the Wilson interval, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number | undefined;
  /** The business hours of the duration metrics composed with it (so that per-ticket times are computed once); counts do not depend on it. @internal */
  readonly schedule?: Schedule | undefined;
  /** The function errors name. Default: the accumulator's name. @internal */
  readonly caller?: string | undefined;
}

/**
 * One-touch resolution over many tickets.
 *
 * @category Time
 */
export interface OneTouchSummary {
  /** `oneTouch / resolved`, from 0 to 1; `undefined` when `resolved` is 0. */
  readonly share: number | undefined;
  /** Resolved tickets with exactly one public agent reply. */
  readonly oneTouch: number;
  /** Resolved tickets with none (in the denominator, not the numerator). */
  readonly zeroTouch: number;
  /** Resolved tickets whose reply count is known: the denominator. */
  readonly resolved: number;
  /** The Wilson interval of `share`; `undefined` when `resolved` is 0. */
  readonly interval: WilsonInterval | undefined;
  /** Tickets left out, by reason (`unresolved`, `noReplyData`). */
  readonly skipped: Readonly<Record<string, number>>;
}

/**
 * The running state of {@link oneTouchAccumulator}.
 *
 * @category Time
 */
export interface OneTouchState {
  /** Resolved with one reply. @internal */
  oneTouch: number;
  /** Resolved with none. @internal */
  zeroTouch: number;
  /** Resolved with a known count. @internal */
  resolved: number;
  /** Skips by reason. @internal */
  readonly skipped: Record<string, number>;
}

const ONE_TOUCH = "oneTouch";

function skipReason(code: number): string {
  return code === REPLIES_UNRESOLVED ? "unresolved" : "noReplyData";
}

/**
 * One-touch resolution as an accumulator: of resolved tickets with a known reply count
 * (`replyCount`: public agent replies up to the solve, or the `replies` field), the share
 * resolved with exactly one reply, with its Wilson interval.
 *
 * @param options - {@link OneTouchAccumulatorOptions}.
 * @returns The accumulator; `result` gives a {@link OneTouchSummary}.
 * @throws {@link MetricRangeError} `E_CONFIDENCE_LEVEL`; while adding, `E_INVALID_DATE`, `E_UNKNOWN_STATUS`,
 * `E_COUNT` for a bad `replies`; `E_STATE_FORMAT` from `fromJSON`.
 * @remarks As `oneTouchResolution`; zero-touch tickets are in the denominator only.
 * @example
 * ```ts
 * const acc = oneTouchAccumulator();
 * const s = acc.create();
 * acc.add(s, { id: "1", status: "solved", createdAt: new Date("2026-01-05T09:00:00Z"), replies: 1 });
 * acc.add(s, { id: "2", status: "solved", createdAt: new Date("2026-01-05T09:00:00Z"), replies: 3 });
 * acc.result(s).share; // => 0.5
 * ```
 * @see {@link https://www.zendesk.com/blog/one-touch-resolution/ | Zendesk: one-touch resolution}
 * @category Time
 */
export function oneTouchAccumulator(options?: OneTouchAccumulatorOptions): TicketMetric<OneTouchState, OneTouchSummary, TicketTimes> {
  const fn = options?.caller ?? "oneTouchAccumulator";
  const level = confidenceLevelOf(fn, options?.confidenceLevel);
  const facts = ticketTimes(options?.schedule, fn);
  const create = (): OneTouchState => ({ oneTouch: 0, zeroTouch: 0, resolved: 0, skipped: { unresolved: 0, noReplyData: 0 } });
  const addRows: TicketMetric<OneTouchState, OneTouchSummary, TicketTimes>["addRows"] = (state, f, _batch, rows, count) => {
    for (let k = 0; k < count; k++) {
      const n = f.replies[rows[k] as number] as number;
      if (n < 0) {
        const reason = skipReason(n);
        state.skipped[reason] = (state.skipped[reason] ?? 0) + 1;
        continue;
      }
      state.resolved++;
      if (n === 1) state.oneTouch++;
      else if (n === 0) state.zeroTouch++;
    }
  };
  return {
    name: ONE_TOUCH,
    facts,
    needs: NEEDS_REPLIES,
    columns: 0,
    create,
    add: addOneTicket(fn, facts, addRows, NEEDS_REPLIES),
    addRows,
    merge(a, b) {
      a.oneTouch += b.oneTouch;
      a.zeroTouch += b.zeroTouch;
      a.resolved += b.resolved;
      addCounts(a.skipped, b.skipped);
      return a;
    },
    result: (s) => ({
      share: s.resolved === 0 ? undefined : s.oneTouch / s.resolved,
      oneTouch: s.oneTouch,
      zeroTouch: s.zeroTouch,
      resolved: s.resolved,
      interval: wilsonInterval(s.oneTouch, s.resolved, { confidenceLevel: level }),
      skipped: sortedCounts(s.skipped),
    }),
    toJSON: (s): StateJson =>
      stateJson(ONE_TOUCH, 1, { oneTouch: s.oneTouch, zeroTouch: s.zeroTouch, resolved: s.resolved, skipped: { ...s.skipped } }),
    fromJSON(json) {
      const o = openState(json, ONE_TOUCH, 1);
      const s = create();
      s.oneTouch = readCount(o, ONE_TOUCH, "oneTouch");
      s.zeroTouch = readCount(o, ONE_TOUCH, "zeroTouch");
      s.resolved = readCount(o, ONE_TOUCH, "resolved");
      Object.assign(s.skipped, readCounts(o, ONE_TOUCH, "skipped"));
      return s;
    },
  };
}

/**
 * Options of {@link repliesToResolveAccumulator}.
 *
 * @category Time
 */
export interface RepliesToResolveAccumulatorOptions {
  /** Percentiles besides the median, each from 0 to 1. Default `[0.9]`. */
  readonly percentiles?: readonly number[] | undefined;
  /** The confidence level of the mean's interval. Default 0.95. */
  readonly confidenceLevel?: number | undefined;
  /** `"exact"` (default) or `{ relativeError }`. */
  readonly quantiles?: QuantileOption | undefined;
  /** The business hours of the duration metrics composed with it (so that per-ticket times are computed once); counts do not depend on it. @internal */
  readonly schedule?: Schedule | undefined;
  /** The function errors name. Default: the accumulator's name. @internal */
  readonly caller?: string | undefined;
}

/**
 * Replies to resolve over many tickets.
 *
 * @category Time
 */
export interface RepliesToResolveSummary {
  /** The summary of the reply counts (not milliseconds); `undefined` without any. */
  readonly summary: ValueSummary | undefined;
  /** Tickets left out, by reason (`unresolved`, `noReplyData`). */
  readonly skipped: Readonly<Record<string, number>>;
}

/**
 * The running state of {@link repliesToResolveAccumulator}.
 *
 * @category Time
 */
export interface RepliesState {
  /** The counts. @internal */
  values: ValueStore;
  /** Skips by reason. @internal */
  readonly skipped: Record<string, number>;
}

const REPLIES = "repliesToResolve";

/**
 * Replies to resolve as an accumulator: the public agent replies of each resolved ticket with a
 * known count (`replyCount`), summarised (mean with its log-scale interval, median, percentiles).
 *
 * @param options - {@link RepliesToResolveAccumulatorOptions}.
 * @returns The accumulator; `result` gives a {@link RepliesToResolveSummary}.
 * @throws {@link MetricRangeError} `E_FRACTION_RANGE`, `E_CONFIDENCE_LEVEL`, `E_OPTION_VALUE`; while adding,
 * `E_INVALID_DATE`, `E_UNKNOWN_STATUS`, `E_COUNT`; `E_STATE_FORMAT` from `fromJSON`.
 * @remarks As `repliesToResolve`.
 * @example
 * ```ts
 * const acc = repliesToResolveAccumulator();
 * const s = acc.create();
 * acc.add(s, { id: "1", status: "solved", createdAt: new Date("2026-01-05T09:00:00Z"), replies: 2 });
 * acc.result(s).summary?.mean; // => 2
 * ```
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408821871642 | Zendesk: ticket metrics (agent replies)}
 * @category Time
 */
export function repliesToResolveAccumulator(
  options?: RepliesToResolveAccumulatorOptions,
): TicketMetric<RepliesState, RepliesToResolveSummary, TicketTimes> {
  const fn = options?.caller ?? "repliesToResolveAccumulator";
  const { percentiles, level, quantiles } = summaryOptions(fn, options);
  const facts = ticketTimes(options?.schedule, fn);
  const create = (): RepliesState => ({ values: valueStore(quantiles), skipped: { unresolved: 0, noReplyData: 0 } });
  const addRows: TicketMetric<RepliesState, RepliesToResolveSummary, TicketTimes>["addRows"] = (state, f, _batch, rows, count) => {
    for (let k = 0; k < count; k++) {
      const n = f.replies[rows[k] as number] as number;
      if (n < 0) {
        const reason = skipReason(n);
        state.skipped[reason] = (state.skipped[reason] ?? 0) + 1;
      } else storeAdd(state.values, n);
    }
  };
  return {
    name: REPLIES,
    facts,
    needs: NEEDS_REPLIES,
    columns: 0,
    create,
    add: addOneTicket(fn, facts, addRows, NEEDS_REPLIES),
    addRows,
    merge(a, b) {
      a.values = storeMerge(a.values, b.values);
      addCounts(a.skipped, b.skipped);
      return a;
    },
    result: (s) => ({ summary: valueSummary(s.values, percentiles, level), skipped: sortedCounts(s.skipped) }),
    toJSON: (s): StateJson => stateJson(REPLIES, 1, { values: storeToJSON(s.values), skipped: { ...s.skipped } }),
    fromJSON(json) {
      const o = openState(json, REPLIES, 1);
      const s = create();
      s.values = storeFromJSON(REPLIES, "values", o.values);
      Object.assign(s.skipped, readCounts(o, REPLIES, "skipped"));
      return s;
    },
  };
}
