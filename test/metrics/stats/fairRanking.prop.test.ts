import { expect } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { incompleteBeta } from "../../../src/_lib/special.ts";
import { betaBinomialShrinkage, indirectStandardization, rankProbabilities } from "../../../src/metrics/stats/index.ts";

const pair = fc
  .integer({ min: 0, max: 500 })
  .chain((n) => fc.record({ successes: fc.integer({ min: 0, max: n }), trials: fc.constant(n) }));
const counts = fc.array(pair, { minLength: 1, maxLength: 12 });

test.prop([counts, fc.double({ min: 0.5, max: 0.99, noNaN: true })])(
  "a shrunk rate lies between the raw rate and the prior mean; its interval holds (1 − level)/2 of the posterior on each side",
  (c, confidenceLevel) => {
    const r = betaBinomialShrinkage(c, { confidenceLevel });
    if (r === undefined) return void expect(c.every((x) => x.trials === 0)).toBe(true);
    expect(r.prior.strength).toBeGreaterThan(0);
    expect(r.prior.strength).toBeLessThanOrEqual(c.reduce((s, x) => s + x.trials, 0));
    for (const rate of r.rates) {
      const raw = rate.raw ?? r.prior.mean;
      const eps = 1e-12;
      expect(rate.value).toBeGreaterThanOrEqual(Math.min(raw, r.prior.mean) - eps);
      expect(rate.value).toBeLessThanOrEqual(Math.max(raw, r.prior.mean) + eps);
      expect(rate.lower).toBeGreaterThanOrEqual(0);
      expect(rate.upper).toBeLessThanOrEqual(1);
      expect(rate.lower).toBeLessThanOrEqual(rate.upper);
      // An equal-tailed interval of a very skewed posterior need not hold its mean: check its tails instead.
      if (rate.alpha > 0 && rate.beta > 0) {
        expect(incompleteBeta(rate.lower, rate.alpha, rate.beta)).toBeCloseTo((1 - confidenceLevel) / 2, 9);
        expect(incompleteBeta(rate.upper, rate.alpha, rate.beta)).toBeCloseTo((1 + confidenceLevel) / 2, 9);
      }
    }
  },
);

const cellFields = {
  group: fc.constantFrom("A", "B", "C", "D"),
  count: fc.integer({ min: 0, max: 50 }),
  mean: fc.double({ min: 0, max: 1e6, noNaN: true }),
};
const cell = fc.record(cellFields);

test.prop([fc.array(cell, { minLength: 1, maxLength: 20 })])("with one stratum the adjusted figure is the crude one", (cells) => {
  const r = indirectStandardization(cells.map((c) => ({ group: c.group, stratum: "only", count: c.count, total: c.count * c.mean })));
  for (const g of r.groups) {
    if (g.adjusted === undefined) {
      expect(g.expected).toBe(0);
      continue;
    }
    expect(g.adjusted).toBeCloseTo(g.crude!, 6);
    expect(Math.abs(g.adjusted - g.crude!)).toBeLessThanOrEqual(1e-9 * Math.max(1, g.crude!));
  }
});

test.prop([fc.array(fc.record({ ...cellFields, stratum: fc.constantFrom("x", "y", "z") }), { minLength: 1, maxLength: 20 })])(
  "expected totals add up to the observed total of the reference (Σ E = Σ O)",
  (cells) => {
    const r = indirectStandardization(cells.map((c) => ({ group: c.group, stratum: c.stratum, count: c.count, total: c.count * c.mean })));
    const o = r.groups.reduce((s, g) => s + g.observed, 0);
    const e = r.groups.reduce((s, g) => s + g.expected, 0);
    expect(Math.abs(o - e)).toBeLessThanOrEqual(1e-9 * Math.max(1, o));
  },
);

const distribution = fc.oneof(
  fc.record({
    kind: fc.constant("beta" as const),
    alpha: fc.double({ min: 0.05, max: 200, noNaN: true }),
    beta: fc.double({ min: 0.05, max: 200, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant("logNormal" as const),
    mu: fc.double({ min: -3, max: 3, noNaN: true }),
    sigma: fc.double({ min: 0, max: 2, noNaN: true }),
  }),
  fc.record({ kind: fc.constant("point" as const), value: fc.double({ min: 0, max: 5, noNaN: true }) }),
);
const candidates = fc.array(fc.record({ value: fc.double({ min: 0, max: 5, noNaN: true }), distribution }), { maxLength: 8 });

test.prop([candidates, fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom("asc" as const, "desc" as const)])(
  "probabilities lie in [0, 1], each rank's shares add up to at most 1, and a seed gives the same answer",
  (c, seed, order) => {
    const r = rankProbabilities(c, { seed, order, draws: 200 });
    expect(rankProbabilities(c, { seed, order, draws: 200 })).toEqual(r);
    expect(r).toHaveLength(c.length);
    for (const x of r) {
      expect(x.probability).toBeGreaterThanOrEqual(0);
      expect(x.probability).toBeLessThanOrEqual(1);
      expect(x.lower).toBeGreaterThanOrEqual(1);
      expect(x.lower).toBeLessThanOrEqual(x.upper);
      expect(x.upper).toBeLessThanOrEqual(c.length);
      expect(x.distribution.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    }
    for (let rank = 0; rank < c.length; rank++) {
      const total = r.reduce((s, x) => s + x.distribution[rank]!, 0);
      expect(total).toBeLessThanOrEqual(1 + 1e-12);
      expect(total).toBeCloseTo(1, 12);
    }
  },
);
