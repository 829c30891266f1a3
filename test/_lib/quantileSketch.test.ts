/**
 * The relative-error sketch of the value store (src/_lib/quantileSketch.ts, after DDSketch:
 * Masson, Rim, Lee, VLDB 2019, arXiv:1908.10693): every quantile within relative error α of the
 * R-7 quantile on random and adversarial inputs, the exact parts equal to the exact store's, the
 * split / serialise / merge property, flat memory, and the errors.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { stateJson, type MetricAccumulator } from "../../src/_lib/accumulator.ts";
import { quantileSorted, sortedCopy } from "../../src/_lib/quantile.ts";
import { MAX_BUCKETS, MIN_INDEXABLE } from "../../src/_lib/quantileSketch.ts";
import {
  storeAdd,
  storeBytes,
  storeCount,
  storeFromJSON,
  storeMerge,
  storeMoments,
  storeSummary,
  storeToJSON,
  storeValues,
  valueStore,
  type StoreSummary,
  type ValueStore,
} from "../../src/_lib/quantileStore.ts";
import { cutsArb, foldAll, wholeAndParts } from "../_support/accumulators.ts";
import { codeOf } from "../_support/errors.ts";

const PERCENTILES = [0, 0.01, 0.1, 0.25, 0.75, 0.9, 0.95, 0.99, 1];
/**
 * Floating-point slack on top of α: the bucket index ⌈ln x / ln γ⌉ and the representative
 * exp(i·ln γ + ln(1 − α)) are each rounded (i·ln γ reaches ~7e5 at α = 0.1 %), and the
 * interpolation rounds once more. Measured while writing this: no estimate exceeded α at all, in
 * 9 000 random runs nor at the bucket boundaries γ^i ± 2 ulps (the boundary test below); 1e−12
 * relative is room for a different libm.
 */
const SLACK = 1e-12;

const alphaArb = fc.constantFrom(0.01, 0.05, 0.001);
const ms = fc.double({ min: 0, max: 3.2e11, noNaN: true });
/** Heavy tails: exp of a uniform over a wide range, and Pareto-like 1000·u^(−1/a) with a < 1 (infinite mean). */
const logUniform = fc.double({ min: -40, max: 40, noNaN: true }).map((u) => Math.exp(u));
const pareto = fc
  .tuple(fc.double({ min: 1e-12, max: 1, noNaN: true }), fc.constantFrom(0.3, 0.7, 1.5))
  .map(([u, a]) => 1000 * u ** (-1 / a));
/** Near the smallest indexable value 2^−1022: both sides of it, and subnormals. */
const tiny = fc.oneof(
  fc.constantFrom(MIN_INDEXABLE, MIN_INDEXABLE * (1 + 2 ** -52), MIN_INDEXABLE * (1 - 2 ** -52), 5e-324, 1e-310),
  fc.double({ min: 0, max: 1e-300, noNaN: true }),
);
/** Up to 1e305, so that 300 of them still have a finite total (as in the exact store, a total above ~1.8e308 is not a number). */
const huge = fc.oneof(fc.constantFrom(1e305, 2 ** 480, 2 ** 481), fc.double({ min: 1e300, max: 1e305, noNaN: true }));
const anyValue = fc.oneof(
  { arbitrary: ms, weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 1e9 }), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 12 }), weight: 2 },
  { arbitrary: logUniform, weight: 2 },
  { arbitrary: pareto, weight: 2 },
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: tiny, weight: 1 },
  { arbitrary: huge, weight: 1 },
);

/** Random and adversarial shapes: mixed, heavy-tailed, all equal, sorted either way, mostly zeros. */
const valuesArb: fc.Arbitrary<number[]> = fc.oneof(
  fc.array(anyValue, { minLength: 1, maxLength: 300 }),
  fc.array(fc.oneof(logUniform, pareto), { minLength: 1, maxLength: 300 }),
  fc.tuple(anyValue, fc.integer({ min: 1, max: 300 })).map(([x, n]) => Array.from({ length: n }, () => x)),
  fc.array(anyValue, { minLength: 1, maxLength: 300 }).map((xs) => xs.sort((a, b) => a - b)),
  fc.array(anyValue, { minLength: 1, maxLength: 300 }).map((xs) => xs.sort((a, b) => b - a)),
  fc.array(fc.oneof({ arbitrary: fc.constant(0), weight: 8 }, { arbitrary: anyValue, weight: 1 }), { minLength: 1, maxLength: 300 }),
  fc.array(fc.oneof(tiny, huge), { minLength: 1, maxLength: 60 }),
);
const percentilesArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }).map((ps) => [...PERCENTILES, ...ps]);

function storeOf(alpha: number | "exact", values: readonly number[]): ValueStore {
  const s = valueStore(alpha === "exact" ? "exact" : { relativeError: alpha });
  for (const x of values) storeAdd(s, x);
  return s;
}

/** The store as an accumulator of values, for the split / serialise / merge helpers. */
function storeAccumulator(alpha: number, percentiles: readonly number[]): MetricAccumulator<number, ValueStore, unknown> {
  return {
    name: "valueStore",
    create: () => valueStore({ relativeError: alpha }),
    add: storeAdd,
    merge: (a, b) => storeMerge(a, b),
    result: (s) => {
      const summary = storeSummary(s, percentiles);
      const { sum: _sum, sumSquares: _squares, ...buckets } = storeToJSON(s) as unknown as Record<string, unknown>;
      // The buckets as text: a deep comparison of ~700 000 counts (2^−1022 … 1e305 at α = 0.1 %) is slow.
      return { summary, buckets: JSON.stringify(buckets), moments: summary === undefined ? undefined : storeMoments(s, summary.mean) };
    },
    toJSON: (s) => stateJson("valueStore", 1, { store: storeToJSON(s) }),
    fromJSON: (json) => storeFromJSON("valueStore", "store", (json as { store: unknown }).store),
  };
}

/**
 * |estimate − exact| ≤ α·exact (+ SLACK·exact), except where the order statistics bracketing the
 * exact quantile are below 2^−1022: those are estimated as 0 clamped into [min, max], an
 * absolute error below 2^−1022.
 */
function withinError(estimate: number, exact: number, alpha: number): boolean {
  return Math.abs(estimate - exact) <= (alpha + SLACK) * exact + MIN_INDEXABLE;
}

describe("sketch quantiles", () => {
  test.prop([valuesArb, alphaArb, percentilesArb], { numRuns: 400 })(
    "every quantile is within relative error α of the exact R-7 quantile (random, heavy-tailed, all-equal, sorted, zeros, tiny, huge)",
    (values, alpha, percentiles) => {
      const sketch = storeSummary(storeOf(alpha, values), percentiles) as StoreSummary;
      const sorted = sortedCopy(values);
      const exact = (p: number): number => quantileSorted(sorted, p) as number;
      const misses = [0.5, ...percentiles].flatMap((p, i) => {
        const got = i === 0 ? sketch.median : (sketch.p[i - 1]?.value as number);
        return withinError(got, exact(p), alpha) && got >= (sorted[0] as number) && got <= (sorted[sorted.length - 1] as number)
          ? []
          : [{ p, got, exact: exact(p) }];
      });
      expect(misses).toEqual([]);
    },
  );

  test.prop([valuesArb, alphaArb], { numRuns: 300 })("count, total, mean, min and max equal the exact store's", (values, alpha) => {
    const exact = storeSummary(storeOf("exact", values), []) as StoreSummary;
    const sketch = storeSummary(storeOf(alpha, values), []) as StoreSummary;
    const { median: _a, p: _b, ...exactParts } = exact;
    const { median: _c, p: _d, ...sketchParts } = sketch;
    expect(sketchParts).toEqual(exactParts);
  });

  it("stays within α at the bucket boundaries γ^i and the doubles next to them (where ⌈ln x / ln γ⌉ can round either way)", () => {
    const next = (x: number, ulps: number): number => {
      const bits = new BigInt64Array(new Float64Array([x]).buffer);
      bits[0] = (bits[0] as bigint) + BigInt(ulps);
      return new Float64Array(bits.buffer)[0] as number;
    };
    const misses: unknown[] = [];
    for (const alpha of [0.01, 0.05, 0.001]) {
      const gamma = (1 + alpha) / (1 - alpha);
      for (let i = -340_000; i <= 340_000; i += 997) {
        const b = gamma ** i;
        if (!(b > MIN_INDEXABLE && b < 1e300)) continue;
        for (const x of [-2, -1, 0, 1, 2].map((u) => next(b, u))) {
          // R-7's median of [0, x, x, 1000x] is x, from two estimates of x.
          const median = (storeSummary(storeOf(alpha, [0, x, x, 1000 * x]), []) as StoreSummary).median;
          if (!withinError(median, x, alpha)) misses.push({ alpha, x, median });
        }
      }
    }
    expect(misses).toEqual([]);
  });

  it("is exact at the order statistics it knows: p = 0 and p = 1 give min and max; one value is itself", () => {
    const s = storeOf(0.01, [123.456, 7, 99_999.5]);
    const summary = storeSummary(s, [0, 1]) as StoreSummary;
    expect(summary.p).toEqual([
      { p: 0, value: 7 },
      { p: 1, value: 99_999.5 },
    ]);
    // All equal: every quantile is clamped into [min, max] = [x, x].
    expect(storeSummary(storeOf(0.05, [1234.5, 1234.5, 1234.5]), [0.3])).toMatchObject({ median: 1234.5, p: [{ p: 0.3, value: 1234.5 }] });
    expect(storeSummary(storeOf(0.01, []), [0.5])).toBeUndefined();
    expect(storeValues(storeOf(0.01, [1, 2]))).toBeUndefined();
    expect(storeCount(storeOf(0.01, [0, 1, 2]))).toBe(3);
  });

  it("known answer: α = 1 %, values 1…1000; the median's bucket is ⌈ln 500.5 / ln γ⌉ = 311, its representative γ^311·0.99", () => {
    // Worked from the definitions in Masson, Rim, Lee (2019), §2.1: γ = 1.01/0.99; R-7's median of
    // 1…1000 is 500.5, interpolating ranks 499 and 500 (values 500 and 501), both in bucket 311
    // (γ^310 ≈ 489.8 < 500 < 501 ≤ γ^311 ≈ 499.6? no: γ^311 ≈ 499.6·1.0202 ≈ 509.7), so the estimate
    // is γ^311·(1 − α) ≈ 504.6, within 1 % of 500.5.
    const gamma = 1.01 / 0.99;
    const bucket = Math.ceil(Math.log(500) / Math.log(gamma));
    expect(bucket).toBe(Math.ceil(Math.log(501) / Math.log(gamma)));
    const median = (
      storeSummary(
        storeOf(
          0.01,
          Array.from({ length: 1000 }, (_, i) => i + 1),
        ),
        [],
      ) as StoreSummary
    ).median;
    expect(median).toBeCloseTo(gamma ** bucket * 0.99, 9);
    expect(Math.abs(median - 500.5) / 500.5).toBeLessThanOrEqual(0.01);
  });
});

describe("sketch moments", () => {
  test.prop([fc.array(fc.oneof(ms, logUniform, pareto, fc.constant(0)), { minLength: 1, maxLength: 300 }), alphaArb], { numRuns: 300 })(
    "Σ(x − mean)² equals the exact store's within 1e−12 relative (both are summed exactly; the exact store rounds each (x − mean)²)",
    (values, alpha) => {
      const exact = storeOf("exact", values);
      const mean = (storeSummary(exact, []) as StoreSummary).mean;
      const want = storeMoments(exact, mean)?.m2 as number;
      const got = storeMoments(storeOf(alpha, values), mean);
      expect(got?.n).toBe(values.length);
      expect(Math.abs((got?.m2 as number) - want)).toBeLessThanOrEqual(1e-12 * want);
    },
  );

  it("is 0 for equal values, huge ones included (above 2^480 the buckets give it, clamped into [min, max])", () => {
    for (const x of [0, 5e-324, 3, 1e200, Number.MAX_VALUE]) {
      const s = storeOf(0.01, [x, x, x]);
      expect(storeMoments(s, x)).toEqual({ n: 3, mean: x, m2: 0 });
    }
    expect(storeMoments(storeOf(0.01, []), 0)).toBeUndefined();
    // Unequal values above 2^480: each deviation is off by at most α of its value (here 4× the
    // deviation), so m2 is within (1 + 4α)² − 1 < 10α of the exact store's.
    const values = [2 ** 481, 1.3 * 2 ** 481, 2 ** 482];
    const mean = (storeSummary(storeOf("exact", values), []) as StoreSummary).mean;
    const want = storeMoments(storeOf("exact", values), mean)?.m2 as number;
    expect(Math.abs((storeMoments(storeOf(0.01, values), mean)?.m2 as number) - want)).toBeLessThanOrEqual(0.1 * want);
  });
});

describe("sketch state", () => {
  test.prop([valuesArb, alphaArb, cutsArb(300)], { numRuns: 120 })(
    "parts serialised to JSON text, read back and merged equal the whole (bucket counts, summary, moments)",
    (values, alpha, cuts) => {
      const { whole, parts } = wholeAndParts(storeAccumulator(alpha, PERCENTILES), values, cuts);
      expect(parts).toEqual(whole);
    },
  );

  it("keeps at most 2^20 buckets: a spread too wide for α merges the lowest, deterministically, and the high quantiles keep α", () => {
    // α = 1e−4: ln γ ≈ 2e−4, so 1e−80 … 1e6 needs ~970 000 buckets, more than the 786 432 kept
    // for sure; the buckets below merge into the lowest kept one.
    const alpha = 1e-4;
    const values = [...Array.from({ length: 50 }, (_, i) => 1e-80 * (i + 1)), ...Array.from({ length: 950 }, (_, i) => (i + 1) ** 2)];
    const { whole, parts } = wholeAndParts(storeAccumulator(alpha, [0.9, 0.99]), values, [10, 600, 900]);
    expect(parts).toEqual(whole);
    const s = foldAll(storeAccumulator(alpha, []), values);
    expect(storeBytes(s)).toBeLessThanOrEqual(8 * MAX_BUCKETS + 1024);
    const summary = storeSummary(s, [0.9, 0.99]) as StoreSummary;
    const sorted = sortedCopy(values);
    for (const { p, value } of summary.p) expect(withinError(value, quantileSorted(sorted, p) as number, alpha)).toBe(true);
    // The collapse is visible: the low values moved up into the lowest kept bucket.
    expect(
      withinError((storeSummary(s, [0.02]) as StoreSummary).p[0]?.value as number, quantileSorted(sorted, 0.02) as number, alpha),
    ).toBe(false);
  });

  it("keeps memory flat: 1e6 durations from 1 ms to 10 years at α = 1 % hold under 32 KB (the exact store: 8 MB)", () => {
    const s = valueStore({ relativeError: 0.01 });
    let seed = 42;
    for (let i = 0; i < 1e6; i++) {
      seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
      storeAdd(s, Math.exp((seed / 2 ** 32) * Math.log(3.156e11)));
    }
    expect(storeCount(s)).toBe(1e6);
    // ln(3.156e11) / ln(1.01/0.99) ≈ 1 324 buckets: 2 048 allocated, 16 KB, plus the sums' partials.
    expect(storeBytes(s)).toBeLessThan(32 * 1024);
    expect(storeBytes(storeOf("exact", [1]))).toBeLessThan(storeBytes(s));
  });

  it("names the field of a malformed sketch (E_STATE_FORMAT)", () => {
    const good = storeToJSON(storeOf(0.01, [0, 5, 1000, 1e6])) as unknown as Record<string, unknown>;
    const read = (patch: Record<string, unknown>): string => codeOf(() => storeFromJSON("firstReply", "values", { ...good, ...patch }));
    expect(codeOf(() => storeFromJSON("firstReply", "values", good))).toBe("did not throw");
    expect(read({ kind: "ddsketch" })).toBe('E_STATE_FORMAT firstReply.fromJSON: values.kind must be "exact" or "sketch", got "ddsketch"');
    expect(read({ relativeError: 1 })).toBe(
      "E_STATE_FORMAT firstReply.fromJSON: values.relativeError must be a number strictly between 0 and 1, got 1",
    );
    expect(read({ count: -1 })).toBe("E_STATE_FORMAT firstReply.fromJSON: values.count must be a non-negative integer, got -1");
    expect(read({ counts: "1,2" })).toBe('E_STATE_FORMAT firstReply.fromJSON: values.counts must be an array, got "1,2"');
    expect(read({ counts: [1, -2] })).toBe("E_STATE_FORMAT firstReply.fromJSON: values.counts[1] must be a non-negative integer, got -2");
    expect(read({ count: 5 })).toBe("E_STATE_FORMAT firstReply.fromJSON: values.count must be zero plus the sum of the counts, got 5");
    expect(read({ max: 2e6 })).toBe("E_STATE_FORMAT firstReply.fromJSON: values.max must be in the highest non-empty bucket, got 2000000");
    expect(read({ min: 1, zero: 0, count: 3 })).toBe(
      "E_STATE_FORMAT firstReply.fromJSON: values.min must be in the lowest non-empty bucket, got 1",
    );
    expect(read({ sum: [1, null] })).toBe("E_STATE_FORMAT firstReply.fromJSON: values.sum[1] must be a finite number, got null");
    expect(read({ offset: 1e9 })).toMatch(/^E_STATE_FORMAT firstReply\.fromJSON: values\.offset must put the counts within the buckets/);
    expect(read({ count: 0, zero: 0, counts: [], min: 0, max: null })).toBe(
      "E_STATE_FORMAT firstReply.fromJSON: values.min must be null for no values, got 0",
    );
  });

  it("refuses to merge stores made with different options (E_STATE_FORMAT)", () => {
    expect(codeOf(() => storeMerge(storeOf(0.01, [1]), storeOf(0.05, [1])))).toBe(
      "E_STATE_FORMAT storeMerge: both stores must be made with the same quantiles option, got { relativeError: 0.01 } and { relativeError: 0.05 }",
    );
    expect(codeOf(() => storeMerge(storeOf("exact", [1]), storeOf(0.01, [1]), "firstReply.merge"))).toBe(
      'E_STATE_FORMAT firstReply.merge: both stores must be made with the same quantiles option, got "exact" and { relativeError: 0.01 }',
    );
  });
});
