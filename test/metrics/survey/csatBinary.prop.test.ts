import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { csat, csatBinary, negativeShareBinary, type BinaryAnswer } from "../../../src/metrics/survey/index.ts";

const answer = fc.constantFrom<BinaryAnswer>(true, false, "good", "bad");
const answers = fc.array(answer, { minLength: 1, maxLength: 200 });
const good = (a: BinaryAnswer): boolean => a === true || a === "good";

test.prop([answers])("stays within 0..1 and ignores order and duplication", (values) => {
  const value = csatBinary(values)!;
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(1);
  expect(csatBinary([...values].reverse())).toBe(value);
  expect(csatBinary([...values, ...values])).toBe(value);
});

test.prop([answers, fc.nat()])("never drops when a bad answer becomes good", (values, at) => {
  const changed = [...values];
  changed[at % values.length] = "good";
  expect(csatBinary(changed)!).toBeGreaterThanOrEqual(csatBinary(values)!);
});

test.prop([answers])("agrees with the naive count and with csat on a 0–1 scale", (values) => {
  const expected = values.filter(good).length / values.length;
  expect(csatBinary(values)).toBe(expected);
  expect(
    csat(
      values.map((a) => (good(a) ? 1 : 0)),
      { scale: { min: 0, max: 1 }, threshold: 1 },
    ),
  ).toBe(expected);
});

test.prop([answers])("csatBinary + negativeShareBinary = 1 (no neutral answer)", (values) => {
  expect(csatBinary(values)! + negativeShareBinary(values)!).toBeCloseTo(1, 12);
});
