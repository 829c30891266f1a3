// zoneOffsetMs is the one source of zone offsets (bucketing, business hours, naive
// timestamps). @date-fns/tz tzOffset lost the sign of offsets between −1 h and 0 h that are not
// whole hours (local mean time: Africa/Casablanca −00:30:20 before 1913, Africa/Abidjan
// −00:16:08 before 1912, Europe/Dublin −00:25:21 before 1916), so tickets of those zones and
// years fell into the wrong hour. These tests hold every offset to the wall clock Intl shows.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { hourOfWeek } from "../../src/_lib/bucket.ts";
import { zoneOffsetMs } from "../../src/_lib/zoneOffset.ts";

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
