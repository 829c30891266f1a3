/**
 * THE time-bucketing mechanism of cx-metrics. Every metric, the report and the CLI put
 * instants into calendar buckets through this module, never through a loop of their own.
 *
 * A bucket is a maximal interval `[start, end)` of instants that share, in an explicit IANA
 * time zone:
 *
 * - `hour`: the local date, the local hour AND the UTC offset. A spring-forward day therefore
 *   has 23 hourly buckets and a fall-back day 25: the repeated 01:00 hour is two buckets,
 *   told apart by the offset in their labels (`…T01:00-07:00`, `…T01:00-08:00`).
 * - `day`: the local date. Its start is local midnight, or the first instant of the date when
 *   midnight does not exist (a DST change at 00:00, as in America/Santiago).
 * - `week`: the ISO week (Monday to Sunday) of the local date.
 * - `month`: the local calendar month.
 *
 * API (all instants are `Date` or epoch milliseconds; nothing reads the host time zone):
 *
 * - {@link bucketStart}`(date, unit, timeZone): Date` and {@link bucketEnd} — the bucket holding an instant.
 * - {@link bucketLabel}`(date, unit, timeZone): string` — `2026-03-08T03:00-07:00`,
 *   `2026-03-08`, `2026-W10`, `2026-03`.
 * - {@link bucketRange}`(from, to, unit, timeZone): Date[]` — the start of every bucket that
 *   overlaps `[from, to)`, so empty buckets can be shown with zeros.
 * - {@link bucketGrid}`(fn, from, to, unit, timeZone): BucketGrid` — the same buckets clipped
 *   to `[from, to)` as a boundary array, with an O(log n) `indexOf(ms)` for bulk use (no
 *   date-fns per item).
 * - {@link bucketer}`(unit, timeZone): Bucketer` — free bucketing (no range) of any instant.
 * - {@link bucketIndex}`(ms, unit, timeZone): number` — consecutive numbers of day, week and
 *   month buckets (whole buckets between two instants = the difference).
 * - {@link hourOfWeek}`(ms, timeZone): number` — the local hour of the week, Monday 00 = 0.
 * - {@link wallClock}`(ms, timeZone): Date` — the local fields of an instant, read with UTC getters.
 * - {@link checkBucketing} — the argument checks (`E_TIME_ZONE`, `E_BUCKET_UNIT`,
 *   `E_INVALID_DATE`, `E_PERIOD_ORDER`, `E_BUCKET_LIMIT`) with the caller's function name.
 *
 * The mechanism is split by concept: bucket edges, labels and the argument checks in
 * ./bucketEdges.ts, grids in ./bucketGrid.ts, hours of the week in ./hourOccurrences.ts; this
 * module is the entry point and re-exports them.
 *
 * How (and why it is fast): the only time-zone data used is the zone's UTC offset and its
 * offset changes, from the zone module (./zone.ts), which finds each zone's changes once and
 * caches them; every bucket start, end and label is then plain arithmetic on the wall clock
 * (instant + offset), with no Intl or date-fns call per item. Near an offset change the bucket
 * edges are walked change by change, so a missing local midnight or a repeated hour is
 * handled exactly. (`startOfHour` on a `TZDate` would put the second 01:30 of a fall-back
 * night in the first 01:00 bucket; the tests compare days, weeks and months against date-fns
 * on `TZDate` and hours against Intl.) Buckets are assumed contiguous (a local date never
 * comes back after the next one started).
 *
 * @internal
 * @module
 */
import { assertDate } from "./guards.ts";
import { bucketEndMs, bucketLabelMs, bucketStartMs, checkBucketing, type BucketUnit } from "./bucketEdges.ts";
import { civilFromDays, DAY_MS, HOUR_MS } from "./time.ts";
import { offsetAt } from "./zone.ts";

export { BUCKET_UNITS, checkBucketing, checkRange, type BucketUnit } from "./bucketEdges.ts";
export { bucketGrid, bucketRange, MAX_BUCKETS, type BucketGrid } from "./bucketGrid.ts";
export { hourOccurrences, hourOfWeek } from "./hourOccurrences.ts";
export { wallClock } from "./zone.ts";

/**
 * A {@link BucketUnit} whose buckets can be numbered one after another: `day`, `week` or
 * `month` (not `hour`: a fall-back night repeats a local hour).
 *
 * @internal
 */
export type CalendarUnit = Exclude<BucketUnit, "hour">;

/** Day number (since 1970-01-01) of Monday 1970-01-05, where week index 0 starts. */
const FIRST_MONDAY = 4;

/**
 * The number of the `unit` bucket holding `ms` in `timeZone`: local days since 1970-01-01
 * for `day`, ISO weeks since the week of Monday 1970-01-05 for `week`, months since 0000-01
 * (year × 12 + month − 1) for `month`. Consecutive buckets have consecutive numbers, so the
 * whole buckets between two instants are the difference of their numbers; earlier instants
 * get negative numbers. Arguments are not checked here; call {@link checkBucketing} first.
 *
 * @example
 * ```ts
 * bucketIndex(Date.parse("2026-03-01T02:00:00Z"), "month", "America/Los_Angeles"); // => 24313 (2026-02)
 * bucketIndex(Date.parse("1970-01-05T00:00:00Z"), "week", "UTC");                  // => 0
 * ```
 * @internal
 */
export function bucketIndex(ms: number, unit: CalendarUnit, timeZone: string): number {
  const day = Math.floor((ms + offsetAt(timeZone, ms)) / DAY_MS);
  if (unit === "day") return day;
  if (unit === "week") return Math.floor((day - FIRST_MONDAY) / 7);
  const { y, m } = civilFromDays(day);
  return y * 12 + m - 1;
}

/**
 * Free bucketing (no range): the bucket of any instant, by arithmetic on the zone's cached
 * offset changes. The last bucket found is reused while instants stay in it.
 *
 * @internal
 */
export interface Bucketer {
  /** The bucket length. */
  readonly unit: BucketUnit;
  /** The IANA time zone. */
  readonly timeZone: string;
  /** The start (epoch ms) of the bucket holding `ms`. */
  start(ms: number): number;
  /** The end (epoch ms, exclusive) of the bucket holding `ms`. */
  end(ms: number): number;
  /** The label of the bucket holding `ms`. */
  label(ms: number): string;
}

const bucketers = new Map<string, Bucketer>();

/**
 * The {@link Bucketer} for `unit` in `timeZone` (one per pair, kept for the session).
 * Arguments are not checked here; call {@link checkBucketing} first.
 *
 * @internal
 */
let lastBucketer: Bucketer | undefined;

export function bucketer(unit: BucketUnit, timeZone: string): Bucketer {
  // Callers ask per event; the same pair is asked again and again.
  if (lastBucketer !== undefined && lastBucketer.unit === unit && lastBucketer.timeZone === timeZone) return lastBucketer;
  const key = `${unit} ${timeZone}`;
  let found = bucketers.get(key);
  if (found === undefined) {
    found = createBucketer(unit, timeZone);
    if (bucketers.size >= 256) bucketers.clear();
    bucketers.set(key, found);
  }
  lastBucketer = found;
  return found;
}

/** Slots of a bucketer's cache of located buckets. */
const SLOTS = 1024;

function createBucketer(unit: BucketUnit, timeZone: string): Bucketer {
  // A direct-mapped cache of located buckets, indexed by the UTC hour (unit hour) or day of
  // the instant; a slot answers only when the instant lies in its [start, end), so the cache
  // is exact whatever the zone's offsets and changes.
  const starts = new Float64Array(SLOTS).fill(NaN);
  const ends = new Float64Array(SLOTS).fill(NaN);
  const labels: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  const step = unit === "hour" ? HOUR_MS : DAY_MS;
  const locate = (ms: number): number => {
    const slot = Math.floor(ms / step) & (SLOTS - 1);
    if (ms >= (starts[slot] as number) && ms < (ends[slot] as number)) return slot;
    const start = bucketStartMs(ms, unit, timeZone);
    starts[slot] = start;
    ends[slot] = bucketEndMs(start, unit, timeZone);
    labels[slot] = undefined;
    return slot;
  };
  return {
    unit,
    timeZone,
    start: (ms) => starts[locate(ms)] as number,
    end: (ms) => ends[locate(ms)] as number,
    label: (ms) => {
      const slot = locate(ms);
      let label = labels[slot];
      if (label === undefined) {
        label = bucketLabelMs(starts[slot] as number, unit, timeZone);
        labels[slot] = label;
      }
      return label;
    },
  };
}

/**
 * The start of the `unit` bucket that holds `date`, in `timeZone` (see the module comment
 * for what a bucket is).
 *
 * @internal
 */
export function bucketStart(date: Date, unit: BucketUnit, timeZone: string): Date {
  checkBucketing("bucketStart", unit, timeZone);
  assertDate("bucketStart", "date", date);
  return new Date(bucketer(unit, timeZone).start(date.getTime()));
}

/**
 * The end (exclusive; the next bucket's start) of the `unit` bucket that holds `date`.
 *
 * @internal
 */
export function bucketEnd(date: Date, unit: BucketUnit, timeZone: string): Date {
  checkBucketing("bucketEnd", unit, timeZone);
  assertDate("bucketEnd", "date", date);
  return new Date(bucketer(unit, timeZone).end(date.getTime()));
}

/**
 * The label of the `unit` bucket holding `date`: `2026-03-08T03:00-07:00` (local start and
 * UTC offset) for hours, `2026-03-08` for days, `2026-W10` (ISO week-numbering year) for
 * weeks, `2026-03` for months. Labels sort in time order within one offset; hour labels of a
 * fall-back night differ only by their offset.
 *
 * @internal
 */
export function bucketLabel(date: Date, unit: BucketUnit, timeZone: string): string {
  checkBucketing("bucketLabel", unit, timeZone);
  assertDate("bucketLabel", "date", date);
  return bucketer(unit, timeZone).label(date.getTime());
}
