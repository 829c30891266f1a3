import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { nps } from "../../../src/metrics/survey/index.ts";
import { npsDifferenceTest, npsInterval, npsSampleSizeForMargin } from "../../../src/metrics/stats/index.ts";

const scores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 });
const level = fc.double({ min: 0.5, max: 0.999, noNaN: true });

test.prop([scores, level])("contains the point estimate and stays inside [−100, 100]", (s, confidenceLevel) => {
  const r = npsInterval(s, { confidenceLevel })!;
  expect(r.nps).toBe(nps(s));
  expect(r.lower).toBeLessThanOrEqual(r.nps);
  expect(r.upper).toBeGreaterThanOrEqual(r.nps);
  expect(r.lower).toBeGreaterThanOrEqual(-100);
  expect(r.upper).toBeLessThanOrEqual(100);
});

test.prop([scores])("ignores order", (s) => {
  expect(npsInterval([...s].reverse())).toEqual(npsInterval(s));
});

test.prop([scores, fc.integer({ min: 2, max: 5 })])("shrinks the standard error by √k when the answers are repeated k times", (s, k) => {
  const once = npsInterval(s)!;
  const many = npsInterval(Array.from({ length: k }, () => s).flat())!;
  expect(many.nps).toBeCloseTo(once.nps, 9);
  expect(many.standardError).toBeCloseTo(once.standardError / Math.sqrt(k), 9);
  expect(many.upper - many.lower).toBeLessThanOrEqual(once.upper - once.lower + 1e-9);
});

test.prop([scores, level, level])("widens with the confidence level", (s, l1, l2) => {
  const [lo, hi] = l1 <= l2 ? [l1, l2] : [l2, l1];
  const a = npsInterval(s, { confidenceLevel: lo })!;
  const b = npsInterval(s, { confidenceLevel: hi })!;
  expect(b.upper - b.lower).toBeGreaterThanOrEqual(a.upper - a.lower - 1e-9);
});

test.prop([scores, scores])("the difference test's difference is npsA − npsB, antisymmetric, with the same p-value", (a, b) => {
  const ab = npsDifferenceTest(a, b)!;
  const ba = npsDifferenceTest(b, a)!;
  expect(ab.difference).toBeCloseTo(nps(a)! - nps(b)!, 9);
  expect(ba.difference).toBeCloseTo(-ab.difference, 9);
  expect(ba.pValue).toBeCloseTo(ab.pValue, 12);
  expect(ab.pValue).toBeGreaterThanOrEqual(0);
  expect(ab.pValue).toBeLessThanOrEqual(1);
  expect(ab.lower).toBeLessThanOrEqual(ab.difference);
  expect(ab.upper).toBeGreaterThanOrEqual(ab.difference);
  // Its standard error combines the two one-sample standard errors.
  const sa = npsInterval(a)!.standardError;
  const sb = npsInterval(b)!.standardError;
  expect(ab.standardError).toBeCloseTo(Math.sqrt(sa * sa + sb * sb), 9);
});

test.prop([fc.double({ min: 0.5, max: 50, noNaN: true })])(
  "the worst-case sample size gives a half-width of at most the margin, and one fewer answer does not",
  (margin) => {
    const n = npsSampleSizeForMargin(margin);
    const halfWidth = (m: number): number => 1.959963984540054 * 100 * Math.sqrt(1 / m);
    expect(halfWidth(n)).toBeLessThanOrEqual(margin * (1 + 1e-9));
    if (n > 1) expect(halfWidth(n - 1)).toBeGreaterThan(margin * (1 - 1e-9));
  },
);
