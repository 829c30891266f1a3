import { describe, expect, it } from "vitest";
import { betaDraw, betaQuantile } from "../../../src/_lib/beta.ts";
import { createRandom } from "../../../src/_lib/random.ts";
import { betaBinomialShrinkage, indirectStandardization, rankProbabilities } from "../../../src/metrics/stats/index.ts";
import { codeOf } from "../../_support/errors.ts";

describe("indirectStandardization", () => {
  // Worked by hand. Team phone: (16 + 24) / 4 = 10 per ticket; chat: (6 + 2) / 4 = 2; overall 48 / 8 = 6.
  // A (phone only): O = 16, E = 2 × 10 = 20, O/E = 0.8, adjusted 6 × 0.8 = 4.8 (crude 8).
  // B (chat only):  O = 6,  E = 2 × 2 = 4,   O/E = 1.5, adjusted 9 (crude 3).
  // C (both):       O = 26, E = 20 + 4 = 24, O/E = 13/12, adjusted 6.5 (crude 6.5).
  const cells = [
    { group: "A", stratum: "phone", count: 2, total: 16 },
    { group: "C", stratum: "phone", count: 2, total: 24 },
    { group: "B", stratum: "chat", count: 2, total: 6 },
    { group: "C", stratum: "chat", count: 2, total: 2 },
  ];

  it("gives O, E, O/E and the adjusted figure computed by hand", () => {
    const r = indirectStandardization(cells);
    expect(r.reference).toBe(6);
    expect(r.strata).toEqual([
      { stratum: "chat", count: 4, rate: 2 },
      { stratum: "phone", count: 4, rate: 10 },
    ]);
    expect(r.groups).toEqual([
      { group: "A", count: 2, observed: 16, expected: 20, crude: 8, ratio: 0.8, adjusted: 4.8 },
      { group: "B", count: 2, observed: 6, expected: 4, crude: 3, ratio: 1.5, adjusted: 9 },
      { group: "C", count: 4, observed: 26, expected: 24, crude: 6.5, ratio: 26 / 24, adjusted: 6.5 },
    ]);
  });

  it("reverses the crude order when the faster agent only had the fast channel", () => {
    const r = indirectStandardization(cells);
    const byCrude = [...r.groups].sort((a, b) => a.crude! - b.crude!).map((g) => g.group);
    const byAdjusted = [...r.groups].sort((a, b) => a.adjusted! - b.adjusted!).map((g) => g.group);
    expect(byCrude).toEqual(["B", "C", "A"]);
    expect(byAdjusted).toEqual(["A", "C", "B"]);
  });

  it("adds repeated (group, stratum) cells and does not depend on their order", () => {
    const split = [
      ...cells.slice(1),
      { group: "A", stratum: "phone", count: 1, total: 7 },
      { group: "A", stratum: "phone", count: 1, total: 9 },
    ];
    expect(indirectStandardization(split)).toEqual(indirectStandardization([...cells].reverse()));
    expect(indirectStandardization(split).groups[0]!.adjusted).toBe(4.8);
  });

  it("has no ratio when nothing is expected, and no reference without observations", () => {
    const zero = indirectStandardization([
      { group: "A", stratum: "s", count: 2, total: 0 },
      { group: "B", stratum: "s", count: 0, total: 0 },
    ]);
    expect(zero.reference).toBe(0);
    expect(zero.groups[0]).toMatchObject({ expected: 0, ratio: undefined, adjusted: undefined, crude: 0 });
    expect(zero.groups[1]).toMatchObject({ count: 0, crude: undefined, ratio: undefined });
    expect(indirectStandardization([])).toEqual({ reference: undefined, strata: [], groups: [] });
  });

  it("names the bad cell", () => {
    const bad = (c: { count: number; total: number }): string =>
      codeOf(() => indirectStandardization([{ group: "A", stratum: "s", ...c }]));
    expect(bad({ count: -1, total: 0 })).toBe(
      "E_COUNT_RANGE indirectStandardization: cells[0].count must be a non-negative integer, got -1",
    );
    expect(bad({ count: 1, total: Number.NaN })).toBe(
      "E_NOT_FINITE indirectStandardization: cells[0].total must be a finite number, got NaN",
    );
    expect(bad({ count: 1, total: -5 })).toBe("E_VALUE_RANGE indirectStandardization: cells[0].total must be at least 0, got -5");
    expect(bad({ count: 0, total: 5 })).toBe("E_VALUE_RANGE indirectStandardization: cells[0].total must be 0 when count is 0, got 5");
    expect(
      codeOf(() =>
        indirectStandardization([
          { group: "A", stratum: "s", count: 1, total: 1.5e308 },
          { group: "B", stratum: "s", count: 1, total: 1.5e308 },
        ]),
      ),
    ).toMatch(/^E_OVERFLOW indirectStandardization: the reference total must be representable/);
  });
});

describe("betaQuantile (internal)", () => {
  // R: qbeta(p, a, b); the same values from SciPy 1.17 scipy.stats.beta.ppf.
  it.each([
    [0.025, 2, 3, 0.06758598648854294],
    [0.5, 2, 3, 0.3857275681323895],
    [0.975, 2, 3, 0.8058795503167565],
    [0.05, 0.5, 0.5, 0.0061558297024311365],
    [0.95, 81.5, 182.5, 0.3562136135882924],
    [0.001, 30, 0.2, 0.8706180279420584],
  ])("qbeta(%f, %f, %f) = %f", (p, a, b, q) => {
    expect(betaQuantile(p, a, b)).toBeCloseTo(q, 12);
  });

  it("is 0 at p = 0 and 1 at p = 1", () => {
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
  });

  it("draws with the right mean and variance (Beta(2, 3): 0.4 and 0.04; 20,000 seeded draws)", () => {
    const random = createRandom(7);
    const xs = Array.from({ length: 20_000 }, () => betaDraw(random, 2, 3));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
    // Standard errors: √(0.04 / 20000) ≈ 0.0014 for the mean; the variance's is ≈ 0.0003.
    expect(Math.abs(mean - 0.4)).toBeLessThan(0.005);
    expect(Math.abs(variance - 0.04)).toBeLessThan(0.0015);
    // Small shapes go through the U^(1/a) boost: Beta(0.3, 0.7) has mean 0.3.
    const small = Array.from({ length: 20_000 }, () => betaDraw(random, 0.3, 0.7));
    expect(Math.abs(small.reduce((s, x) => s + x, 0) / small.length - 0.3)).toBeLessThan(0.01);
  });
});

describe("betaBinomialShrinkage", () => {
  // Worked by hand: x/n = 2/10, 9/10, 5/10, 14/20. μ = 30/50 = 0.6; rates 0.2, 0.9, 0.5, 0.7;
  // S = (0.16 + 0.09 + 0.01 + 0.01)/4 = 0.0675; h = (0.1 + 0.1 + 0.1 + 0.05)/4 = 0.0875;
  // ρ = (0.0675/0.24 − 0.0875)/(1 − 0.0875) = 0.19375/0.9125 = 31/146; α + β = (1 − ρ)/ρ = 115/31;
  // α = 0.6 × 115/31 = 69/31, β = 46/31. Agent 1: (2 + 69/31)/(10 + 115/31) = 131/425.
  // Intervals: R qbeta(c(0.025, 0.975), 2 + 69/31, 8 + 46/31) (SciPy beta.ppf gives the same).
  const counts = [
    { successes: 2, trials: 10 },
    { successes: 9, trials: 10 },
    { successes: 5, trials: 10 },
    { successes: 14, trials: 20 },
  ];

  it("fits the prior by the method of moments, as worked by hand", () => {
    const r = betaBinomialShrinkage(counts)!;
    expect(r.prior.method).toBe("method of moments");
    expect(r.prior.mean).toBe(0.6);
    expect(r.prior.strength).toBeCloseTo(115 / 31, 13);
    expect(r.prior.alpha).toBeCloseTo(69 / 31, 13);
    expect(r.prior.beta).toBeCloseTo(46 / 31, 13);
    const expected = [131 / 425, (9 + 69 / 31) / (10 + 115 / 31), (5 + 69 / 31) / (10 + 115 / 31), (14 + 69 / 31) / (20 + 115 / 31)];
    r.rates.forEach((rate, i) => expect(rate.value).toBeCloseTo(expected[i]!, 13));
    expect(r.rates[0]!.lower).toBeCloseTo(0.10365111774972695, 10);
    expect(r.rates[0]!.upper).toBeCloseTo(0.5655410208253255, 10);
    expect(r.rates[3]!.lower).toBeCloseTo(0.4885501814619507, 10);
    expect(r.rates[3]!.upper).toBeCloseTo(0.8507372869806562, 10);
    expect(r.confidenceLevel).toBe(0.95);
  });

  it("pools when the agents differ no more than binomial noise (strength = all trials)", () => {
    // Rates 0.5 and 0.6 of 10: S = 0.0025 is below μ(1 − μ)·h = 0.2475 × 0.1: ρ < 0.
    const r = betaBinomialShrinkage([
      { successes: 5, trials: 10 },
      { successes: 6, trials: 10 },
    ])!;
    expect(r.prior).toEqual({ alpha: 11, beta: 9, mean: 0.55, strength: 20, method: "pooled" });
    expect(r.rates[0]!.value).toBe(16 / 30);
  });

  it("gives an agent without answers the prior, and a team rate of 0 a point at 0", () => {
    const r = betaBinomialShrinkage([...counts, { successes: 0, trials: 0 }])!;
    expect(r.rates[4]!.raw).toBeUndefined();
    expect(r.rates[4]!.value).toBeCloseTo(0.6, 14);
    const none = betaBinomialShrinkage([
      { successes: 0, trials: 3 },
      { successes: 0, trials: 5 },
    ])!;
    expect(none.rates[0]).toMatchObject({ value: 0, lower: 0, upper: 0 });
    expect(betaBinomialShrinkage([])).toBeUndefined();
    expect(betaBinomialShrinkage([{ successes: 0, trials: 0 }])).toBeUndefined();
  });

  it("names the bad count", () => {
    expect(codeOf(() => betaBinomialShrinkage([{ successes: 3, trials: 2 }]))).toBe(
      "E_SUCCESSES_EXCEED_TRIALS betaBinomialShrinkage: counts[0].successes must not exceed counts[0].trials, got 3 of 2",
    );
    expect(codeOf(() => betaBinomialShrinkage([{ successes: 1.5, trials: 2 }]))).toMatch(
      /^E_COUNT_RANGE betaBinomialShrinkage: counts\[0\]\.successes/,
    );
    expect(codeOf(() => betaBinomialShrinkage(counts, { confidenceLevel: 1 }))).toMatch(/^E_CONFIDENCE_LEVEL/);
  });
});

describe("rankProbabilities", () => {
  it("is sure of ranks far apart and unsure of a tie", () => {
    const [a, b] = rankProbabilities([
      { value: 0.9, distribution: { kind: "beta", alpha: 90, beta: 10 } },
      { value: 0.5, distribution: { kind: "beta", alpha: 50, beta: 50 } },
    ]);
    expect(a).toEqual({ rank: 1, probability: 1, lower: 1, upper: 1, distribution: [1, 0] });
    expect(b).toEqual({ rank: 2, probability: 1, lower: 2, upper: 2, distribution: [0, 1] });
    const tie = rankProbabilities(
      [
        { value: 1, distribution: { kind: "logNormal", mu: 0, sigma: 0.5 } },
        { value: 1, distribution: { kind: "logNormal", mu: 0, sigma: 0.5 } },
      ],
      { order: "asc", seed: 3 },
    );
    expect(tie.map((t) => t.rank)).toEqual([1, 1]);
    for (const t of tie) {
      // Two identical, independent figures: each is first half the time (Monte Carlo SE 0.008).
      expect(Math.abs(t.probability - 0.5)).toBeLessThan(0.03);
      expect([t.lower, t.upper]).toEqual([1, 2]);
    }
  });

  it("matches P(X > c) for one random candidate against a fixed one (Beta(0.3, 0.7) above 0.3: 0.38777, SciPy beta.sf)", () => {
    const [x] = rankProbabilities(
      [
        { value: 0.3, distribution: { kind: "beta", alpha: 0.3, beta: 0.7 } },
        { value: 0.3, distribution: { kind: "point", value: 0.3 } },
      ],
      { draws: 40_000, seed: 5 },
    );
    // SE √(0.388 × 0.612 / 40000) ≈ 0.0024.
    expect(Math.abs(x!.distribution[0]! - 0.3877671602882059)).toBeLessThan(0.01);
  });

  it("honours order, seed and the scale of a beta", () => {
    const c = [
      { value: 2, distribution: { kind: "beta" as const, alpha: 20, beta: 20, scale: 4 } },
      { value: 1, distribution: { kind: "point" as const, value: 1 } },
    ];
    expect(rankProbabilities(c, { order: "asc" }).map((r) => r.rank)).toEqual([2, 1]);
    expect(rankProbabilities(c, { order: "desc" }).map((r) => r.rank)).toEqual([1, 2]);
    expect(rankProbabilities(c, { seed: 9, draws: 500 })).toEqual(rankProbabilities(c, { seed: 9, draws: 500 }));
    expect(rankProbabilities([])).toEqual([]);
  });

  it("names the bad argument", () => {
    const one = (distribution: unknown): string =>
      codeOf(() => rankProbabilities([{ value: 1, distribution: distribution as { kind: "point"; value: number } }]));
    expect(one({ kind: "beta", alpha: 0, beta: 1 })).toBe(
      "E_VALUE_RANGE rankProbabilities: candidates[0].distribution.alpha must be above 0, got 0",
    );
    expect(one({ kind: "logNormal", mu: 0, sigma: -1 })).toBe(
      "E_VALUE_RANGE rankProbabilities: candidates[0].distribution.sigma must be at least 0, got -1",
    );
    expect(one({ kind: "gamma" })).toBe(
      "E_OPTION_VALUE rankProbabilities: candidates[0].distribution.kind must be beta, logNormal or point, got gamma",
    );
    expect(one({ kind: "point", value: Infinity })).toMatch(/^E_NOT_FINITE/);
    expect(codeOf(() => rankProbabilities([], { draws: 0 }))).toBe(
      "E_RESAMPLES rankProbabilities: draws must be an integer from 1 to 1000000, got 0",
    );
    expect(codeOf(() => rankProbabilities([], { seed: 0.5 }))).toBe("E_SEED rankProbabilities: seed must be an integer, got 0.5");
    expect(codeOf(() => rankProbabilities([], { order: "up" as "asc" }))).toBe(
      'E_OPTION_VALUE rankProbabilities: order must be "asc" or "desc", got up',
    );
  });
});
