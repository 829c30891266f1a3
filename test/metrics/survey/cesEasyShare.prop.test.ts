import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { cesEasyShare } from "../../../src/metrics/survey/index.ts";

const scaled = fc.record({ min: fc.integer({ min: -5, max: 5 }), points: fc.integer({ min: 2, max: 11 }) }).chain(({ min, points }) => {
  const max = min + points - 1;
  return fc.record({
    scale: fc.constant({ min, max }),
    threshold: fc.integer({ min, max }),
    higherIsEasier: fc.boolean(),
    scores: fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 100 }),
  });
});

test.prop([scaled])("stays within 0..1 and agrees with the naive count", ({ scale, threshold, higherIsEasier, scores }) => {
  const value = cesEasyShare(scores, { scale, threshold, higherIsEasier })!;
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(1);
  const easy = scores.filter((s) => (higherIsEasier ? s >= threshold : s <= threshold)).length;
  expect(value).toBe(easy / scores.length);
});

test.prop([scaled])("ignores order and duplication", ({ scale, higherIsEasier, scores }) => {
  const value = cesEasyShare(scores, { scale, higherIsEasier });
  expect(cesEasyShare([...scores].reverse(), { scale, higherIsEasier })).toBe(value);
  expect(cesEasyShare([...scores, ...scores], { scale, higherIsEasier })).toBe(value);
});

test.prop([scaled, fc.nat(), fc.nat()])("never drops when one answer moves toward easy", ({ scale, higherIsEasier, scores }, at, by) => {
  const i = at % scores.length;
  const moved = [...scores];
  const s = moved[i] as number;
  moved[i] = higherIsEasier ? Math.min(scale.max, s + by) : Math.max(scale.min, s - by);
  expect(cesEasyShare(moved, { scale, higherIsEasier })!).toBeGreaterThanOrEqual(cesEasyShare(scores, { scale, higherIsEasier })!);
});

test.prop([scaled])("flipping the scores flips the direction (default thresholds are mirror images)", ({ scale, scores }) => {
  const flipped = scores.map((s) => scale.min + scale.max - s);
  expect(cesEasyShare(flipped, { scale, higherIsEasier: false })).toBe(cesEasyShare(scores, { scale }));
});
