import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../../../src/metrics/stats/index.ts";
import { codeOf } from "../../_support/errors.ts";

const NEWCOMBE = "Newcombe (1998), Two-sided confidence intervals for the single proportion, Statistics in Medicine 17, Table I";
const Z = 1.959963984540054; // R qnorm(0.975)

/** Naive reference: the roots of (1 + z²/n)p₀² − (2p + z²/n)p₀ + p² = 0, i.e. |p − p₀| = z√(p₀(1 − p₀)/n). */
function naiveWilson(x: number, n: number): [number, number] {
  const p = x / n;
  const a = 1 + (Z * Z) / n;
  const b = -(2 * p + (Z * Z) / n);
  const c = p * p;
  const d = Math.sqrt(b * b - 4 * a * c);
  return [(-b - d) / (2 * a), (-b + d) / (2 * a)];
}

/** Naive reference for the corrected interval, written the way R's prop.test does it: Wilson at p ∓ ½n. */
function naiveCorrected(x: number, n: number): [number, number] {
  const p = x / n;
  const z22n = (Z * Z) / (2 * n);
  const bound = (pc: number, sign: number): number =>
    (pc + z22n + sign * Z * Math.sqrt((pc * (1 - pc)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
  const lo = p - 0.5 / n;
  const hi = p + 0.5 / n;
  return [lo <= 0 ? 0 : bound(lo, -1), hi >= 1 ? 1 : bound(hi, 1)];
}

describe("wilsonInterval", () => {
  // Newcombe's Table I prints these to 4 decimals (method 3, score; method 4, score with continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662, 0.2535, 0.3682],
    [15, 148, 0.0624, 0.1605, 0.0598, 0.1644],
    [0, 20, 0, 0.1611, 0, 0.2005],
    [1, 29, 0.0061, 0.1718, 0.0018, 0.1963],
  ])(`x = %s, n = %s → %s–%s, corrected %s–%s (${NEWCOMBE})`, (x, n, lo, hi, cLo, cHi) => {
    const w = wilsonInterval(x, n)!;
    expect(w.lower).toBeCloseTo(lo, 4);
    expect(w.upper).toBeCloseTo(hi, 4);
    const c = wilsonInterval(x, n, { continuityCorrection: true })!;
    expect(c.lower).toBeCloseTo(cLo, 4);
    expect(c.upper).toBeCloseTo(cHi, 4);
    expect(c.method).toBe("Wilson score with continuity correction");
  });

  it("agrees to 1e−12 with the quadratic-root form (uncorrected) and R's prop.test form (corrected)", () => {
    for (const [x, n] of [
      [81, 263],
      [15, 148],
      [0, 20],
      [1, 29],
      [29, 29],
      [500, 1000],
      [3, 7],
    ] as const) {
      const [lo, hi] = naiveWilson(x, n);
      const w = wilsonInterval(x, n)!;
      expect(Math.abs(w.lower - lo)).toBeLessThan(1e-12);
      expect(Math.abs(w.upper - hi)).toBeLessThan(1e-12);
      const [cLo, cHi] = naiveCorrected(x, n);
      const c = wilsonInterval(x, n, { continuityCorrection: true })!;
      expect(Math.abs(c.lower - cLo)).toBeLessThan(1e-12);
      expect(Math.abs(c.upper - cHi)).toBeLessThan(1e-12);
    }
  });

  it("the corrected interval for 81/263 is 0.25351–0.36818 (formula and Newcombe's Table I; the brief's 0.2527–0.3676 does not fit the formula)", () => {
    const c = wilsonInterval(81, 263, { continuityCorrection: true })!;
    expect(c.lower).toBeCloseTo(0.253509, 6);
    expect(c.upper).toBeCloseTo(0.368176, 6);
  });

  it("reports the estimate, counts, level and method", () => {
    expect(wilsonInterval(3, 4, { confidenceLevel: 0.9 })).toMatchObject({
      estimate: 0.75,
      successes: 3,
      n: 4,
      confidenceLevel: 0.9,
      method: "Wilson score",
    });
  });

  it("is exactly [0, …] at x = 0 and […, 1] at x = n", () => {
    expect(wilsonInterval(0, 5)!.lower).toBe(0);
    expect(wilsonInterval(5, 5)!.upper).toBe(1);
    expect(wilsonInterval(5, 5, { continuityCorrection: true })!.upper).toBe(1);
  });

  it("returns undefined for no trials", () => {
    expect(wilsonInterval(0, 0)).toBeUndefined();
  });

  it("throws E_COUNT_RANGE for a negative or fractional count", () => {
    expect(codeOf(() => wilsonInterval(-1, 5))).toBe("E_COUNT_RANGE wilsonInterval: successes must be a non-negative integer, got -1");
    expect(codeOf(() => wilsonInterval(1, 2.5))).toBe("E_COUNT_RANGE wilsonInterval: trials must be a non-negative integer, got 2.5");
  });

  it("throws E_SUCCESSES_EXCEED_TRIALS", () => {
    expect(codeOf(() => wilsonInterval(6, 5))).toBe(
      "E_SUCCESSES_EXCEED_TRIALS wilsonInterval: successes must not exceed trials, got 6 of 5",
    );
  });

  it("throws E_CONFIDENCE_LEVEL", () => {
    expect(codeOf(() => wilsonInterval(1, 5, { confidenceLevel: -0.5 }))).toMatch(/^E_CONFIDENCE_LEVEL wilsonInterval: /);
  });
});
