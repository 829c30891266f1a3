import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { nps } from "../../../src/metrics/survey/index.ts";
import { DUTCH } from "../../_support/sources.ts";
import { repeat } from "../../_support/survey.ts";

describe("nps", () => {
  it(`gives 10 for 30 promoters, 50 passives, 20 detractors (${DUTCH}, worked example)`, () => {
    const scores = [...repeat(9, 30), ...repeat(7, 50), ...repeat(3, 20)];
    expect(nps(scores)).toBe(10);
  });

  it(`gives 10 for the same counts spread over the whole bands (${DUTCH})`, () => {
    const scores = [...repeat(10, 15), ...repeat(9, 15), ...repeat(8, 25), ...repeat(7, 25), ...repeat(0, 10), ...repeat(6, 10)];
    expect(nps(scores)).toBe(10);
  });

  it("gives 0 for the TSDoc example: 2 promoters, 2 passives, 2 detractors (hand-computed)", () => {
    expect(nps([10, 9, 8, 7, 6, 0])).toBe(0);
  });

  it("gives 100 when everyone promotes and −100 when everyone detracts (Wikipedia: range −100 to +100)", () => {
    expect(nps([9, 10, 10])).toBe(100);
    expect(nps([0, 6, 3])).toBe(-100);
  });

  it("gives 0, not −0, when only passives answer (hand-computed)", () => {
    expect(Object.is(nps([7, 8]), 0)).toBe(true);
  });

  it("puts the band edges 6|7 and 8|9 where the standard does (Wikipedia: 0–6 detractors, 7–8 passives, 9–10 promoters)", () => {
    expect(nps([6])).toBe(-100);
    expect(nps([7])).toBe(0);
    expect(nps([8])).toBe(0);
    expect(nps([9])).toBe(100);
  });

  it("keeps an unrounded third: 1 promoter of 3 answers → 33.33… (hand-computed)", () => {
    expect(nps([9, 7, 7])).toBeCloseTo(100 / 3, 12);
  });

  it("returns undefined for no answers", () => {
    expect(nps([])).toBeUndefined();
  });

  it.each([11, -1, 7.5, Number.NaN])("throws E_SCORE_RANGE for %s", (bad) => {
    let caught: unknown;
    try {
      nps([9, bad]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MetricRangeError);
    expect((caught as MetricRangeError).code).toBe("E_SCORE_RANGE");
    expect((caught as MetricRangeError).message).toBe(`nps: score must be an integer from 0 to 10, got ${String(bad)}`);
  });
});

describe("nps is reentrant", () => {
  it("a score read through a getter that itself calls nps does not disturb the outer count", () => {
    const scores = [9, 9, 9, 0];
    Object.defineProperty(scores, 2, { get: () => (nps([0, 0, 0, 0, 0]), 9) });
    expect(nps(scores)).toBe(50);
  });
});
