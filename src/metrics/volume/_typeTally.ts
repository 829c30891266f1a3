import { MetricRangeError } from "../../_lib/errors.ts";
import { assertDate } from "../../_lib/guards.ts";
import { groupFold, type Accumulator } from "../../_lib/group.ts";
import type { Ticket } from "../../models/ticket.ts";
import { isValidDate } from "./_timeline.ts";

/**
 * A half-open time span `[from, to)` of ticket creation times, for comparing ticket types
 * between two periods.
 *
 * @category Volume
 */
export interface TypePeriod {
  /** The start (inclusive). */
  readonly from: Date;
  /** The end (exclusive); not before `from`. */
  readonly to: Date;
}

/** Throws `E_INVALID_DATE` / `E_PERIOD_ORDER` for a bad `name` period. @internal */
export function checkPeriod(fn: string, name: string, period: TypePeriod): void {
  assertDate(fn, `${name}.from`, period.from);
  assertDate(fn, `${name}.to`, period.to);
  if (period.to.getTime() < period.from.getTime()) {
    throw new MetricRangeError(
      "E_PERIOD_ORDER",
      `${fn}: ${name}.to must not be before ${name}.from (${period.from.toISOString()}), got ${period.to.toISOString()}`,
    );
  }
}

/** One ticket placed in the two periods. @internal */
interface Placed {
  readonly type: string | undefined;
  readonly at: number;
  readonly inBaseline: boolean;
  readonly inPeriod: boolean;
}

/** Per type: tickets in the baseline, in the period, and the first creation in the period. @internal */
export interface TypeTally {
  baseline: number;
  period: number;
  firstSeen: number;
}

const tally: Accumulator<Placed, TypeTally, TypeTally> = {
  create: () => ({ baseline: 0, period: 0, firstSeen: Infinity }),
  add: (acc, item) => {
    if (item.inBaseline) acc.baseline++;
    if (item.inPeriod) {
      acc.period++;
      if (item.at < acc.firstSeen) acc.firstSeen = item.at;
    }
  },
  merge: (a, b) => {
    a.baseline += b.baseline;
    a.period += b.period;
    a.firstSeen = Math.min(a.firstSeen, b.firstSeen);
    return a;
  },
  result: (acc) => acc,
};

/** The result of {@link tallyTypes}. @internal */
export interface TypeTallies {
  /** Per type key ({@link MISSING_KEY} for no type). */
  readonly groups: Map<string, TypeTally>;
  /** Tickets in the baseline / in the period. */
  readonly baseline: number;
  readonly period: number;
  /** Tickets with an invalid `createdAt`. */
  readonly invalidCreatedAt: number;
  /** Tickets created in neither period. */
  readonly outsideBoth: number;
}

/**
 * Counts tickets per type (`type`, missing → `"(none)"`) in two periods, in one pass through
 * the grouping mechanism. A ticket in both periods (they may overlap) counts in both.
 *
 * @internal
 */
export function tallyTypes(tickets: readonly Ticket[], baseline: TypePeriod, period: TypePeriod): TypeTallies {
  const b0 = baseline.from.getTime();
  const b1 = baseline.to.getTime();
  const p0 = period.from.getTime();
  const p1 = period.to.getTime();
  let invalidCreatedAt = 0;
  let outsideBoth = 0;
  let inBaselineTotal = 0;
  let inPeriodTotal = 0;
  function* placed(): Generator<Placed> {
    for (const ticket of tickets) {
      if (!isValidDate(ticket.createdAt)) {
        invalidCreatedAt++;
        continue;
      }
      const at = ticket.createdAt.getTime();
      const inBaseline = at >= b0 && at < b1;
      const inPeriod = at >= p0 && at < p1;
      if (!inBaseline && !inPeriod) {
        outsideBoth++;
        continue;
      }
      if (inBaseline) inBaselineTotal++;
      if (inPeriod) inPeriodTotal++;
      yield { type: ticket.type, at, inBaseline, inPeriod };
    }
  }
  const groups = groupFold(placed(), (p) => p.type, tally);
  return { groups, baseline: inBaselineTotal, period: inPeriodTotal, invalidCreatedAt, outsideBoth };
}
