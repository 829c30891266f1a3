/**
 * `hourOccurrences` counts the local weekday-hours of a range a day at a time; these tests hold
 * it equal to the plain count over the hourly grid that `peakHours` used before (one step per
 * hour, which the report could not afford over a range of centuries).
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { bucketGrid, hourOccurrences, wallClock } from "../../src/_lib/bucket.ts";

/** The reference: walk every hour bucket of the grid, count each (local date, hour) once and each local date once per run. */
function byTheHour(from: number, to: number, timeZone: string): { cells: number[]; days: number[] } {
  const grid = bucketGrid("test", new Date(from), new Date(to), "hour", timeZone);
  const cells = new Array<number>(168).fill(0);
  const days = new Array<number>(7).fill(0);
  const seen = new Set<string>();
  let lastDate = "";
  for (const start of grid.starts) {
    const local = wallClock(start.getTime(), timeZone);
    const weekday = (local.getUTCDay() + 6) % 7;
    const hour = local.getUTCHours();
    const date = String(Math.floor(local.getTime() / 86_400_000));
    if (date !== lastDate) {
      days[weekday] = (days[weekday] as number) + 1;
      lastDate = date;
    }
    if (!seen.has(`${date} ${String(hour)}`)) {
      seen.add(`${date} ${String(hour)}`);
      cells[weekday * 24 + hour] = (cells[weekday * 24 + hour] as number) + 1;
    }
  }
  return { cells, days };
}

// Zones with DST at 00:00 or across midnight (Havana, Azores, Sao Paulo, Santiago), 30-minute
// changes (Lord Howe), a skipped day (Apia, 2011-12-30), Ramadan DST (Casablanca), and none (Kolkata).
const ZONES = [
  "UTC",
  "America/Los_Angeles",
  "Europe/Bucharest",
  "America/Havana",
  "Atlantic/Azores",
  "America/Sao_Paulo",
  "America/Santiago",
  "Australia/Lord_Howe",
  "Pacific/Apia",
  "Africa/Casablanca",
  "Asia/Kolkata",
] as const;

const MIN = Date.UTC(1900, 0, 1);
const MAX = Date.UTC(2200, 11, 31);
const HOUR = 3_600_000;

describe("hourOccurrences", () => {
  it("counts every hour of whole plain days once (a known answer)", () => {
    // Monday 2026-03-02 00:00 to Monday 2026-03-16 00:00 UTC: two whole weeks.
    const { cells, days } = hourOccurrences(Date.UTC(2026, 2, 2), Date.UTC(2026, 2, 16), "UTC");
    expect([...days]).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect([...cells].every((c) => c === 2)).toBe(true);
  });

  it("counts the fall-back hour once and leaves out the skipped spring hour (Los Angeles, 2026)", () => {
    // 2026-03-08 (Sunday) 02:00 does not exist; 2026-11-01 (Sunday) 01:00 happens twice.
    const spring = hourOccurrences(Date.parse("2026-03-08T08:00:00Z"), Date.parse("2026-03-09T07:00:00Z"), "America/Los_Angeles");
    expect(spring.cells[6 * 24 + 2]).toBe(0);
    expect(spring.cells[6 * 24 + 3]).toBe(1);
    const fall = hourOccurrences(Date.parse("2026-11-01T07:00:00Z"), Date.parse("2026-11-02T08:00:00Z"), "America/Los_Angeles");
    expect(fall.cells[6 * 24 + 1]).toBe(1);
    expect(fall.days[6]).toBe(1);
  });

  test.prop([fc.constantFrom(...ZONES), fc.integer({ min: MIN, max: MAX - 90 * 24 * HOUR }), fc.integer({ min: 0, max: 90 * 24 * HOUR })])(
    "equals the count over the hourly grid (ranges of up to 90 days, 1900–2200)",
    (timeZone, from, span) => {
      const fast = hourOccurrences(from, from + span, timeZone);
      const slow = byTheHour(from, from + span, timeZone);
      expect([...fast.days]).toEqual(slow.days);
      expect([...fast.cells]).toEqual(slow.cells);
    },
  );

  test.prop([
    fc.constantFrom(...ZONES),
    fc.constantFrom(Date.UTC(2011, 11, 25), Date.UTC(1916, 3, 1), Date.UTC(1978, 9, 1), Date.UTC(2008, 9, 12), Date.UTC(2021, 3, 4)),
    fc.integer({ min: -14 * 24, max: 14 * 24 }),
  ])("equals the count over the hourly grid around historic offset changes", (timeZone, around, shiftHours) => {
    const from = around + shiftHours * HOUR;
    const fast = hourOccurrences(from, from + 21 * 24 * HOUR, timeZone);
    const slow = byTheHour(from, from + 21 * 24 * HOUR, timeZone);
    expect([...fast.days]).toEqual(slow.days);
    expect([...fast.cells]).toEqual(slow.cells);
  });

  it("covers three centuries quickly (one step per day)", () => {
    const { days } = hourOccurrences(MIN, MAX, "Europe/Bucharest");
    const total = days.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(109_000);
    expect(total).toBeLessThan(110_200);
  });
});
