/**
 * happinessScore properties: bounds, order invariance, agreement with a naive formula, the
 * accumulator's fold = the array function, split → JSON → merge = whole.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { happinessScore, happinessScoreAccumulator, type HappinessRating } from "../../../src/index.ts";
import { cutsArb, foldAll, wholeAndParts } from "../../_support/accumulators.ts";

const rating: fc.Arbitrary<HappinessRating> = fc.constantFrom<HappinessRating>("great", "okay", "not good", 3, 2, 1);
const ratings = fc.array(rating, { maxLength: 200 });

const isGreat = (r: HappinessRating): boolean => r === "great" || r === 3;
const isNotGood = (r: HappinessRating): boolean => r === "not good" || r === 1;

describe("happinessScore properties", () => {
  test.prop([ratings])("within −100..100, undefined only when empty", (xs) => {
    const s = happinessScore(xs);
    if (xs.length === 0) expect(s).toBeUndefined();
    else {
      expect(s).toBeGreaterThanOrEqual(-100);
      expect(s).toBeLessThanOrEqual(100);
    }
  });

  const permuted = ratings.chain((xs) =>
    fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })),
  );
  test.prop([permuted])("order does not matter", ([xs, shuffled]) => {
    expect(happinessScore(shuffled)).toBe(happinessScore(xs));
  });

  test.prop([ratings])("agrees with the naive formula 100 × (great − not good) / total", (xs) => {
    fc.pre(xs.length > 0);
    const naive = (100 * (xs.filter(isGreat).length - xs.filter(isNotGood).length)) / xs.length;
    expect(happinessScore(xs)).toBeCloseTo(naive, 9);
  });

  test.prop([ratings])("adding a great rating never lowers the score; a not good one never raises it", (xs) => {
    fc.pre(xs.length > 0);
    const s = happinessScore(xs) as number;
    expect(happinessScore([...xs, "great"]) as number).toBeGreaterThanOrEqual(s - 1e-9);
    expect(happinessScore([...xs, "not good"]) as number).toBeLessThanOrEqual(s + 1e-9);
  });

  test.prop([ratings])("the accumulator's fold is happinessScore", (xs) => {
    const acc = happinessScoreAccumulator();
    expect(acc.result(foldAll(acc, xs))?.score).toBe(happinessScore(xs));
  });

  test.prop([ratings, cutsArb()])("parts serialised and merged equal the whole", (xs, cuts) => {
    const { whole, parts } = wholeAndParts(happinessScoreAccumulator(), xs, cuts);
    expect(parts).toEqual(whole);
  });
});
