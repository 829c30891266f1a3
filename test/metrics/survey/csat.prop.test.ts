import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { csat, negativeShare } from "../../../src/metrics/survey/index.ts";
import { scaledScores as scaled } from "../../_support/survey.ts";

const fivePoint = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 });

test.prop([scaled])("stays within 0..1", ({ scale, threshold, scores }) => {
  const value = csat(scores, { scale, threshold })!;
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(1);
});

test.prop([fivePoint])("ignores order and duplication", (scores) => {
  const value = csat(scores);
  expect(csat([...scores].reverse())).toBe(value);
  expect(csat([...scores, ...scores])).toBe(value);
});

test.prop([scaled, fc.nat(), fc.nat()])("never drops when one score is raised", ({ scale, threshold, scores }, at, by) => {
  const i = at % scores.length;
  const raised = [...scores];
  raised[i] = Math.min(scale.max, (raised[i] as number) + by);
  expect(csat(raised, { scale, threshold })!).toBeGreaterThanOrEqual(csat(scores, { scale, threshold })!);
});

test.prop([scaled])("never rises when the threshold is raised", ({ scale, threshold, scores }) => {
  fc.pre(threshold !== scale.max);
  expect(csat(scores, { scale, threshold: threshold + 1 })!).toBeLessThanOrEqual(csat(scores, { scale, threshold })!);
});

test.prop([scaled])("agrees with the naive count of scores ≥ threshold", ({ scale, threshold, scores }) => {
  expect(csat(scores, { scale, threshold })).toBe(scores.filter((s) => s >= threshold).length / scores.length);
});

test.prop([scaled, fc.integer({ min: -20, max: 20 })])("does not change when scale and scores shift together", ({ scale, scores }, k) => {
  const shifted = { min: scale.min + k, max: scale.max + k };
  expect(
    csat(
      scores.map((s) => s + k),
      { scale: shifted },
    ),
  ).toBe(csat(scores, { scale }));
});

test.prop([scaled])("csat + negativeShare ≤ 1 with the default boxes", ({ scale, scores }) => {
  expect(csat(scores, { scale })! + negativeShare(scores, { scale })!).toBeLessThanOrEqual(1 + 1e-12);
});

test.prop([fivePoint])("csat + negativeShare + share of 3s = 1 on 1–5", (scores) => {
  const neutral = scores.filter((s) => s === 3).length / scores.length;
  expect(csat(scores)! + negativeShare(scores)! + neutral).toBeCloseTo(1, 12);
});
