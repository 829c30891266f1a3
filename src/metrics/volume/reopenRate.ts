/**
 * Reopen rate: of the tickets solved at least once, the share reopened at least once, and the
 * reopens per solved ticket, from each ticket's `reopens` count.
 *
 * @module
 */
import { foldInto, openState, readCount, readCounts, stateJson, type StateJson } from "../../_lib/accumulator.ts";
import { addCounts, bump, sortedCounts, zeroCounts } from "../../_lib/counts.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { isResolvedStatus, TICKET_STATUSES, type Ticket } from "../../models/ticket.ts";
import { COLUMNS, type TicketBatch, type TicketMetric } from "../../models/ticketBatch.ts";
import { addOneTicket, BATCH_COLUMNS } from "../../models/pushTicket.ts";
import { confidenceLevelOf } from "../stats/confidence.ts";
import { assertDate } from "../../_lib/guards.ts";
import { reopenEvents } from "../time/handoffs.ts";
import { wilsonInterval, type WilsonInterval } from "../stats/wilsonInterval.ts";

/**
 * Options of {@link reopenRate} and {@link reopenRateAccumulator}.
 *
 * @category Volume
 */
export interface ReopenRateOptions {
  /** The confidence level of the rate's Wilson interval, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number | undefined;
  /**
   * Where the reopens come from: `"reopens"` (default), the ticket's `reopens` count; or
   * `"statusHistory"`, the reopen events of its status history (`reopenEvents`: solved → an
   * unresolved status), tickets without a history skipped as `noStatusHistory`.
   */
  readonly from?: "reopens" | "statusHistory" | undefined;
}

/**
 * The reopen rate of a set of tickets.
 *
 * @category Volume
 */
export interface ReopenRateSummary {
  /** `reopened / solved`, from 0 to 1; `undefined` when no ticket was solved. */
  readonly rate: number | undefined;
  /** Tickets solved at least once (with a `reopens` count). */
  readonly solved: number;
  /** Of those, tickets reopened at least once. */
  readonly reopened: number;
  /** Reopens counted on the solved tickets. */
  readonly reopens: number;
  /** `reopens / solved`; `undefined` when no ticket was solved. */
  readonly reopensPerTicket: number | undefined;
  /** The Wilson interval of `rate`; `undefined` when no ticket was solved. */
  readonly interval: WilsonInterval | undefined;
  /** Tickets left out, by reason: `noReopenData` (no `reopens` count; `noStatusHistory` with `from: "statusHistory"`), `neverSolved`. */
  readonly skipped: Readonly<Record<string, number>>;
}

/**
 * The running state of {@link reopenRateAccumulator}.
 *
 * @category Volume
 */
export interface ReopenRateState {
  /** Solved tickets. @internal */
  solved: number;
  /** Reopened tickets. @internal */
  reopened: number;
  /** Reopens. @internal */
  reopens: number;
  /** Skips by reason. @internal */
  readonly skipped: Record<string, number>;
}

const REOPENS_KIND = "reopenRate";
const RESOLVED_CODES: readonly boolean[] = TICKET_STATUSES.map(isResolvedStatus);

/**
 * Reopen rate as an accumulator: tickets reopened at least once / tickets solved at least once,
 * and reopens per solved ticket.
 *
 * @param options - {@link ReopenRateOptions}.
 * @returns The accumulator (a ticket metric); its `result` is a {@link ReopenRateSummary}.
 * @throws {@link MetricRangeError} `E_CONFIDENCE_LEVEL`; `E_OPTION_VALUE` for another `from`; while adding, `E_INVALID_DATE` and
 *   `E_UNKNOWN_STATUS` naming the ticket; `E_STATE_FORMAT` from `fromJSON`.
 * @remarks Reads `reopens`, `status` and `firstSolvedAt`. A ticket was solved at least once
 * when it is solved or closed now, has a `firstSolvedAt`, or was reopened (a reopen follows a
 * solve). With `from: "statusHistory"` the reopens are the history's reopen events, and a
 * resolved entry in the history also counts as a solve. Tickets without a `reopens` count are skipped (`noReopenData`), never counted as not
 * reopened; tickets never solved are skipped (`neverSolved`).
 * @example
 * ```ts
 * const acc = reopenRateAccumulator();
 * const s = acc.create();
 * const createdAt = new Date("2026-01-05T09:00:00Z");
 * acc.add(s, { id: "1", createdAt, status: "solved", reopens: 0 });
 * acc.add(s, { id: "2", createdAt, status: "solved", reopens: 2 });
 * acc.add(s, { id: "3", createdAt, status: "open", reopens: 1 });
 * acc.add(s, { id: "4", createdAt, status: "open", reopens: 0 });
 * acc.result(s).rate;             // => 0.6666666666666666
 * acc.result(s).reopensPerTicket; // => 1
 * acc.result(s).skipped;          // => { neverSolved: 1, noReopenData: 0 }
 * ```
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408821871642 | Zendesk: ticket metrics (Reopens)}
 * @category Volume
 */
export function reopenRateAccumulator(options?: ReopenRateOptions): TicketMetric<ReopenRateState, ReopenRateSummary, null> {
  return reopenRateFor("reopenRateAccumulator", options);
}

function reopenRateFor(fn: string, options: ReopenRateOptions | undefined): TicketMetric<ReopenRateState, ReopenRateSummary, null> {
  const confidenceLevel = confidenceLevelOf(fn, options?.confidenceLevel);
  const from = options?.from ?? "reopens";
  if (from !== "reopens" && from !== "statusHistory") {
    throw new MetricRangeError(
      "E_OPTION_VALUE",
      `${fn}: from must be "reopens" or "statusHistory", got ${JSON.stringify(from) ?? String(from)}`,
    );
  }
  const events = from === "statusHistory";
  const KIND = events ? "reopenRateEvents" : REOPENS_KIND;
  const noData = events ? "noStatusHistory" : "noReopenData";
  const create = (): ReopenRateState => ({ solved: 0, reopened: 0, reopens: 0, skipped: zeroCounts([noData, "neverSolved"]) });
  const addRows = (state: ReopenRateState, _f: null, batch: TicketBatch, rows: Int32Array, count: number): void => {
    for (let k = 0; k < count; k++) {
      const row = rows[k] as number;
      const history = events ? batch.statusHistory[row] : undefined;
      if (history !== undefined)
        history.forEach((c, i) => assertDate(fn, `statusHistory[${String(i)}].at of ticket ${String(batch.id[row])}`, c.at));
      const reopens = events ? (history === undefined ? Number.NaN : reopenEvents(history)) : (batch.reopens[row] as number);
      if (Number.isNaN(reopens)) {
        bump(state.skipped, noData);
        continue;
      }
      const solvedOnce =
        reopens > 0 ||
        RESOLVED_CODES[batch.status[row] as number] === true ||
        !Number.isNaN(batch.firstSolvedAt[row] as number) ||
        history?.some((c) => isResolvedStatus(c.status)) === true;
      if (!solvedOnce) {
        bump(state.skipped, "neverSolved");
        continue;
      }
      state.solved++;
      state.reopens += reopens;
      if (reopens > 0) state.reopened++;
    }
  };
  return {
    name: KIND,
    facts: COLUMNS,
    columns: BATCH_COLUMNS.counts | BATCH_COLUMNS.firstSolvedAt | (events ? BATCH_COLUMNS.statusHistory : 0),
    create,
    add: addOneTicket(fn, COLUMNS, addRows),
    addRows,
    merge(a, b) {
      a.solved += b.solved;
      a.reopened += b.reopened;
      a.reopens += b.reopens;
      addCounts(a.skipped, b.skipped);
      return a;
    },
    result: (s) => ({
      rate: s.solved === 0 ? undefined : s.reopened / s.solved,
      solved: s.solved,
      reopened: s.reopened,
      reopens: s.reopens,
      reopensPerTicket: s.solved === 0 ? undefined : s.reopens / s.solved,
      interval: wilsonInterval(s.reopened, s.solved, { confidenceLevel }),
      skipped: sortedCounts(s.skipped),
    }),
    toJSON: (s): StateJson => stateJson(KIND, 1, { solved: s.solved, reopened: s.reopened, reopens: s.reopens, skipped: { ...s.skipped } }),
    fromJSON(json) {
      const o = openState(json, KIND, 1);
      const s = create();
      s.solved = readCount(o, KIND, "solved");
      s.reopened = readCount(o, KIND, "reopened");
      s.reopens = readCount(o, KIND, "reopens");
      if (s.reopened > s.solved || s.reopens < s.reopened) {
        throw new MetricRangeError(
          "E_STATE_FORMAT",
          `${KIND}.fromJSON: reopened must be at most solved and at most reopens, got solved ${String(s.solved)}, reopened ${String(s.reopened)}, reopens ${String(s.reopens)}`,
        );
      }
      Object.assign(s.skipped, readCounts(o, KIND, "skipped"));
      return s;
    },
  };
}

/**
 * Reopen rate of a set of tickets: tickets reopened at least once / tickets solved at least
 * once, with the reopens per solved ticket; a fold of {@link reopenRateAccumulator}.
 *
 * @param tickets - The tickets; reads `reopens`, `status` and `firstSolvedAt`.
 * @param options - {@link ReopenRateOptions}.
 * @returns The {@link ReopenRateSummary}; `rate` is `undefined` when no ticket was solved.
 * @throws {@link MetricRangeError} `E_CONFIDENCE_LEVEL`; `E_INVALID_DATE`, `E_UNKNOWN_STATUS` naming the ticket.
 * @remarks As {@link reopenRateAccumulator}: tickets without a `reopens` count are skipped, not
 * counted as never reopened.
 * @example
 * ```ts
 * const createdAt = new Date("2026-01-05T09:00:00Z");
 * reopenRate([
 *   { id: "1", createdAt, status: "solved", reopens: 1 },
 *   { id: "2", createdAt, status: "closed", reopens: 0 },
 * ]).rate; // => 0.5
 * ```
 * @see {@link https://support.zendesk.com/hc/en-us/articles/4408821871642 | Zendesk: ticket metrics (Reopens)}
 * @category Volume
 */
export function reopenRate(tickets: readonly Ticket[], options?: ReopenRateOptions): ReopenRateSummary {
  const acc = reopenRateFor("reopenRate", options);
  return acc.result(foldInto(acc, tickets));
}
