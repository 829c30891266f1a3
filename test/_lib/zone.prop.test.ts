// zoneOffsetMs is the one source of zone offsets (bucketing, business hours, naive
// timestamps). @date-fns/tz tzOffset lost the sign of offsets between −1 h and 0 h that are not
// whole hours (local mean time: Africa/Casablanca −00:30:20 before 1913, Africa/Abidjan
// −00:16:08 before 1912, Europe/Dublin −00:25:21 before 1916), so tickets of those zones and
// years fell into the wrong hour. These tests hold every offset to the wall clock Intl shows.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { hourOfWeek } from "../../src/_lib/bucket.ts";
import { firstChangeIn, offsetAt, steadyOffset, wallToInstant, zoneOffsetMs } from "../../src/_lib/zone.ts";

const formats = new Map<string, Intl.DateTimeFormat>();

/** The offset Intl's wall clock implies: local fields read as UTC, minus the instant (whole seconds). */
function wallClockOffset(timeZone: string, ms: number): number {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    formats.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(ms).map((x) => [x.type, x.value]));
  return (
    Date.UTC(Number(p["year"]), Number(p["month"]) - 1, Number(p["day"]), Number(p["hour"]), Number(p["minute"]), Number(p["second"])) -
    Math.floor(ms / 1000) * 1000
  );
}

const ZONES = Intl.supportedValuesOf("timeZone");

describe("zoneOffsetMs", () => {
  it("keeps the sign of local-mean-time offsets under an hour west of Greenwich", () => {
    expect(zoneOffsetMs("Africa/Casablanca", Date.parse("1905-06-01T10:10:00Z"))).toBe(-(30 * 60 + 20) * 1000);
    expect(zoneOffsetMs("Africa/Abidjan", Date.parse("1905-06-01T10:10:00Z"))).toBe(-(16 * 60 + 8) * 1000);
    expect(zoneOffsetMs("Europe/Dublin", Date.parse("1910-06-01T10:10:00Z"))).toBe(-(25 * 60 + 21) * 1000);
    expect(zoneOffsetMs("Asia/Kolkata", Date.UTC(2026, 0, 1))).toBe(19_800_000);
    expect(zoneOffsetMs("UTC", Date.UTC(2026, 0, 1))).toBe(0);
  });

  it("puts a 1905 Casablanca ticket in the hour its clocks showed (09:39:40 local is hour 9)", () => {
    expect(hourOfWeek(Date.parse("1905-06-01T10:10:00Z"), "Africa/Casablanca") % 24).toBe(9);
  });

  test.prop([fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 11, 31) })], { numRuns: 2000 })(
    "equals the offset of Intl's wall clock in every zone, 1900–2200",
    (timeZone, ms) => {
      expect(zoneOffsetMs(timeZone, ms)).toBe(wallClockOffset(timeZone, ms));
    },
  );
});

// The one cache of offsets (offset changes per zone) must answer what Intl answers, and the one
// local → UTC rule must be the documented one (docs/guide/time-zones.md, "Daylight saving time").
describe("offsetAt (the cached offsets)", () => {
  test.prop([fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 11, 31) })], { numRuns: 1000 })(
    "equals zoneOffsetMs in every zone, 1900–2200",
    (timeZone, ms) => {
      expect(offsetAt(timeZone, ms)).toBe(zoneOffsetMs(timeZone, ms));
    },
  );

  it("changes exactly at the transition (Los Angeles, 2026-03-08 10:00Z: PST → PDT)", () => {
    const change = Date.UTC(2026, 2, 8, 10);
    expect(offsetAt("America/Los_Angeles", change - 1)).toBe(-8 * 3_600_000);
    expect(offsetAt("America/Los_Angeles", change)).toBe(-7 * 3_600_000);
    expect(firstChangeIn("America/Los_Angeles", Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 31))).toBe(change);
  });
});

describe("wallToInstant (the one local → UTC rule)", () => {
  const la = "America/Los_Angeles";
  it("moves a time in a spring-forward gap forward by the gap (02:30 → 03:30 PDT)", () => {
    expect(new Date(wallToInstant(la, Date.UTC(2026, 2, 8, 2, 30))).toISOString()).toBe("2026-03-08T10:30:00.000Z");
  });
  it("takes the first occurrence of a time repeated by a fall-back (01:30 PDT)", () => {
    expect(new Date(wallToInstant(la, Date.UTC(2026, 10, 1, 1, 30))).toISOString()).toBe("2026-11-01T08:30:00.000Z");
  });
  it("gives Lord Howe's half-hour changes the same rule (02:15 in the 02:00 → 02:30 gap is 02:45 +11:00)", () => {
    expect(new Date(wallToInstant("Australia/Lord_Howe", Date.UTC(2026, 9, 4, 2, 15))).toISOString()).toBe("2026-10-03T15:45:00.000Z");
  });

  test.prop([fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1900, 0, 2), max: Date.UTC(2200, 11, 30) })], { numRuns: 1000 })(
    "an instant's own wall time maps back to it, or to the earlier occurrence of that wall time",
    (timeZone, ms) => {
      const wall = ms + zoneOffsetMs(timeZone, ms);
      const back = wallToInstant(timeZone, wall);
      expect(back <= ms).toBe(true);
      expect(back + zoneOffsetMs(timeZone, back)).toBe(wall);
    },
  );
});

describe("steadyOffset", () => {
  it("is the offset on plain days and undefined when a change is within reach", () => {
    const day = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;
    expect(steadyOffset("Europe/Bucharest", day(2026, 1, 14))).toBe(2 * 3_600_000);
    expect(steadyOffset("Europe/Bucharest", day(2026, 3, 28))).toBeUndefined();
    // The change is at 2026-03-29T01:00Z: day 30's window starts at UTC midnight of day 29.
    expect(steadyOffset("Europe/Bucharest", day(2026, 3, 30))).toBeUndefined();
    expect(steadyOffset("Europe/Bucharest", day(2026, 3, 31))).toBe(3 * 3_600_000);
  });
});
