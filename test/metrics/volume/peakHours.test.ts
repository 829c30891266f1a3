import { describe, expect, it } from "vitest";
import { test, fc } from "@fast-check/vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import type { Ticket } from "../../../src/models/ticket.ts";
import { peakHours } from "../../../src/metrics/volume/peakHours.ts";

const LA = "America/Los_Angeles";
const t = (id: string, iso: string): Ticket => ({ id, createdAt: new Date(iso), status: "new" });
const SUN = 6;
const MON = 0;

describe("peakHours: heatmap averages in America/Los_Angeles (hand-built fixture)", () => {
  // Two whole local weeks, Sun 2026-03-01 00:00 PST (08:00Z) to Sun 2026-03-15 00:00 PDT (07:00Z).
  // Sundays in range: 03-01 and 03-08 (spring forward: no 02:00 that day).
  const tickets = [
    t("s1", "2026-03-01T09:10:00Z"), // Sun 01:10 PST
    t("s2", "2026-03-08T09:10:00Z"), // Sun 01:10 PST (DST day)
    t("s3", "2026-03-08T09:20:00Z"), // Sun 01:20 PST (DST day)
    t("s4", "2026-03-01T10:15:00Z"), // Sun 02:15 PST (only 03-01 has a 02:00)
    t("s5", "2026-03-08T10:15:00Z"), // Sun 03:15 PDT
    t("m1", "2026-03-02T17:00:00Z"), // Mon 09:00 PST
    t("m2", "2026-03-02T17:30:00Z"), // Mon 09:30 PST
    t("m3", "2026-03-09T16:00:00Z"), // Mon 09:00 PDT
    t("m4", "2026-03-09T16:59:00Z"), // Mon 09:59 PDT
    t("out", "2026-03-15T07:00:00Z"), // Sun 03-15 00:00 PDT: after the range
  ];
  const p = peakHours(tickets, { from: new Date("2026-03-01T08:00:00Z"), to: new Date("2026-03-15T07:00:00Z"), timeZone: LA, topN: 2 });

  it("divides each weekday-hour sum by the days on which that hour existed", () => {
    // (Sun, 01): 3 tickets over 2 Sundays = 1.5
    expect(p.cells[SUN]?.[1]).toEqual({ sum: 3, occurrences: 2, average: 1.5 });
    // (Sun, 02): 1 ticket; 02:00 existed on one Sunday only = 1
    expect(p.cells[SUN]?.[2]).toEqual({ sum: 1, occurrences: 1, average: 1 });
    // (Sun, 03): 1 ticket over 2 Sundays = 0.5
    expect(p.cells[SUN]?.[3]).toEqual({ sum: 1, occurrences: 2, average: 0.5 });
    // (Mon, 09): 4 tickets over 2 Mondays = 2
    expect(p.cells[MON]?.[9]).toEqual({ sum: 4, occurrences: 2, average: 2 });
    expect(p.cells[MON]?.[10]).toEqual({ sum: 0, occurrences: 2, average: 0 });
  });

  it("finds the busiest hour, day and slot by average, and the share of the top 2 hours", () => {
    expect(p.total).toBe(9);
    expect(p.skipped).toEqual({ invalidCreatedAt: 0, outsideRange: 1 });
    // Hour 9: 4 tickets over 14 days; hour 1: 3 over 14; hour 2: 1 over 13 (one day lacked it).
    expect(p.byHour[9]).toEqual({ sum: 4, occurrences: 14, average: 4 / 14 });
    expect(p.byHour[2]).toEqual({ sum: 1, occurrences: 13, average: 1 / 13 });
    expect(p.busiestHour?.hour).toBe(9);
    // Sundays: 5 tickets / 2 = 2.5; Mondays: 4 / 2 = 2.
    expect(p.byWeekday[SUN]).toEqual({ sum: 5, occurrences: 2, average: 2.5 });
    expect(p.busiestDay?.weekday).toBe("sun");
    expect(p.busiestSlot).toMatchObject({ weekday: "mon", hour: 9, average: 2 });
    // Top 2 hours by sum: 09 (4) and 01 (3) = 7 of 9.
    expect(p.top).toEqual({ hours: [9, 1], count: 7, share: 7 / 9 });
  });

  it("counts the fall-back Sunday once for (Sun, 01) while both 01:00 hours add to the sum", () => {
    const fall = peakHours([t("a", "2026-11-01T08:30:00Z"), t("b", "2026-11-01T09:30:00Z")], {
      from: new Date("2026-11-01T07:00:00Z"),
      to: new Date("2026-11-02T08:00:00Z"),
      timeZone: LA,
    });
    expect(fall.cells[SUN]?.[1]).toEqual({ sum: 2, occurrences: 1, average: 2 });
    expect(fall.byWeekday[SUN]?.occurrences).toBe(1);
  });

  it("returns undefined busiest entries and share for no tickets", () => {
    const empty = peakHours([], { from: new Date("2026-03-01T00:00:00Z"), to: new Date("2026-03-08T00:00:00Z"), timeZone: "UTC" });
    expect(empty.busiestHour).toBeUndefined();
    expect(empty.busiestDay).toBeUndefined();
    expect(empty.busiestSlot).toBeUndefined();
    expect(empty.top.share).toBeUndefined();
    expect(empty.cells[MON]?.[0]?.average).toBe(0);
  });

  it("throws E_TOP_N for topN outside 1..24", () => {
    const call = (): unknown => peakHours([], { from: new Date(0), to: new Date(86_400_000), timeZone: "UTC", topN: 25 });
    expect(call).toThrow(MetricRangeError);
    expect(call).toThrow("peakHours: topN must be an integer from 1 to 24, got 25");
  });
});

describe("peakHours properties", () => {
  const BASE = Date.UTC(2026, 2, 1);
  const tickets = fc.array(
    fc
      .integer({ min: BASE - 86_400_000, max: BASE + 40 * 86_400_000 })
      .map((ms): Ticket => ({ id: String(ms), createdAt: new Date(ms), status: "new" })),
    { maxLength: 50 },
  );
  const zone = fc.constantFrom("UTC", "America/Los_Angeles", "Asia/Kolkata", "Australia/Lord_Howe");
  const options = (z: string) => ({ from: new Date(BASE), to: new Date(BASE + 35 * 86_400_000), timeZone: z });

  test.prop([tickets, zone])("cell sums add up to the tickets in range; order does not matter", (input, z) => {
    const p = peakHours(input, options(z));
    const inRange = input.filter((x) => x.createdAt.getTime() >= BASE && x.createdAt.getTime() < BASE + 35 * 86_400_000).length;
    expect(p.total).toBe(inRange);
    expect(p.cells.flat().reduce((a, c) => a + c.sum, 0)).toBe(inRange);
    expect(p.byWeekday.reduce((a, c) => a + c.sum, 0)).toBe(inRange);
    expect(p.total + p.skipped.outsideRange).toBe(input.length);
    expect(peakHours([...input].reverse(), options(z))).toEqual(p);
  });

  test.prop([tickets, zone])("agrees with a naive Intl reading of weekday and hour", (input, z) => {
    const p = peakHours(input, options(z));
    const f = new Intl.DateTimeFormat("en-US", { timeZone: z, weekday: "short", hour: "2-digit", hourCycle: "h23" });
    const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const ref = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
    for (const x of input) {
      const ms = x.createdAt.getTime();
      if (ms < BASE || ms >= BASE + 35 * 86_400_000) continue;
      const parts = Object.fromEntries(f.formatToParts(x.createdAt).map((q) => [q.type, q.value]));
      const row = ref[days.indexOf(parts.weekday as string)] as number[];
      const hour = Number(parts.hour);
      row[hour] = (row[hour] as number) + 1;
    }
    expect(p.cells.map((row) => row.map((c) => c.sum))).toEqual(ref);
    // 35 whole days in UTC: every weekday occurs 5 times (other zones: partial days at the ends).
    if (z === "UTC") expect(p.byWeekday.map((d) => d.occurrences)).toEqual([5, 5, 5, 5, 5, 5, 5]);
  });
});
