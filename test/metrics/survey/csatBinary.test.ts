import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { csatBinary, type BinaryAnswer } from "../../../src/metrics/survey/index.ts";

describe("csatBinary", () => {
  it("is good / (good + bad): 3 good of 4 → 0.75 (Zendesk, 'Using customer satisfaction ratings')", () => {
    expect(csatBinary(["good", "good", "bad", "good"])).toBe(0.75);
  });

  it("accepts booleans and mixes them with good/bad (hand-computed)", () => {
    expect(csatBinary([true, false, "good", "bad", true])).toBe(0.6);
  });

  it("returns undefined for no answers", () => {
    expect(csatBinary([])).toBeUndefined();
  });

  it.each(["Good", "meh", 1])("throws E_UNKNOWN_LABEL for %s", (bad) => {
    let caught: unknown;
    try {
      csatBinary(["good", bad as BinaryAnswer]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MetricRangeError);
    expect((caught as MetricRangeError).code).toBe("E_UNKNOWN_LABEL");
    expect((caught as MetricRangeError).message).toBe(
      `csatBinary: answer must be true, false, "good" or "bad", got ${typeof bad === "string" ? `"${bad}"` : String(bad)}`,
    );
  });
});
