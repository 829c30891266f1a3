import { describe, expect, it } from "vitest";
import { erlangCAgents, weeklyStaffing, type StaffingContact } from "../../../src/metrics/staffing/index.ts";
import { codeOf } from "../../_support/errors.ts";

const at = (iso: string): StaffingContact => ({ arrivedAt: new Date(iso) });

describe("weeklyStaffing", () => {
  // Mon 2026-03-02 to Mon 2026-03-09: 8 local days, so Monday occurs twice and Tuesday once.
  const contacts = [
    ...Array.from({ length: 40 }, () => at("2026-03-02T09:10:00Z")),
    ...Array.from({ length: 20 }, () => at("2026-03-09T09:40:00Z")),
    at("2026-03-03T23:59:59Z"),
  ];

  it("averages arrivals over the times each interval of the week occurs in the span (by hand)", () => {
    const plan = weeklyStaffing(contacts, { timeZone: "UTC", averageHandleTime: 180 })!;
    expect(plan.days).toBe(8);
    expect(plan.intervals.map((i) => [i.weekday, i.start, i.occurrences, i.arrivals])).toEqual([
      ["mon", "09:00", 2, 20], // 40 arrivals on the first Monday, none on the second
      ["mon", "09:30", 2, 10],
      ["tue", "23:30", 1, 1],
    ]);
    // Each interval is erlangCAgents of its mean arrivals.
    expect(plan.intervals[0]?.agents).toBe(erlangCAgents({ arrivals: 20, averageHandleTime: 180 }).agents);
    expect(plan.peakAgents).toBe(plan.intervals[0]?.agents);
    expect(plan.scheduledAgentHoursPerWeek).toBe(plan.intervals.reduce((sum, i) => sum + i.scheduledAgents, 0) / 2);
  });

  it("reads local days and times in the time zone (Asia/Jerusalem is UTC+2 in March before DST)", () => {
    const plan = weeklyStaffing([at("2026-03-01T22:30:00Z")], { timeZone: "Asia/Jerusalem", averageHandleTime: 60, intervalLength: 3600 })!;
    expect(plan.intervals.map((i) => [i.weekday, i.start])).toEqual([["mon", "00:00"]]);
  });

  it("no arrival gives undefined; calls abandoned before the queue are not arrivals", () => {
    expect(weeklyStaffing([], { timeZone: "UTC", averageHandleTime: 60 })).toBeUndefined();
    expect(
      weeklyStaffing([{ ...at("2026-03-02T09:00:00Z"), outcome: "abandoned" }], { timeZone: "UTC", averageHandleTime: 60 }),
    ).toBeUndefined();
  });

  it("refuses bad options with a code naming the option and the value", () => {
    expect(codeOf(() => weeklyStaffing(contacts, { timeZone: "UTC", averageHandleTime: 60, intervalLength: 420 }))).toBe(
      "E_INTERVAL_LENGTH weeklyStaffing: intervalLength must be a whole number of seconds from 60 to 86400 that divides a day, got 420",
    );
    expect(codeOf(() => weeklyStaffing(contacts, { timeZone: "Mars/Base", averageHandleTime: 60 }))).toBe(
      "E_TIME_ZONE weeklyStaffing: timeZone must be a valid IANA time zone, got Mars/Base",
    );
    expect(codeOf(() => weeklyStaffing(contacts, { timeZone: "UTC" }))).toBe(
      "E_HANDLE_TIME weeklyStaffing: averageHandleTime must be stated: the contacts have no handle time to measure, got undefined",
    );
    expect(codeOf(() => weeklyStaffing(contacts, { timeZone: "UTC", averageHandleTime: 60, model: "erlang-a" }))).toBe(
      "E_PATIENCE_RANGE weeklyStaffing: patience must be stated: the contacts have no abandonment to measure it, got undefined",
    );
    expect(codeOf(() => weeklyStaffing([at("nope")], { timeZone: "UTC", averageHandleTime: 60 }))).toMatch(
      /^E_INVALID_DATE weeklyStaffing: contacts\[0\]\.arrivedAt/,
    );
  });

  it("Erlang A with a stated patience needs no more agents than Erlang C here, and reports the abandonment", () => {
    const c = weeklyStaffing(contacts, { timeZone: "UTC", averageHandleTime: 180 })!;
    const a = weeklyStaffing(contacts, { timeZone: "UTC", averageHandleTime: 180, model: "erlang-a", patience: 120 })!;
    expect(a.patienceSource).toBe("stated");
    a.intervals.forEach((row, i) => {
      expect(row.agents).toBeLessThanOrEqual(c.intervals[i]!.agents);
      expect(row.serviceLevel).toBeGreaterThanOrEqual(0.8);
      expect(row.probabilityOfAbandonment).toBeGreaterThanOrEqual(0);
    });
  });
});
