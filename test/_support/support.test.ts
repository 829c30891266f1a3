// The test infrastructure itself: the fast-check seed and the totals line (the real-data rule
// is tested in realData.test.ts).
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { DEFAULT_SEED, fastCheckSeed, seedLine } from "./seed.ts";
import { totalsLine } from "./totalsReporter.ts";

describe("the fast-check seed", () => {
  it("is 42 by default; CX_FC_SEED overrides it; anything but a 32-bit integer is refused", () => {
    expect(fastCheckSeed({})).toBe(DEFAULT_SEED);
    expect(fastCheckSeed({ CX_FC_SEED: "" })).toBe(DEFAULT_SEED);
    expect(fastCheckSeed({ CX_FC_SEED: "-7" })).toBe(-7);
    expect(seedLine({})).toBe("fast-check seed 42 (set CX_FC_SEED to change)");
    expect(seedLine({ CX_FC_SEED: "7" })).toBe("fast-check seed 7 (from CX_FC_SEED)");
    for (const bad of ["x", "1.5", "1e3", "2147483648"])
      expect(() => fastCheckSeed({ CX_FC_SEED: bad })).toThrow(/^CX_FC_SEED must be an integer/);
  });

  it("is the global seed of every property (set by test/setup/fast-check.ts)", () => {
    expect(fc.readConfigureGlobal().seed).toBe(fastCheckSeed());
    // Unseeded calls draw from it: the same values twice.
    expect(fc.sample(fc.integer(), 5)).toEqual(fc.sample(fc.integer(), 5));
  });

  test.prop([fc.integer()])("reaches @fast-check/vitest's test.prop (its name carries the seed)", () => {
    expect(expect.getState().currentTestName).toContain(`(with seed=${String(fastCheckSeed())})`);
  });
});

describe("the totals line", () => {
  it("counts the skipped real-data tests and says why", () => {
    const t = { passed: 10, failed: 1, skipped: 3, skippedRealData: 2, brokenFiles: 0 };
    expect(totalsLine(t, 0, "CX_REAL_DATA=/x/y not found")).toBe(
      "tests: 10 passed, 1 failed, 3 skipped (2 need real data: CX_REAL_DATA=/x/y not found)",
    );
    expect(totalsLine({ ...t, skipped: 0, skippedRealData: 0, brokenFiles: 1 }, 2, undefined)).toBe(
      "tests: 10 passed, 1 failed, 0 skipped; 1 test files failed to load; 2 unhandled errors",
    );
  });
});
