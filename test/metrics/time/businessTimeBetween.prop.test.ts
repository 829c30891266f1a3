import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { businessTimeBetween } from "../../../src/metrics/time/businessTimeBetween.ts";
import type { Schedule, TimeRange, Weekday } from "../../../src/models/schedule.ts";
import { allWeek, DAY, dstCase, isoDate, MINUTE, minuteInstant, near, scheduleCase, WEEKDAYS, ZONES } from "./calendar.arbitraries.ts";

// ---------------------------------------------------------------------------------------
// A naive reference, independent of the implementation: wall times come from
// Intl.DateTimeFormat only, wall → instant by trying every offset from −12:00 to +14:00 in
// 15-minute steps, and the total by walking minute by minute asking "is this minute open?".
// ---------------------------------------------------------------------------------------

const formats = new Map<string, Intl.DateTimeFormat>();
function wallOf(zone: string, t: number): number {
  let format = formats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formats.set(zone, format);
  }
  const part: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(t))) part[p.type] = Number(p.value);
  return Date.UTC(part["year"] ?? 0, (part["month"] ?? 1) - 1, part["day"], part["hour"], part["minute"], part["second"]);
}

/** Local wall time → instant: the first instant showing that wall time; in a gap, read it
 * with the offset of one day earlier (so it moves forward by the gap). */
function naiveInstant(zone: string, wall: number): number {
  let first = Infinity;
  for (let offset = -12 * 60; offset <= 14 * 60; offset += 15) {
    const t = wall - offset * MINUTE;
    if (t < first && wallOf(zone, t) === wall) first = t;
  }
  if (first !== Infinity) return first;
  const before = wall - DAY;
  return wall - (wallOf(zone, before) - before);
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** The wall ranges of a local date (UTC-midnight ms of the date), per the documented rules. */
function naiveRanges(schedule: Schedule, date: number): [number, number][] {
  const iso = isoDate(date);
  const override = schedule.overrides?.find((o) => o.date === iso);
  let ranges: readonly TimeRange[];
  if (override !== undefined) ranges = override.hours;
  else if (schedule.holidays?.includes(iso) === true) ranges = [];
  else ranges = schedule.weekly[WEEKDAYS[new Date(date).getUTCDay()] as Weekday] ?? [];
  const list = ranges
    .map(([s, e]): [number, number] => {
      const start = minutes(s);
      const end = minutes(e);
      return [start, end <= start ? end + 1440 : end];
    })
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of list) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/** Minute-by-minute business time in [from, to), from ≤ to, both on whole minutes. */
function naiveBusinessTime(schedule: Schedule, from: number, to: number): number {
  const zone = schedule.timeZone;
  const firstDate = Math.floor(wallOf(zone, from) / DAY) * DAY - 2 * DAY;
  const lastDate = Math.floor(wallOf(zone, to) / DAY) * DAY + DAY;
  const open: [number, number][] = [];
  for (let date = firstDate; date <= lastDate; date += DAY) {
    for (const [s, e] of naiveRanges(schedule, date)) {
      open.push([naiveInstant(zone, date + s * MINUTE), naiveInstant(zone, date + e * MINUTE)]);
    }
  }
  let count = 0;
  for (let m = from; m < to; m += MINUTE) {
    if (open.some(([a, b]) => a <= m && m < b)) count++;
  }
  return count * MINUTE;
}

/** For zones without DST: a pure wall-clock check of each minute. */
function wallClockBusinessTime(schedule: Schedule, from: number, to: number): number {
  const byDate = new Map<number, [number, number][]>();
  const rangesOf = (date: number): [number, number][] => {
    let ranges = byDate.get(date);
    if (ranges === undefined) byDate.set(date, (ranges = naiveRanges(schedule, date)));
    return ranges;
  };
  let count = 0;
  for (let m = from; m < to; m += MINUTE) {
    const wall = wallOf(schedule.timeZone, m);
    const date = Math.floor(wall / DAY) * DAY;
    const minute = (wall - date) / MINUTE;
    const open =
      rangesOf(date).some(([s, e]) => s <= minute && minute < e) ||
      rangesOf(date - DAY).some(([s, e]) => s <= minute + 1440 && minute + 1440 < e);
    if (open) count++;
  }
  return count * MINUTE;
}

const f = businessTimeBetween;
const d = (t: number): Date => new Date(t);

describe("agreement with naive references", () => {
  test.prop([scheduleCase(), fc.integer({ min: 0, max: 10 * 1440 }), fc.integer({ min: -2 * 1440, max: 1440 })], {
    numRuns: 60,
  })("equals the minute-by-minute reference (spans ≤ 10 days, both directions)", ({ schedule, base }, span, shift) => {
    const from = base + shift * MINUTE;
    const to = from + span * MINUTE;
    const expected = naiveBusinessTime(schedule, from, to);
    expect(f(d(from), d(to), schedule)).toBe(expected);
    expect(f(d(to), d(from), schedule)).toBe(expected === 0 ? 0 : -expected);
  });

  test.prop([dstCase, fc.integer({ min: 0, max: 3 * 1440 })], { numRuns: 60 })(
    "equals the minute-by-minute reference across DST gaps and overlaps",
    ({ schedule, base }, span) => {
      expect(f(d(base), d(base + span * MINUTE), schedule)).toBe(naiveBusinessTime(schedule, base, base + span * MINUTE));
    },
  );

  test.prop([scheduleCase(), fc.constantFrom("UTC", "Asia/Kolkata"), fc.integer({ min: 0, max: 4 * 1440 })], {
    numRuns: 40,
  })("equals a pure wall-clock check in zones without DST", ({ schedule, base }, timeZone, span) => {
    const fixed: Schedule = { ...schedule, timeZone };
    expect(f(d(base), d(base + span * MINUTE), fixed)).toBe(wallClockBusinessTime(fixed, base, base + span * MINUTE));
  });
});

describe("algebraic properties", () => {
  const triple = scheduleCase().chain(({ schedule, base }) =>
    fc.tuple(fc.constant(schedule), near(base, 20), near(base, 20), near(base, 20)),
  );

  test.prop([triple])("is additive: f(a, b) + f(b, c) = f(a, c) for any order", ([schedule, a, b, c]) => {
    expect(f(d(a), d(b), schedule) + f(d(b), d(c), schedule)).toBe(f(d(a), d(c), schedule));
  });

  test.prop([triple])("is antisymmetric", ([schedule, a, b]) => {
    expect(f(d(b), d(a), schedule)).toBe(-f(d(a), d(b), schedule) || 0);
    expect(Object.is(f(d(a), d(a), schedule), 0)).toBe(true);
  });

  test.prop([triple])("lies between 0 and the calendar time when start ≤ end", ([schedule, a, b]) => {
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    const result = f(d(lo), d(hi), schedule);
    expect(result).toBeGreaterThanOrEqual(0);
    expect(result).toBeLessThanOrEqual(hi - lo);
    expect(Number.isInteger(result)).toBe(true);
  });

  test.prop([triple])("is monotone in end", ([schedule, a, b, c]) => {
    const [e1, e2] = b <= c ? [b, c] : [c, b];
    expect(f(d(a), d(e1), schedule)).toBeLessThanOrEqual(f(d(a), d(e2), schedule));
  });

  test.prop([fc.constantFrom(...ZONES), minuteInstant, fc.integer({ min: -400 * DAY, max: 400 * DAY })])(
    "equals calendar time for a 24/7 schedule",
    (zone, a, span) => {
      expect(f(d(a), d(a + span), allWeek(zone))).toBe(span);
    },
  );

  test.prop([
    scheduleCase(),
    fc.array(fc.integer({ min: -3, max: 12 }), { minLength: 1, maxLength: 3 }),
    fc.integer({ min: 0, max: 15 * DAY }),
  ])("never increases when holidays are added", ({ schedule, base }, extra, span) => {
    const more: Schedule = { ...schedule, holidays: [...(schedule.holidays ?? []), ...extra.map((k) => isoDate(base + k * DAY))] };
    const from = base - 3 * DAY;
    expect(f(d(from), d(from + span), more)).toBeLessThanOrEqual(f(d(from), d(from + span), schedule));
  });

  test.prop([scheduleCase(), fc.integer({ min: -3, max: 12 }), fc.integer({ min: 0, max: 15 * DAY })])(
    "treats a closed override exactly like a holiday",
    ({ schedule, base }, k, span) => {
      const date = isoDate(base + k * DAY);
      const overrides = (schedule.overrides ?? []).filter((o) => o.date !== date);
      const holiday: Schedule = { ...schedule, overrides, holidays: [...(schedule.holidays ?? []), date] };
      const closed: Schedule = { ...schedule, overrides: [...overrides, { date, hours: [] }] };
      const from = base - 3 * DAY;
      expect(f(d(from), d(from + span), closed)).toBe(f(d(from), d(from + span), holiday));
    },
  );

  test.prop([scheduleCase(), fc.integer({ min: 0, max: 15 * DAY })])(
    "gives the same answer for a fresh copy of the schedule (the cache is per object and exact)",
    ({ schedule, base }, span) => {
      const copy = structuredClone(schedule) as Schedule;
      expect(f(d(base), d(base + span), copy)).toBe(f(d(base), d(base + span), schedule));
    },
  );
});
