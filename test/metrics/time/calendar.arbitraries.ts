import { fc } from "@fast-check/vitest";
import type { Schedule, TimeRange, Weekday } from "../../../src/models/schedule.ts";

// fast-check generators for the business-hours calendar tests: random schedules (several
// ranges a day, overnight ranges, 24:00 ends, holidays, overrides) in several zones, and
// instants in 2020–2030 with a bias towards the DST transitions of those zones.

export const ZONES = ["UTC", "America/Los_Angeles", "Europe/Bucharest", "Asia/Kolkata", "Australia/Lord_Howe"] as const;
export const WEEKDAYS: readonly Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
export const MINUTE = 60_000;
export const DAY = 86_400_000;
const FIRST = Date.UTC(2020, 0, 1);
const LAST = Date.UTC(2031, 0, 1);

const pad = (n: number): string => String(n).padStart(2, "0");
export const hhmm = (minute: number): string => (minute === 1440 ? "24:00" : `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`);
export const isoDate = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** The UTC offset (minutes) of a zone at an instant, read from Intl only. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
function intlOffset(zone: string, t: number): number {
  let format = offsetFormats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormats.set(zone, format);
  }
  const parts = format.formatToParts(new Date(t));
  const name = parts.find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match === null ? 0 : (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** Every offset change of each test zone in 2020–2030, found by a weekly scan and bisection. */
export const TRANSITIONS_BY_ZONE: ReadonlyMap<string, readonly number[]> = new Map(
  ZONES.map((zone) => {
    const found: number[] = [];
    let previous = intlOffset(zone, FIRST);
    for (let t = FIRST + 7 * DAY; t <= LAST; t += 7 * DAY) {
      const offset = intlOffset(zone, t);
      if (offset === previous) continue;
      let lo = t - 7 * DAY;
      let hi = t;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (intlOffset(zone, mid) === previous) lo = mid;
        else hi = mid;
      }
      found.push(hi);
      previous = offset;
    }
    return [zone, found] as const;
  }),
);
/** Every offset change of the test zones in 2020–2030. */
export const TRANSITIONS: readonly number[] = [...TRANSITIONS_BY_ZONE.values()].flat();
/** The test zones that observe DST. */
export const DST_ZONES = ZONES.filter((zone) => (TRANSITIONS_BY_ZONE.get(zone) ?? []).length > 0);

/** Minutes of the day, biased towards whole and half hours and the small hours of DST. */
const minuteOfDay = fc.oneof(
  fc.integer({ min: 0, max: 1439 }),
  fc.integer({ min: 0, max: 47 }).map((h) => h * 30),
  fc.integer({ min: 0, max: 20 }).map((q) => 60 + q * 15),
);
export const timeRange: fc.Arbitrary<TimeRange> = fc
  .tuple(minuteOfDay, fc.oneof(minuteOfDay, fc.constant(1440)))
  .filter(([start, end]) => start !== end)
  .map(([start, end]) => [hhmm(start), hhmm(end)] as const);

const dayRanges = fc.array(timeRange, { maxLength: 3 });

/** An instant on a whole minute in 2020–2030, often within 5 days of a DST transition. */
export const minuteInstant: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: FIRST / MINUTE, max: LAST / MINUTE }).map((m) => m * MINUTE),
  fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -5 * 1440, max: 5 * 1440 })).map(([t, m]) => t + m * MINUTE),
);

/** An instant with millisecond precision near a base instant. */
export const near = (base: number, spanDays: number): fc.Arbitrary<number> =>
  fc.integer({ min: -spanDays * DAY, max: spanDays * DAY }).map((d) => base + d);

/**
 * The schedule of generated parts: `week` holds the ranges of Sunday … Saturday (an empty day
 * is closed), holidays and overrides are day offsets from `base`.
 */
export function scheduleOf(
  timeZone: string,
  week: readonly (readonly TimeRange[])[],
  base: number,
  holidays: readonly number[],
  overrides: readonly { readonly offset: number; readonly hours: readonly TimeRange[] }[],
): Schedule {
  const weekly: Partial<Record<Weekday, readonly TimeRange[]>> = {};
  week.forEach((ranges, i) => {
    if (ranges.length > 0) weekly[WEEKDAYS[i] as Weekday] = ranges;
  });
  return {
    timeZone,
    weekly,
    holidays: holidays.map((d) => isoDate(base + d * DAY)),
    overrides: overrides.map((o) => ({ date: isoDate(base + o.offset * DAY), hours: o.hours })),
  };
}

export interface ScheduleCase {
  readonly schedule: Schedule;
  readonly base: number;
}

/**
 * A random schedule and a base instant; holidays and overrides fall on dates within
 * −3…+12 days of the base so that they matter.
 */
export const scheduleCase = (options: { readonly minWeekly?: number } = {}): fc.Arbitrary<ScheduleCase> =>
  fc
    .record({
      zone: fc.constantFrom(...ZONES),
      week: fc.tuple(dayRanges, dayRanges, dayRanges, dayRanges, dayRanges, dayRanges, dayRanges),
      base: minuteInstant,
      holidays: fc.array(fc.integer({ min: -3, max: 12 }), { maxLength: 4 }),
      overrides: fc.uniqueArray(fc.record({ offset: fc.integer({ min: -3, max: 12 }), hours: fc.array(timeRange, { maxLength: 2 }) }), {
        maxLength: 3,
        selector: (o) => o.offset,
      }),
    })
    .filter(({ week }) => week.flat().length >= (options.minWeekly ?? 0))
    .map(({ zone, week, base, holidays, overrides }) => ({ schedule: scheduleOf(zone, week, base, holidays, overrides), base }));

/** Minutes of the day around the DST changes of the test zones (00:00–05:00). */
const smallHours = fc.oneof(
  fc.integer({ min: 0, max: 20 }).map((q) => q * 15),
  fc.integer({ min: 0, max: 300 }),
);

/**
 * A schedule with the same small-hours ranges every day, in a DST zone, and a whole-minute
 * instant within two days of one of that zone's transitions: every case meets a gap or an
 * overlap.
 */
export const dstCase: fc.Arbitrary<ScheduleCase> = fc
  .constantFrom(...DST_ZONES)
  .chain((zone) =>
    fc.record({
      zone: fc.constant(zone),
      transition: fc.constantFrom(...(TRANSITIONS_BY_ZONE.get(zone) ?? [])),
      shift: fc.integer({ min: -2 * 1440, max: 1440 }),
      ranges: fc.array(
        fc
          .tuple(smallHours, fc.oneof(smallHours, minuteOfDay, fc.constant(1440)))
          .filter(([start, end]) => start !== end)
          .map(([start, end]): TimeRange => [hhmm(start), hhmm(end)]),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  )
  .map(({ zone, transition, shift, ranges }) => ({
    schedule: { timeZone: zone, weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, ranges])) },
    base: transition + shift * MINUTE,
  }));

/** Open all week, every day 00:00–24:00. */
export const allWeek = (timeZone: string): Schedule => {
  const day: readonly TimeRange[] = [["00:00", "24:00"]];
  return { timeZone, weekly: { sun: day, mon: day, tue: day, wed: day, thu: day, fri: day, sat: day } };
};
