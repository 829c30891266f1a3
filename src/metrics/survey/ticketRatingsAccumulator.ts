/**
 * CSAT from the satisfaction ratings helpdesks keep on each ticket (Zendesk good / bad,
 * Freshdesk survey results, Intercom conversation ratings), as a ticket metric: each rating is
 * judged by the CSAT rule of `csatSatisfied` on its own scale, and the survey response rate is
 * rated tickets / tickets whose survey was offered.
 *
 * @module
 */
import { openState, readCount, readCounts, readObject, stateJson, type StateJson } from "../../_lib/accumulator.ts";
import { addCounts, bump, sortedCounts, zeroCounts } from "../../_lib/counts.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { COLUMNS, RATING_NO_SCALE, RATING_OFFERED, type TicketBatch, type TicketMetric } from "../../models/ticketBatch.ts";
import { addOneTicket, BATCH_COLUMNS } from "../../models/pushTicket.ts";
import { confidenceLevelOf } from "../stats/confidence.ts";
import { wilsonInterval } from "../stats/wilsonInterval.ts";
import { addCsatScore, csatResult, mergeCsat, readCsatCounts, type CsatState } from "./csatAccumulator.ts";
import type { SurveyCsatSummary } from "./surveyResponsesAccumulator.ts";

/**
 * Options of {@link ticketRatingsAccumulator}.
 *
 * @category Survey
 */
export interface TicketRatingsAccumulatorOptions {
  /** The confidence level of the CSAT's Wilson interval, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number | undefined;
}

/**
 * CSAT and the survey response rate of the ratings on a set of tickets.
 *
 * @category Survey
 */
export interface TicketRatingsSummary {
  /** CSAT of the usable ratings with its Wilson interval; `undefined` without any. */
  readonly csat: SurveyCsatSummary | undefined;
  /** Tickets whose survey was offered: `satisfactionOffered`, or any rating. */
  readonly offered: number;
  /** Tickets with a usable rating (the CSAT's `total`). */
  readonly rated: number;
  /** `rated / offered`; `undefined` when no survey was offered. */
  readonly responseRate: number | undefined;
  /** Ratings not used, by reason: `noScale` (a number without `satisfactionScale`), `offScale` (outside its scale). */
  readonly skipped: Readonly<Record<string, number>>;
}

/**
 * The running state of {@link ticketRatingsAccumulator}.
 *
 * @category Survey
 */
export interface TicketRatingsState {
  /** CSAT counts. @internal */
  readonly csat: CsatState;
  /** Tickets offered a survey. @internal */
  offered: number;
  /** Unused ratings by reason. @internal */
  readonly skipped: Record<string, number>;
}

const KIND = "ticketRatings";
const SKIPS = ["noScale", "offScale"];

/**
 * CSAT from the satisfaction ratings on tickets, as an accumulator: satisfied ratings / usable
 * ratings, each judged on its own scale (`"good"` / `"bad"` on 0–1; a number on its
 * `satisfactionScale`: the top two points of a scale of 5 or more points, the top point of a
 * smaller one), with the survey response rate rated / offered.
 *
 * @param options - {@link TicketRatingsAccumulatorOptions}.
 * @returns The accumulator (a ticket metric: `add(state, ticket)`, or batch-wise in a report);
 *   its `result` is a {@link TicketRatingsSummary}.
 * @throws {@link MetricRangeError} `E_CONFIDENCE_LEVEL`; while adding, `E_INVALID_DATE` and
 *   `E_UNKNOWN_STATUS` naming the ticket; `E_STATE_FORMAT` from `fromJSON`.
 * @remarks A ticket is offered when `satisfactionOffered` is true or it has a rating (Zendesk
 * exports `offered` for a survey sent and not answered). A numeric rating without a scale, or
 * outside it, is counted in `skipped` and not in CSAT. Zendesk's own satisfaction score is
 * good / (good + bad), which this equals on good/bad ratings.
 * @example
 * ```ts
 * const acc = ticketRatingsAccumulator();
 * const s = acc.create();
 * const createdAt = new Date("2026-01-05T09:00:00Z");
 * acc.add(s, { id: "1", createdAt, status: "solved", satisfaction: "good" });
 * acc.add(s, { id: "2", createdAt, status: "solved", satisfaction: 4, satisfactionScale: { min: 1, max: 5 } });
 * acc.add(s, { id: "3", createdAt, status: "solved", satisfaction: "bad" });
 * acc.add(s, { id: "4", createdAt, status: "solved", satisfactionOffered: true });
 * acc.result(s).csat?.score;     // => 0.6666666666666666
 * acc.result(s).responseRate;    // => 0.75
 * ```
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408886173338 | Zendesk: About CSAT (good / (good + bad); offered surveys)}
 * @category Survey
 */
export function ticketRatingsAccumulator(
  options?: TicketRatingsAccumulatorOptions,
): TicketMetric<TicketRatingsState, TicketRatingsSummary, null> {
  const fn = "ticketRatingsAccumulator";
  const confidenceLevel = confidenceLevelOf(fn, options?.confidenceLevel);
  const create = (): TicketRatingsState => ({ csat: { satisfied: 0, total: 0 }, offered: 0, skipped: zeroCounts(SKIPS) });
  const addRows = (state: TicketRatingsState, _f: null, batch: TicketBatch, rows: Int32Array, count: number): void => {
    for (let k = 0; k < count; k++) {
      const row = rows[k] as number;
      const flags = batch.ratingFlags[row] as number;
      if ((flags & RATING_OFFERED) === 0) continue;
      state.offered++;
      if ((flags & RATING_NO_SCALE) !== 0) {
        bump(state.skipped, "noScale");
        continue;
      }
      const score = batch.rating[row] as number;
      if (Number.isNaN(score)) continue;
      const min = batch.ratingMin[row] as number;
      const max = batch.ratingMax[row] as number;
      if (!(score >= min && score <= max && min < max)) bump(state.skipped, "offScale");
      else addCsatScore(state.csat, score, { min, max });
    }
  };
  return {
    name: KIND,
    facts: COLUMNS,
    columns: BATCH_COLUMNS.rating,
    create,
    add: addOneTicket(fn, COLUMNS, addRows),
    addRows,
    merge(a, b) {
      mergeCsat(a.csat, b.csat);
      a.offered += b.offered;
      addCounts(a.skipped, b.skipped);
      return a;
    },
    result(s) {
      const c = csatResult(s.csat);
      const w = c === undefined ? undefined : wilsonInterval(c.satisfied, c.total, { confidenceLevel });
      return {
        csat:
          c === undefined || w === undefined
            ? undefined
            : { ...c, interval: { lower: w.lower, upper: w.upper, confidenceLevel: w.confidenceLevel, method: w.method } },
        offered: s.offered,
        rated: s.csat.total,
        responseRate: s.offered === 0 ? undefined : s.csat.total / s.offered,
        skipped: sortedCounts(s.skipped),
      };
    },
    toJSON: (s): StateJson =>
      stateJson(KIND, 1, { csat: { satisfied: s.csat.satisfied, total: s.csat.total }, offered: s.offered, skipped: { ...s.skipped } }),
    fromJSON(json) {
      const o = openState(json, KIND, 1);
      const s = create();
      Object.assign(s.csat, readCsatCounts(readObject(o, KIND, "csat"), KIND));
      s.offered = readCount(o, KIND, "offered");
      Object.assign(s.skipped, readCounts(o, KIND, "skipped"));
      let unused = 0;
      for (const n of Object.values(s.skipped)) unused += n;
      if (s.csat.total + unused > s.offered) {
        throw new MetricRangeError(
          "E_STATE_FORMAT",
          `${KIND}.fromJSON: offered must be at least the ratings counted (${String(s.csat.total + unused)}), got ${String(s.offered)}`,
        );
      }
      return s;
    },
  };
}
