/**
 * happinessScore: Help Scout's % great − % not good. Known answer from Help Scout's own report
 * example, errors, the accumulator's JSON form.
 */
import { describe, expect, it } from "vitest";
import { happinessScore, happinessScoreAccumulator, type HappinessRating } from "../../../src/index.ts";
import { codeOf } from "../../_support/errors.ts";
import { foldAll, roundTrip } from "../../_support/accumulators.ts";

const repeat = (rating: HappinessRating, n: number): HappinessRating[] => Array.from({ length: n }, () => rating);

describe("happinessScore", () => {
  // Help Scout, "Happiness Report" (Mailbox API 1.0 reference, example response):
  // https://developer.helpscout.com/help-desk-api/reports/happiness/happiness/
  // ratingsCount 110, great 37.27272727272727 %, okay 30.909090909090907 % (okayCount 34),
  // notGoodCount 35, happinessScore 5.454545454545457. Great = 110 − 34 − 35 = 41 (41/110 = 37.27 %).
  it("known answer: Help Scout's Happiness Report example (41 great, 34 okay, 35 not good → 5.4545…)", () => {
    const ratings = [...repeat("great", 41), ...repeat("okay", 34), ...repeat("not good", 35)];
    expect(happinessScore(ratings)).toBeCloseTo(5.454545454545457, 12);
    const r = happinessScoreAccumulator().result(foldAll(happinessScoreAccumulator(), ratings));
    expect(r?.greatShare).toBeCloseTo(0.3727272727272727, 12);
    expect(r?.okayShare).toBeCloseTo(0.309090909090909, 12);
    expect(r?.total).toBe(110);
  });

  it("small cases: all great 100, all not good −100, okay only 0, empty undefined, −0 normalised", () => {
    expect(happinessScore(["great", "great"])).toBe(100);
    expect(happinessScore(["not good"])).toBe(-100);
    expect(happinessScore(["okay", "okay"])).toBe(0);
    expect(Object.is(happinessScore(["great", "not good"]), 0)).toBe(true);
    expect(happinessScore([])).toBeUndefined();
  });

  it("points 3 / 2 / 1 are great / okay / not good", () => {
    expect(happinessScore([3, 3, 2, 1])).toBe(happinessScore(["great", "great", "okay", "not good"]));
    expect(happinessScore([3, 3, 2, 1])).toBe(25);
  });

  it("E_UNKNOWN_LABEL names the function and the value", () => {
    expect(codeOf(() => happinessScore(["Great" as HappinessRating]))).toBe(
      'E_UNKNOWN_LABEL happinessScore: rating must be "great", "okay", "not good" or 3, 2, 1, got "Great"',
    );
    expect(codeOf(() => happinessScore([4 as HappinessRating]))).toBe(
      'E_UNKNOWN_LABEL happinessScore: rating must be "great", "okay", "not good" or 3, 2, 1, got 4',
    );
    const acc = happinessScoreAccumulator();
    expect(codeOf(() => acc.add(acc.create(), "not_good" as HappinessRating))).toMatch(/^E_UNKNOWN_LABEL happinessScoreAccumulator: /);
  });

  it("the state's JSON form", () => {
    const acc = happinessScoreAccumulator();
    const s = foldAll(acc, ["great", "okay", "okay", "not good"]);
    expect(acc.toJSON(s)).toEqual({ kind: "happinessScore", v: 1, great: 1, okay: 2, notGood: 1 });
    expect(acc.result(roundTrip(acc, s))).toEqual(acc.result(s));
  });

  it.each([
    [null, "a state must be an object"],
    [{ kind: "nps", v: 1, great: 0, okay: 0, notGood: 0 }, "kind must be"],
    [{ kind: "happinessScore", v: 2, great: 0, okay: 0, notGood: 0 }, "v must be 1"],
    [{ kind: "happinessScore", v: 1, great: 0, okay: 0 }, "notGood must be a non-negative integer"],
    [{ kind: "happinessScore", v: 1, great: -1, okay: 0, notGood: 0 }, "great must be a non-negative integer"],
  ])("E_STATE_FORMAT on %j", (json, what) => {
    expect(codeOf(() => happinessScoreAccumulator().fromJSON(json))).toMatch(
      new RegExp(`^E_STATE_FORMAT happinessScore\\.fromJSON: ${what}`),
    );
  });
});
