/**
 * The exact value store's pages (src/_lib/quantileStore.ts): whatever the number of values
 * (inside the first page, at its boundaries, over many pages), the store holds exactly the values
 * added, in order; its summary equals R-7 over a sorted copy; merging and a JSON round trip keep
 * every value; and memory is the values' bytes plus at most one page.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { quantileSorted, sortedCopy } from "../../src/_lib/quantile.ts";
import {
  PAGE,
  storeAdd,
  storeBytes,
  storeCount,
  storeFromJSON,
  storeMerge,
  storeSummary,
  storeToJSON,
  storeValues,
  valueStore,
} from "../../src/_lib/quantileStore.ts";

const filled = (values: readonly number[]) => {
  const s = valueStore("exact");
  for (const x of values) storeAdd(s, x);
  return s;
};

/** Counts around the page boundaries and across several pages. */
const countArb = fc.oneof(
  fc.integer({ min: 0, max: 40 }),
  fc.integer({ min: PAGE - 3, max: PAGE + 3 }),
  fc.integer({ min: 2 * PAGE - 2, max: 2 * PAGE + 2 }),
  fc.integer({ min: 3 * PAGE, max: 5 * PAGE }),
);
const valuesArb = countArb.chain((n) => fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: n, maxLength: n }));

describe("exact store pages", () => {
  test.prop([valuesArb], { numRuns: 40 })("holds exactly the values added, in order, and summarises them as R-7", (values) => {
    const s = filled(values);
    expect(storeCount(s)).toBe(values.length);
    expect(Array.from(storeValues(s) ?? [])).toEqual(values);
    const summary = storeSummary(s, [0.9]);
    if (values.length === 0) {
      expect(summary).toBeUndefined();
      return;
    }
    const sorted = sortedCopy(values);
    expect(summary?.median).toBe(quantileSorted(sorted, 0.5));
    expect(summary?.p[0]?.value).toBe(quantileSorted(sorted, 0.9));
    expect(summary?.total).toBe(values.reduce((a, b) => a + b, 0));
    expect(summary?.min).toBe(sorted[0]);
    expect(summary?.max).toBe(sorted[sorted.length - 1]);
  });

  test.prop([valuesArb, valuesArb], { numRuns: 30 })("merge appends b's values; a JSON round trip keeps them", (a, b) => {
    const merged = storeMerge(filled(a), filled(b));
    expect(Array.from(storeValues(merged) ?? [])).toEqual([...a, ...b]);
    const back = storeFromJSON("test", "store", JSON.parse(JSON.stringify(storeToJSON(merged))));
    expect(Array.from(storeValues(back) ?? [])).toEqual([...a, ...b]);
  });

  it("holds the values' bytes plus at most one page", () => {
    for (const n of [0, 1, 16, 17, PAGE, PAGE + 1, 10 * PAGE + 5]) {
      const bytes = storeBytes(filled(Array.from({ length: n }, (_, i) => i)));
      expect(bytes).toBeGreaterThanOrEqual(n * 8);
      expect(bytes).toBeLessThanOrEqual(Math.max(16, n) * 8 + PAGE * 8);
    }
  });
});
