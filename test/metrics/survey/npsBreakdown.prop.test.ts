import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { npsBreakdown } from "../../../src/metrics/survey/index.ts";

const nonEmpty = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 });

test.prop([nonEmpty])("counts add up to total and shares to 1", (values) => {
  const b = npsBreakdown(values)!;
  expect(b.total).toBe(values.length);
  expect(b.promoters + b.passives + b.detractors).toBe(b.total);
  expect(b.promoterShare + b.passiveShare + b.detractorShare).toBeCloseTo(1, 12);
  for (const share of [b.promoterShare, b.passiveShare, b.detractorShare]) {
    expect(share).toBeGreaterThanOrEqual(0);
    expect(share).toBeLessThanOrEqual(1);
  }
});

test.prop([nonEmpty])("nps is 100 × (promoterShare − detractorShare)", (values) => {
  const b = npsBreakdown(values)!;
  expect(b.nps).toBeCloseTo(100 * (b.promoterShare - b.detractorShare), 9);
});

test.prop([nonEmpty])("agrees with naive counting", (values) => {
  const b = npsBreakdown(values)!;
  expect(b.promoters).toBe(values.filter((v) => v === 9 || v === 10).length);
  expect(b.passives).toBe(values.filter((v) => v === 7 || v === 8).length);
  expect(b.detractors).toBe(values.filter((v) => v < 7).length);
});

test.prop([nonEmpty])("shares ignore order and duplication", (values) => {
  const b = npsBreakdown(values)!;
  const reversed = npsBreakdown([...values].reverse())!;
  const doubled = npsBreakdown([...values, ...values])!;
  expect(reversed).toEqual(b);
  expect(doubled.promoterShare).toBe(b.promoterShare);
  expect(doubled.detractorShare).toBe(b.detractorShare);
  expect(doubled.nps).toBe(b.nps);
  expect(doubled.total).toBe(2 * b.total);
});
