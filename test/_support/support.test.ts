// The test infrastructure itself: the real-data rule, the guard that no test reaches the data
// another way, the fast-check seed, and the totals line.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { realDataDir } from "../../examples/_realData.ts";
import { REAL_DATA_FILES, needsRealData, realDataPath, realDataSkipReason } from "./realData.ts";
import { DEFAULT_SEED, fastCheckSeed, seedLine } from "./seed.ts";
import { totalsLine } from "./totalsReporter.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function withEnv<T>(value: string | undefined, run: () => T): T {
  const saved = process.env["CX_REAL_DATA"];
  if (value === undefined) delete process.env["CX_REAL_DATA"];
  else process.env["CX_REAL_DATA"] = value;
  try {
    return run();
  } finally {
    if (saved === undefined) delete process.env["CX_REAL_DATA"];
    else process.env["CX_REAL_DATA"] = saved;
  }
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|mts|cts|js|mjs|cjs)$/.test(f))
    .map((f) => join(dir, f));
}

describe("the real-data directory", () => {
  it("is CX_REAL_DATA when set (relative to the working directory), else ../shared/data beside the repository", () => {
    expect(withEnv("/somewhere/data", realDataDir)).toBe("/somewhere/data");
    expect(withEnv("rel/data", realDataDir)).toBe(join(process.cwd(), "rel/data"));
    expect(withEnv(undefined, realDataDir)).toBe(join(ROOT, "..", "shared", "data"));
    expect(withEnv("", realDataDir)).toBe(join(ROOT, "..", "shared", "data"));
    expect(withEnv("/somewhere/data", () => realDataPath("real/twcs_head5000.csv"))).toBe("/somewhere/data/real/twcs_head5000.csv");
  });

  it("when absent, skips the tests that need it and says why", () => {
    withEnv("/nonexistent/cx-data", () => {
      expect(needsRealData("real/twcs_head5000.csv")).toEqual({ tags: ["real-data"], skip: true });
      expect(realDataSkipReason()).toBe("CX_REAL_DATA=/nonexistent/cx-data not found");
    });
    withEnv(ROOT, () => {
      expect(realDataSkipReason(["real/twcs_head5000.csv"])).toBe(`CX_REAL_DATA=${ROOT.replace(/\/$/, "")} lacks real/twcs_head5000.csv`);
    });
  });

  it("is reached only through test/_support/realData.ts and examples/_realData.ts (no other path to ../shared)", () => {
    const allowed = new Set(["test/_support/realData.ts", "test/_support/support.test.ts", "examples/_realData.ts"]);
    const offenders = ["test", "examples", "scripts", "bench", "src"]
      .flatMap(sources)
      .filter((file) => !allowed.has(file))
      .filter((file) => /["'`][^"'`\n]*shared\/data/.test(readFileSync(join(ROOT, file), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("lists the files a test may ask for", () => {
    expect(REAL_DATA_FILES.every((f) => /^(real|exports)\//.test(f))).toBe(true);
  });
});

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
