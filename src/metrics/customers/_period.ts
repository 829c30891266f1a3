import { TZDate } from "@date-fns/tz";
import { getISOWeek, getISOWeekYear, startOfISOWeek } from "date-fns";
import { MetricRangeError } from "../../_lib/errors.ts";
import { isValidTimeZone } from "../../_lib/timestamp.ts";

/** The calendar periods customer cohorts are built on. @category Customers */
export type CustomerPeriod = "month" | "week";

const DAY_MS = 86_400_000;
/** 1970-01-05, a Monday, is day 4 after the epoch. */
const FIRST_MONDAY = 4;

/** Throws unless `timeZone` is a valid IANA zone and `period` is month or week. @internal */
export function checkCalendar(fn: string, timeZone: string, period: string): void {
  if (typeof timeZone !== "string" || !isValidTimeZone(timeZone)) {
    throw new MetricRangeError("E_TIME_ZONE", `${fn}: timeZone must be a valid IANA time zone, got ${String(timeZone)}`);
  }
  if (period !== "month" && period !== "week") {
    throw new MetricRangeError("E_PERIOD", `${fn}: period must be "month" or "week", got ${String(period)}`);
  }
}

/**
 * The index of the calendar period holding instant `ms` in `timeZone`: months since
 * 0000-01 for `"month"`, ISO weeks (Monday first) since 1970-01-05 for `"week"`.
 * Consecutive periods have consecutive indexes.
 *
 * @internal
 */
export function periodIndex(ms: number, timeZone: string, period: CustomerPeriod): number {
  const local = new TZDate(ms, timeZone);
  if (period === "month") return local.getFullYear() * 12 + local.getMonth();
  const monday = startOfISOWeek(local);
  const day = Date.UTC(monday.getFullYear(), monday.getMonth(), monday.getDate()) / DAY_MS;
  return Math.round((day - FIRST_MONDAY) / 7);
}

/** The first instant of period `index` (see {@link periodIndex}) in `timeZone`. @internal */
export function periodStart(index: number, timeZone: string, period: CustomerPeriod): TZDate {
  if (period === "month") {
    const year = Math.floor(index / 12);
    return new TZDate(year, index - year * 12, 1, timeZone);
  }
  const day = new Date((index * 7 + FIRST_MONDAY) * DAY_MS);
  return new TZDate(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), timeZone);
}

/** `"2026-01"` for a month, `"2026-W05"` for an ISO week. @internal */
export function periodLabel(index: number, timeZone: string, period: CustomerPeriod): string {
  const start = periodStart(index, timeZone, period);
  if (period === "month") {
    return `${String(start.getFullYear()).padStart(4, "0")}-${String(start.getMonth() + 1).padStart(2, "0")}`;
  }
  return `${String(getISOWeekYear(start)).padStart(4, "0")}-W${String(getISOWeek(start)).padStart(2, "0")}`;
}
