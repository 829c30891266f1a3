import { readFileSync } from "node:fs";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { TZDate } from "@date-fns/tz";
import { erlangC, staffingPlan } from "../../../src/metrics/staffing/index.ts";
import { wilsonInterval } from "../../../src/metrics/stats/index.ts";
import { needsRealData, realDataPath } from "../../_support/realData.ts";

// Technion SEE "Anonymous Bank" call centre, August 1999 (Brown et al. 2005, JASA 100(469));
// counts published in the data's real/README.md §2.
const FILE = "real/anonymous_bank_callcenter_1999-08.csv";
let rows: Record<string, string>[] = [];

function seconds(hms: string): number {
  const [h, m, s] = hms.split(":").map(Number) as [number, number, number];
  return h * 3600 + m * 60 + s;
}

describe("Anonymous Bank call centre, August 1999 (real data)", needsRealData(FILE), () => {
  beforeAll(() => {
    rows = Papa.parse<Record<string, string>>(readFileSync(realDataPath(FILE), "utf8"), { header: true, skipEmptyLines: true }).data;
  });

  it("has the published counts: 42,078 calls; AGENT 31,402; HANG 10,366; PHANTOM 310; 26,011 queued; 32 server values", () => {
    expect(rows).toHaveLength(42_078);
    const outcomes = new Map<string, number>();
    for (const r of rows) outcomes.set(r["outcome"]!, (outcomes.get(r["outcome"]!) ?? 0) + 1);
    expect(Object.fromEntries(outcomes)).toEqual({ AGENT: 31_402, HANG: 10_366, PHANTOM: 310 });
    expect(rows.filter((r) => r["q_start"] !== "0:00:00")).toHaveLength(26_011);
    expect(new Set(rows.map((r) => r["server"])).size).toBe(32); // 31 agents + NO_SERVER
  });

  it("gives a Wilson interval for the month's abandonment among queued calls (7,309 of 26,011)", () => {
    const queued = rows.filter((r) => r["q_start"] !== "0:00:00");
    const abandoned = queued.filter((r) => r["outcome"] === "HANG").length;
    expect(abandoned).toBe(7_309);
    const w = wilsonInterval(abandoned, queued.length)!;
    expect(w.estimate).toBeCloseTo(0.281, 3);
    expect(w.upper - w.lower).toBeLessThan(0.012);
  });

  it("plans a real Sunday (1999-08-01, Israel time) half hour by half hour, with the hour of the week in Asia/Jerusalem", () => {
    const day = rows.filter(
      (r) => r["date"] === "2010-08-01" && (r["outcome"] === "AGENT" || (r["outcome"] === "HANG" && r["q_start"] !== "0:00:00")),
    );
    const bySlot = new Map<number, { arrivals: number; service: number; served: number }>();
    for (const r of day) {
      const slot = Math.floor(seconds(r["vru_exit"]!) / 1800);
      const s = bySlot.get(slot) ?? { arrivals: 0, service: 0, served: 0 };
      s.arrivals++;
      if (r["outcome"] === "AGENT") {
        s.served++;
        s.service += Number(r["ser_time"]);
      }
      bySlot.set(slot, s);
    }
    const served = [...bySlot.values()].reduce((a, s) => a + s.served, 0);
    const aht = [...bySlot.values()].reduce((a, s) => a + s.service, 0) / served;
    const volume = [...bySlot.entries()].map(([slot, s]) => ({
      start: new TZDate(1999, 7, 1, Math.floor(slot / 2), (slot % 2) * 30, "Asia/Jerusalem"),
      arrivals: s.arrivals,
    }));
    const plan = staffingPlan(volume, { averageHandleTime: aht, timeZone: "Asia/Jerusalem" })!;
    expect(plan.byHourOfWeek!.every((h) => h.weekday === "sun")).toBe(true);
    const busiest = plan.intervals.reduce((a, b) => (b.arrivals > a.arrivals ? b : a));
    expect(busiest.agents).toBe(plan.peakAgents);
    expect(erlangC(busiest.agents, { arrivals: busiest.arrivals, averageHandleTime: aht }).serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlangC(busiest.agents - 1, { arrivals: busiest.arrivals, averageHandleTime: aht }).serviceLevel).toBeLessThan(0.8);
  });
});
