import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { ceilTolerant } from "../../src/_lib/ceil.ts";

describe("ceilTolerant", () => {
  it("takes floating-point noise above an integer as that integer", () => {
    expect(21 / 0.7).toBe(30.000000000000004);
    expect(ceilTolerant(21 / 0.7)).toBe(30);
    expect(ceilTolerant((0.1 + 0.2) / 0.1)).toBe(3);
  });

  it("rounds up a real fraction, however small, at staffing sizes (100,000.00005 agents need 100,001)", () => {
    expect(ceilTolerant(100_000.00005)).toBe(100_001);
    expect(ceilTolerant(20.5)).toBe(21);
    expect(ceilTolerant(0.001)).toBe(1);
  });

  test.prop([fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 64 })])(
    "takes an integer plus up to 64 ulps of noise as the integer",
    (k, ulps) => {
      const x = k + ulps * Number.EPSILON * Math.max(1, k);
      expect(ceilTolerant(x)).toBe(k);
    },
  );

  test.prop([fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true })])(
    "rounds up any fractional part of at least 1e-6 below 1,000,000",
    (k, fraction) => {
      expect(ceilTolerant(k + fraction)).toBe(Math.ceil(k + fraction));
    },
  );
});
