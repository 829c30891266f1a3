import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { nps, npsBreakdown } from "../../../src/metrics/survey/index.ts";

const score = fc.integer({ min: 0, max: 10 });
const scores = fc.array(score, { maxLength: 200 });
const nonEmpty = fc.array(score, { minLength: 1, maxLength: 200 });

function naiveNps(values: readonly number[]): number {
  const promoters = values.filter((v) => v >= 9).length;
  const detractors = values.filter((v) => v <= 6).length;
  return (100 * promoters) / values.length - (100 * detractors) / values.length;
}

test.prop([nonEmpty])("stays within −100..100", (values) => {
  const result = nps(values) as number;
  expect(result).toBeGreaterThanOrEqual(-100);
  expect(result).toBeLessThanOrEqual(100);
});

test.prop([scores])("is undefined exactly when there are no answers", (values) => {
  expect(nps(values) === undefined).toBe(values.length === 0);
});

test.prop([nonEmpty])("does not depend on the order of the answers", (values) => {
  const expected = nps(values);
  expect(nps([...values].reverse())).toBe(expected);
  expect(nps([...values].sort((a, b) => a - b))).toBe(expected);
});

test.prop([nonEmpty])("does not change when every answer is given twice", (values) => {
  expect(nps([...values, ...values])).toBe(nps(values));
});

test.prop([nonEmpty, fc.nat(), fc.integer({ min: 1, max: 10 })])("never drops when one score is raised", (values, at, by) => {
  const i = at % values.length;
  const raised = [...values];
  raised[i] = Math.min(10, (raised[i] as number) + by);
  expect(nps(raised) as number).toBeGreaterThanOrEqual(nps(values) as number);
});

test.prop([nonEmpty])("agrees with the naive % promoters − % detractors", (values) => {
  expect(nps(values) as number).toBeCloseTo(naiveNps(values), 9);
});

test.prop([scores])("equals npsBreakdown(...).nps", (values) => {
  expect(nps(values)).toBe(npsBreakdown(values)?.nps);
});
