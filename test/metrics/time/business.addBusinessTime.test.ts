import { describe, expect, it } from "vitest";
import { addBusinessTime } from "../../../src/metrics/time/addBusinessTime.ts";
import { businessTimeBetween } from "../../../src/metrics/time/businessTimeBetween.ts";
import type { Schedule, TimeRange } from "../../../src/models/schedule.ts";

// Known answers for addBusinessTime, derived by hand (2026-01-01 is a Thursday; Los Angeles
// is on PST, UTC−8, in January). Each expected instant is written with its local offset.

const H = 3_600_000;
const at = (iso: string): Date => new Date(iso);
const iso = (local: string): string => at(local).toISOString();
const nineToFive: readonly TimeRange[] = [["09:00", "17:00"]];
const la: Schedule = {
  timeZone: "America/Los_Angeles",
  weekly: { mon: nineToFive, tue: nineToFive, wed: nineToFive, thu: nineToFive, fri: nineToFive },
};

describe("addBusinessTime (hand-derived)", () => {
  it("carries over the weekend", () => {
    // Fri 2026-01-09 16:00 + 2 h: 1 h on Friday, 1 h on Monday → Mon 2026-01-12 10:00.
    expect(addBusinessTime(at("2026-01-09T16:00:00-08:00"), 2 * H, la).toISOString()).toBe(iso("2026-01-12T10:00:00-08:00"));
  });

  it("stops at the end of an open interval, not at the start of the next one", () => {
    // Fri 16:00 + 1 h = Fri 17:00 exactly (the earliest instant with 1 h elapsed).
    expect(addBusinessTime(at("2026-01-09T16:00:00-08:00"), H, la).toISOString()).toBe(iso("2026-01-09T17:00:00-08:00"));
  });

  it("goes backward for negative ms and stops at the start of an open interval", () => {
    // Mon 10:00 − 1 h = Mon 09:00 (not Fri 17:00); Mon 10:00 − 2 h = Fri 16:00.
    const monday = at("2026-01-12T10:00:00-08:00");
    expect(addBusinessTime(monday, -H, la).toISOString()).toBe(iso("2026-01-12T09:00:00-08:00"));
    expect(addBusinessTime(monday, -2 * H, la).toISOString()).toBe(iso("2026-01-09T16:00:00-08:00"));
  });

  it("starts counting at the next opening when start is closed", () => {
    // Sat 2026-01-10 12:00 + 1 h → Mon 09:00 + 1 h = Mon 10:00.
    expect(addBusinessTime(at("2026-01-10T12:00:00-08:00"), H, la).toISOString()).toBe(iso("2026-01-12T10:00:00-08:00"));
  });

  it("returns a copy of start for ms = 0, even when closed", () => {
    const saturday = at("2026-01-10T12:00:00-08:00");
    const result = addBusinessTime(saturday, 0, la);
    expect(result.getTime()).toBe(saturday.getTime());
    expect(result).not.toBe(saturday);
    expect(addBusinessTime(saturday, -0, la).getTime()).toBe(saturday.getTime());
  });

  it("skips holidays and uses overrides", () => {
    // Holiday Thu 2026-01-01: Wed 2025-12-31 16:00 + 2 h → Wed 16–17 (1 h) + Fri 01-02 09–10 → Fri 10:00.
    const withHoliday: Schedule = { ...la, holidays: ["2026-01-01"] };
    expect(addBusinessTime(at("2025-12-31T16:00:00-08:00"), 2 * H, withHoliday).toISOString()).toBe(iso("2026-01-02T10:00:00-08:00"));
    // Override Sat 2026-01-10 to 10–12: Fri 01-09 16:00 + 2 h → Fri 16–17 + Sat 10–11 → Sat 11:00.
    const withOverride: Schedule = { ...la, overrides: [{ date: "2026-01-10", hours: [["10:00", "12:00"]] }] };
    expect(addBusinessTime(at("2026-01-09T16:00:00-08:00"), 2 * H, withOverride).toISOString()).toBe(iso("2026-01-10T11:00:00-08:00"));
  });

  it("runs through an overnight shift and a 24:00 end", () => {
    // Mon 22:00–06:00 (Bucharest, UTC+2 in January): Mon 2026-01-05 23:00 + 3 h → Tue 02:00.
    const night: Schedule = { timeZone: "Europe/Bucharest", weekly: { mon: [["22:00", "06:00"]] } };
    expect(addBusinessTime(at("2026-01-05T23:00:00+02:00"), 3 * H, night).toISOString()).toBe(iso("2026-01-06T02:00:00+02:00"));
    // Sat 18:00–24:00 + Sun 00:00–02:00: Sat 18:00 + 6 h lands on Sun 00:00, inside the merged interval.
    const weekend: Schedule = { timeZone: "Europe/Bucharest", weekly: { sat: [["18:00", "24:00"]], sun: [["00:00", "02:00"]] } };
    expect(addBusinessTime(at("2026-01-10T18:00:00+02:00"), 6 * H, weekend).toISOString()).toBe(iso("2026-01-11T00:00:00+02:00"));
    // … and + 7 h lands on Sun 01:00.
    expect(addBusinessTime(at("2026-01-10T18:00:00+02:00"), 7 * H, weekend).toISOString()).toBe(iso("2026-01-11T01:00:00+02:00"));
  });

  it("rounds a fractional ms away from start to the next whole millisecond", () => {
    // Mon 09:00 + 0.5 ms → 09:00:00.001; Mon 09:00:00.001 − 0.5 ms → 09:00:00.000.
    expect(addBusinessTime(at("2026-01-05T09:00:00-08:00"), 0.5, la).toISOString()).toBe(iso("2026-01-05T09:00:00.001-08:00"));
    expect(addBusinessTime(at("2026-01-05T09:00:00.001-08:00"), -0.5, la).toISOString()).toBe(iso("2026-01-05T09:00:00-08:00"));
  });

  it("handles a schedule whose only hours are one override, in both directions", () => {
    // Only 2026-01-10 10:00–12:00 is open: from a year before, + 1 h → 11:00; from a year after, − 1 h → 11:00.
    const once: Schedule = {
      timeZone: "America/Los_Angeles",
      weekly: {},
      overrides: [{ date: "2026-01-10", hours: [["10:00", "12:00"]] }],
    };
    expect(addBusinessTime(at("2025-01-10T00:00:00-08:00"), H, once).toISOString()).toBe(iso("2026-01-10T11:00:00-08:00"));
    expect(addBusinessTime(at("2027-01-10T00:00:00-08:00"), -H, once).toISOString()).toBe(iso("2026-01-10T11:00:00-08:00"));
  });

  it("adds 10 years' worth of business time quickly and round-trips", () => {
    const start = at("2026-01-01T00:00:00-08:00");
    const end = at("2036-01-01T00:00:00-08:00");
    const total = businessTimeBetween(start, end, la);
    const started = performance.now();
    const reached = addBusinessTime(start, total, la);
    const elapsed = performance.now() - started;
    // The last weekday before 2036-01-01 is Mon 2035-12-31, closing at 17:00.
    expect(reached.toISOString()).toBe(iso("2035-12-31T17:00:00-08:00"));
    expect(addBusinessTime(reached, -total, la).toISOString()).toBe(iso("2026-01-01T09:00:00-08:00"));
    expect(elapsed).toBeLessThan(2_000);
  });
});

describe("the documented examples (TSDoc and docs/guide/time-zones.md) hold", () => {
  it("businessTimeBetween's TSDoc example", () => {
    const schedule = { timeZone: "Europe/Bucharest", weekly: { mon: [["09:00", "17:00"]] } } as const;
    expect(businessTimeBetween(at("2026-03-02T06:00:00Z"), at("2026-03-02T10:00:00Z"), schedule)).toBe(10_800_000);
    expect(businessTimeBetween(at("2026-03-02T10:00:00Z"), at("2026-03-02T06:00:00Z"), schedule)).toBe(-10_800_000);
  });

  it("addBusinessTime's TSDoc example", () => {
    const schedule = { timeZone: "Europe/Bucharest", weekly: { mon: [["09:00", "17:00"]], tue: [["09:00", "17:00"]] } } as const;
    expect(addBusinessTime(at("2026-03-02T14:00:00Z"), 7_200_000, schedule).toISOString()).toBe("2026-03-03T08:00:00.000Z");
    expect(addBusinessTime(at("2026-03-03T08:00:00Z"), -7_200_000, schedule).toISOString()).toBe("2026-03-02T14:00:00.000Z");
  });

  it("the guide's examples", () => {
    expect(businessTimeBetween(at("2026-01-09T16:00:00-08:00"), at("2026-01-12T10:00:00-08:00"), la)).toBe(7_200_000);
    expect(businessTimeBetween(at("2026-01-12T10:00:00-08:00"), at("2026-01-09T16:00:00-08:00"), la)).toBe(-7_200_000);
    expect(addBusinessTime(at("2026-01-09T16:00:00-08:00"), 2 * 3_600_000, la).toISOString()).toBe("2026-01-12T18:00:00.000Z");
    expect(addBusinessTime(at("2026-01-09T16:00:00-08:00"), 3_600_000, la).toISOString()).toBe("2026-01-10T01:00:00.000Z");
    expect(addBusinessTime(at("2026-01-12T10:00:00-08:00"), -3_600_000, la).toISOString()).toBe("2026-01-12T17:00:00.000Z");
    // The guide's sample schedule is valid; Wednesday's lunch break leaves 7 h; Saturday's
    // night shift runs into Sunday; the 2026-12-27 override opens an extra Sunday.
    const support: Schedule = {
      timeZone: "Europe/Bucharest",
      weekly: {
        mon: [["09:00", "17:00"]],
        tue: [["09:00", "17:00"]],
        wed: [
          ["09:00", "12:00"],
          ["13:00", "17:00"],
        ],
        thu: [["09:00", "17:00"]],
        fri: [["09:00", "17:00"]],
        sat: [["22:00", "06:00"]],
      },
      holidays: ["2026-12-25", "2026-12-26"],
      overrides: [
        { date: "2026-12-24", hours: [["09:00", "13:00"]] },
        { date: "2026-12-27", hours: [["10:00", "14:00"]] },
        { date: "2026-12-31", hours: [] },
      ],
    };
    // Week of Mon 2026-12-21 … Sun 12-27 (EET, UTC+2): Mon 8 + Tue 8 + Wed 7 + Thu 12-24 4 +
    // Fri 12-25 holiday 0 + Sat 12-26 holiday (night shift closed) 0 + Sun 12-27 override 4
    // + the night shift of Sat 12-19 running into Sun 12-20 is outside the span = 31 h.
    expect(businessTimeBetween(at("2026-12-21T00:00:00+02:00"), at("2026-12-28T00:00:00+02:00"), support)).toBe(31 * H);
  });
});
