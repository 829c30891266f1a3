import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { npsBreakdown } from "../../../src/metrics/survey/index.ts";
import { DUTCH } from "../../_support/sources.ts";
import { repeat } from "../../_support/survey.ts";

describe("npsBreakdown", () => {
  it(`gives 30 % / 50 % / 20 % and NPS 10 (${DUTCH}, worked example)`, () => {
    const scores = [...repeat(10, 30), ...repeat(8, 50), ...repeat(6, 20)];
    expect(npsBreakdown(scores)).toEqual({
      total: 100,
      promoters: 30,
      passives: 50,
      detractors: 20,
      promoterShare: 0.3,
      passiveShare: 0.5,
      detractorShare: 0.2,
      nps: 10,
    });
  });

  it("splits the TSDoc example into thirds (hand-computed)", () => {
    const result = npsBreakdown([10, 9, 8, 7, 6, 0]);
    expect(result?.promoters).toBe(2);
    expect(result?.passives).toBe(2);
    expect(result?.detractors).toBe(2);
    expect(result?.promoterShare).toBe(1 / 3);
    expect(result?.nps).toBe(0);
    expect(Object.is(result?.nps, 0)).toBe(true);
  });

  it("returns undefined for no answers", () => {
    expect(npsBreakdown([])).toBeUndefined();
  });

  it.each([11, -1, 7.5, Number.NaN])("throws E_SCORE_RANGE for %s", (bad) => {
    expect(() => npsBreakdown([bad])).toThrow(MetricRangeError);
    expect(() => npsBreakdown([bad])).toThrow(`npsBreakdown: score must be an integer from 0 to 10, got ${String(bad)}`);
    try {
      npsBreakdown([bad]);
    } catch (error) {
      expect((error as MetricRangeError).code).toBe("E_SCORE_RANGE");
    }
  });
});
