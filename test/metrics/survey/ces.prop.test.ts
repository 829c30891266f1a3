import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { ces } from "../../../src/metrics/survey/index.ts";

const scaled = fc.record({ min: fc.integer({ min: -10, max: 10 }), points: fc.integer({ min: 2, max: 11 }) }).chain(({ min, points }) => {
  const max = min + points - 1;
  return fc.record({
    scale: fc.constant({ min, max }),
    scores: fc.array(fc.integer({ min, max }), { minLength: 1, maxLength: 200 }),
  });
});

test.prop([scaled])("stays within the scale", ({ scale, scores }) => {
  const value = ces(scores, { scale })!;
  expect(value).toBeGreaterThanOrEqual(scale.min);
  expect(value).toBeLessThanOrEqual(scale.max);
});

test.prop([scaled])("ignores order and duplication", ({ scale, scores }) => {
  const value = ces(scores, { scale });
  expect(ces([...scores].reverse(), { scale })).toBe(value);
  expect(ces([...scores, ...scores], { scale })).toBe(value);
});

test.prop([scaled, fc.nat(), fc.nat()])("never drops when one score is raised", ({ scale, scores }, at, by) => {
  const i = at % scores.length;
  const raised = [...scores];
  raised[i] = Math.min(scale.max, (raised[i] as number) + by);
  expect(ces(raised, { scale })!).toBeGreaterThanOrEqual(ces(scores, { scale })!);
});

test.prop([scaled])("agrees with the naive mean", ({ scale, scores }) => {
  expect(ces(scores, { scale })!).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 10);
});

test.prop([scaled, fc.integer({ min: -20, max: 20 })])("shifts with the scale: ces(s + k) = ces(s) + k", ({ scale, scores }, k) => {
  const shifted = { min: scale.min + k, max: scale.max + k };
  expect(
    ces(
      scores.map((s) => s + k),
      { scale: shifted },
    )!,
  ).toBeCloseTo(ces(scores, { scale })! + k, 10);
});
