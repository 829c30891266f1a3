import { describe, expect, it } from "vitest";
import { cesEasyShare } from "../../../src/metrics/survey/index.ts";
import { codeOf } from "../../_support/errors.ts";

describe("cesEasyShare", () => {
  it("counts 5, 6, 7 as easy on the default 1–7 scale, 4 is neutral (CES 2.0 agree side, hand-computed)", () => {
    expect(cesEasyShare([7, 6, 5, 4, 1])).toBe(0.6);
    expect(cesEasyShare([4])).toBe(0);
  });

  it("counts 1, 2, 3 as easy when lower is easier (hand-computed)", () => {
    expect(cesEasyShare([1, 2, 3, 4, 7], { higherIsEasier: false })).toBe(0.6);
  });

  it("defaults past the midpoint on other scales: 4–5 on 1–5, 6–10 on 1–10 (hand-computed)", () => {
    expect(cesEasyShare([3, 4, 5], { scale: { min: 1, max: 5 } })).toBe(2 / 3);
    expect(cesEasyShare([5, 6, 10, 1], { scale: { min: 1, max: 10 } })).toBe(0.5);
    expect(cesEasyShare([5, 6, 10, 1], { scale: { min: 1, max: 10 }, higherIsEasier: false })).toBe(0.5);
  });

  it("takes a threshold: ≥ 6 on 1–7 (hand-computed)", () => {
    expect(cesEasyShare([7, 6, 5, 4], { threshold: 6 })).toBe(0.5);
  });

  it("returns undefined for no answers", () => {
    expect(cesEasyShare([])).toBeUndefined();
  });

  it("throws E_SCORE_RANGE for 0 on 1–7", () => {
    expect(codeOf(() => cesEasyShare([0]))).toBe("E_SCORE_RANGE cesEasyShare: score must be an integer from 1 to 7, got 0");
  });

  it("throws E_SCALE for a fractional bound", () => {
    expect(codeOf(() => cesEasyShare([1], { scale: { min: 1, max: 7.5 } }))).toMatch(/^E_SCALE cesEasyShare: /);
  });

  it("throws E_THRESHOLD for a threshold off the scale", () => {
    expect(codeOf(() => cesEasyShare([1], { threshold: 8 }))).toBe(
      "E_THRESHOLD cesEasyShare: threshold must be an integer from 1 to 7, got 8",
    );
  });

  it("throws E_OPTION for a non-boolean direction", () => {
    expect(codeOf(() => cesEasyShare([1], { higherIsEasier: "yes" as unknown as boolean }))).toBe(
      "E_OPTION cesEasyShare: higherIsEasier must be a boolean, got yes",
    );
  });
});
