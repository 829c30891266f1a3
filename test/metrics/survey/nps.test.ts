import { describe, expect, it } from "vitest";
import { MetricRangeError, nps } from "../../../src/index.ts";

describe("nps", () => {
  it("gives 10 for 30 promoters, 50 passives, 20 detractors (Dutch article's worked example)", () => {
    const scores = [...Array(30).fill(9), ...Array(50).fill(7), ...Array(20).fill(3)];
    expect(nps(scores)).toBe(10);
  });

  it("returns undefined for no answers", () => {
    expect(nps([])).toBeUndefined();
  });

  it("throws E_SCORE_RANGE for 11", () => {
    expect(() => nps([11])).toThrow(MetricRangeError);
    expect(() => nps([11])).toThrow("nps: score must be an integer from 0 to 10, got 11");
  });
});
