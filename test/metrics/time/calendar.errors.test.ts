import { describe, expect, it } from "vitest";
import { addBusinessTime } from "../../../src/metrics/time/addBusinessTime.ts";
import { businessTimeBetween } from "../../../src/metrics/time/businessTimeBetween.ts";
import type { Schedule } from "../../../src/models/schedule.ts";
import { rangeErrorOf as codeOf } from "../../_support/errors.ts";

// One test per error code of the business-hours calendar (docs/guide/errors/business-hours.md).

const H = 3_600_000;
const ok: Schedule = { timeZone: "Europe/Bucharest", weekly: { mon: [["09:00", "17:00"]] } };
const t0 = new Date("2026-01-05T12:00:00Z");
const t1 = new Date("2026-01-06T12:00:00Z");

describe("E_INVALID_DATE", () => {
  it("is thrown for an invalid start or end", () => {
    expect(codeOf(() => businessTimeBetween(new Date(Number.NaN), t1, ok))).toEqual({
      code: "E_INVALID_DATE",
      message: "businessTimeBetween: start must be a valid Date at least 5 days inside the Date range, got Invalid Date",
    });
    expect(codeOf(() => businessTimeBetween(t0, new Date(Number.NaN), ok)).code).toBe("E_INVALID_DATE");
    expect(codeOf(() => addBusinessTime(new Date(Number.NaN), H, ok)).message).toMatch(/^addBusinessTime: start must be/);
    expect(codeOf(() => businessTimeBetween(t0, new Date(8.64e15), ok)).code).toBe("E_INVALID_DATE");
    expect(codeOf(() => businessTimeBetween("2026-01-05" as unknown as Date, t1, ok)).code).toBe("E_INVALID_DATE");
  });
});

describe("E_NOT_FINITE", () => {
  it("is thrown for a non-finite ms", () => {
    expect(codeOf(() => addBusinessTime(t0, Number.NaN, ok))).toEqual({
      code: "E_NOT_FINITE",
      message: "addBusinessTime: ms must be a finite number, got NaN",
    });
    expect(codeOf(() => addBusinessTime(t0, Infinity, ok)).code).toBe("E_NOT_FINITE");
  });
});

describe("E_SCHEDULE_INVALID", () => {
  const cases: [string, unknown, string][] = [
    ["a non-object schedule", null, "businessTimeBetween: schedule must be an object, got null"],
    ["an unknown time zone", { timeZone: "Mars/Olympus", weekly: {} }, "businessTimeBetween: schedule.timeZone must be"],
    ["an unknown weekday key", { timeZone: "UTC", weekly: { monday: [] } }, "businessTimeBetween: schedule.weekly.monday must be"],
    ["a bad HH:MM", { timeZone: "UTC", weekly: { tue: [["9:00", "17:00"]] } }, "businessTimeBetween: schedule.weekly.tue[0] must be"],
    ["minutes past 59", { timeZone: "UTC", weekly: { tue: [["09:00", "17:60"]] } }, "businessTimeBetween: schedule.weekly.tue[0] must be"],
    ["24:00 as a start", { timeZone: "UTC", weekly: { tue: [["24:00", "06:00"]] } }, "businessTimeBetween: schedule.weekly.tue[0] must be"],
    [
      "a range with start = end",
      {
        timeZone: "UTC",
        weekly: {
          wed: [
            ["08:00", "17:00"],
            ["09:00", "09:00"],
          ],
        },
      },
      "businessTimeBetween: schedule.weekly.wed[1] must be",
    ],
    [
      "a range of three times",
      { timeZone: "UTC", weekly: { wed: [["08:00", "12:00", "17:00"]] } },
      "businessTimeBetween: schedule.weekly.wed[0] must be",
    ],
    [
      "a non-date holiday",
      { timeZone: "UTC", weekly: {}, holidays: ["2026-01-01", "2026-02-30"] },
      "businessTimeBetween: schedule.holidays[1] must be a real date",
    ],
    [
      "a holiday in another format",
      { timeZone: "UTC", weekly: {}, holidays: ["01/01/2026"] },
      "businessTimeBetween: schedule.holidays[0] must be a real date",
    ],
    [
      "a repeated override date",
      {
        timeZone: "UTC",
        weekly: {},
        overrides: [
          { date: "2026-01-01", hours: [] },
          { date: "2026-01-01", hours: [] },
        ],
      },
      "businessTimeBetween: schedule.overrides[1].date must not repeat",
    ],
    [
      "bad override hours",
      { timeZone: "UTC", weekly: {}, overrides: [{ date: "2026-01-01", hours: [["10:00", "25:00"]] }] },
      "businessTimeBetween: schedule.overrides[0].hours[0] must be",
    ],
  ];
  for (const [what, schedule, prefix] of cases) {
    it(`is thrown for ${what}, naming the field`, () => {
      const { code, message } = codeOf(() => businessTimeBetween(t0, t1, schedule as Schedule));
      expect(code).toBe("E_SCHEDULE_INVALID");
      expect(message.startsWith(prefix)).toBe(true);
      expect(message).toMatch(/, got .+$/);
    });
  }

  it("is thrown by addBusinessTime too, even for ms = 0", () => {
    const bad = { timeZone: "UTC", weekly: { fri: [["17:00", "17:00"]] } } as Schedule;
    expect(codeOf(() => addBusinessTime(t0, 0, bad)).message).toBe(
      'addBusinessTime: schedule.weekly.fri[0] must be [start, end] with start "00:00"–"23:59", end "00:00"–"24:00" and end ≠ start (an earlier end crosses midnight), got ["17:00","17:00"]',
    );
  });
});

describe("E_SCHEDULE_EMPTY", () => {
  it("is thrown when the schedule has no opening hours at all and ms ≠ 0", () => {
    const closed: Schedule = { timeZone: "UTC", weekly: {}, holidays: ["2026-01-01"], overrides: [{ date: "2026-01-02", hours: [] }] };
    expect(codeOf(() => addBusinessTime(t0, H, closed))).toEqual({
      code: "E_SCHEDULE_EMPTY",
      message: "addBusinessTime: schedule must have opening hours, got none",
    });
    expect(codeOf(() => addBusinessTime(t0, -H, closed)).code).toBe("E_SCHEDULE_EMPTY");
    // ms = 0 needs no open time, and counting needs none either.
    expect(addBusinessTime(t0, 0, closed).getTime()).toBe(t0.getTime());
    expect(businessTimeBetween(t0, t1, closed)).toBe(0);
  });

  it("is thrown when the only hours lie behind the direction of travel, or run out", () => {
    const once: Schedule = { timeZone: "UTC", weekly: {}, overrides: [{ date: "2026-01-10", hours: [["10:00", "12:00"]] }] };
    expect(codeOf(() => addBusinessTime(new Date("2026-02-01T00:00:00Z"), H, once)).message).toBe(
      "addBusinessTime: schedule must have 3600000 ms of opening hours after start 2026-02-01T00:00:00.000Z, got 0",
    );
    expect(codeOf(() => addBusinessTime(new Date("2025-12-01T00:00:00Z"), -H, once)).code).toBe("E_SCHEDULE_EMPTY");
    // 3 h asked, only 2 h exist after start.
    expect(codeOf(() => addBusinessTime(new Date("2026-01-01T00:00:00Z"), 3 * H, once)).message).toBe(
      "addBusinessTime: schedule must have 10800000 ms of opening hours after start 2026-01-01T00:00:00.000Z, got 7200000",
    );
    expect(codeOf(() => addBusinessTime(new Date("2026-02-01T00:00:00Z"), -3 * H, once)).message).toBe(
      "addBusinessTime: schedule must have 10800000 ms of opening hours before start 2026-02-01T00:00:00.000Z, got 7200000",
    );
  });
});

describe("E_SCHEDULE_HORIZON", () => {
  it("is thrown when |ms| is not reached within 100 years of start", () => {
    // One hour a week is about 5,218 h per 100 years; ask for 6,000 h.
    const sparse: Schedule = { timeZone: "UTC", weekly: { sun: [["10:00", "11:00"]] } };
    expect(codeOf(() => addBusinessTime(t0, 6_000 * H, sparse))).toEqual({
      code: "E_SCHEDULE_HORIZON",
      message: `addBusinessTime: ms of business time must elapse within 100 years of start, got ${6_000 * H}`,
    });
    expect(codeOf(() => addBusinessTime(t0, -6_000 * H, sparse)).code).toBe("E_SCHEDULE_HORIZON");
    // 5,000 h is reachable.
    expect(addBusinessTime(t0, 5_000 * H, sparse).getTime()).toBeGreaterThan(t0.getTime());
  });
});
