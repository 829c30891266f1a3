/**
 * csatAccumulator: csat is a fold of it (same results, same errors); the default satisfied
 * rule is the top two points; split / serialise / merge = whole; malformed states.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { csat, csatAccumulator } from "../../../src/metrics/survey/index.ts";
import type { SurveyScale } from "../../../src/models/survey.ts";
import { codeOf } from "../../_support/errors.ts";
import { cutsArb, foldAll, wholeAndParts } from "../../_support/accumulators.ts";

/** A scale of 5 to 11 points, an optional threshold on it, and answers on it. */
const input = fc.record({ min: fc.integer({ min: -3, max: 3 }), points: fc.integer({ min: 5, max: 11 }) }).chain(({ min, points }) => {
  const scale: SurveyScale = { min, max: min + points - 1 };
  return fc.record({
    scale: fc.constant(scale),
    threshold: fc.option(fc.integer({ min: scale.min, max: scale.max }), { nil: undefined }),
    scores: fc.array(fc.integer({ min: scale.min, max: scale.max }), { maxLength: 150 }),
  });
});
const optionsOf = (scale: SurveyScale, threshold: number | undefined) => (threshold === undefined ? { scale } : { scale, threshold });

describe("csatAccumulator", () => {
  test.prop([input])("its fold is csat and a naive count of scores ≥ threshold (default max − 1)", ({ scale, threshold, scores }) => {
    const acc = csatAccumulator(optionsOf(scale, threshold));
    const r = acc.result(foldAll(acc, scores));
    expect(r?.score).toBe(csat(scores, optionsOf(scale, threshold)));
    if (scores.length === 0) {
      expect(r).toBeUndefined();
      return;
    }
    const satisfied = scores.filter((x) => x >= (threshold ?? scale.max - 1)).length;
    expect(r).toEqual({ score: satisfied / scores.length, satisfied, total: scores.length });
  });

  test.prop([input, cutsArb(150)])("parts serialised and merged equal the whole", ({ scale, threshold, scores }, cuts) => {
    const { whole, parts } = wholeAndParts(csatAccumulator(optionsOf(scale, threshold)), scores, cuts);
    expect(parts).toEqual(whole);
  });

  it("worked example: 5, 4, 3, 2 on 1–5 → 0.5 (8 valori ale serviciului clienți…: satisfied / all)", () => {
    const acc = csatAccumulator();
    const s = foldAll(acc, [5, 4, 3, 2]);
    expect(acc.result(s)).toEqual({ score: 0.5, satisfied: 2, total: 4 });
    expect(acc.toJSON(s)).toEqual({ kind: "csat", v: 1, scale: { min: 1, max: 5 }, threshold: 4, satisfied: 2, total: 4 });
  });

  it("has csat's errors, naming csatAccumulator", () => {
    expect(codeOf(() => csatAccumulator({ scale: { min: 5, max: 1 } }))).toBe(
      "E_SCALE csatAccumulator: scale must have integer bounds with min < max, got { min: 5, max: 1 }",
    );
    expect(codeOf(() => csatAccumulator({ scale: { min: 0, max: 1 } }))).toBe(
      "E_THRESHOLD csatAccumulator: threshold must be given for a scale with fewer than 5 points, got scale 0 to 1",
    );
    expect(codeOf(() => csatAccumulator({ threshold: 6 }))).toBe(
      "E_THRESHOLD csatAccumulator: threshold must be an integer from 1 to 5, got 6",
    );
    const acc = csatAccumulator();
    expect(codeOf(() => acc.add(acc.create(), 0))).toBe("E_SCORE_RANGE csatAccumulator: score must be an integer from 1 to 5, got 0");
    expect(codeOf(() => csat([0]))).toBe("E_SCORE_RANGE csat: score must be an integer from 1 to 5, got 0");
  });

  it.each([
    [[], "a state must be an object"],
    [{ kind: "csat", v: 1, scale: { min: 0, max: 10 }, threshold: 4, satisfied: 0, total: 0 }, "scale must be"],
    [{ kind: "csat", v: 1, scale: { min: 1, max: 5 }, threshold: 3, satisfied: 0, total: 0 }, "threshold must be 4"],
    [{ kind: "csat", v: 1, scale: { min: 1, max: 5 }, threshold: 4, satisfied: 3, total: 2 }, "satisfied must be at most total"],
    [{ kind: "csat", v: 1, scale: { min: 1, max: 5 }, threshold: 4, satisfied: 0 }, "total must be a non-negative integer"],
    [{ kind: "csat", v: 1, scale: 5, threshold: 4, satisfied: 0, total: 0 }, "scale must be an object"],
  ])("E_STATE_FORMAT on %j", (json, what) => {
    expect(codeOf(() => csatAccumulator().fromJSON(json))).toMatch(new RegExp(`^E_STATE_FORMAT csat\\.fromJSON: ${what}`));
  });
});
