import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { negativeShare } from "../../../src/metrics/survey/index.ts";
import { scaledScores as scaled } from "../../_support/survey.ts";

test.prop([scaled])("stays within 0..1 and agrees with the naive count of scores ≤ threshold", ({ scale, threshold, scores }) => {
  const value = negativeShare(scores, { scale, threshold })!;
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(1);
  expect(value).toBe(scores.filter((s) => s <= threshold).length / scores.length);
});

test.prop([scaled])("ignores order and duplication", ({ scale, scores }) => {
  const value = negativeShare(scores, { scale });
  expect(negativeShare([...scores].reverse(), { scale })).toBe(value);
  expect(negativeShare([...scores, ...scores], { scale })).toBe(value);
});

test.prop([scaled, fc.nat(), fc.nat()])("never rises when one score is raised", ({ scale, threshold, scores }, at, by) => {
  const i = at % scores.length;
  const raised = [...scores];
  raised[i] = Math.min(scale.max, (raised[i] as number) + by);
  expect(negativeShare(raised, { scale, threshold })!).toBeLessThanOrEqual(negativeShare(scores, { scale, threshold })!);
});

test.prop([scaled])(
  "mirrors csat's top box: negativeShare(s) = share of flipped scores ≥ flipped threshold",
  ({ scale, threshold, scores }) => {
    const flipped = scores.map((s) => scale.min + scale.max - s);
    const flippedThreshold = scale.min + scale.max - threshold;
    expect(negativeShare(scores, { scale, threshold })).toBe(flipped.filter((s) => s >= flippedThreshold).length / scores.length);
  },
);
