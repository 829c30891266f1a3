/**
 * cesAccumulator: ces and cesEasyShare are folds of it (same results, same errors); split /
 * serialise / merge = whole; malformed states.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { ces, cesAccumulator, cesEasyShare, type CesEasyShareOptions } from "../../../src/metrics/survey/index.ts";
import type { SurveyScale } from "../../../src/models/survey.ts";
import { codeOf } from "../../_support/errors.ts";
import { cutsArb, foldAll, wholeAndParts } from "../../_support/accumulators.ts";

/** A scale of 2 to 11 points, options on it, and answers on it. */
const input = fc.record({ min: fc.integer({ min: -3, max: 3 }), points: fc.integer({ min: 2, max: 11 }) }).chain(({ min, points }) => {
  const scale: SurveyScale = { min, max: min + points - 1 };
  return fc.record({
    scale: fc.constant(scale),
    higherIsEasier: fc.option(fc.boolean(), { nil: undefined }),
    threshold: fc.option(fc.integer({ min: scale.min, max: scale.max }), { nil: undefined }),
    scores: fc.array(fc.integer({ min: scale.min, max: scale.max }), { maxLength: 150 }),
  });
});
type Input = { scale: SurveyScale; higherIsEasier: boolean | undefined; threshold: number | undefined };
const optionsOf = ({ scale, higherIsEasier, threshold }: Input): CesEasyShareOptions => ({
  scale,
  ...(higherIsEasier === undefined ? {} : { higherIsEasier }),
  ...(threshold === undefined ? {} : { threshold }),
});

describe("cesAccumulator", () => {
  test.prop([input])("its fold is ces and cesEasyShare, and agrees with a naive mean and count", (x) => {
    const acc = cesAccumulator(optionsOf(x));
    const r = acc.result(foldAll(acc, x.scores));
    expect(r?.mean).toBe(ces(x.scores, { scale: x.scale }));
    expect(r?.easyShare).toBe(cesEasyShare(x.scores, optionsOf(x)));
    if (x.scores.length === 0) {
      expect(r).toBeUndefined();
      return;
    }
    const higher = x.higherIsEasier ?? true;
    const middle = (x.scale.min + x.scale.max) / 2;
    const t = x.threshold ?? (higher ? Math.floor(middle) + 1 : Math.ceil(middle) - 1);
    const easy = x.scores.filter((s) => (higher ? s >= t : s <= t)).length;
    expect(r?.count).toBe(x.scores.length);
    expect(r?.easyShare).toBe(easy / x.scores.length);
    expect(r?.mean).toBeCloseTo(x.scores.reduce((a, b) => a + b, 0) / x.scores.length, 12);
  });

  test.prop([input, cutsArb(150)])("parts serialised and merged equal the whole", (x, cuts) => {
    const { whole, parts } = wholeAndParts(cesAccumulator(optionsOf(x)), x.scores, cuts);
    expect(parts).toEqual(whole);
  });

  it("worked example: 7, 6, 5, 4, 1 on 1–7 → mean 4.6, easy (5–7) 0.6 (CES 2.0 top-3-box)", () => {
    const acc = cesAccumulator();
    const s = foldAll(acc, [7, 6, 5, 4, 1]);
    expect(acc.result(s)).toEqual({ count: 5, mean: 4.6, easyShare: 0.6 });
    expect(acc.toJSON(s)).toEqual({
      kind: "ces",
      v: 1,
      scale: { min: 1, max: 7 },
      higherIsEasier: true,
      threshold: 5,
      count: 5,
      sum: 23,
      easy: 3,
    });
  });

  it("has ces' and cesEasyShare's errors, naming the function called", () => {
    expect(codeOf(() => cesAccumulator({ scale: { min: 1, max: 1 } }))).toBe(
      "E_SCALE cesAccumulator: scale must have integer bounds with min < max, got { min: 1, max: 1 }",
    );
    expect(codeOf(() => cesAccumulator({ higherIsEasier: "yes" as unknown as boolean }))).toBe(
      "E_OPTION cesAccumulator: higherIsEasier must be a boolean, got yes",
    );
    expect(codeOf(() => cesAccumulator({ threshold: 0 }))).toBe(
      "E_THRESHOLD cesAccumulator: threshold must be an integer from 1 to 7, got 0",
    );
    const acc = cesAccumulator();
    expect(codeOf(() => acc.add(acc.create(), 8))).toBe("E_SCORE_RANGE cesAccumulator: score must be an integer from 1 to 7, got 8");
    expect(codeOf(() => ces([8]))).toBe("E_SCORE_RANGE ces: score must be an integer from 1 to 7, got 8");
    expect(codeOf(() => cesEasyShare([8]))).toBe("E_SCORE_RANGE cesEasyShare: score must be an integer from 1 to 7, got 8");
  });

  const good = { kind: "ces", v: 1, scale: { min: 1, max: 7 }, higherIsEasier: true, threshold: 5, count: 2, sum: 9, easy: 1 };
  it("reads its own JSON back", () => {
    expect(cesAccumulator().fromJSON(good)).toEqual({ count: 2, sum: 9, easy: 1 });
  });
  it.each([
    ["x", "a state must be an object"],
    [{ ...good, kind: "nps" }, "kind must be"],
    [{ ...good, scale: { min: 1, max: 5 } }, "scale must be"],
    [{ ...good, higherIsEasier: false }, "higherIsEasier must be true"],
    [{ ...good, threshold: 4 }, "threshold must be 5"],
    [{ ...good, easy: 3 }, "easy must be at most count"],
    [{ ...good, sum: 15 }, "sum must be an integer from count × min to count × max"],
    [{ ...good, sum: 1 }, "sum must be an integer from count × min to count × max"],
    [{ ...good, sum: 9.5 }, "sum must be an integer"],
    [{ ...good, count: -2 }, "count must be a non-negative integer"],
  ])("E_STATE_FORMAT on %j", (json, what) => {
    expect(codeOf(() => cesAccumulator().fromJSON(json))).toMatch(new RegExp(`^E_STATE_FORMAT ces\\.fromJSON: ${what}`));
  });
});
