/**
 * Local hours of the week: the hour of the week of an instant, and how often each hour of the
 * week occurs in a range (the denominators of peak-hour averages). Part of the time-bucketing
 * mechanism (./bucket.ts).
 *
 * @internal
 * @module
 */
import { bucketEndMs, bucketStartMs } from "./bucketEdges.ts";
import { DAY_MS, HOUR_MS } from "./time.ts";
import { firstChangeIn, offsetAt } from "./zone.ts";

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
  for (let day = bucketStartMs(from, "day", timeZone); day < to;) {
    const end = bucketEndMs(day, "day", timeZone);
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
      for (let start = bucketStartMs(Math.max(from, day), "hour", timeZone); start < stop; start = bucketEndMs(start, "hour", timeZone))
        countHour(start);
    }
    day = end;
  }
  return { cells, days };
}
