import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { compareGroups } from "../../../src/metrics/customers/index.ts";

const values = fc.array(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => c / 100),
  { minLength: 1, maxLength: 50 },
);
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

test.prop([values, values])("agrees with a naive mean and variance", (a, b) => {
  const r = compareGroups(a, b)!;
  expect(r.a.n).toBe(a.length);
  expect(r.a.mean).toBeCloseTo(mean(a), 6);
  expect(r.difference).toBeCloseTo(mean(a) - mean(b), 6);
  if (a.length > 1) {
    const m = mean(a);
    expect(r.a.variance!).toBeCloseTo(a.reduce((s, x) => s + (x - m) ** 2, 0) / (a.length - 1), 2);
    expect(r.a.variance!).toBeGreaterThanOrEqual(0);
  }
});

test.prop([values, values])("swapping the groups negates the difference; order within a group does not matter", (a, b) => {
  const r = compareGroups(a, b)!;
  const s = compareGroups(b, a)!;
  expect(s.difference).toBeCloseTo(-r.difference, 9);
  const reversed = compareGroups([...a].reverse(), [...b].reverse())!;
  expect(reversed.a.mean).toBeCloseTo(r.a.mean, 9);
  expect(reversed.b.variance ?? 0).toBeCloseTo(r.b.variance ?? 0, 6);
});

test.prop([values, fc.integer({ min: 2, max: 4 })])("repeating every value k times keeps the means (duplication invariance)", (a, k) => {
  const repeated = a.flatMap((x) => Array<number>(k).fill(x));
  expect(compareGroups(repeated, a)!.difference).toBeCloseTo(0, 6);
});
