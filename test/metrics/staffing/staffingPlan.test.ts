import { describe, expect, it } from "vitest";
import { TZDate } from "@date-fns/tz";
import { erlangCAgents, staffingPlan } from "../../../src/metrics/staffing/index.ts";
import { codeOf } from "../../_support/errors.ts";

describe("staffingPlan", () => {
  it("staffs each interval of a plain array of counts (Call Centre Helper's 100 calls / 30 min → 14, 20 with 30 % shrinkage)", () => {
    const plan = staffingPlan([100, 50, 0], { averageHandleTime: 180, shrinkage: 0.3 })!;
    expect(plan.intervals.map((i) => i.agents)).toEqual([14, erlangCAgents({ arrivals: 50, averageHandleTime: 180 }).agents, 0]);
    expect(plan.intervals.map((i) => i.scheduledAgents)).toEqual([20, 12, 0]);
    expect(plan.peakAgents).toBe(14);
    expect(plan.scheduledAgentHours).toBe(16);
    expect(plan.byHourOfWeek).toBeUndefined();
    expect(plan.intervals[0]).not.toHaveProperty("start");
  });

  it("uses an interval's own handle time and the interval length", () => {
    const plan = staffingPlan([{ start: new Date("2026-03-02T08:00:00Z"), arrivals: 200, averageHandleTime: 90 }], {
      averageHandleTime: 400,
      intervalLength: 3600,
    })!;
    expect(plan.intervals[0]!.trafficIntensity).toBe(5);
    expect(plan.intervals[0]!.averageHandleTime).toBe(90);
  });

  it("groups by local hour of the week in the given zone, taking the busier half-hour (independent of the host TZ)", () => {
    // Monday 2 March 2026, 13:00 and 13:30 in Jerusalem (UTC+2): 11:00Z and 11:30Z.
    const volume = [
      { start: new TZDate(2026, 2, 2, 13, 0, "Asia/Jerusalem"), arrivals: 100 },
      { start: new TZDate(2026, 2, 2, 13, 30, "Asia/Jerusalem"), arrivals: 150 },
      { start: new TZDate(2026, 2, 8, 23, 30, "Asia/Jerusalem"), arrivals: 10 },
    ];
    const plan = staffingPlan(volume, { averageHandleTime: 180, timeZone: "Asia/Jerusalem" })!;
    expect(plan.byHourOfWeek).toEqual([
      {
        weekday: "mon",
        hour: 13,
        intervals: 2,
        arrivals: 250,
        agents: plan.intervals[1]!.agents,
        scheduledAgents: plan.intervals[1]!.agents,
      },
      {
        weekday: "sun",
        hour: 23,
        intervals: 1,
        arrivals: 10,
        agents: plan.intervals[2]!.agents,
        scheduledAgents: plan.intervals[2]!.agents,
      },
    ]);
    const utc = staffingPlan(volume, { averageHandleTime: 180, timeZone: "UTC" })!;
    expect(utc.byHourOfWeek!.map((h) => `${h.weekday} ${String(h.hour)}`)).toEqual(["mon 11", "sun 21"]);
  });

  it("follows daylight saving: 09:00 local in New York is 13:00Z in summer, 14:00Z in winter, hour 9 both times", () => {
    const plan = staffingPlan(
      [
        { start: new Date("2026-07-06T13:00:00Z"), arrivals: 10 },
        { start: new Date("2026-01-05T14:00:00Z"), arrivals: 20 },
      ],
      { averageHandleTime: 180, timeZone: "America/New_York" },
    )!;
    expect(plan.byHourOfWeek).toHaveLength(1);
    expect(plan.byHourOfWeek![0]).toMatchObject({ weekday: "mon", hour: 9, intervals: 2, arrivals: 30 });
  });

  it("returns undefined for no intervals", () => {
    expect(staffingPlan([], { averageHandleTime: 180 })).toBeUndefined();
  });

  it("throws E_ARRIVALS_RANGE naming the bad count", () => {
    expect(codeOf(() => staffingPlan([10, -3], { averageHandleTime: 180 }))).toBe(
      "E_ARRIVALS_RANGE staffingPlan: arrivals must be a finite number ≥ 0, got -3",
    );
  });

  it("throws E_INVALID_DATE", () => {
    expect(codeOf(() => staffingPlan([{ start: new Date(Number.NaN), arrivals: 1 }], { averageHandleTime: 180 }))).toBe(
      "E_INVALID_DATE staffingPlan: volume[0].start must be a valid Date, got Invalid Date",
    );
  });

  it("throws E_TIME_ZONE", () => {
    expect(codeOf(() => staffingPlan([1], { averageHandleTime: 180, timeZone: "Mars/Olympus" }))).toBe(
      "E_TIME_ZONE staffingPlan: timeZone must be a valid IANA time zone, got Mars/Olympus",
    );
  });

  it("throws E_HANDLE_TIME for a missing handle time", () => {
    expect(codeOf(() => staffingPlan([1], { averageHandleTime: Number.NaN }))).toMatch(/^E_HANDLE_TIME staffingPlan: /);
  });
});
