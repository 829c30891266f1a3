import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { ces } from "../../../src/metrics/survey/index.ts";
import { DUTCH } from "../../_support/sources.ts";

describe("ces", () => {
  it("is the mean on the default CES 2.0 1–7 scale: (7 + 6 + 5 + 2) / 4 = 5 (hand-computed)", () => {
    expect(ces([7, 6, 5, 2])).toBe(5);
  });

  it(`takes the 1–10 scale the source mentions: (10 + 8 + 3) / 3 = 7 (${DUTCH})`, () => {
    expect(ces([10, 8, 3], { scale: { min: 1, max: 10 } })).toBe(7);
  });

  it("keeps an unrounded mean: (1 + 1 + 2) / 3 = 1.333… (hand-computed)", () => {
    expect(ces([1, 1, 2])).toBeCloseTo(4 / 3, 14);
  });

  it("normalises −0 on a scale through zero (hand-computed)", () => {
    expect(Object.is(ces([-3, 3], { scale: { min: -3, max: 3 } }), 0)).toBe(true);
  });

  it("returns undefined for no answers", () => {
    expect(ces([])).toBeUndefined();
  });

  it("throws E_SCORE_RANGE for 8 on 1–7", () => {
    expect(() => ces([8])).toThrow(MetricRangeError);
    expect(() => ces([8])).toThrow("ces: score must be an integer from 1 to 7, got 8");
  });

  it("throws E_SCALE for a scale with min = max", () => {
    let caught: unknown;
    try {
      ces([1], { scale: { min: 1, max: 1 } });
    } catch (error) {
      caught = error;
    }
    expect((caught as MetricRangeError).code).toBe("E_SCALE");
    expect((caught as MetricRangeError).message).toBe("ces: scale must have integer bounds with min < max, got { min: 1, max: 1 }");
  });
});
