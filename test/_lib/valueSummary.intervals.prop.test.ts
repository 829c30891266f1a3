/**
 * The order-statistic intervals of the median and percentiles in every value summary
 * (src/_lib/valueSummary.ts, the report's duration figures): their coverage by simulation, their
 * place in the data, and a sketch's bounds against the exact ones.
 *
 * Coverage claim (docs/guide/definitions.md, "Intervals of medians and percentiles"): for a
 * continuous distribution, P(lower ≤ true quantile ≤ upper) is the interval's exact binomial
 * `coverage`, at least the confidence level. Checked with seeded simulations from an exponential
 * distribution (true median ln 2, true 90th percentile ln 10, rate 1): over R replications the
 * observed share covering the true value must be within 3 binomial standard errors of the mean
 * stated coverage, and at least the level minus that tolerance.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/_lib/random.ts";
import { storeAdd, valueStore } from "../../src/_lib/quantileStore.ts";
import { valueSummary, type ValueSummary } from "../../src/_lib/valueSummary.ts";
import { quantileInterval } from "../../src/metrics/stats/index.ts";

const summarise = (
  values: readonly number[],
  percentiles: readonly number[],
  level: number,
  option: "exact" | { relativeError: number } = "exact",
) => {
  const s = valueStore(option);
  for (const x of values) storeAdd(s, x);
  return valueSummary(s, percentiles, level) as ValueSummary;
};

describe("coverage by simulation (seeded)", () => {
  const cases = [
    { n: 25, p: 0.5, truth: Math.LN2, level: 0.95 },
    { n: 200, p: 0.5, truth: Math.LN2, level: 0.95 },
    { n: 200, p: 0.9, truth: Math.LN10, level: 0.95 },
    { n: 60, p: 0.9, truth: Math.LN10, level: 0.9 },
  ];
  for (const { n, p, truth, level } of cases) {
    it(`n = ${String(n)}, p = ${String(p)}, level ${String(level)}`, () => {
      const random = createRandom(20_261_206 + n);
      const R = 2000;
      let covered = 0;
      let stated = 0;
      for (let r = 0; r < R; r++) {
        const values = Array.from({ length: n }, () => -Math.log(1 - random()));
        const s = summarise(values, p === 0.5 ? [] : [p], level);
        const b = p === 0.5 ? s.medianInterval : s.p[0]!.interval;
        if (b.lower <= truth && truth <= b.upper) covered++;
        stated += b.coverage;
      }
      const share = covered / R;
      const mean = stated / R;
      const tolerance = 3 * Math.sqrt((mean * (1 - mean)) / R);
      expect(mean).toBeGreaterThanOrEqual(level);
      expect(Math.abs(share - mean)).toBeLessThanOrEqual(tolerance);
      expect(share).toBeGreaterThanOrEqual(level - tolerance);
    });
  }

  it("a test of the check itself: a too narrow interval (the two middle values) fails it", () => {
    const random = createRandom(7);
    let covered = 0;
    const R = 2000;
    for (let r = 0; r < R; r++) {
      const values = Array.from({ length: 200 }, () => -Math.log(1 - random())).sort((a, b) => a - b);
      if (values[99]! <= Math.LN2 && Math.LN2 <= values[100]!) covered++;
    }
    expect(covered / R).toBeLessThan(0.95 - 3 * Math.sqrt((0.95 * 0.05) / R));
  });
});

const durations = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e10, noNaN: true }), fc.integer({ min: 0, max: 5 })), {
  minLength: 1,
  maxLength: 300,
});
const levelArb = fc.constantFrom(0.8, 0.9, 0.95, 0.99);

describe("where the bounds lie", () => {
  test.prop([durations, levelArb], { numRuns: 150 })(
    "two data values around the estimate, never below 0; the same as quantileInterval",
    (values, level) => {
      const s = summarise(values, [0.9, 0.95], level);
      const asked = [[0.5, s.median, s.medianInterval], ...s.p.map((q) => [q.p, q.value, q.interval] as const)] as const;
      for (const [p, value, b] of asked) {
        expect(b.lower).toBeGreaterThanOrEqual(0);
        expect(b.lower).toBeLessThanOrEqual(value);
        expect(value).toBeLessThanOrEqual(b.upper);
        expect(values).toContain(b.lower);
        expect(values).toContain(b.upper);
        const q = quantileInterval(values, { probability: p, confidenceLevel: level });
        expect([b.lower, b.upper, b.coverage]).toEqual([q?.lower, q?.upper, q?.coverage]);
      }
    },
  );

  test.prop([fc.array(fc.double({ min: 1, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 400 }), levelArb], { numRuns: 100 })(
    "a sketch's bounds are within its relative error of the exact ones",
    (values, level) => {
      const alpha = 0.01;
      const exact = summarise(values, [0.9], level);
      const sketch = summarise(values, [0.9], level, { relativeError: alpha });
      const pairs = [
        [exact.medianInterval, sketch.medianInterval],
        [exact.p[0]!.interval, sketch.p[0]!.interval],
      ] as const;
      for (const [e, k] of pairs) {
        expect(k.coverage).toBe(e.coverage);
        for (const side of ["lower", "upper"] as const) {
          expect(Math.abs(k[side] - e[side])).toBeLessThanOrEqual(alpha * e[side] * (1 + 1e-9));
        }
      }
    },
  );
});
