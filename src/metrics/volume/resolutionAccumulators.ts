/**
 * Resolution rate and backlog as accumulators over a batch's columns, each
 * applying its metric's own rule (`resolutionStanding`, `backlogStanding`).
 *
 * @module
 */
import { openState, readCounts, readNumbers, stateJson, type StateJson } from "../../_lib/accumulator.ts";
import { addCounts, sortedCounts } from "../../_lib/counts.ts";
import { exactAdd, exactFrom, exactMerge, exactPartials, exactSum, exactValue, type ExactSum } from "../../_lib/exactSum.ts";
import { assertDate } from "../../_lib/guards.ts";
import { exactStore, storeAdd, storeMerge, storeValues, type ExactStore } from "../../_lib/quantileStore.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { isResolvedStatus, TICKET_STATUSES } from "../../models/ticket.ts";
import { COLUMNS, type TicketBatch, type TicketMetric } from "../../models/ticketBatch.ts";
import { addOneTicket, BATCH_COLUMNS } from "../../models/pushTicket.ts";
import { confidenceLevelOf } from "../stats/confidence.ts";
import { wilsonInterval, type WilsonInterval } from "../stats/wilsonInterval.ts";
import {
  averageResolution,
  isBacklog,
  BACKLOG_CREATED_AFTER,
  BACKLOG_OPEN,
  BACKLOG_RESOLVED,
  BACKLOG_RESOLVED_BY_STATUS,
  backlogStanding,
} from "./backlog.ts";
import { rateOf, RESOLVED, RESOLVED_BY_STATUS, resolutionStanding, UNRESOLVED, type ResolutionRateResult } from "./resolutionRate.ts";

const RESOLVED_CODES: readonly boolean[] = TICKET_STATUSES.map(isResolvedStatus);

/**
 * Options of {@link resolutionRateAccumulator}.
 *
 * @category Volume
 */
export interface ResolutionRateAccumulatorOptions {
  /** The moment "resolved" is judged at; tickets created at or after it are skipped (`createdAfterJudgedAt`). */
  readonly at: Date;
  /** The confidence level of the Wilson interval. Default 0.95. */
  readonly confidenceLevel?: number | undefined;
}

/**
 * The resolution rate of many tickets judged at one moment.
 *
 * @category Volume
 */
export interface ResolutionRateSummary extends Omit<ResolutionRateResult, "skipped"> {
  /** The moment of judgement. */
  readonly judgedAt: Date;
  /** The Wilson interval of `value`; `undefined` when `received` is 0. */
  readonly interval: WilsonInterval | undefined;
  /** Tickets left out, by reason: `solvedBeforeCreated`, `createdAfterJudgedAt`. */
  readonly skipped: Readonly<Record<string, number>>;
}

/**
 * The running state of {@link resolutionRateAccumulator}.
 *
 * @category Volume
 */
export interface ResolutionRateState {
  /** Resolved, resolved by status only, unresolved. @internal */
  readonly counts: Float64Array;
  /** Skips by reason. @internal */
  readonly skipped: Record<string, number>;
}

const RATE = "resolutionRate";

function readFixed(o: Readonly<Record<string, unknown>>, kind: string, field: string, n: number): Float64Array {
  const list = o[field];
  if (!Array.isArray(list) || list.length !== n || !list.every((x) => typeof x === "number" && Number.isSafeInteger(x) && x >= 0)) {
    throw new MetricRangeError(
      "E_STATE_FORMAT",
      `${kind}.fromJSON: ${field} must be ${String(n)} non-negative integers, got ${JSON.stringify(list) ?? String(list)}`,
    );
  }
  return Float64Array.from(list as number[]);
}

/**
 * `resolutionRate` as an accumulator: of tickets created before `at`, the share resolved by
 * `at`, with its Wilson interval.
 *
 * @param options - {@link ResolutionRateAccumulatorOptions}.
 * @returns The accumulator; `result` gives a {@link ResolutionRateSummary}.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` (`at`), `E_CONFIDENCE_LEVEL`; while adding, `E_INVALID_DATE`,
 * `E_UNKNOWN_STATUS`; `E_STATE_FORMAT` from `fromJSON`.
 * @remarks The rule of `resolutionRate` (`resolutionStanding`): resolved when the status is
 * `solved` or `closed` and `solvedAt`, if any, is before `at`.
 * @example
 * ```ts
 * const acc = resolutionRateAccumulator({ at: new Date("2026-02-01T00:00:00Z") });
 * const s = acc.create();
 * acc.add(s, { id: "1", status: "solved", createdAt: new Date("2026-01-05T09:00:00Z"), solvedAt: new Date("2026-01-06T09:00:00Z") });
 * acc.add(s, { id: "2", status: "open", createdAt: new Date("2026-01-05T09:00:00Z") });
 * acc.result(s).value; // => 0.5
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (resolution rate)
 * @category Volume
 */
export function resolutionRateAccumulator(
  options: ResolutionRateAccumulatorOptions,
): TicketMetric<ResolutionRateState, ResolutionRateSummary, null> {
  const fn = "resolutionRateAccumulator";
  assertDate(fn, "at", options.at);
  const at = options.at.getTime();
  const level = confidenceLevelOf(fn, options.confidenceLevel);
  const create = (): ResolutionRateState => ({ counts: new Float64Array(3), skipped: { solvedBeforeCreated: 0, createdAfterJudgedAt: 0 } });
  const addRows = (state: ResolutionRateState, _f: null, batch: TicketBatch, rows: Int32Array, count: number): void => {
    const c = state.counts;
    for (let k = 0; k < count; k++) {
      const row = rows[k] as number;
      const created = batch.createdAt[row] as number;
      if (created >= at) {
        (state.skipped.createdAfterJudgedAt as number)++;
        continue;
      }
      const standing = resolutionStanding(created, batch.solvedAt[row] as number, RESOLVED_CODES[batch.status[row] as number] === true, at);
      if (standing === RESOLVED) c[0] = (c[0] as number) + 1;
      else if (standing === RESOLVED_BY_STATUS) c[1] = (c[1] as number) + 1;
      else if (standing === UNRESOLVED) c[2] = (c[2] as number) + 1;
      else (state.skipped.solvedBeforeCreated as number)++;
    }
  };
  return {
    name: RATE,
    facts: COLUMNS,
    columns: BATCH_COLUMNS.solvedAt,
    create,
    add: addOneTicket(fn, COLUMNS, addRows),
    addRows,
    merge(a, b) {
      for (let i = 0; i < 3; i++) a.counts[i] = (a.counts[i] as number) + (b.counts[i] as number);
      addCounts(a.skipped, b.skipped);
      return a;
    },
    result(s) {
      const byStatus = s.counts[1] as number;
      const resolved = (s.counts[0] as number) + byStatus;
      const unresolved = s.counts[2] as number;
      return {
        ...rateOf(resolved, byStatus, unresolved),
        judgedAt: new Date(at),
        interval: wilsonInterval(resolved, resolved + unresolved, { confidenceLevel: level }),
        skipped: sortedCounts(s.skipped),
      };
    },
    toJSON: (s): StateJson => stateJson(RATE, 1, { counts: Array.from(s.counts), skipped: { ...s.skipped } }),
    fromJSON(json) {
      const o = openState(json, RATE, 1);
      const s = create();
      s.counts.set(readFixed(o, RATE, "counts", 3));
      Object.assign(s.skipped, readCounts(o, RATE, "skipped"));
      return s;
    },
  };
}

/**
 * The backlog of many tickets at one moment.
 *
 * @category Volume
 */
export interface BacklogSummary {
  /** Unresolved tickets open strictly longer than `threshold`; `undefined` when there is no threshold. */
  readonly count: number | undefined;
  /** The average resolution time (ms) of the tickets resolved at `asOf` with a `solvedAt`; `undefined` when none. */
  readonly threshold: number | undefined;
  /** How many resolution times were averaged. */
  readonly averagedResolutions: number;
  /** Tickets unresolved at `asOf`. */
  readonly unresolved: number;
  /** Tickets resolved at `asOf`. */
  readonly resolved: number;
  /** Of `resolved`, those judged by status alone. */
  readonly resolvedByStatusOnly: number;
  /** Tickets left out, by reason: `createdAfterAsOf`, `solvedBeforeCreated`. */
  readonly skipped: Readonly<Record<string, number>>;
}

/**
 * The running state of {@link backlogAccumulator}.
 *
 * @category Volume
 */
export interface BacklogState {
  /** Ages (ms) of the unresolved tickets, in an exact value store (paged: no discarded buffers on growth). @internal */
  readonly ages: ExactStore;
  /** The exact sum of the averaged resolution times. @internal */
  sum: ExactSum;
  /** Resolved with a time, resolved by status. @internal */
  readonly counts: Float64Array;
  /** Skips by reason. @internal */
  readonly skipped: Record<string, number>;
}

const BACKLOG = "backlog";

/**
 * `backlog` as an accumulator: at `asOf`, the unresolved tickets open longer than the average
 * resolution time of the resolved ones.
 *
 * @param options - `asOf`, the moment of the backlog.
 * @returns The accumulator; `result` gives a {@link BacklogSummary}.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` (`asOf`); while adding, `E_INVALID_DATE`, `E_UNKNOWN_STATUS`;
 * `E_STATE_FORMAT` from `fromJSON`.
 * @remarks The rule of `backlog` (`backlogStanding`); the state keeps each open ticket's age
 * (8 bytes), since the threshold is known only at the end. The average is exactly summed.
 * @example
 * ```ts
 * const acc = backlogAccumulator({ asOf: new Date("2026-01-10T00:00:00Z") });
 * const s = acc.create();
 * acc.add(s, { id: "1", status: "solved", createdAt: new Date("2026-01-08T00:00:00Z"), solvedAt: new Date("2026-01-09T00:00:00Z") });
 * acc.add(s, { id: "2", status: "open", createdAt: new Date("2026-01-01T00:00:00Z") });
 * acc.result(s).count; // => 1
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (backlog)
 * @category Volume
 */
export function backlogAccumulator(options: { readonly asOf: Date }): TicketMetric<BacklogState, BacklogSummary, null> {
  const fn = "backlogAccumulator";
  assertDate(fn, "asOf", options.asOf);
  const asOf = options.asOf.getTime();
  const create = (): BacklogState => ({
    ages: exactStore(),
    sum: exactSum(),
    counts: new Float64Array(2),
    skipped: { createdAfterAsOf: 0, solvedBeforeCreated: 0 },
  });
  const addRows = (state: BacklogState, _f: null, batch: TicketBatch, rows: Int32Array, count: number): void => {
    for (let k = 0; k < count; k++) {
      const row = rows[k] as number;
      const created = batch.createdAt[row] as number;
      const solvedAt = batch.solvedAt[row] as number;
      const standing = backlogStanding(created, solvedAt, RESOLVED_CODES[batch.status[row] as number] === true, asOf);
      if (standing === BACKLOG_OPEN) storeAdd(state.ages, asOf - created);
      else if (standing === BACKLOG_RESOLVED) {
        exactAdd(state.sum, solvedAt - created);
        state.counts[0] = (state.counts[0] as number) + 1;
      } else if (standing === BACKLOG_RESOLVED_BY_STATUS) state.counts[1] = (state.counts[1] as number) + 1;
      else if (standing === BACKLOG_CREATED_AFTER) (state.skipped.createdAfterAsOf as number)++;
      else (state.skipped.solvedBeforeCreated as number)++;
    }
  };
  return {
    name: BACKLOG,
    facts: COLUMNS,
    columns: BATCH_COLUMNS.solvedAt,
    create,
    add: addOneTicket(fn, COLUMNS, addRows),
    addRows,
    merge(a, b) {
      storeMerge(a.ages, b.ages, fn);
      a.sum = exactMerge(a.sum, b.sum);
      for (let i = 0; i < 2; i++) a.counts[i] = (a.counts[i] as number) + (b.counts[i] as number);
      addCounts(a.skipped, b.skipped);
      return a;
    },
    result(s) {
      const averaged = s.counts[0] as number;
      const byStatus = s.counts[1] as number;
      const threshold = averageResolution(exactValue(s.sum), averaged);
      let over = 0;
      if (threshold !== undefined) {
        const ages = storeValues(s.ages);
        for (let i = 0; i < ages.length; i++) if (isBacklog(ages[i] as number, threshold)) over++;
      }
      return {
        count: threshold === undefined ? undefined : over,
        threshold,
        averagedResolutions: averaged,
        unresolved: s.ages.length,
        resolved: averaged + byStatus,
        resolvedByStatusOnly: byStatus,
        skipped: sortedCounts(s.skipped),
      };
    },
    toJSON: (s): StateJson =>
      stateJson(BACKLOG, 1, {
        ages: Array.from(storeValues(s.ages)),
        sum: exactPartials(s.sum),
        counts: Array.from(s.counts),
        skipped: { ...s.skipped },
      }),
    fromJSON(json) {
      const o = openState(json, BACKLOG, 1);
      const s = create();
      for (const age of readNumbers(o, BACKLOG, "ages")) storeAdd(s.ages, age);
      s.sum = exactFrom(readNumbers(o, BACKLOG, "sum"));
      s.counts.set(readFixed(o, BACKLOG, "counts", 2));
      Object.assign(s.skipped, readCounts(o, BACKLOG, "skipped"));
      return s;
    },
  };
}
