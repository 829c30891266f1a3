import { describe, expect, it } from "vitest";
import { erlangC, erlangCAgents } from "../../../src/metrics/staffing/index.ts";
import { codeOf } from "../../_support/errors.ts";
import { CALL_CENTRE_HELPER as CCH } from "../../_support/sources.ts";

const traffic = { arrivals: 100, averageHandleTime: 180, targetAnswerTime: 20 };

describe("erlangCAgents", () => {
  it(`needs 14 agents for 80 % in 20 s and schedules 20 with 30 % shrinkage (${CCH})`, () => {
    const s = erlangCAgents(traffic, { serviceLevel: 0.8, shrinkage: 0.3 });
    expect(s.agents).toBe(14);
    expect(s.scheduledAgents).toBe(20);
    expect(s.shrinkage).toBe(0.3);
    expect(s.achieved).toEqual(erlangC(14, traffic));
  });

  it("defaults to 80/20 when no target is given", () => {
    expect(erlangCAgents(traffic).agents).toBe(14);
  });

  it("meets an ASA target: ≤ 10 s needs 14 (13 give 17.1 s), ≤ 20 s needs 13 (hand-computed from Pw·AHT/(N − A))", () => {
    expect(erlangCAgents(traffic, { maxAverageSpeedOfAnswer: 10 }).agents).toBe(14);
    expect(erlangCAgents(traffic, { maxAverageSpeedOfAnswer: 20 }).agents).toBe(13);
    expect(erlangC(13, traffic).averageSpeedOfAnswer).toBeCloseTo(17.116, 3);
  });

  it("meets both targets and the occupancy cap: 70 % cap on 10 Erlangs → 15 agents", () => {
    expect(erlangCAgents(traffic, { serviceLevel: 0.8, maxOccupancy: 0.7 }).agents).toBe(15);
    expect(erlangCAgents(traffic, { serviceLevel: 0.95, maxAverageSpeedOfAnswer: 30 }).agents).toBe(
      erlangCAgents(traffic, { serviceLevel: 0.95 }).agents,
    );
  });

  it("agrees with a brute-force scan from 1 agent up", () => {
    for (const [arrivals, aht, target] of [
      [100, 180, 0.8],
      [7, 300, 0.9],
      [1234, 95, 0.85],
      [3, 60, 0.5],
    ] as const) {
      let n = 1;
      while (erlangC(n, { arrivals, averageHandleTime: aht }).serviceLevel < target) n++;
      expect(erlangCAgents({ arrivals, averageHandleTime: aht }, { serviceLevel: target }).agents).toBe(n);
    }
  });

  it("handles 10,000 Erlangs quickly: 10,013 agents", () => {
    expect(erlangCAgents({ arrivals: 100_000, averageHandleTime: 180 }).agents).toBe(10_013);
  });

  it("needs 0 agents for zero arrivals", () => {
    expect(erlangCAgents({ arrivals: 0, averageHandleTime: 180 }, { shrinkage: 0.3 })).toMatchObject({ agents: 0, scheduledAgents: 0 });
  });

  it("throws E_SERVICE_LEVEL_TARGET for a target of 1 or more", () => {
    expect(codeOf(() => erlangCAgents(traffic, { serviceLevel: 1 }))).toBe(
      "E_SERVICE_LEVEL_TARGET erlangCAgents: serviceLevel must be a fraction from 0 (inclusive) to 1 (exclusive), got 1",
    );
  });

  it("throws E_ASA_TARGET", () => {
    expect(codeOf(() => erlangCAgents(traffic, { maxAverageSpeedOfAnswer: 0 }))).toBe(
      "E_ASA_TARGET erlangCAgents: maxAverageSpeedOfAnswer must be a finite number of seconds > 0, got 0",
    );
  });

  it("throws E_OCCUPANCY_CAP", () => {
    expect(codeOf(() => erlangCAgents(traffic, { maxOccupancy: 0 }))).toBe(
      "E_OCCUPANCY_CAP erlangCAgents: maxOccupancy must be a fraction greater than 0 and at most 1, got 0",
    );
  });

  it("throws E_SHRINKAGE_RANGE", () => {
    expect(codeOf(() => erlangCAgents(traffic, { shrinkage: 1 }))).toBe(
      "E_SHRINKAGE_RANGE erlangCAgents: shrinkage must be a fraction from 0 (inclusive) to 1 (exclusive), got 1",
    );
  });
});
