import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { surveyResponseRate } from "../../../src/metrics/survey/index.ts";

const counts = fc
  .integer({ min: 1, max: 1_000_000 })
  .chain((sent) => fc.record({ sent: fc.constant(sent), answers: fc.integer({ min: 0, max: sent }) }));

test.prop([counts])("stays within 0..1 and equals answers / sent", ({ answers, sent }) => {
  const value = surveyResponseRate(answers, sent)!;
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(1);
  expect(value).toBe(answers / sent);
});

test.prop([counts, fc.integer({ min: 1, max: 1000 })])("does not change when both counts are scaled", ({ answers, sent }, k) => {
  expect(surveyResponseRate(answers * k, sent * k)).toBe(surveyResponseRate(answers, sent));
});

test.prop([counts])("never drops with one more answer", ({ answers, sent }) => {
  fc.pre(answers !== sent);
  expect(surveyResponseRate(answers + 1, sent)!).toBeGreaterThan(surveyResponseRate(answers, sent)!);
});
