/**
 * Bucket grids: the buckets overlapping a range, clipped to it, with an O(log n) index of an
 * instant (for bulk use, no date-fns per item). Part of the time-bucketing mechanism
 * (./bucket.ts).
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "./errors.ts";
import { bucketEndMs, bucketLabelMs, bucketStartMs, checkBucketing, checkRange, type BucketUnit } from "./bucketEdges.ts";
import { DAY_MS, HOUR_MS, WEEK_MS } from "./time.ts";

/** The most buckets {@link bucketGrid} builds before refusing with `E_BUCKET_LIMIT`. @internal */
export const MAX_BUCKETS = 1_000_000;

/**
 * Buckets overlapping a range, clipped to it: `bounds[0] = from`, `bounds[k]` (0 < k < n) the
 * start of bucket k, `bounds[n] = to`. Bucket k covers `[bounds[k], bounds[k + 1])`; only the
 * first and the last may be partial calendar buckets.
 *
 * @internal
 */
export interface BucketGrid {
  /** The bucket length. */
  readonly unit: BucketUnit;
  /** The IANA time zone. */
  readonly timeZone: string;
  /** `n + 1` boundaries in epoch ms, strictly increasing (empty range: just `[from]`). */
  readonly bounds: Float64Array;
  /** The number of buckets, `n`. */
  readonly length: number;
  /** The calendar start of each bucket (before `from` for a partial first bucket). */
  readonly starts: readonly Date[];
  /** The label of each bucket, as {@link bucketLabel}. */
  readonly labels: readonly string[];
  /** The bucket holding `ms`, or −1 when `ms` is outside `[from, to)` or not a number. */
  indexOf(ms: number): number;
}

/** The usual length of a bucket, to refuse huge ranges before building them. */
const NOMINAL_MS: Readonly<Record<BucketUnit, number>> = { hour: HOUR_MS, day: DAY_MS, week: WEEK_MS, month: 2_629_746_000 };

/** What {@link MAX_BUCKETS} buckets of each unit span, for messages. */
const SPAN: Readonly<Record<BucketUnit, string>> = {
  hour: "about 114 years counted by the hour",
  day: "about 2,737 years counted by the day",
  week: "about 19,165 years counted by the week",
  month: "83,333 years counted by the month",
};

function tooMany(fn: string, unit: BucketUnit, from: Date, to: Date): never {
  throw new MetricRangeError(
    "E_BUCKET_LIMIT",
    `${fn}: the range must hold at most ${String(MAX_BUCKETS)} buckets of one ${unit} each (${SPAN[unit]}), got more: ${from.toISOString()} to ${to.toISOString()}`,
  );
}

/**
 * Builds the {@link BucketGrid} of `[from, to)`. Checks its arguments and throws with `fn`
 * as the function name: `E_TIME_ZONE`, `E_BUCKET_UNIT`, `E_INVALID_DATE`, `E_PERIOD_ORDER`,
 * and `E_BUCKET_LIMIT` beyond {@link MAX_BUCKETS} buckets.
 *
 * @internal
 */
export function bucketGrid(fn: string, from: Date, to: Date, unit: BucketUnit, timeZone: string): BucketGrid {
  checkBucketing(fn, unit, timeZone);
  checkRange(fn, from, to);
  const lo = from.getTime();
  const hi = to.getTime();
  const bounds: number[] = [lo];
  const starts: Date[] = [];
  const labels: string[] = [];
  if ((hi - lo) / NOMINAL_MS[unit] > MAX_BUCKETS) tooMany(fn, unit, from, to);
  if (hi > lo) {
    let start = bucketStartMs(lo, unit, timeZone);
    for (;;) {
      if (starts.length >= MAX_BUCKETS) tooMany(fn, unit, from, to);
      starts.push(new Date(start));
      labels.push(bucketLabelMs(start, unit, timeZone));
      const end = bucketEndMs(start, unit, timeZone);
      if (end >= hi) break;
      bounds.push(end);
      start = end;
    }
    bounds.push(hi);
  }
  const array = Float64Array.from(bounds);
  const n = starts.length;
  return {
    unit,
    timeZone,
    bounds: array,
    length: n,
    starts,
    labels,
    indexOf(ms: number): number {
      if (!(ms >= lo && ms < hi)) return -1;
      let a = 0;
      let b = n - 1;
      while (a < b) {
        const mid = (a + b + 1) >> 1;
        if ((array[mid] as number) <= ms) a = mid;
        else b = mid - 1;
      }
      return a;
    },
  };
}

/**
 * The start of every `unit` bucket that overlaps `[from, to)` in `timeZone`, oldest first;
 * the first is at or before `from`. Empty for `from = to`.
 *
 * @throws `E_TIME_ZONE`, `E_BUCKET_UNIT`, `E_INVALID_DATE`, `E_PERIOD_ORDER`, `E_BUCKET_LIMIT`.
 * @internal
 */
export function bucketRange(from: Date, to: Date, unit: BucketUnit, timeZone: string): Date[] {
  return [...bucketGrid("bucketRange", from, to, unit, timeZone).starts];
}
