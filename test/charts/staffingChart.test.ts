// The staffing plan chart (issue 16: "… and the staffing plan when it exists"): the rows are the
// plan's own figures (staffingPlan's TSDoc example: 100, 50 and 0 arrivals at 180 s handle time
// and 30 % shrinkage need 14, 8, 0 agents and schedule 20, 12, 0), the spec validates against the
// Vega-Lite schema and renders with vega; bad input is a typed error naming the interval.
import { fc, test as prop } from "@fast-check/vitest";
import { describe, expect, test } from "vitest";
import { staffingChart } from "../../src/charts/index.ts";
import { staffingPlan } from "../../src/metrics/staffing/index.ts";
import { codeOf } from "../_support/errors.ts";
import { badLeaves, checkedSvg, markCount, schemaErrors } from "./_render.ts";

describe("staffingChart", () => {
  test("a plan from counts: two rows per interval, the plan's agents, labelled by position", async () => {
    const plan = staffingPlan([100, 50, 0], { averageHandleTime: 180, shrinkage: 0.3 });
    const spec = staffingChart(plan ?? { intervals: [] });
    expect(spec.data.values).toEqual([
      { interval: "#0", series: "Agents needed", agents: 14 },
      { interval: "#0", series: "Agents to schedule", agents: 20 },
      { interval: "#1", series: "Agents needed", agents: 8 },
      { interval: "#1", series: "Agents to schedule", agents: 12 },
      { interval: "#2", series: "Agents needed", agents: 0 },
      { interval: "#2", series: "Agents to schedule", agents: 0 },
    ]);
    const svg = await checkedSvg(spec, ["Interval start (UTC)", "Agents"]);
    expect(markCount(svg, "symbol")).toBe(6);
    expect(markCount(svg, "line")).toBe(2);
  });

  test("a plan with dates: intervals labelled by their UTC start, in the plan's order; options apply", async () => {
    const start = Date.UTC(2026, 9, 5, 8, 0);
    const volume = [30, 60, 45].map((arrivals, i) => ({ start: new Date(start + i * 1_800_000), arrivals }));
    const plan = staffingPlan(volume, { averageHandleTime: 240, timeZone: "Europe/Bucharest" });
    const spec = staffingChart(plan ?? { intervals: [] }, { title: "Monday morning", width: 300, height: 200 });
    expect([...new Set(spec.data.values.map((d) => d["interval"]))]).toEqual([
      "2026-10-05T08:00Z",
      "2026-10-05T08:30Z",
      "2026-10-05T09:00Z",
    ]);
    expect(spec).toMatchObject({ title: "Monday morning", width: 300, height: 200 });
    await checkedSvg(spec, ["2026-10-05T08:30Z"]);
  });

  test("no intervals: a valid, empty chart", async () => {
    const spec = staffingChart({ intervals: [] });
    expect(spec.data.values).toEqual([]);
    await checkedSvg(spec);
  });

  test("bad input names the interval and the value", () => {
    expect(codeOf(() => staffingChart({ intervals: [{ index: 0, agents: Number.NaN, scheduledAgents: 1 }] }))).toMatch(
      /^E_NOT_FINITE staffingChart: plan\.intervals\[0\]\.agents/,
    );
    expect(codeOf(() => staffingChart({ intervals: [{ index: 0, start: new Date(Number.NaN), agents: 1, scheduledAgents: 1 }] }))).toBe(
      "E_INVALID_DATE staffingChart: plan.intervals[0].start must be a valid Date, got Invalid Date",
    );
  });

  prop.prop([fc.array(fc.nat({ max: 400 }), { maxLength: 48 }), fc.integer({ min: 30, max: 900 })], { numRuns: 40 })(
    "any plan gives a schema-valid spec with two finite rows per interval",
    (arrivals, aht) => {
      const plan = staffingPlan(arrivals, { averageHandleTime: aht, shrinkage: 0.25 }) ?? { intervals: [] };
      const spec = staffingChart(plan);
      expect(schemaErrors(spec)).toEqual([]);
      expect(badLeaves(spec)).toEqual([]);
      expect(spec.data.values).toHaveLength(2 * arrivals.length);
      plan.intervals.forEach((interval, i) => {
        expect(spec.data.values[2 * i]?.["agents"]).toBe(interval.agents);
        expect(spec.data.values[2 * i + 1]?.["agents"]).toBe(interval.scheduledAgents);
      });
    },
  );
});
