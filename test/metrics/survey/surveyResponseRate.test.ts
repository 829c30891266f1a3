import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { surveyResponseRate } from "../../../src/metrics/survey/index.ts";
import { ARABIC } from "../../_support/sources.ts";

describe("surveyResponseRate", () => {
  it(`is answers / requests sent: 25 of 200 → 0.125 (${ARABIC}: feedback requests and answers)`, () => {
    expect(surveyResponseRate(25, 200)).toBe(0.125);
  });

  it("is 0 for no answers to some requests and 1 when all answered (hand-computed)", () => {
    expect(surveyResponseRate(0, 10)).toBe(0);
    expect(surveyResponseRate(10, 10)).toBe(1);
  });

  it("returns undefined when no requests were sent", () => {
    expect(surveyResponseRate(0, 0)).toBeUndefined();
  });

  it.each([
    [-1, 10],
    [1.5, 10],
    [1, Number.NaN],
  ])("throws E_COUNT_RANGE for (%s, %s)", (answers, sent) => {
    let caught: unknown;
    try {
      surveyResponseRate(answers, sent);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MetricRangeError);
    expect((caught as MetricRangeError).code).toBe("E_COUNT_RANGE");
  });

  it("throws E_RESPONSES_EXCEED_REQUESTS when answers > requests sent", () => {
    let caught: unknown;
    try {
      surveyResponseRate(11, 10);
    } catch (error) {
      caught = error;
    }
    expect((caught as MetricRangeError).code).toBe("E_RESPONSES_EXCEED_REQUESTS");
    expect((caught as MetricRangeError).message).toBe("surveyResponseRate: answers must be at most requestsSent (10), got 11");
  });
});
