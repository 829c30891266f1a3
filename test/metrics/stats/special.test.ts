import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile } from "../../../src/_lib/normal.ts";
import { createRandom } from "../../../src/_lib/random.ts";
import { incompleteBeta, logGamma, studentTCdf, studentTQuantile } from "../../../src/_lib/special.ts";

describe("normalCdf", () => {
  // Abramowitz & Stegun (1964), Handbook of Mathematical Functions, Table 26.1 (P(x) to 15 decimals).
  it.each([
    [0, 0.5],
    [0.5, 0.691462461274013],
    [1, 0.841344746068543],
    [2, 0.977249868051821],
    [3, 0.99865010196837],
    [4, 0.999968328758167],
    [5, 0.999999713348428],
  ])("Φ(%s) = %s (Abramowitz & Stegun Table 26.1)", (x, p) => {
    expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-14);
    expect(Math.abs(normalCdf(-x) - (1 - p))).toBeLessThan(1e-14);
  });

  it("keeps relative accuracy deep in the tail: Φ(−10) = 7.619853024160527e−24 (R pnorm(-10))", () => {
    expect(Math.abs(normalCdf(-10) / 7.619853024160527e-24 - 1)).toBeLessThan(1e-12);
    expect(Math.abs(normalCdf(-5) / 2.866515718791939e-7 - 1)).toBeLessThan(1e-12);
  });

  it("is 0 and 1 at −∞ and +∞", () => {
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
  });

  it("agrees with a naive integration of the density (midpoint rule, 200k steps)", () => {
    const steps = 200_000;
    const h = 2.5 / steps;
    let area = 0;
    for (let i = 0; i < steps; i++) {
      const x = (i + 0.5) * h;
      area += Math.exp(-0.5 * x * x) * h;
    }
    expect(Math.abs(normalCdf(2.5) - (0.5 + area / Math.sqrt(2 * Math.PI)))).toBeLessThan(1e-10);
  });
});

describe("normalQuantile", () => {
  // R qnorm() to 16 digits; the first three also in the NIST/SEMATECH e-Handbook §1.3.6.7.1 (1.645, 1.960, 2.576).
  it.each([
    [0.95, 1.644853626951472],
    [0.975, 1.959963984540054],
    [0.995, 2.575829303548901],
    [0.999, 3.090232306167813],
    [0.5, 0],
    [0.8413447460685429, 1],
    [1e-10, -6.361340902404056],
  ])("Φ⁻¹(%s) = %s to 1e−9 (R qnorm)", (p, z) => {
    expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-9 * Math.max(1, Math.abs(z)));
  });

  it("inverts normalCdf from −8 to 5 (above 5, Φ(x) is within 3e−7 of 1 and a double cannot hold x to 1e−8)", () => {
    for (let x = -8; x <= 5; x += 0.37) expect(normalQuantile(normalCdf(x))).toBeCloseTo(x, 8);
  });

  it("returns ±∞ at 0 and 1 and NaN outside [0, 1]", () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe("Student t", () => {
  // R qt(p, df) to 16 digits; NIST/SEMATECH e-Handbook §1.3.6.7.2 prints the same to 3 decimals
  // (12.706, 4.303, 2.571, 2.228, 2.042, 1.984; 63.657, 9.925, 4.032, 3.169, 2.750, 2.626).
  it.each([
    [1, 12.706204736174694, 63.656741162871526],
    [2, 4.302652729749462, 9.924843200918287],
    [5, 2.5705818356363146, 4.032142983555228],
    [10, 2.228138851986274, 3.16927267261695],
    [30, 2.0422724563012378, 2.7499956535672254],
    [100, 1.9839715185235518, 2.6258905214380173],
  ])("t quantiles for df = %s match R qt(0.975) and qt(0.995) to 1e−9", (df, q975, q995) => {
    expect(Math.abs(studentTQuantile(0.975, df) - q975)).toBeLessThan(1e-9);
    expect(Math.abs(studentTQuantile(0.995, df) - q995)).toBeLessThan(1e-9);
    expect(Math.abs(studentTQuantile(0.025, df) + q975)).toBeLessThan(1e-9);
  });

  it("has the closed forms of df = 1 (Cauchy) and df = 2", () => {
    for (const t of [-7, -1, 0.3, 2, 40]) {
      expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 13);
      expect(studentTCdf(t, 2)).toBeCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), 13);
    }
  });

  it("approaches the normal quantile for large df", () => {
    expect(Math.abs(studentTQuantile(0.975, 1e7) - 1.959963984540054)).toBeLessThan(1e-6);
  });
});

describe("logGamma and incompleteBeta", () => {
  it("matches ln Γ at known points: ln Γ(½) = ln √π, ln Γ(10) = ln 9!, ln Γ(1) = 0", () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362_880), 13);
    expect(logGamma(1)).toBeCloseTo(0, 14);
  });

  it("matches closed forms: I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b, I_½(a, a) = ½", () => {
    for (const x of [0.01, 0.3, 0.77, 0.999]) {
      expect(incompleteBeta(x, 3.5, 1)).toBeCloseTo(x ** 3.5, 13);
      expect(incompleteBeta(x, 1, 7)).toBeCloseTo(1 - (1 - x) ** 7, 13);
    }
    expect(incompleteBeta(0.5, 17, 17)).toBeCloseTo(0.5, 13);
    expect(incompleteBeta(0.3, 2, 5)).toBeCloseTo(0.579825, 13); // binomial sum Σ_{j≥2} C(6,j) 0.3^j 0.7^(6−j)
  });
});

describe("createRandom (mulberry32)", () => {
  it("is reproducible for a seed, differs between seeds and stays in [0, 1)", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it("is roughly uniform: mean ≈ ½ and each tenth holds ≈ 10 % of 100,000 draws", () => {
    const random = createRandom(7);
    const bins = new Array<number>(10).fill(0);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = random();
      sum += x;
      bins[Math.floor(x * 10)]! += 1;
    }
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.005);
    for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});
