import { TZDate } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { addBusinessTime } from "../../../src/metrics/time/addBusinessTime.ts";
import { businessTimeBetween } from "../../../src/metrics/time/businessTimeBetween.ts";
import type { Schedule, TimeRange } from "../../../src/models/schedule.ts";

// Daylight-saving known answers, derived by hand. The rule under test: a wall time in a
// spring-forward gap moves forward by the gap; an ambiguous wall time (fall-back overlap)
// takes its first occurrence (Temporal's "compatible" disambiguation,
// https://tc39.es/proposal-temporal/docs/timezone.html). Every transition date used here is
// first checked with TZDate so a tzdata change cannot silently invalidate the arithmetic.

const H = 3_600_000;
const M = 60_000;
const at = (iso: string): Date => new Date(iso);
const sunday = (timeZone: string, hours: readonly TimeRange[]): Schedule => ({ timeZone, weekly: { sun: hours } });
const offsetHours = (timeZone: string, iso: string): number => -new TZDate(at(iso).getTime(), timeZone).getTimezoneOffset() / 60;

describe("the transitions used below (checked with TZDate)", () => {
  it("America/Los_Angeles: 2026-03-08 02:00 PST → 03:00 PDT, 2026-11-01 02:00 PDT → 01:00 PST", () => {
    expect(offsetHours("America/Los_Angeles", "2026-03-08T09:59:00Z")).toBe(-8);
    expect(offsetHours("America/Los_Angeles", "2026-03-08T10:00:00Z")).toBe(-7);
    expect(offsetHours("America/Los_Angeles", "2026-11-01T08:59:00Z")).toBe(-7);
    expect(offsetHours("America/Los_Angeles", "2026-11-01T09:00:00Z")).toBe(-8);
  });

  it("Europe/Bucharest: 2026-03-29 03:00 EET → 04:00 EEST, 2026-10-25 04:00 EEST → 03:00 EET", () => {
    expect(offsetHours("Europe/Bucharest", "2026-03-29T00:59:00Z")).toBe(2);
    expect(offsetHours("Europe/Bucharest", "2026-03-29T01:00:00Z")).toBe(3);
    expect(offsetHours("Europe/Bucharest", "2026-10-25T00:59:00Z")).toBe(3);
    expect(offsetHours("Europe/Bucharest", "2026-10-25T01:00:00Z")).toBe(2);
  });

  it("Australia/Lord_Howe: 2026-04-05 02:00 (+11) → 01:30 (+10:30), 2026-10-04 02:00 (+10:30) → 02:30 (+11)", () => {
    expect(offsetHours("Australia/Lord_Howe", "2026-04-04T14:59:00Z")).toBe(11);
    expect(offsetHours("Australia/Lord_Howe", "2026-04-04T15:00:00Z")).toBe(10.5);
    expect(offsetHours("Australia/Lord_Howe", "2026-10-03T15:29:00Z")).toBe(10.5);
    expect(offsetHours("Australia/Lord_Howe", "2026-10-03T15:30:00Z")).toBe(11);
  });

  it("all the DST dates used are Sundays, and Asia/Kolkata stays at +05:30", () => {
    for (const date of ["2026-03-08", "2026-11-01", "2026-03-29", "2026-10-25", "2026-04-05", "2026-10-04"]) {
      expect(at(`${date}T12:00:00Z`).getUTCDay()).toBe(0);
    }
    expect(offsetHours("Asia/Kolkata", "2026-01-15T00:00:00Z")).toBe(5.5);
    expect(offsetHours("Asia/Kolkata", "2026-07-15T00:00:00Z")).toBe(5.5);
  });
});

describe("America/Los_Angeles (west of UTC)", () => {
  const day = (date: string, offset: string): Date => at(`${date}T00:00:00${offset}`);

  it("01:00–03:00 on the spring-forward day is 1 h of real time (2 h on a normal Sunday)", () => {
    const s = sunday("America/Los_Angeles", [["01:00", "03:00"]]);
    // 01:00 PST = 09:00Z; 03:00 PDT = 10:00Z.
    expect(businessTimeBetween(day("2026-03-08", "-08:00"), day("2026-03-09", "-07:00"), s)).toBe(1 * H);
    expect(businessTimeBetween(day("2026-03-01", "-08:00"), day("2026-03-02", "-08:00"), s)).toBe(2 * H);
  });

  it("00:00–24:00 is 23 h on the spring-forward day and 25 h on the fall-back day", () => {
    const s = sunday("America/Los_Angeles", [["00:00", "24:00"]]);
    expect(businessTimeBetween(day("2026-03-08", "-08:00"), day("2026-03-09", "-07:00"), s)).toBe(23 * H);
    expect(businessTimeBetween(day("2026-11-01", "-07:00"), day("2026-11-02", "-08:00"), s)).toBe(25 * H);
  });

  it("moves an opening time inside the gap forward by the gap", () => {
    // 02:30 does not exist on 2026-03-08: it becomes 03:30 PDT (10:30Z); closing 04:00 PDT (11:00Z): 30 min.
    const s = sunday("America/Los_Angeles", [["02:30", "04:00"]]);
    expect(businessTimeBetween(day("2026-03-08", "-08:00"), day("2026-03-09", "-07:00"), s)).toBe(30 * M);
    expect(addBusinessTime(day("2026-03-08", "-08:00"), M, s).toISOString()).toBe("2026-03-08T10:31:00.000Z");
    // 02:00–02:30 moves as a whole to 03:00–03:30 PDT: still 30 min.
    expect(
      businessTimeBetween(day("2026-03-08", "-08:00"), day("2026-03-09", "-07:00"), sunday("America/Los_Angeles", [["02:00", "02:30"]])),
    ).toBe(30 * M);
    // 02:30–03:00 opens at 03:30 PDT, after it closes at 03:00 PDT: empty.
    expect(
      businessTimeBetween(day("2026-03-08", "-08:00"), day("2026-03-09", "-07:00"), sunday("America/Los_Angeles", [["02:30", "03:00"]])),
    ).toBe(0);
  });

  it("takes the first occurrence of an ambiguous fall-back time", () => {
    const from = day("2026-11-01", "-07:00");
    const to = day("2026-11-02", "-08:00");
    // 01:00 (first, PDT) = 08:00Z → 02:00 PST = 10:00Z: 2 h.
    expect(businessTimeBetween(from, to, sunday("America/Los_Angeles", [["01:00", "02:00"]]))).toBe(2 * H);
    // 00:00 PDT = 07:00Z → 01:30 (first, PDT) = 08:30Z: 1.5 h.
    expect(businessTimeBetween(from, to, sunday("America/Los_Angeles", [["00:00", "01:30"]]))).toBe(1.5 * H);
    // 01:30 (first, PDT) = 08:30Z → 03:00 PST = 11:00Z: 2.5 h.
    expect(businessTimeBetween(from, to, sunday("America/Los_Angeles", [["01:30", "03:00"]]))).toBe(2.5 * H);
  });
});

describe("Europe/Bucharest (east of UTC)", () => {
  it("00:00–24:00 is 23 h on 2026-03-29 and 25 h on 2026-10-25", () => {
    const s = sunday("Europe/Bucharest", [["00:00", "24:00"]]);
    expect(businessTimeBetween(at("2026-03-29T00:00:00+02:00"), at("2026-03-30T00:00:00+03:00"), s)).toBe(23 * H);
    expect(businessTimeBetween(at("2026-10-25T00:00:00+03:00"), at("2026-10-26T00:00:00+02:00"), s)).toBe(25 * H);
  });

  it("03:00–05:00 on the spring-forward day opens at 04:00 EEST: 1 h", () => {
    // 03:00 → gap → 04:00 EEST = 01:00Z; 05:00 EEST = 02:00Z.
    const s = sunday("Europe/Bucharest", [["03:00", "05:00"]]);
    expect(businessTimeBetween(at("2026-03-29T00:00:00+02:00"), at("2026-03-30T00:00:00+03:00"), s)).toBe(1 * H);
  });

  it("03:00–04:00 on the fall-back day runs from the first 03:00 (EEST) to 04:00 EET: 2 h", () => {
    // 03:00 EEST = 00:00Z; 04:00 EET = 02:00Z.
    const s = sunday("Europe/Bucharest", [["03:00", "04:00"]]);
    expect(businessTimeBetween(at("2026-10-25T00:00:00+03:00"), at("2026-10-26T00:00:00+02:00"), s)).toBe(2 * H);
  });

  it("adds 23 h of a Sunday-only 24 h schedule across the spring-forward day to reach Monday 00:00", () => {
    const s = sunday("Europe/Bucharest", [["00:00", "24:00"]]);
    expect(addBusinessTime(at("2026-03-29T00:00:00+02:00"), 23 * H, s).toISOString()).toBe("2026-03-29T21:00:00.000Z");
  });
});

describe("Australia/Lord_Howe (a 30-minute DST shift)", () => {
  it("00:00–24:00 is 24.5 h on 2026-04-05 and 23.5 h on 2026-10-04", () => {
    const s = sunday("Australia/Lord_Howe", [["00:00", "24:00"]]);
    expect(businessTimeBetween(at("2026-04-05T00:00:00+11:00"), at("2026-04-06T00:00:00+10:30"), s)).toBe(24.5 * H);
    expect(businessTimeBetween(at("2026-10-04T00:00:00+10:30"), at("2026-10-05T00:00:00+11:00"), s)).toBe(23.5 * H);
  });

  it("01:30–02:00 on the fall-back day spans both 01:30s: 1 h", () => {
    // 01:30 (first, +11) = 04-04 14:30Z; 02:00 (+10:30) = 15:30Z.
    const s = sunday("Australia/Lord_Howe", [["01:30", "02:00"]]);
    expect(businessTimeBetween(at("2026-04-05T00:00:00+11:00"), at("2026-04-06T00:00:00+10:30"), s)).toBe(1 * H);
  });

  it("02:00–03:00 on the spring-forward day opens at 02:30 (+11): 30 min", () => {
    // 02:00 → gap → 02:30 (+11) = 10-03 15:30Z; 03:00 (+11) = 16:00Z.
    const s = sunday("Australia/Lord_Howe", [["02:00", "03:00"]]);
    expect(businessTimeBetween(at("2026-10-04T00:00:00+10:30"), at("2026-10-05T00:00:00+11:00"), s)).toBe(30 * M);
  });
});

describe("24/7 equals calendar time across every transition", () => {
  const allWeek: readonly TimeRange[] = [["00:00", "24:00"]];
  for (const timeZone of ["America/Los_Angeles", "Europe/Bucharest", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"]) {
    it(`in ${timeZone}, over 2026`, () => {
      const s: Schedule = {
        timeZone,
        weekly: { mon: allWeek, tue: allWeek, wed: allWeek, thu: allWeek, fri: allWeek, sat: allWeek, sun: allWeek },
      };
      const from = at("2025-12-31T13:17:00Z");
      const to = at("2027-01-02T05:43:21.123Z");
      expect(businessTimeBetween(from, to, s)).toBe(to.getTime() - from.getTime());
    });
  }

  it("over 2020–2030 in Australia/Lord_Howe (22 transitions, several 1,024-day chunks)", () => {
    const s: Schedule = {
      timeZone: "Australia/Lord_Howe",
      weekly: { mon: allWeek, tue: allWeek, wed: allWeek, thu: allWeek, fri: allWeek, sat: allWeek, sun: allWeek },
    };
    const from = at("2020-01-01T00:00:00.001Z");
    const to = at("2030-12-31T23:59:59.999Z");
    expect(businessTimeBetween(from, to, s)).toBe(to.getTime() - from.getTime());
  });
});
