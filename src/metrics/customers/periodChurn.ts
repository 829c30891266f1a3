import { MetricRangeError } from "../../_lib/errors.ts";
import { assertDate } from "../../_lib/guards.ts";
import { duplicateIds, emptyTally } from "./_data.ts";
import type { CustomerDataCounts, CustomerIssue, CustomerLifetime, RateResult } from "./types.ts";

/**
 * Options of {@link periodChurn}: the period `[from, to)`.
 *
 * @category Customers
 */
export interface PeriodChurnOptions {
  /** The first instant of the period (inclusive). Required. */
  readonly from: Date;
  /** The end of the period (exclusive); must not be before `from`. Required. */
  readonly to: Date;
}

/**
 * The customer counts of a period, as {@link periodChurn} derives them.
 *
 * @category Customers
 */
export interface PeriodChurnCounts {
  /** Customers at the start: started before `from`, not lost before `from`. */
  readonly atStart: number;
  /** Customers who started during the period. */
  readonly joined: number;
  /** Start customers lost during the period. */
  readonly lostFromStart: number;
  /** Customers who both started and were lost during the period. */
  readonly lostJoined: number;
  /** Customers at the end: started before `to`, not lost before `to`. Equals `atStart + joined − lostFromStart − lostJoined`. */
  readonly atEnd: number;
}

/**
 * The result of {@link periodChurn}.
 *
 * @category Customers
 */
export interface PeriodChurnResult {
  /** Churn over the start customers: `lostFromStart / atStart` (the seed formula). */
  readonly churn: RateResult;
  /**
   * Churn over every customer who could churn in the period:
   * `(lostFromStart + lostJoined) / (atStart + joined)`.
   */
  readonly exposedChurn: RateResult;
  /** Retention: `(atEnd − (joined − lostJoined)) / atStart`, i.e. `1 − churn`. */
  readonly retention: RateResult;
  /** The counts behind the rates. */
  readonly counts: PeriodChurnCounts;
  /** Lifetimes set aside: duplicate ids, and ends before starts. */
  readonly issues: readonly CustomerIssue[];
  /** Lifetimes in and used (the activity fields are 0). */
  readonly records: CustomerDataCounts;
}

/**
 * Churn and retention of a period from customer lifetimes: start customers lost / customers at
 * the start, the same with the customers who joined during the period added to both counts,
 * and the retention rate from the same counts.
 *
 * @param lifetimes - One {@link CustomerLifetime} per customer: its `start`, and its `end`
 * when it was lost (absent while still a customer).
 * @param options - {@link PeriodChurnOptions}: the period `[from, to)`.
 * @returns The two churn rates and the retention rate with their counts; a rate is `undefined`
 * when its denominator is 0.
 * @throws {@link MetricRangeError} `E_INVALID_DATE` if a date is not a valid Date;
 * `E_PERIOD_ORDER` if `to` is before `from`.
 * @remarks An event (a start or an end) at instant t belongs to the period when
 * `from ≤ t < to`; `to = from` is an empty period (nobody joins or is lost). `churn` is the seed formula: its numerator counts only customers who were
 * there at the start, so a customer who joins and leaves inside the period is in neither count.
 * `exposedChurn` counts those customers explicitly (`lostJoined`) and adds everyone who joined
 * to the denominator (every customer who could churn in the period), so churn among new
 * customers shows. `retention` is the
 * seed retention formula with `acquired = joined − lostJoined`, so
 * `churn.rate + retention.rate = 1`. Duplicate ids (every occurrence) and lifetimes ending
 * before they start are set aside and listed in `issues`. Tools differ mainly in the
 * denominator; compare denominators before comparing numbers.
 * @example
 * ```ts
 * const d = (s: string) => new Date(s);
 * const r = periodChurn(
 *   [
 *     { customerId: "a", start: d("2025-12-01T00:00:00Z") },
 *     { customerId: "b", start: d("2025-12-01T00:00:00Z"), end: d("2026-01-15T00:00:00Z") },
 *     { customerId: "c", start: d("2026-01-05T00:00:00Z"), end: d("2026-01-20T00:00:00Z") },
 *   ],
 *   { from: d("2026-01-01T00:00:00Z"), to: d("2026-02-01T00:00:00Z") },
 * );
 * r.churn.rate;        // => 0.5
 * r.exposedChurn.rate; // => 0.6666666666666666
 * r.retention.rate;    // => 0.5
 * r.counts.atEnd;      // => 1
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (churn = lost / customers at start; retention = (end − new) / start)
 * @see {@link https://en.wikipedia.org/wiki/Churn_rate}
 * @category Customers
 */
export function periodChurn(lifetimes: readonly CustomerLifetime[], options: PeriodChurnOptions): PeriodChurnResult {
  const fn = "periodChurn";
  assertDate(fn, "from", options.from);
  assertDate(fn, "to", options.to);
  const from = options.from.getTime();
  const to = options.to.getTime();
  if (to < from) {
    throw new MetricRangeError(
      "E_PERIOD_ORDER",
      `${fn}: to must not be before from (${options.from.toISOString()}), got ${options.to.toISOString()}`,
    );
  }
  const duplicates = duplicateIds(lifetimes.map((l) => l.customerId));
  const issues: CustomerIssue[] = [];
  const tally = emptyTally();
  let atStart = 0;
  let joined = 0;
  let lostFromStart = 0;
  let lostJoined = 0;
  let used = 0;
  lifetimes.forEach((lifetime, row) => {
    assertDate(fn, "start", lifetime.start);
    if (lifetime.end !== undefined) assertDate(fn, "end", lifetime.end);
    const start = lifetime.start.getTime();
    const end = lifetime.end === undefined ? Infinity : lifetime.end.getTime();
    const reason = duplicates.has(lifetime.customerId) ? "duplicate-customer" : end < start ? "end-before-start" : undefined;
    if (reason !== undefined) {
      issues.push({ list: "customers", row, customerId: lifetime.customerId, reason });
      tally[reason]++;
      return;
    }
    used++;
    const lostInPeriod = end >= from && end < to;
    if (start < from && end >= from) {
      atStart++;
      if (lostInPeriod) lostFromStart++;
    } else if (start >= from && start < to) {
      joined++;
      if (lostInPeriod) lostJoined++;
    }
  });
  const atEnd = atStart + joined - lostFromStart - lostJoined;
  const rate = (numerator: number, denominator: number): RateResult => ({
    rate: denominator === 0 ? undefined : numerator / denominator,
    numerator,
    denominator,
  });
  return {
    churn: rate(lostFromStart, atStart),
    exposedChurn: rate(lostFromStart + lostJoined, atStart + joined),
    retention: rate(atEnd - (joined - lostJoined), atStart),
    counts: { atStart, joined, lostFromStart, lostJoined, atEnd },
    issues,
    records: { customers: lifetimes.length, usedCustomers: used, activity: 0, usedActivity: 0, issues: tally },
  };
}
