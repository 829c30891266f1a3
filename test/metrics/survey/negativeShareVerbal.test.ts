import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { negativeShareVerbal } from "../../../src/metrics/survey/index.ts";
import { DUTCH } from "../../_support/sources.ts";

describe("negativeShareVerbal", () => {
  it(`counts the bottom two labels of each scale as negative (${DUTCH})`, () => {
    expect(negativeShareVerbal(["zeer tevreden", "tevreden", "enigszins tevreden", "ontevreden", "zeer ontevreden"])).toBe(0.4);
    expect(negativeShareVerbal(["very good", "good", "adequate", "not good", "bad"])).toBe(0.4);
    expect(negativeShareVerbal(["uitstekend", "goed", "OK", "niet groot", "slecht"])).toBe(0.4);
    expect(negativeShareVerbal(["somewhat satisfied", "adequaat", "ok"])).toBe(0);
  });

  it("returns undefined for no answers", () => {
    expect(negativeShareVerbal([])).toBeUndefined();
  });

  it("throws E_UNKNOWN_LABEL naming the label", () => {
    let caught: unknown;
    try {
      negativeShareVerbal(["terrible"]);
    } catch (error) {
      caught = error;
    }
    expect((caught as MetricRangeError).code).toBe("E_UNKNOWN_LABEL");
    expect((caught as MetricRangeError).message).toBe(
      'negativeShareVerbal: label must be a label of a 5-point verbal CSAT scale, got "terrible"',
    );
  });
});
