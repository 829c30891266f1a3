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
import { MetricRangeError } from "./errors.ts";
import { assertDate } from "./guards.ts";
import { civilFromDays, DAY_MS, daysFromCivil, HOUR_MS, MINUTE_MS, WEEK_MS } from "./time.ts";
import { firstChangeIn, isValidTimeZone, lastChangeIn, offsetAt, wallClock } from "./zone.ts";

export { wallClock };

/**
 * A calendar bucket length: `hour`, `day`, `week` (ISO, Monday first) or `month`.
 *
 * @category Volume
 */
export type BucketUnit = "hour" | "day" | "week" | "month";

/** Every {@link BucketUnit}, shortest first. @internal */
export const BUCKET_UNITS: readonly BucketUnit[] = ["hour", "day", "week", "month"];

/** The most buckets {@link bucketGrid} builds before refusing with `E_BUCKET_LIMIT`. @internal */
export const MAX_BUCKETS = 1_000_000;

/** The wall-clock start of the calendar unit holding wall time `w` (hours excluded). */
function floorWall(w: number, unit: Exclude<BucketUnit, "hour">): number {
  const day = Math.floor(w / DAY_MS);
  if (unit === "day") return day * DAY_MS;
  if (unit === "week") return (day - ((((day + 3) % 7) + 7) % 7)) * DAY_MS; // 1970-01-01 was a Thursday
  const { y, m } = civilFromDays(day);
  return daysFromCivil(y, m, 1) * DAY_MS;
}

/** The wall-clock start of the next unit after the one starting at wall time `w0`. */
function nextWall(w0: number, unit: Exclude<BucketUnit, "hour">): number {
  if (unit === "day") return w0 + DAY_MS;
  if (unit === "week") return w0 + WEEK_MS;
  const { y, m } = civilFromDays(Math.floor(w0 / DAY_MS));
  return (m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1)) * DAY_MS;
}

function startMs(ms: number, unit: BucketUnit, timeZone: string): number {
  let off = offsetAt(timeZone, ms);
  if (unit === "hour") {
    const candidate = Math.floor((ms + off) / HOUR_MS) * HOUR_MS - off;
    // An offset change inside the local hour starts a new bucket.
    return lastChangeIn(timeZone, candidate, ms) ?? candidate;
  }
  const w0 = floorWall(ms + off, unit);
  let hi = ms;
  for (;;) {
    const candidate = w0 - off;
    // A change AT the candidate counts too: a fall-back onto the boundary (01:00 → 00:00 in
    // America/Havana, Atlantic/Azores) repeats the start, and the bucket begins at the first one.
    const change = lastChangeIn(timeZone, candidate - 1, hi);
    if (change === undefined) return candidate;
    const offBefore = offsetAt(timeZone, change - 1);
    // A gap skipped the wall-clock start (no local midnight): the bucket starts at the change.
    if (change - 1 + offBefore < w0) return change;
    hi = change - 1;
    off = offBefore;
  }
}

function endMs(start: number, unit: BucketUnit, timeZone: string): number {
  let off = offsetAt(timeZone, start);
  if (unit === "hour") {
    const candidate = Math.floor((start + off) / HOUR_MS) * HOUR_MS + HOUR_MS - off;
    return firstChangeIn(timeZone, start, candidate) ?? candidate;
  }
  const w1 = nextWall(floorWall(start + off, unit), unit);
  let lo = start;
  for (;;) {
    const candidate = w1 - off;
    const change = firstChangeIn(timeZone, lo, candidate);
    if (change === undefined) return candidate;
    off = offsetAt(timeZone, change);
    // A change that jumps the wall clock past the boundary ends the bucket at once.
    if (change + off >= w1) return change;
    lo = change;
  }
}

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
 * The local hour of the week of `ms` in `timeZone`, Monday first: weekday × 24 + hour, with
 * Monday 0 … Sunday 6, so 0 is Monday 00:00–00:59 and 167 is Sunday 23:00–23:59. Both
 * 01:00 hours of a fall-back night are the same hour of the week. Arguments are not
 * checked here.
 *
 * @example
 * ```ts
 * hourOfWeek(Date.parse("2026-03-02T11:30:00Z"), "Asia/Jerusalem"); // => 13 (Monday 13:30)
 * ```
 * @internal
 */
export function hourOfWeek(ms: number, timeZone: string): number {
  const local = ms + offsetAt(timeZone, ms);
  const day = Math.floor(local / DAY_MS);
  // 1970-01-01 was a Thursday: Monday-first weekday 3.
  const weekday = (((day + 3) % 7) + 7) % 7;
  return weekday * 24 + Math.floor((local - day * DAY_MS) / HOUR_MS);
}

/**
 * How often each local hour of the week and each local weekday occur in the hour buckets
 * that overlap `[from, to)` (epoch ms) in `timeZone`: `cells[weekday × 24 + hour]` (as
 * {@link hourOfWeek}) counts the local dates on which that hour exists, once however many
 * buckets show it (both 01:00 hours of a fall-back night count once), and `days[weekday]` the
 * local dates. The work is one step per local day, plus one per hour on the first and last
 * day and on days with an offset change: a range of centuries costs about 0.1 s, not one
 * step per hour. Arguments are not checked here.
 *
 * @example
 * ```ts
 * // Monday 2026-03-02 00:00 to Wednesday 00:00 UTC: every hour of Monday and Tuesday once.
 * hourOccurrences(Date.UTC(2026, 2, 2), Date.UTC(2026, 2, 4), "UTC").days; // => [1, 1, 0, 0, 0, 0, 0]
 * ```
 * @internal
 */
export function hourOccurrences(from: number, to: number, timeZone: string): { cells: Float64Array; days: Float64Array } {
  const cells = new Float64Array(7 * 24);
  const days = new Float64Array(7);
  if (!(to > from)) return { cells, days };
  let lastDate = NaN;
  let lastStart = -Infinity;
  // Local dates counted whole by the fast path, and (date, hour) pairs counted one by one.
  const wholeDates = new Set<number>();
  const seen = new Set<number>();
  const countHour = (start: number): void => {
    if (start <= lastStart) return;
    lastStart = start;
    const local = start + offsetAt(timeZone, start);
    const date = Math.floor(local / DAY_MS);
    const weekday = (((date + 3) % 7) + 7) % 7;
    const hour = Math.floor((local - date * DAY_MS) / HOUR_MS);
    if (date !== lastDate) {
      days[weekday] = (days[weekday] as number) + 1;
      lastDate = date;
    }
    const key = date * 24 + hour;
    if (wholeDates.has(date) || seen.has(key)) return;
    seen.add(key);
    cells[weekday * 24 + hour] = (cells[weekday * 24 + hour] as number) + 1;
  };
  for (let day = startMs(from, "day", timeZone); day < to;) {
    const end = endMs(day, "day", timeZone);
    const off = offsetAt(timeZone, day);
    const plain =
      day >= from && end <= to && end - day === DAY_MS && (day + off) % DAY_MS === 0 && firstChangeIn(timeZone, day, end) === undefined;
    if (plain && day > lastStart) {
      // A local day of 24 plain hours: each hour of its weekday occurs once.
      const date = (day + off) / DAY_MS;
      const weekday = (((date + 3) % 7) + 7) % 7;
      if (date !== lastDate) {
        days[weekday] = (days[weekday] as number) + 1;
        lastDate = date;
      }
      if (!wholeDates.has(date)) {
        wholeDates.add(date);
        for (let h = 0; h < 24; h++) if (!seen.has(date * 24 + h)) cells[weekday * 24 + h] = (cells[weekday * 24 + h] as number) + 1;
      }
      lastStart = end - HOUR_MS;
    } else {
      const stop = Math.min(to, end);
      for (let start = startMs(Math.max(from, day), "hour", timeZone); start < stop; start = endMs(start, "hour", timeZone))
        countHour(start);
    }
    day = end;
  }
  return { cells, days };
}

const pad2 = (n: number): string => (n < 10 ? `0${String(n)}` : String(n));

function yearText(y: number): string {
  if (y >= 0 && y <= 9999) return String(y).padStart(4, "0");
  return (y < 0 ? "-" : "+") + String(Math.abs(y)).padStart(6, "0");
}

function offsetText(offMs: number): string {
  const minutes = Math.round(Math.abs(offMs) / MINUTE_MS);
  return `${offMs < 0 ? "-" : "+"}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

function labelOfStart(start: number, unit: BucketUnit, timeZone: string): string {
  const off = offsetAt(timeZone, start);
  const wall = new Date(start + off);
  const y = wall.getUTCFullYear();
  if (unit === "week") {
    const monday = floorWall(start + off, "week");
    const thursday = new Date(monday + 3 * DAY_MS);
    const isoYear = thursday.getUTCFullYear();
    const jan1 = new Date(0).setUTCFullYear(isoYear, 0, 1);
    return `${yearText(isoYear)}-W${pad2(Math.floor((thursday.getTime() - jan1) / WEEK_MS) + 1)}`;
  }
  const ym = `${yearText(y)}-${pad2(wall.getUTCMonth() + 1)}`;
  if (unit === "month") return ym;
  const ymd = `${ym}-${pad2(wall.getUTCDate())}`;
  if (unit === "day") return ymd;
  return `${ymd}T${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}${offsetText(off)}`;
}

/**
 * Throws `E_TIME_ZONE` unless `timeZone` is a zone the runtime knows, and `E_BUCKET_UNIT`
 * unless `unit` is a {@link BucketUnit}.
 *
 * @internal
 */
export function checkBucketing(fn: string, unit: BucketUnit, timeZone: string): void {
  if (typeof timeZone !== "string" || !isValidTimeZone(timeZone)) {
    throw new MetricRangeError("E_TIME_ZONE", `${fn}: timeZone must be a valid IANA time zone, got ${String(timeZone)}`);
  }
  if (!BUCKET_UNITS.includes(unit)) {
    throw new MetricRangeError("E_BUCKET_UNIT", `${fn}: unit must be "hour", "day", "week" or "month", got ${String(unit)}`);
  }
}

/**
 * Throws `E_INVALID_DATE` unless `from` and `to` are valid Dates, and `E_PERIOD_ORDER` if
 * `to` is before `from`. An empty range (`from = to`) is allowed.
 *
 * @internal
 */
export function checkRange(fn: string, from: Date, to: Date): void {
  assertDate(fn, "from", from);
  assertDate(fn, "to", to);
  if (to.getTime() < from.getTime()) {
    throw new MetricRangeError("E_PERIOD_ORDER", `${fn}: to must not be before from (${from.toISOString()}), got ${to.toISOString()}`);
  }
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
    const start = startMs(ms, unit, timeZone);
    starts[slot] = start;
    ends[slot] = endMs(start, unit, timeZone);
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
        label = labelOfStart(starts[slot] as number, unit, timeZone);
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
    let start = startMs(lo, unit, timeZone);
    for (;;) {
      if (starts.length >= MAX_BUCKETS) tooMany(fn, unit, from, to);
      starts.push(new Date(start));
      labels.push(labelOfStart(start, unit, timeZone));
      const end = endMs(start, unit, timeZone);
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
