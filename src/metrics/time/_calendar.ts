import { MetricRangeError } from "../../_lib/errors.ts";
import { DAY_MS, MINUTE_MS, steadyOffset, wallToInstant } from "./_calendarZone.ts";
import { compileSchedule, type CompiledSchedule, type WallRange } from "./_calendarCompile.ts";

export { compileSchedule, type CompiledSchedule };

/**
 * The supported instants: the Date range (±8.64e15 ms) less five days on each side, so the
 * zone look-ups around a day never leave the Date range.
 *
 * @internal
 */
export const LIMIT_MS = 8.64e15 - 5 * DAY_MS;

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
