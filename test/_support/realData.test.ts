// The one way to the public data sets: its directory rule, its skips, and a guard that no
// other file finds them by itself.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { realDataDir } from "../../examples/_realData.ts";
import { REAL_DATA_FILES, needsRealData, realDataPath, realDataSkipReason } from "./realData.ts";

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
    const allowed = new Set(["test/_support/realData.ts", "test/_support/realData.test.ts", "examples/_realData.ts"]);
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
