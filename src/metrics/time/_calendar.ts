import { MetricRangeError } from "../../_lib/errors.ts";
import { DAY_MS, MAX_DATE_MS, MINUTE_MS, WEEK_MS } from "../../_lib/time.ts";
import { firstChangeIn, offsetAt, steadyOffset, wallToInstant } from "../../_lib/zone.ts";
import { compileSchedule, type CompiledSchedule, type WallRange } from "./_calendarCompile.ts";

export { compileSchedule, type CompiledSchedule };

/**
 * The supported instants: the Date range (±8.64e15 ms) less five days on each side, so the
 * zone look-ups around a day never leave the Date range.
 *
 * @internal
 */
export const LIMIT_MS = MAX_DATE_MS - 5 * DAY_MS;

/** The per-schedule cache of a day's open instants is dropped when it grows past this. */
const DAY_CACHE_LIMIT = 100_000;
const EMPTY: readonly number[] = [];

/** Throws `E_INVALID_DATE` unless `value` is a Date within {@link LIMIT_MS}. @internal */
export function assertInstant(fn: string, name: string, value: Date): number {
  const t = value instanceof Date ? value.getTime() : Number.NaN;
  if (!(Math.abs(t) <= LIMIT_MS)) {
    throw new MetricRangeError(
      "E_INVALID_DATE",
      `${fn}: ${name} must be a valid Date at least 5 days inside the Date range, got ${String(value)}`,
    );
  }
  return t;
}

/**
 * The wall ranges in force on local epoch day `day`: the override of that date if any,
 * else nothing on a holiday, else the weekly hours of its weekday.
 *
 * @internal
 */
export function rangesOfDay(schedule: CompiledSchedule, day: number): readonly WallRange[] {
  const special = schedule.special.get(day);
  if (special !== undefined) return special;
  // Epoch day 0 (1970-01-01) was a Thursday; index 0 is Sunday.
  return schedule.weekly[(((day + 4) % 7) + 7) % 7] ?? [];
}

/**
 * The open instants contributed by the ranges that start on local epoch day `day`, as a
 * flat sorted list `[start0, end0, start1, end1, …]` of disjoint half-open intervals.
 *
 * @internal
 */
export function dayIntervals(schedule: CompiledSchedule, day: number): readonly number[] {
  const cached = schedule.dayCache.get(day);
  if (cached !== undefined) return cached;
  const ranges = rangesOfDay(schedule, day);
  let result = EMPTY;
  if (ranges.length > 0) {
    const zone = schedule.timeZone;
    const base = day * DAY_MS;
    const steady = steadyOffset(zone, day);
    const pairs: number[] = [];
    for (const [startMin, endMin] of ranges) {
      const wallStart = base + startMin * MINUTE_MS;
      const wallEnd = base + endMin * MINUTE_MS;
      const a = steady === undefined ? wallToInstant(zone, wallStart) : wallStart - steady;
      const b = steady === undefined ? wallToInstant(zone, wallEnd) : wallEnd - steady;
      // A start in a spring-forward gap moves forward by the gap; a range that then ends
      // before it opens (02:30–03:00 across a 02:00 → 03:00 jump) is empty.
      if (b > a) pairs.push(a, b);
    }
    result = normalise(pairs, -Infinity, Infinity);
  }
  if (schedule.dayCache.size >= DAY_CACHE_LIMIT) schedule.dayCache.clear();
  schedule.dayCache.set(day, result);
  return result;
}

/**
 * The open time of the schedule inside `[from, to)`, as a flat sorted list of disjoint,
 * non-adjacent half-open intervals `[start0, end0, start1, end1, …]`.
 *
 * @internal
 */
export function openIntervals(schedule: CompiledSchedule, from: number, to: number): number[] {
  if (!(to > from)) return [];
  // Ranges starting on local day d map to instants within about [d − 1, d + 3) UTC days
  // (offsets are under a day; a range may reach the end of the next day), so these days
  // cover every range that can meet [from, to).
  const firstDay = Math.floor(from / DAY_MS) - 3;
  const lastDay = Math.floor(to / DAY_MS) + 1;
  const pairs: number[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const list = dayIntervals(schedule, day);
    for (let i = 0; i < list.length; i += 2) {
      const a = list[i] as number;
      const b = list[i + 1] as number;
      if (b > from && a < to) pairs.push(a, b);
    }
  }
  return normalise(pairs, from, to);
}

/** Clips `[a, b)` pairs to `[from, to)`, sorts them by start and merges overlaps. */
function normalise(pairs: number[], from: number, to: number): number[] {
  let sorted = true;
  for (let i = 2; i < pairs.length; i += 2) {
    if ((pairs[i] as number) < (pairs[i - 2] as number)) {
      sorted = false;
      break;
    }
  }
  let order = pairs;
  if (!sorted) {
    const index: [number, number][] = [];
    for (let i = 0; i < pairs.length; i += 2) index.push([pairs[i] as number, pairs[i + 1] as number]);
    index.sort((x, y) => x[0] - y[0]);
    order = index.flat();
  }
  const out: number[] = [];
  for (let i = 0; i < order.length; i += 2) {
    const a = Math.max(order[i] as number, from);
    const b = Math.min(order[i + 1] as number, to);
    if (!(b > a)) continue;
    const last = out.length - 1;
    if (last > 0 && a <= (out[last] as number)) {
      if (b > (out[last] as number)) out[last] = b;
    } else {
      out.push(a, b);
    }
  }
  return out;
}

/** The per-schedule cache of plain weeks is dropped when it grows past this. */
const WEEK_CACHE_LIMIT = 100_000;

/**
 * The open milliseconds of one whole week of the weekly hours when the UTC offset does not
 * change: the measure of the union of the ranges of local days −1 … 6 (a range may run into
 * the next day, up to two days after its date's midnight) inside local days 0 … 6. Because
 * the pattern repeats every 7 days, this is the open time of every plain week.
 */
function weekOpen(schedule: CompiledSchedule): number {
  const pairs: number[] = [];
  for (let day = -1; day <= 7; day++) {
    // Local epoch day 7 (1970-01-08) is a Thursday, like day 0.
    for (const [startMin, endMin] of schedule.weekly[(((day + 4) % 7) + 7) % 7] ?? []) {
      pairs.push(day * DAY_MS + startMin * MINUTE_MS, day * DAY_MS + endMin * MINUTE_MS);
    }
  }
  const list = normalise(pairs, 0, WEEK_MS);
  let total = 0;
  for (let i = 0; i < list.length; i += 2) total += (list[i + 1] as number) - (list[i] as number);
  return total;
}

/** Whether a local epoch day of `[first, last]` has an override or a holiday. */
function hasSpecial(schedule: CompiledSchedule, first: number, last: number): boolean {
  const days = schedule.specialDays;
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((days[mid] as number) < first) lo = mid + 1;
    else hi = mid;
  }
  return lo < days.length && (days[lo] as number) <= last;
}

/**
 * The UTC offset of week `k` (local epoch days 7k … 7k + 6) if it is *plain*, else NaN.
 * Plain: no override or holiday on local days 7k − 3 … 7k + 9, and one offset at every UTC
 * midnight 7k − 4 … 7k + 12, so {@link steadyOffset} gives that offset for each of those
 * days and {@link dayIntervals} maps each of their ranges by it. The open set inside
 * `[7k·DAY − offset, (7k + 7)·DAY − offset)` then comes only from local days 7k − 1 … 7k + 6
 * (ranges of other days lie at least 2 days of wall time away, more than any difference of
 * offsets), and its measure is {@link weekOpen}.
 *
 * No offset change from UTC midnight 7k − 4 to UTC midnight 7k + 17 (the zone module's cached
 * changes, ./zone.ts) means one offset at all of them.
 */
function plainWeekOffset(schedule: CompiledSchedule, k: number): number {
  const cached = schedule.weekCache.get(k);
  if (cached !== undefined) return cached;
  let result = Number.NaN;
  if (!hasSpecial(schedule, 7 * k - 3, 7 * k + 9)) {
    const from = (7 * k - 4) * DAY_MS;
    const offset = offsetAt(schedule.timeZone, from);
    const steady = firstChangeIn(schedule.timeZone, from, (7 * k + 17) * DAY_MS) === undefined;
    result = steady && Math.abs(offset) < DAY_MS ? offset : Number.NaN;
  }
  if (schedule.weekCache.size >= WEEK_CACHE_LIMIT) schedule.weekCache.clear();
  schedule.weekCache.set(k, result);
  return result;
}

/** Spans up to this long are measured day by day. */
const SHORT_MS = 4 * WEEK_MS;
/** Day-by-day stretches go in chunks of 1,024 days, to keep memory bounded. */
const CHUNK_MS = 1_024 * DAY_MS;

/** The open milliseconds in `[from, to)`, day by day (the reference for {@link openTime}). @internal */
export function openTimeByDays(schedule: CompiledSchedule, from: number, to: number): number {
  let total = 0;
  for (let a = from; a < to; a += CHUNK_MS) {
    const list = openIntervals(schedule, a, Math.min(a + CHUNK_MS, to));
    // Interval ends are whole milliseconds: the integer sum is exact.
    for (let i = 0; i < list.length; i += 2) total += (list[i + 1] as number) - (list[i] as number);
  }
  return total;
}

/**
 * The open milliseconds of the schedule in `[from, to)` (0 unless `from < to`). Whole plain
 * weeks (see {@link plainWeekOffset}) count {@link weekOpen} each, in closed form; the rest
 * (weeks with an offset change, a holiday or an override, and the two ends) is measured day
 * by day. The result equals the day-by-day measure of the whole span.
 *
 * @internal
 */
export function openTime(schedule: CompiledSchedule, from: number, to: number): number {
  if (!(to > from)) return 0;
  if (to - from <= SHORT_MS) return openTimeByDays(schedule, from, to);
  const perWeek = weekOpen(schedule);
  // Offsets are under a day, so the window of week k, [7k·DAY − offset, (7k + 7)·DAY − offset),
  // lies in [from, to) for these k.
  const firstWeek = Math.ceil((from + DAY_MS) / WEEK_MS);
  const lastWeek = Math.floor((to - DAY_MS) / WEEK_MS) - 1;
  let total = 0;
  let cursor = from;
  for (let k = firstWeek; k <= lastWeek; k++) {
    const offset = plainWeekOffset(schedule, k);
    if (Number.isNaN(offset)) continue;
    const start = k * WEEK_MS - offset;
    total += openTimeByDays(schedule, cursor, start) + perWeek;
    cursor = start + WEEK_MS;
  }
  return total + openTimeByDays(schedule, cursor, to);
}
