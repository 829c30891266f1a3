import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../../src/_lib/errors.ts";
import { negativeShareBinary, type BinaryAnswer } from "../../../src/metrics/survey/index.ts";

describe("negativeShareBinary", () => {
  it("is bad / all: 1 of 4 → 0.25 (Métricas para servicio al cliente ¡12 Indispensables!, negative answers)", () => {
    expect(negativeShareBinary(["good", "bad", "good", true])).toBe(0.25);
    expect(negativeShareBinary([false, false])).toBe(1);
  });

  it("returns undefined for no answers", () => {
    expect(negativeShareBinary([])).toBeUndefined();
  });

  it("throws E_UNKNOWN_LABEL for an unknown answer", () => {
    expect(() => negativeShareBinary(["BAD" as BinaryAnswer])).toThrow(MetricRangeError);
    expect(() => negativeShareBinary(["BAD" as BinaryAnswer])).toThrow(
      'negativeShareBinary: answer must be true, false, "good" or "bad", got "BAD"',
    );
  });
});
