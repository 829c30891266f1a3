import { describe, expect, it } from "vitest";
import { erlangC, trafficIntensity } from "../../../src/metrics/staffing/index.ts";
import { codeOf } from "../../_support/errors.ts";
import { naiveErlangC } from "./_naive.ts";
import { CALL_CENTRE_HELPER as CCH } from "../../_support/sources.ts";

const traffic = { arrivals: 100, averageHandleTime: 180, intervalLength: 1800, targetAnswerTime: 20 };

describe("trafficIntensity", () => {
  it(`is 100 calls / 1800 s × 180 s = 10 Erlangs (${CCH})`, () => {
    expect(trafficIntensity(traffic)).toBe(10);
    expect(trafficIntensity({ arrivals: 100, averageHandleTime: 180 })).toBe(10);
  });
});

describe("erlangC", () => {
  it(`14 agents for 10 Erlangs: Pw ≈ 0.1741, SL(20 s) ≈ 0.8884, ASA ≈ 7.8 s, occupancy ≈ 0.714 (${CCH})`, () => {
    const r = erlangC(14, traffic);
    expect(r.trafficIntensity).toBe(10);
    expect(r.probabilityOfWaiting).toBeCloseTo(0.1741, 4);
    expect(r.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(r.averageSpeedOfAnswer).toBeCloseTo(7.8, 1);
    expect(r.occupancy).toBeCloseTo(0.714, 3);
    expect(r.targetAnswerTime).toBe(20);
  });

  it("13 agents miss 80/20 (SL ≈ 0.7956, same formula) and 14 meet it", () => {
    expect(erlangC(13, traffic).serviceLevel).toBeCloseTo(0.7956, 4);
    expect(erlangC(13, traffic).serviceLevel).toBeLessThan(0.8);
    expect(erlangC(14, traffic).serviceLevel).toBeGreaterThan(0.8);
  });

  it("agrees to 1e−12 with the textbook factorial formula and the closed forms SL, ASA", () => {
    for (const [n, arrivals, aht] of [
      [14, 100, 180],
      [3, 20, 200],
      [25, 500, 80],
      [1, 1, 60],
    ] as const) {
      const a = (arrivals / 1800) * aht;
      const r = erlangC(n, { arrivals, averageHandleTime: aht });
      const pw = naiveErlangC(n, a);
      expect(Math.abs(r.probabilityOfWaiting - pw)).toBeLessThan(1e-12);
      expect(r.serviceLevel).toBeCloseTo(1 - pw * Math.exp((-(n - a) * 20) / aht), 12);
      expect(r.averageSpeedOfAnswer).toBeCloseTo((pw * aht) / (n - a), 10);
      expect(r.averageQueueLength).toBeCloseTo((arrivals / 1800) * r.averageSpeedOfAnswer, 12);
    }
  });

  it("stays finite and accurate for thousands of agents (no factorials): 10,013 agents at 10,000 Erlangs", () => {
    const big = erlangC(10_013, { arrivals: 100_000, averageHandleTime: 180 });
    expect(big.trafficIntensity).toBe(10_000);
    expect(big.probabilityOfWaiting).toBeGreaterThan(0);
    expect(big.probabilityOfWaiting).toBeLessThan(1);
    expect(big.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(erlangC(10_012, { arrivals: 100_000, averageHandleTime: 180 }).serviceLevel).toBeLessThan(0.8);
  });

  it("returns Pw 1, SL 0, ASA ∞, occupancy 1 when agents ≤ traffic intensity (documented, not a throw)", () => {
    for (const n of [0, 5, 10]) {
      expect(erlangC(n, traffic)).toMatchObject({
        probabilityOfWaiting: 1,
        serviceLevel: 0,
        averageSpeedOfAnswer: Number.POSITIVE_INFINITY,
        averageQueueLength: Number.POSITIVE_INFINITY,
        occupancy: 1,
      });
    }
  });

  it("has nobody waiting with zero arrivals", () => {
    expect(erlangC(0, { arrivals: 0, averageHandleTime: 180 })).toMatchObject({
      probabilityOfWaiting: 0,
      serviceLevel: 1,
      averageSpeedOfAnswer: 0,
      occupancy: 0,
    });
    expect(erlangC(3, { arrivals: 0, averageHandleTime: 180 }).serviceLevel).toBe(1);
  });

  it("a target answer time of 0 gives SL = 1 − Pw", () => {
    const r = erlangC(14, { ...traffic, targetAnswerTime: 0 });
    expect(r.serviceLevel).toBeCloseTo(1 - r.probabilityOfWaiting, 15);
  });

  it("throws E_AGENTS_RANGE", () => {
    expect(codeOf(() => erlangC(-1, traffic))).toBe("E_AGENTS_RANGE erlangC: agents must be an integer ≥ 0, got -1");
    expect(codeOf(() => erlangC(2.5, traffic))).toMatch(/^E_AGENTS_RANGE /);
  });

  it("throws E_ARRIVALS_RANGE", () => {
    expect(codeOf(() => erlangC(3, { arrivals: -1, averageHandleTime: 180 }))).toBe(
      "E_ARRIVALS_RANGE erlangC: arrivals must be a finite number ≥ 0, got -1",
    );
  });

  it("throws E_HANDLE_TIME", () => {
    expect(codeOf(() => erlangC(3, { arrivals: 10, averageHandleTime: 0 }))).toBe(
      "E_HANDLE_TIME erlangC: averageHandleTime must be a finite number of seconds > 0, got 0",
    );
  });

  it("throws E_INTERVAL_LENGTH", () => {
    expect(codeOf(() => erlangC(3, { arrivals: 10, averageHandleTime: 60, intervalLength: Number.NaN }))).toBe(
      "E_INTERVAL_LENGTH erlangC: intervalLength must be a finite number of seconds > 0, got NaN",
    );
  });

  it("throws E_ANSWER_TIME", () => {
    expect(codeOf(() => trafficIntensity({ arrivals: 10, averageHandleTime: 60, targetAnswerTime: -20 }))).toBe(
      "E_ANSWER_TIME trafficIntensity: targetAnswerTime must be a finite number of seconds ≥ 0, got -20",
    );
  });
});
