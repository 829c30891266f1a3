import { describe, expect, it } from "vitest";
import { negativeShare } from "../../../src/metrics/survey/index.ts";
import { codeOf } from "../../_support/errors.ts";
import { SPANISH } from "../../_support/sources.ts";

describe("negativeShare", () => {
  it(`checks the "negative answers under 10 %" target: 9 of 100 passes, 10 of 100 does not (${SPANISH})`, () => {
    const passing = [...Array.from({ length: 91 }, () => 5), ...Array.from({ length: 9 }, () => 2)];
    const failing = [...Array.from({ length: 90 }, () => 4), ...Array.from({ length: 10 }, () => 1)];
    expect(negativeShare(passing)).toBe(0.09);
    expect(negativeShare(passing)!).toBeLessThan(0.1);
    expect(negativeShare(failing)).toBe(0.1);
    expect(negativeShare(failing)! < 0.1).toBe(false);
  });

  it("counts 1 and 2 as negative and 3 as neutral on the default 1–5 scale (bottom-2-box, hand-computed)", () => {
    expect(negativeShare([1, 2, 3, 4, 5])).toBe(0.4);
    expect(negativeShare([3])).toBe(0);
  });

  it("matches Zendesk's 1–5 mapping (1–3 bad) with threshold 3 (hand-computed)", () => {
    expect(negativeShare([1, 2, 3, 4, 5], { threshold: 3 })).toBe(0.6);
  });

  it("uses min + 1 as the default on 0–10: 0 and 1 are negative (hand-computed)", () => {
    expect(negativeShare([0, 1, 2, 10], { scale: { min: 0, max: 10 } })).toBe(0.5);
  });

  it("returns undefined for no answers", () => {
    expect(negativeShare([])).toBeUndefined();
  });

  it("throws E_SCORE_RANGE for a score off the scale", () => {
    expect(codeOf(() => negativeShare([6]))).toBe("E_SCORE_RANGE negativeShare: score must be an integer from 1 to 5, got 6");
  });

  it("throws E_SCALE for an empty-width scale", () => {
    expect(codeOf(() => negativeShare([1], { scale: { min: 1, max: 1 } }))).toMatch(/^E_SCALE negativeShare: /);
  });

  it("throws E_THRESHOLD for a fractional threshold and for a defaulted one on a 3-point scale", () => {
    expect(codeOf(() => negativeShare([1], { threshold: 1.5 }))).toBe(
      "E_THRESHOLD negativeShare: threshold must be an integer from 1 to 5, got 1.5",
    );
    expect(codeOf(() => negativeShare([1], { scale: { min: 1, max: 3 } }))).toMatch(/^E_THRESHOLD negativeShare: threshold must be given/);
  });
});
