import { afterEach, describe, expect, it } from "vitest";
import { test, fc } from "@fast-check/vitest";
import {
  bucketEnd,
  bucketer,
  bucketGrid,
  bucketIndex,
  bucketLabel,
  bucketRange,
  bucketStart,
  hourOfWeek,
  type BucketUnit,
  type CalendarUnit,
} from "../../src/_lib/bucket.ts";
import { MetricRangeError } from "../../src/_lib/errors.ts";
import { TZDate } from "@date-fns/tz";
import { startOfDay, startOfISOWeek, startOfMonth } from "date-fns";

const LA = "America/Los_Angeles";
const iso = (s: string): Date => new Date(s);
const labels = (dates: readonly Date[], unit: BucketUnit, zone: string): string[] => dates.map((d) => bucketLabel(d, unit, zone));

/** A naive reference built on Intl alone: the local fields of an instant, and its offset. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function localParts(ms: number, zone: string): { date: string; hour: string; offset: string; weekday: string } {
  let f = formatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      hourCycle: "h23",
      weekday: "short",
      timeZoneName: "longOffset",
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, hour: p.hour as string, offset: p.timeZoneName as string, weekday: p.weekday as string };
}

describe("bucketRange / bucketLabel across DST in America/Los_Angeles", () => {
  it("gives 23 hourly buckets on the 2026-03-08 spring-forward day, with no 02:00", () => {
    const starts = bucketRange(iso("2026-03-08T08:00:00Z"), iso("2026-03-09T07:00:00Z"), "hour", LA);
    expect(starts).toHaveLength(23);
    expect(labels(starts, "hour", LA).slice(0, 4)).toEqual([
      "2026-03-08T00:00-08:00",
      "2026-03-08T01:00-08:00",
      "2026-03-08T03:00-07:00",
      "2026-03-08T04:00-07:00",
    ]);
    expect(starts[2]?.toISOString()).toBe("2026-03-08T10:00:00.000Z");
  });

  it("gives 25 hourly buckets on the 2026-11-01 fall-back day: two 01:00 buckets told apart by offset", () => {
    const starts = bucketRange(iso("2026-11-01T07:00:00Z"), iso("2026-11-02T08:00:00Z"), "hour", LA);
    expect(starts).toHaveLength(25);
    expect(labels(starts, "hour", LA).slice(0, 4)).toEqual([
      "2026-11-01T00:00-07:00",
      "2026-11-01T01:00-07:00",
      "2026-11-01T01:00-08:00",
      "2026-11-01T02:00-08:00",
    ]);
    // 01:30 PDT and 01:30 PST are different buckets (startOfHour on a TZDate merges them).
    expect(bucketStart(iso("2026-11-01T08:30:00Z"), "hour", LA).toISOString()).toBe("2026-11-01T08:00:00.000Z");
    expect(bucketStart(iso("2026-11-01T09:30:00Z"), "hour", LA).toISOString()).toBe("2026-11-01T09:00:00.000Z");
  });

  it("makes the fall-back day one 25-hour day bucket and the spring-forward day a 23-hour one", () => {
    const fall = iso("2026-11-01T12:00:00Z");
    expect(bucketEnd(fall, "day", LA).getTime() - bucketStart(fall, "day", LA).getTime()).toBe(25 * 3_600_000);
    const spring = iso("2026-03-08T12:00:00Z");
    expect(bucketEnd(spring, "day", LA).getTime() - bucketStart(spring, "day", LA).getTime()).toBe(23 * 3_600_000);
    expect(bucketLabel(fall, "day", LA)).toBe("2026-11-01");
  });
});

describe("other zones and units", () => {
  it("cuts hours at :30 UTC in Asia/Kolkata (+05:30)", () => {
    expect(bucketLabel(iso("2026-03-08T10:40:00Z"), "hour", "Asia/Kolkata")).toBe("2026-03-08T16:00+05:30");
    expect(bucketStart(iso("2026-03-08T10:40:00Z"), "hour", "Asia/Kolkata").toISOString()).toBe("2026-03-08T10:30:00.000Z");
  });

  it("starts a day without a midnight at its first instant (America/Santiago, 2026-09-06 00:00 → 01:00)", () => {
    const starts = bucketRange(iso("2026-09-05T04:00:00Z"), iso("2026-09-07T03:00:00Z"), "day", "America/Santiago");
    expect(starts.map((d) => d.toISOString())).toEqual(["2026-09-05T04:00:00.000Z", "2026-09-06T04:00:00.000Z"]);
    expect(labels(starts, "day", "America/Santiago")).toEqual(["2026-09-05", "2026-09-06"]);
  });

  it("handles half-hour DST changes (Australia/Lord_Howe, 2026-10-04 02:00 +10:30 → 02:30 +11:00)", () => {
    const z = "Australia/Lord_Howe";
    const starts = bucketRange(iso("2026-10-03T14:30:00Z"), iso("2026-10-03T17:00:00Z"), "hour", z);
    expect(labels(starts, "hour", z)).toEqual(["2026-10-04T01:00+10:30", "2026-10-04T02:30+11:00", "2026-10-04T03:00+11:00"]);
    expect(starts.map((d) => d.toISOString())).toEqual([
      "2026-10-03T14:30:00.000Z",
      "2026-10-03T15:30:00.000Z",
      "2026-10-03T16:00:00.000Z",
    ]);
  });

  it("labels ISO weeks with the ISO week-numbering year (2027-01-01 is in 2026-W53; 2025-12-29 in 2026-W01)", () => {
    expect(bucketLabel(iso("2027-01-01T12:00:00Z"), "week", "UTC")).toBe("2026-W53");
    expect(bucketLabel(iso("2025-12-29T12:00:00Z"), "week", "UTC")).toBe("2026-W01");
    expect(bucketStart(iso("2026-03-08T12:00:00Z"), "week", LA).toISOString()).toBe("2026-03-02T08:00:00.000Z");
    expect(bucketLabel(iso("2026-03-08T12:00:00Z"), "week", LA)).toBe("2026-W10");
  });

  it("labels months in the zone, not in UTC (2026-03-01T02:00Z is still February in Los Angeles)", () => {
    expect(bucketLabel(iso("2026-03-01T02:00:00Z"), "month", LA)).toBe("2026-02");
    expect(bucketLabel(iso("2026-03-01T02:00:00Z"), "month", "UTC")).toBe("2026-03");
    expect(bucketRange(iso("2026-01-01T08:00:00Z"), iso("2027-01-01T08:00:00Z"), "month", LA)).toHaveLength(12);
  });

  it("includes the bucket holding `from` and clips the grid to [from, to)", () => {
    const grid = bucketGrid("t", iso("2026-03-02T12:00:00Z"), iso("2026-03-04T06:00:00Z"), "day", "UTC");
    expect(grid.length).toBe(3);
    expect(grid.starts[0]?.toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect([...grid.bounds].map((b) => new Date(b).toISOString())).toEqual([
      "2026-03-02T12:00:00.000Z",
      "2026-03-03T00:00:00.000Z",
      "2026-03-04T00:00:00.000Z",
      "2026-03-04T06:00:00.000Z",
    ]);
    expect(grid.indexOf(iso("2026-03-02T11:59:59Z").getTime())).toBe(-1);
    expect(grid.indexOf(iso("2026-03-03T00:00:00Z").getTime())).toBe(1);
    expect(grid.indexOf(iso("2026-03-04T06:00:00Z").getTime())).toBe(-1);
    expect(grid.indexOf(Number.NaN)).toBe(-1);
    expect(bucketRange(iso("2026-03-02T12:00:00Z"), iso("2026-03-02T12:00:00Z"), "day", "UTC")).toEqual([]);
  });
});

describe("host time zone independence", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it("gives the same buckets and labels under TZ=UTC, Asia/Kolkata, America/Los_Angeles and Pacific/Chatham", () => {
    const run = (): string[] => {
      const out: string[] = [];
      for (const unit of ["hour", "day", "week", "month"] as const) {
        const starts = bucketRange(iso("2026-10-25T00:00:00Z"), iso("2026-11-03T00:00:00Z"), unit, LA);
        out.push(...starts.map((d) => `${d.toISOString()} ${bucketLabel(d, unit, LA)}`));
      }
      return out;
    };
    const results = ["UTC", "Asia/Kolkata", "America/Los_Angeles", "Pacific/Chatham"].map((hostZone) => {
      process.env.TZ = hostZone;
      return { hostZone, offset: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(), out: run() };
    });
    // The host zone really changed (otherwise this test could not fail) ...
    expect(new Set(results.map((r) => r.offset)).size).toBe(4);
    // ... and the buckets did not.
    for (const r of results) expect(r.out).toEqual(results[0]?.out);
  });
});

describe("errors", () => {
  it("throws E_TIME_ZONE for an unknown zone", () => {
    expect(() => bucketStart(iso("2026-01-01T00:00:00Z"), "day", "Mars/Olympus")).toThrow(
      new MetricRangeError("E_TIME_ZONE", "bucketStart: timeZone must be a valid IANA time zone, got Mars/Olympus"),
    );
  });

  it("throws E_BUCKET_UNIT for an unknown unit", () => {
    expect(() => bucketRange(iso("2026-01-01T00:00:00Z"), iso("2026-01-02T00:00:00Z"), "year" as BucketUnit, "UTC")).toThrow(
      'bucketRange: unit must be "hour", "day", "week" or "month", got year',
    );
  });

  it("throws E_INVALID_DATE for an invalid date", () => {
    const call = (): unknown => bucketLabel(new Date(Number.NaN), "day", "UTC");
    expect(call).toThrow(MetricRangeError);
    expect(call).toThrow("bucketLabel: date must be a valid Date, got Invalid Date");
  });

  it("throws E_PERIOD_ORDER when to is before from", () => {
    try {
      bucketRange(iso("2026-01-02T00:00:00Z"), iso("2026-01-01T00:00:00Z"), "day", "UTC");
      expect.unreachable();
    } catch (error) {
      expect((error as MetricRangeError).code).toBe("E_PERIOD_ORDER");
    }
  });

  it("throws E_BUCKET_LIMIT beyond 1,000,000 buckets", () => {
    try {
      bucketRange(iso("1900-01-01T00:00:00Z"), iso("2100-01-01T00:00:00Z"), "hour", "UTC");
      expect.unreachable();
    } catch (error) {
      expect((error as MetricRangeError).code).toBe("E_BUCKET_LIMIT");
    }
  });
});

const ZONES = [
  "UTC",
  LA,
  "Europe/Bucharest",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "America/Santiago",
  "Pacific/Chatham",
];
/** Instants anywhere, and instants within two days of real offset changes (DST edges). */
const CHANGES = [
  "2026-03-08T10:00:00Z", // America/Los_Angeles spring forward
  "2026-11-01T09:00:00Z", // America/Los_Angeles fall back
  "2026-10-03T15:30:00Z", // Australia/Lord_Howe +10:30 → +11:00
  "2026-04-04T15:00:00Z", // Australia/Lord_Howe +11:00 → +10:30
  "2026-09-06T04:00:00Z", // America/Santiago, no local midnight
  "2026-04-05T03:00:00Z", // America/Santiago fall back
  "2026-03-29T01:00:00Z", // Europe/Bucharest
  "2026-10-25T01:00:00Z", // Europe/Bucharest
  "2026-09-26T14:00:00Z", // Pacific/Chatham +12:45 → +13:45
].map((x) => Date.parse(x));
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
  fc.constantFrom(...CHANGES).chain((t) => fc.integer({ min: t - 2 * 86_400_000, max: t + 2 * 86_400_000 })),
);
const zone = fc.constantFrom(...ZONES);
/** The host zone has half-hour DST (the time-zone matrix runs this file under Australia/Lord_Howe). */
const HOST_HALF_HOUR_DST = new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset() - new Date(Date.UTC(2026, 6, 1)).getTimezoneOffset() === -30;

describe("properties against a naive Intl reference", () => {
  test.prop([instant, zone])("an hour bucket is exactly the instants sharing local date, hour and offset", (ms, z) => {
    const b = bucketer("hour", z);
    const s = b.start(ms);
    const e = b.end(ms);
    const key = (x: number): string => {
      const p = localParts(x, z);
      return `${p.date} ${p.hour} ${p.offset}`;
    };
    expect(s <= ms && ms < e).toBe(true);
    expect(key(s)).toBe(key(ms));
    expect(key(e - 1)).toBe(key(ms));
    expect(key(s - 1)).not.toBe(key(ms));
    expect(key(e)).not.toBe(key(ms));
  });

  test.prop([instant, zone])("a day bucket is exactly the instants sharing a local date; its label is that date", (ms, z) => {
    const s = bucketStart(new Date(ms), "day", z).getTime();
    const e = bucketEnd(new Date(ms), "day", z).getTime();
    const date = localParts(ms, z).date;
    expect(localParts(s, z).date).toBe(date);
    expect(localParts(e - 1, z).date).toBe(date);
    expect(localParts(s - 1, z).date).not.toBe(date);
    expect(localParts(e, z).date).not.toBe(date);
    expect(bucketLabel(new Date(ms), "day", z)).toBe(date);
  });

  test.prop([instant, zone])("day, week and month starts agree with date-fns startOf* on a TZDate", (ms, z) => {
    const local = new TZDate(ms, z);
    const agrees = (ours: number, reference: number): void => {
      if (ours === reference) return;
      // @date-fns/tz puts a fall-back midnight of America/Santiago 30 minutes early when the
      // HOST zone has half-hour DST (TZ=Australia/Lord_Howe; measured 1997-2033). Only that
      // case may differ, and there our start must be the first instant of its local date.
      expect(z === "America/Santiago" && HOST_HALF_HOUR_DST, `${new Date(ms).toISOString()} ${z}`).toBe(true);
      expect(localParts(ours, z).date).not.toBe(localParts(ours - 1, z).date);
    };
    agrees(bucketStart(new Date(ms), "day", z).getTime(), startOfDay(local).getTime());
    agrees(bucketStart(new Date(ms), "week", z).getTime(), startOfISOWeek(local).getTime());
    agrees(bucketStart(new Date(ms), "month", z).getTime(), startOfMonth(local).getTime());
  });

  it("meets the @date-fns/tz half-hour-host discrepancy only under such a host (so the exception above is needed and narrow)", () => {
    const ms = Date.parse("2022-04-03T12:00:00Z"); // America/Santiago fell back at 2022-04-03 00:00 −03
    const ours = bucketStart(new Date(ms), "day", "America/Santiago").getTime();
    expect(ours).toBe(Date.parse("2022-04-03T04:00:00Z"));
    expect(startOfDay(new TZDate(ms, "America/Santiago")).getTime() === ours).toBe(!HOST_HALF_HOUR_DST);
  });

  test.prop([fc.array(fc.tuple(instant, fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 40 }), zone])(
    "a bucketer's cache of located buckets answers like Intl, for instants that share cache slots (1024 days or hours apart)",
    (pairs, z) => {
      const day = bucketer("day", z);
      const hour = bucketer("hour", z);
      for (const [base, k] of pairs) {
        for (const ms of [base, base + k * 1024 * 86_400_000, base + k * 1024 * 3_600_000]) {
          // Against Intl, not date-fns: startOfDay on a TZDate is 30 minutes off on some
          // fall-back days when the host zone itself has half-hour DST (Australia/Lord_Howe).
          const d = day.start(ms);
          const date = localParts(ms, z).date;
          expect(d <= ms && localParts(d, z).date === date && localParts(d - 1, z).date !== date).toBe(true);
          expect(day.end(ms) > ms && localParts(day.end(ms) - 1, z).date === date && localParts(day.end(ms), z).date !== date).toBe(true);
          const s = hour.start(ms);
          const e = hour.end(ms);
          expect(s <= ms && ms < e).toBe(true);
          expect(localParts(s, z).hour).toBe(localParts(ms, z).hour);
        }
      }
    },
  );

  test.prop([instant, zone])("a week starts on a local Monday and a month on a local 1st", (ms, z) => {
    const w = bucketStart(new Date(ms), "week", z).getTime();
    expect(localParts(w, z).weekday).toBe("Mon");
    expect(localParts(w - 1, z).weekday).toBe("Sun");
    expect(bucketEnd(new Date(ms), "week", z).getTime() - w).toBeGreaterThanOrEqual(7 * 86_400_000 - 3_600_000);
    const m = bucketStart(new Date(ms), "month", z).getTime();
    expect(localParts(m, z).date.slice(8)).toBe("01");
    expect(bucketLabel(new Date(ms), "month", z)).toBe(localParts(ms, z).date.slice(0, 7));
  });

  test.prop([instant, fc.integer({ min: 0, max: 90 * 86_400_000 }), zone, fc.constantFrom<BucketUnit>("hour", "day", "week", "month")])(
    "bucketRange tiles [from, to): contiguous, strictly increasing, every instant in exactly one bucket",
    (ms, span, z, unit) => {
      if (unit === "hour" && span > 20 * 86_400_000) span = span % (20 * 86_400_000);
      const from = new Date(ms);
      const to = new Date(ms + span);
      const grid = bucketGrid("t", from, to, unit, z);
      for (let k = 0; k < grid.length; k++) {
        const start = grid.starts[k] as Date;
        expect(bucketEnd(start, unit, z).getTime()).toBe(
          k + 1 < grid.length ? grid.starts[k + 1]?.getTime() : bucketEnd(start, unit, z).getTime(),
        );
        expect(grid.bounds[k + 1]).toBeGreaterThan(grid.bounds[k] as number);
      }
      if (span > 0) {
        const probe = ms + Math.floor(span / 3);
        const k = grid.indexOf(probe);
        expect(grid.starts[k]?.getTime()).toBe(bucketStart(new Date(probe), unit, z).getTime());
        expect(grid.labels[k]).toBe(bucketLabel(new Date(probe), unit, z));
      }
    },
  );
});

describe("bucketIndex and hourOfWeek", () => {
  it("numbers days since 1970-01-01, ISO weeks since the week of 1970-01-05 and months since 0000-01, in the zone", () => {
    expect(bucketIndex(Date.parse("1970-01-05T00:00:00Z"), "week", "UTC")).toBe(0);
    expect(bucketIndex(Date.parse("1970-01-04T23:59:59.999Z"), "week", "UTC")).toBe(-1);
    expect(bucketIndex(Date.parse("1970-01-02T00:00:00Z"), "day", "UTC")).toBe(1);
    // 2026-03-01T02:00Z is still February (2026 × 12 + 1) in Los Angeles, March in UTC.
    expect(bucketIndex(Date.parse("2026-03-01T02:00:00Z"), "month", LA)).toBe(24_313);
    expect(bucketIndex(Date.parse("2026-03-01T02:00:00Z"), "month", "UTC")).toBe(24_314);
  });

  it("counts the 25-hour fall-back day and the 23-hour spring-forward day as one day each", () => {
    const fallBack = bucketIndex(Date.parse("2026-11-01T07:00:00Z"), "day", LA);
    expect(bucketIndex(Date.parse("2026-11-02T07:59:59Z"), "day", LA)).toBe(fallBack);
    expect(bucketIndex(Date.parse("2026-11-02T08:00:00Z"), "day", LA)).toBe(fallBack + 1);
    const springForward = bucketIndex(Date.parse("2026-03-08T08:00:00Z"), "day", LA);
    expect(bucketIndex(Date.parse("2026-03-09T06:59:59Z"), "day", LA)).toBe(springForward);
    expect(bucketIndex(Date.parse("2026-03-09T07:00:00Z"), "day", LA)).toBe(springForward + 1);
  });

  it("reads the local Monday-first hour of the week: 13:30 Monday in Jerusalem is 13, 23:30 Sunday is 167", () => {
    expect(hourOfWeek(Date.parse("2026-03-02T11:30:00Z"), "Asia/Jerusalem")).toBe(13);
    expect(hourOfWeek(Date.parse("2026-03-08T21:30:00Z"), "Asia/Jerusalem")).toBe(167);
    expect(hourOfWeek(Date.parse("2026-03-02T11:30:00Z"), "UTC")).toBe(11);
    // Both 01:00 hours of the Los Angeles fall-back night (Sunday) are Sunday hour 1.
    expect(hourOfWeek(Date.parse("2026-11-01T08:30:00Z"), LA)).toBe(6 * 24 + 1);
    expect(hourOfWeek(Date.parse("2026-11-01T09:30:00Z"), LA)).toBe(6 * 24 + 1);
  });

  /** Naive reference: the index from the local calendar fields of a TZDate (date-fns/tz). */
  const naiveIndex = (ms: number, unit: CalendarUnit, z: string): number => {
    const local = new TZDate(ms, z);
    if (unit === "month") return local.getFullYear() * 12 + local.getMonth();
    const day = (d: Date): number => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
    return unit === "day" ? day(local) : Math.round((day(startOfISOWeek(local)) - 4) / 7);
  };
  const calendarUnit = fc.constantFrom<CalendarUnit>("day", "week", "month");

  test.prop([instant, zone, calendarUnit])("agrees with the local calendar fields of a TZDate", (ms, z, unit) => {
    expect(bucketIndex(ms, unit, z)).toBe(naiveIndex(ms, unit, z));
  });

  test.prop([instant, zone, calendarUnit])("is constant on a bucket and the next bucket is the next number", (ms, z, unit) => {
    const start = bucketStart(new Date(ms), unit, z);
    const end = bucketEnd(new Date(ms), unit, z);
    expect(bucketIndex(start.getTime(), unit, z)).toBe(bucketIndex(ms, unit, z));
    expect(bucketIndex(end.getTime() - 1, unit, z)).toBe(bucketIndex(ms, unit, z));
    expect(bucketIndex(end.getTime(), unit, z)).toBe(bucketIndex(ms, unit, z) + 1);
  });

  const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  test.prop([instant, zone])("hourOfWeek is the Intl weekday (Monday 0) × 24 + the Intl hour", (ms, z) => {
    const p = localParts(ms, z);
    expect(hourOfWeek(ms, z)).toBe(WEEKDAYS.indexOf(p.weekday) * 24 + Number(p.hour));
  });
});

describe("a fall-back onto a bucket boundary (the local midnight happens twice)", () => {
  // America/Havana 2026-11-01: 01:00 −04:00 → 00:00 −05:00 (at 05:00Z); Atlantic/Azores
  // 2026-10-25: 01:00 +00:00 → 00:00 −01:00 (at 01:00Z). The date starts at the FIRST midnight.
  const HAVANA = "America/Havana";
  const AZORES = "Atlantic/Azores";
  const startOf = (s: string, unit: BucketUnit, z: string): string | undefined =>
    bucketGrid("t", iso(s), new Date(iso(s).getTime() + 1), unit, z).starts[0]?.toISOString();

  it("starts the day and the month at the first midnight, from an instant after the second one", () => {
    expect(startOf("2026-11-01T05:30:00Z", "day", HAVANA)).toBe("2026-11-01T04:00:00.000Z");
    expect(startOf("2026-11-15T12:00:00Z", "month", HAVANA)).toBe("2026-11-01T04:00:00.000Z");
    expect(startOf("2026-10-25T12:00:00Z", "day", AZORES)).toBe("2026-10-25T00:00:00.000Z");
    expect(bucketRange(iso("2026-10-24T12:00:00Z"), iso("2026-10-26T12:00:00Z"), "day", AZORES).map((d) => d.toISOString())).toEqual([
      "2026-10-24T00:00:00.000Z",
      "2026-10-25T00:00:00.000Z",
      "2026-10-26T01:00:00.000Z",
    ]);
  });

  const near = fc
    .constantFrom<[string, number]>([HAVANA, Date.parse("2026-11-01T05:00:00Z")], [AZORES, Date.parse("2026-10-25T01:00:00Z")])
    .chain(([z, t]) => fc.tuple(fc.constant(z), fc.integer({ min: t - 2 * 86_400_000, max: t + 2 * 86_400_000 })));
  test.prop([near])("a day bucket starts at the first instant of the local date holding the instant", ([z, ms]) => {
    const start = Date.parse(startOf(new Date(ms).toISOString(), "day", z) as string);
    expect(localParts(start, z).date).toBe(localParts(ms, z).date);
    expect(localParts(start - 1, z).date).not.toBe(localParts(ms, z).date);
  });
});
