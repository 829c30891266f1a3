import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { csat, csatVerbal, negativeShare, negativeShareVerbal } from "../../../src/metrics/survey/index.ts";

/** Each label with its point (5 = best), from the Dutch article's three scales. */
const LABELS: readonly (readonly [string, number])[] = [
  ["very satisfied", 5],
  ["satisfied", 4],
  ["somewhat satisfied", 3],
  ["dissatisfied", 2],
  ["very dissatisfied", 1],
  ["zeer tevreden", 5],
  ["tevreden", 4],
  ["enigszins tevreden", 3],
  ["ontevreden", 2],
  ["zeer ontevreden", 1],
  ["very good", 5],
  ["good", 4],
  ["adequate", 3],
  ["not good", 2],
  ["bad", 1],
  ["zeer goed", 5],
  ["goed", 4],
  ["adequaat", 3],
  ["niet goed", 2],
  ["slecht", 1],
  ["excellent", 5],
  ["ok", 3],
  ["not great", 2],
  ["uitstekend", 5],
  ["niet groot", 2],
];

const answer = fc
  .record({ entry: fc.constantFrom(...LABELS), upper: fc.boolean() })
  .map(({ entry, upper }) => ({ label: upper ? entry[0].toUpperCase() : entry[0], point: entry[1] }));
const answers = fc.array(answer, { minLength: 1, maxLength: 100 });

test.prop([answers])("agrees with csat and negativeShare on the labels' points", (values) => {
  const labels = values.map((v) => v.label);
  const points = values.map((v) => v.point);
  expect(csatVerbal(labels)).toBe(csat(points));
  expect(negativeShareVerbal(labels)).toBe(negativeShare(points));
});

test.prop([answers])("stays within 0..1, ignores order and duplication", (values) => {
  const labels = values.map((v) => v.label);
  const value = csatVerbal(labels)!;
  expect(value).toBeGreaterThanOrEqual(0);
  expect(value).toBeLessThanOrEqual(1);
  expect(csatVerbal([...labels].reverse())).toBe(value);
  expect(csatVerbal([...labels, ...labels])).toBe(value);
});

test.prop([answers])("csatVerbal + negativeShareVerbal ≤ 1", (values) => {
  const labels = values.map((v) => v.label);
  expect(csatVerbal(labels)! + negativeShareVerbal(labels)!).toBeLessThanOrEqual(1 + 1e-12);
});

test.prop([answers, fc.nat()])("never drops when one answer becomes the best label", (values, at) => {
  const labels = values.map((v) => v.label);
  const changed = [...labels];
  changed[at % labels.length] = "excellent";
  expect(csatVerbal(changed)!).toBeGreaterThanOrEqual(csatVerbal(labels)!);
});
