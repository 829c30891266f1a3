import { MetricRangeError } from "../../_lib/errors.ts";
import { isValidTimeZone } from "../../_lib/zone.ts";
import type { Schedule, Weekday } from "../../models/schedule.ts";
import { DAY_MS } from "../../_lib/time.ts";

/**
 * One opening range of a local date in minutes after that date's midnight: a start in
 * [0, 1440) and an end in (start, start + 1440]. An end past 1440 runs into the next day.
 *
 * @internal
 */
export type WallRange = readonly [startMinute: number, endMinute: number];

/**
 * A validated schedule, prepared for fast look-ups and cached per schedule object.
 *
 * @internal
 */
export interface CompiledSchedule {
  /** The IANA time zone. */
  readonly timeZone: string;
  /** Merged ranges per weekday, index 0 = Sunday … 6 = Saturday. */
  readonly weekly: readonly (readonly WallRange[])[];
  /** Local epoch day → merged ranges of that date: an override's hours, or none for a holiday. */
  readonly special: ReadonlyMap<number, readonly WallRange[]>;
  /** Whether any weekday has opening hours. */
  readonly hasWeekly: boolean;
  /** First and last local epoch day whose override has hours (NaN when none). */
  readonly firstOpenSpecial: number;
  readonly lastOpenSpecial: number;
  /** Cache: local epoch day → open instants of the ranges starting that day. */
  readonly dayCache: Map<number, readonly number[]>;
  /** The local epoch days of {@link special}, ascending. */
  readonly specialDays: readonly number[];
  /** Cache: week index k → the steady offset of the plain week k, or NaN when it is not plain. */
  readonly weekCache: Map<number, number>;
}

const WEEKDAYS: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const START_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const END_RE = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const cache = new WeakMap<Schedule, CompiledSchedule>();

const show = (value: unknown): string => {
  try {
    return typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
};

function invalid(fn: string, field: string, rule: string, value: unknown): MetricRangeError {
  return new MetricRangeError("E_SCHEDULE_INVALID", `${fn}: ${field} ${rule}, got ${show(value)}`);
}

/**
 * Validates `schedule` and returns its compiled form, cached per schedule object (so a
 * schedule must not be mutated after first use).
 *
 * @throws {@link MetricRangeError} `E_SCHEDULE_INVALID` naming the first bad field.
 * @internal
 */
export function compileSchedule(fn: string, schedule: Schedule): CompiledSchedule {
  if (typeof schedule !== "object" || schedule === null) {
    throw invalid(fn, "schedule", "must be an object", schedule);
  }
  const hit = cache.get(schedule);
  if (hit !== undefined) return hit;
  const compiled = compile(fn, schedule);
  cache.set(schedule, compiled);
  return compiled;
}

function compile(fn: string, schedule: Schedule): CompiledSchedule {
  const { timeZone, weekly, holidays, overrides } = schedule;
  if (!isTimeZone(timeZone)) {
    throw invalid(fn, "schedule.timeZone", 'must be an IANA time zone such as "Europe/Bucharest"', timeZone);
  }
  if (typeof weekly !== "object" || weekly === null || Array.isArray(weekly)) {
    throw invalid(fn, "schedule.weekly", "must be an object keyed by weekday (mon … sun)", weekly);
  }
  for (const key of Object.keys(weekly)) {
    if (!(WEEKDAYS as readonly string[]).includes(key)) {
      throw invalid(fn, `schedule.weekly.${key}`, "must be a weekday key: mon, tue, wed, thu, fri, sat or sun", key);
    }
  }
  const week = WEEKDAYS.map((day) => ranges(fn, `schedule.weekly.${day}`, weekly[day] ?? []));
  const special = new Map<number, readonly WallRange[]>();
  if (holidays !== undefined) {
    if (!Array.isArray(holidays)) throw invalid(fn, "schedule.holidays", 'must be an array of "YYYY-MM-DD" dates', holidays);
    holidays.forEach((date: unknown, i) => special.set(epochDay(fn, `schedule.holidays[${i}]`, date), []));
  }
  let firstOpenSpecial = Number.NaN;
  let lastOpenSpecial = Number.NaN;
  if (overrides !== undefined) {
    if (!Array.isArray(overrides)) throw invalid(fn, "schedule.overrides", "must be an array of { date, hours }", overrides);
    const seen = new Set<number>();
    overrides.forEach((override: unknown, i) => {
      const field = `schedule.overrides[${i}]`;
      if (typeof override !== "object" || override === null) throw invalid(fn, field, "must be an object { date, hours }", override);
      const { date, hours } = override as { date?: unknown; hours?: unknown };
      const day = epochDay(fn, `${field}.date`, date);
      if (seen.has(day)) throw invalid(fn, `${field}.date`, "must not repeat the date of an earlier override", date);
      seen.add(day);
      const list = ranges(fn, `${field}.hours`, hours);
      special.set(day, list);
      if (list.length > 0) {
        if (!(day >= firstOpenSpecial)) firstOpenSpecial = day;
        if (!(day <= lastOpenSpecial)) lastOpenSpecial = day;
      }
    });
  }
  return {
    timeZone,
    weekly: week,
    special,
    hasWeekly: week.some((list) => list.length > 0),
    firstOpenSpecial,
    lastOpenSpecial,
    dayCache: new Map(),
    specialDays: [...special.keys()].sort((x, y) => x - y),
    weekCache: new Map(),
  };
}

function isTimeZone(timeZone: unknown): timeZone is string {
  return typeof timeZone === "string" && isValidTimeZone(timeZone);
}

/** Parses a list of `["HH:MM", "HH:MM"]` pairs into merged wall ranges. */
function ranges(fn: string, field: string, value: unknown): readonly WallRange[] {
  if (!Array.isArray(value)) throw invalid(fn, field, 'must be an array of ["HH:MM", "HH:MM"] ranges', value);
  const list: WallRange[] = value.map((range: unknown, i) => parseRange(fn, `${field}[${i}]`, range));
  list.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of list) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function parseRange(fn: string, field: string, range: unknown): WallRange {
  const rule = 'must be [start, end] with start "00:00"–"23:59", end "00:00"–"24:00" and end ≠ start (an earlier end crosses midnight)';
  if (!Array.isArray(range) || range.length !== 2) throw invalid(fn, field, rule, range);
  const [startText, endText] = range as unknown[];
  const start = typeof startText === "string" ? START_RE.exec(startText) : null;
  const end = typeof endText === "string" ? END_RE.exec(endText) : null;
  if (start === null || end === null) throw invalid(fn, field, rule, range);
  const startMinute = Number(start[1]) * 60 + Number(start[2]);
  let endMinute = Number(end[1] ?? end[3]) * 60 + Number(end[2] ?? end[4]);
  if (endMinute === startMinute) throw invalid(fn, field, rule, range);
  if (endMinute < startMinute) endMinute += 1440;
  return [startMinute, endMinute];
}

/** Parses `"YYYY-MM-DD"` into a local epoch day (days since 1970-01-01). */
function epochDay(fn: string, field: string, value: unknown): number {
  const match = typeof value === "string" ? DATE_RE.exec(value) : null;
  if (match !== null) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return Math.round(date.getTime() / DAY_MS);
    }
  }
  throw invalid(fn, field, 'must be a real date written "YYYY-MM-DD"', value);
}
