import { describe, expect, it } from "vitest";
import { businessTimeBetween } from "../../../src/metrics/time/businessTimeBetween.ts";
import type { Schedule, TimeRange } from "../../../src/models/schedule.ts";

// Every expected value below is derived by hand from the schedule and the local dates;
// the comment above each case shows the arithmetic. Weekdays were checked from
// 2026-01-01 = Thursday (so 2026-01-05 is a Monday, 2026-03-01 and 2026-03-08 Sundays).
// Instants are written with their local UTC offset so the wall time is visible.

const H = 3_600_000;
const M = 60_000;
const at = (iso: string): Date => new Date(iso);
const nineToFive: readonly TimeRange[] = [["09:00", "17:00"]];
const weekdays = (timeZone: string, extra: Partial<Schedule> = {}): Schedule => ({
  timeZone,
  weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
  ...extra,
});

describe("businessTimeBetween: weekly hours and weekends (hand-derived)", () => {
  const la = weekdays("America/Los_Angeles");

  it("counts 5 × 8 h over a whole week", () => {
    // Mon 2026-01-05 00:00 → Mon 2026-01-12 00:00 (PST): Mon–Fri 09–17 = 40 h.
    expect(businessTimeBetween(at("2026-01-05T00:00:00-08:00"), at("2026-01-12T00:00:00-08:00"), la)).toBe(40 * H);
  });

  it("skips the weekend between Friday afternoon and Monday morning", () => {
    // Fri 2026-01-09 16:00 → Mon 2026-01-12 10:00: Fri 16–17 (1 h) + Mon 09–10 (1 h) = 2 h.
    expect(businessTimeBetween(at("2026-01-09T16:00:00-08:00"), at("2026-01-12T10:00:00-08:00"), la)).toBe(2 * H);
  });

  it("is 0 inside a weekend and for an empty span", () => {
    // Sat 10:00 → Sun 20:00: no weekly hours on Saturday or Sunday.
    expect(businessTimeBetween(at("2026-01-10T10:00:00-08:00"), at("2026-01-11T20:00:00-08:00"), la)).toBe(0);
    const t = at("2026-01-07T12:00:00-08:00");
    expect(businessTimeBetween(t, t, la)).toBe(0);
  });

  it("is negative when end is before start", () => {
    // The 2 h case above, reversed.
    expect(businessTimeBetween(at("2026-01-12T10:00:00-08:00"), at("2026-01-09T16:00:00-08:00"), la)).toBe(-2 * H);
  });

  it("counts [start, end): the minute starting at 17:00 is closed, the one at 09:00 open", () => {
    // Mon 16:59 → 17:01 = 1 min (16:59–17:00); Mon 08:59 → 09:01 = 1 min (09:00–09:01).
    expect(businessTimeBetween(at("2026-01-05T16:59:00-08:00"), at("2026-01-05T17:01:00-08:00"), la)).toBe(M);
    expect(businessTimeBetween(at("2026-01-05T08:59:00-08:00"), at("2026-01-05T09:01:00-08:00"), la)).toBe(M);
  });

  it("merges overlapping and adjacent ranges of a day instead of double counting", () => {
    // 09–13 ∪ 12–17 ∪ 17–18 = 09–18 = 9 h on Mon 2026-01-05.
    const schedule: Schedule = {
      timeZone: "America/Los_Angeles",
      weekly: {
        mon: [
          ["12:00", "17:00"],
          ["09:00", "13:00"],
          ["17:00", "18:00"],
        ],
      },
    };
    expect(businessTimeBetween(at("2026-01-05T00:00:00-08:00"), at("2026-01-06T00:00:00-08:00"), schedule)).toBe(9 * H);
  });
});

describe("businessTimeBetween: holidays and overrides (hand-derived)", () => {
  const week = [at("2026-01-05T00:00:00-08:00"), at("2026-01-12T00:00:00-08:00")] as const;

  it("closes a holiday all day", () => {
    // Wed 2026-01-07 is a holiday: 40 h − 8 h = 32 h.
    const schedule = weekdays("America/Los_Angeles", { holidays: ["2026-01-07"] });
    expect(businessTimeBetween(week[0], week[1], schedule)).toBe(32 * H);
  });

  it("applies a short day, an extra day and a closure", () => {
    // Tue 01-06 closed (−8 h), Thu 01-08 09–12 (−5 h), Sat 01-10 10–14 (+4 h): 40 − 8 − 5 + 4 = 31 h.
    const schedule = weekdays("America/Los_Angeles", {
      overrides: [
        { date: "2026-01-06", hours: [] },
        { date: "2026-01-08", hours: [["09:00", "12:00"]] },
        { date: "2026-01-10", hours: [["10:00", "14:00"]] },
      ],
    });
    expect(businessTimeBetween(week[0], week[1], schedule)).toBe(31 * H);
  });

  it("lets an override win over a holiday on the same date", () => {
    // Sat 01-10 is both a holiday and overridden to 10–14: the override applies, +4 h.
    const schedule = weekdays("America/Los_Angeles", {
      holidays: ["2026-01-10"],
      overrides: [{ date: "2026-01-10", hours: [["10:00", "14:00"]] }],
    });
    expect(businessTimeBetween(week[0], week[1], schedule)).toBe(44 * H);
  });
});

describe("businessTimeBetween: ranges crossing midnight and ending at 24:00 (hand-derived)", () => {
  // Europe/Bucharest in January is UTC+2 (EET).
  const overnight: Schedule = {
    timeZone: "Europe/Bucharest",
    weekly: { mon: [["22:00", "06:00"]], tue: [["00:00", "08:00"]] },
  };
  const monday = at("2026-01-05T00:00:00+02:00");
  const wednesday = at("2026-01-07T00:00:00+02:00");

  it("counts an overnight shift once where it overlaps the next day's hours", () => {
    // Mon 22:00 → Tue 06:00 ∪ Tue 00:00 → 08:00 = Mon 22:00 → Tue 08:00 = 10 h (not 8 + 8).
    expect(businessTimeBetween(monday, wednesday, overnight)).toBe(10 * H);
    // Tue 03:00 → 07:00 lies wholly inside: 4 h.
    expect(businessTimeBetween(at("2026-01-06T03:00:00+02:00"), at("2026-01-06T07:00:00+02:00"), overnight)).toBe(4 * H);
  });

  it("closes the ranges that start on a holiday, not those that end on it", () => {
    // Holiday Tue 01-06: Monday's shift still runs to Tue 06:00; Tuesday's 00–08 is closed: 8 h.
    expect(businessTimeBetween(monday, wednesday, { ...overnight, holidays: ["2026-01-06"] })).toBe(8 * H);
    // Holiday Mon 01-05: Monday's 22:00 shift is closed; Tuesday's 00–08 remains: 8 h.
    expect(businessTimeBetween(monday, wednesday, { ...overnight, holidays: ["2026-01-05"] })).toBe(8 * H);
  });

  it("reads an override crossing midnight as belonging to its own date", () => {
    // Override Tue 01-06 to 20:00 → 02:00: Mon 22 → Tue 06 (8 h) + Tue 20 → Wed 02 (6 h) = 14 h,
    // counted up to Thu 00:00.
    const schedule: Schedule = { ...overnight, overrides: [{ date: "2026-01-06", hours: [["20:00", "02:00"]] }] };
    expect(businessTimeBetween(monday, at("2026-01-08T00:00:00+02:00"), schedule)).toBe(14 * H);
  });

  it("treats a 24:00 end (and a 00:00 end) as the next midnight, merging with the next day", () => {
    // Sat 18:00–24:00 + Sun 00:00–02:00 = 8 h continuous; "00:00" as an end means the same as "24:00".
    const a: Schedule = { timeZone: "Europe/Bucharest", weekly: { sat: [["18:00", "24:00"]], sun: [["00:00", "02:00"]] } };
    const b: Schedule = { timeZone: "Europe/Bucharest", weekly: { sat: [["18:00", "00:00"]], sun: [["00:00", "02:00"]] } };
    const sat = at("2026-01-10T00:00:00+02:00");
    const mon = at("2026-01-12T00:00:00+02:00");
    expect(businessTimeBetween(sat, mon, a)).toBe(8 * H);
    expect(businessTimeBetween(sat, mon, b)).toBe(8 * H);
    // Sat 23:00 → Sun 01:00 straddles midnight: 2 h.
    expect(businessTimeBetween(at("2026-01-10T23:00:00+02:00"), at("2026-01-11T01:00:00+02:00"), a)).toBe(2 * H);
  });

  it("is open all day with 00:00–24:00", () => {
    const allDay: Schedule = { timeZone: "Europe/Bucharest", weekly: { mon: [["00:00", "24:00"]] } };
    expect(businessTimeBetween(monday, wednesday, allDay)).toBe(24 * H);
  });
});

describe("businessTimeBetween: a zone with a half-hour offset and no DST (Asia/Kolkata, UTC+05:30)", () => {
  const kolkata: Schedule = { timeZone: "Asia/Kolkata", weekly: { mon: [["09:30", "18:00"]] } };

  it("opens at 09:30 IST = 04:00 UTC and closes at 18:00 IST = 12:30 UTC", () => {
    // Mon 2026-01-05: 09:30 → 18:00 = 8.5 h; 04:00Z → 04:30Z is its first half hour.
    expect(businessTimeBetween(at("2026-01-05T00:00:00Z"), at("2026-01-06T00:00:00Z"), kolkata)).toBe(8.5 * H);
    expect(businessTimeBetween(at("2026-01-05T04:00:00Z"), at("2026-01-05T04:30:00Z"), kolkata)).toBe(30 * M);
    expect(businessTimeBetween(at("2026-01-05T03:00:00Z"), at("2026-01-05T04:00:00Z"), kolkata)).toBe(0);
  });

  it("uses the schedule's zone, not UTC, to decide the weekday", () => {
    // Sun 2026-01-04 23:00 UTC is already Monday 04:30 IST, which is closed; Monday's hours
    // 09:30–18:00 IST fall on 2026-01-05 04:00Z–12:30Z, so Sun 20:00Z → Mon 06:00Z counts 2 h.
    expect(businessTimeBetween(at("2026-01-04T20:00:00Z"), at("2026-01-05T06:00:00Z"), kolkata)).toBe(2 * H);
  });
});

describe("businessTimeBetween: long spans", () => {
  it("counts 10 years of a 9–5 weekday schedule quickly", () => {
    // Reference: count the weekdays of 2026-01-01 … 2035-12-31 on a plain UTC calendar, × 8 h.
    let weekdaysCount = 0;
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2036, 0, 1); t += 86_400_000) {
      const dow = new Date(t).getUTCDay();
      if (dow !== 0 && dow !== 6) weekdaysCount++;
    }
    const la = weekdays("America/Los_Angeles");
    const started = performance.now();
    const result = businessTimeBetween(at("2026-01-01T00:00:00-08:00"), at("2036-01-01T00:00:00-08:00"), la);
    const elapsed = performance.now() - started;
    expect(result).toBe(weekdaysCount * 8 * H);
    // Day-by-day work is a few thousand steps; minute-by-minute would be 5 million.
    expect(elapsed).toBeLessThan(2_000);
  });
});
