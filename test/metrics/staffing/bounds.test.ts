import { describe, expect, it } from "vitest";
import { erlangA, erlangC, erlangCAgents, staffingPlan, trafficIntensity } from "../../../src/metrics/staffing/index.ts";
import { codeOf } from "../../_support/errors.ts";

// Issue 11, "Hangs": these searches never returned on eb175fb. Each must now return or throw
// within a second.
const traffic = { arrivals: 100, averageHandleTime: 180 };

function timed(f: () => string): string {
  const started = performance.now();
  const result = f();
  expect(performance.now() - started).toBeLessThan(1_000);
  return result;
}

describe("staffing bounds (E_AGENTS_LIMIT, E_TRAFFIC_LIMIT)", () => {
  it("erlangC(1e308, …) throws E_AGENTS_LIMIT at once", () => {
    expect(timed(() => codeOf(() => erlangC(1e308, traffic)))).toBe("E_AGENTS_LIMIT erlangC: agents must be at most 100000, got 1e+308");
  });

  it("erlangA(1e308, …) throws E_AGENTS_LIMIT at once", () => {
    expect(timed(() => codeOf(() => erlangA(1e308, { ...traffic, patience: 60 })))).toMatch(/^E_AGENTS_LIMIT erlangA: /);
  });

  it("erlangCAgents with 1e12 arrivals throws E_TRAFFIC_LIMIT at once", () => {
    expect(timed(() => codeOf(() => erlangCAgents({ ...traffic, arrivals: 1e12 })))).toMatch(
      /^E_TRAFFIC_LIMIT erlangCAgents: traffic intensity .* must be at most 100000 Erlangs, got 100000000000$/,
    );
  });

  it("staffingPlan([1e12], …) throws E_TRAFFIC_LIMIT at once", () => {
    expect(timed(() => codeOf(() => staffingPlan([1e12], { averageHandleTime: 180 })))).toMatch(/^E_TRAFFIC_LIMIT staffingPlan: /);
  });

  it("arrivals whose intensity overflows to Infinity throw E_TRAFFIC_LIMIT", () => {
    expect(codeOf(() => trafficIntensity({ arrivals: 1e308, averageHandleTime: 1e10 }))).toMatch(/^E_TRAFFIC_LIMIT /);
  });

  it("a search needing more than 100,000 agents throws E_AGENTS_LIMIT quickly", () => {
    expect(timed(() => codeOf(() => erlangCAgents(traffic, { maxOccupancy: 1e-9 })))).toMatch(
      /^E_AGENTS_LIMIT erlangCAgents: the agents needed must be at most 100000, got at least /,
    );
    expect(timed(() => codeOf(() => erlangCAgents({ ...traffic, arrivals: 1e6 }, { serviceLevel: 0.999999 })))).toMatch(
      /^E_AGENTS_LIMIT erlangCAgents: /,
    );
  });

  it("the largest accepted inputs still return quickly", () => {
    const arrivals = (100_000 * 1800) / 180 - 1000; // just under 100,000 Erlangs
    const started = performance.now();
    const staffing = erlangCAgents({ ...traffic, arrivals }, { serviceLevel: 0.8 });
    expect(staffing.agents).toBeGreaterThan(99_900);
    expect(staffing.agents).toBeLessThanOrEqual(100_000);
    expect(erlangC(100_000, traffic).probabilityOfWaiting).toBe(0);
    expect(erlangA(100_000, { ...traffic, patience: 60 }).probabilityOfWaiting).toBeGreaterThanOrEqual(0);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
