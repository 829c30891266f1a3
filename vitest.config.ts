import { defineConfig } from "vitest/config";
import TotalsReporter from "./test/_support/totalsReporter.ts";
import { REAL_DATA_TAG } from "./test/_support/realData.ts";

/**
 * Tests whose results could depend on the host's time zone run again under each of these
 * `TZ` values (issue: "Results do not depend on the machine's time zone"). Node applies an
 * assignment to process.env.TZ at once, and vitest sets `env` before any test file loads.
 */
// "all" runs every test with TZ=UTC; these zones re-run the zone-sensitive ones.
const zones = ["America/Los_Angeles", "Europe/Bucharest", "Asia/Kolkata", "Australia/Lord_Howe"];
const zoneSensitive = [
  "test/_lib/**/*.test.ts",
  "test/models/**/*.test.ts",
  "test/metrics/time/**/*.test.ts",
  "test/metrics/sla/**/*.test.ts",
  "test/metrics/volume/**/*.test.ts",
  "test/metrics/customers/**/*.test.ts",
  "test/report/**/*.test.ts",
  "test/tz/**/*.test.ts",
];

export default defineConfig({
  test: {
    // `npm test` writes the machine-readable totals that .ci/run prints as its last line (the
    // JSON reporter), then ends with the fast-check seed and a plain totals line: both are
    // test/_support/totalsReporter.ts.
    reporters: ["default", new TotalsReporter({ outputFile: ".vitest-report.json" })],
    // Tests that read the public data sets (test/_support/realData.ts): skipped when absent.
    tags: [{ name: REAL_DATA_TAG, description: "reads the public data sets (CX_REAL_DATA, default ../shared/data)" }],
    testTimeout: 60_000,
    // Set-up hooks pack the package or start real tools: a busy CI machine needs more than 10 s.
    hookTimeout: 60_000,
    // Test files share their worker's module cache: loading fast-check, zod and date-fns once
    // per worker instead of once per file makes the suite ~10x faster. Tests must therefore
    // restore any global they change (process.env.TZ, fast-check's global settings); the setup
    // files run before every test file and set fast-check's seed (CX_FC_SEED, default 42) again.
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: "all",
          include: ["test/**/*.test.ts"],
          env: { TZ: "UTC", CX_EXPECTED_TZ: "UTC" },
          setupFiles: ["test/setup/fast-check.ts"],
          typecheck: {
            enabled: true,
            include: ["test/**/*.test-d.ts"],
            tsconfig: "./tsconfig.json",
          },
        },
      },
      ...zones.map((zone) => ({
        extends: true as const,
        test: {
          name: `TZ=${zone}`,
          include: zoneSensitive,
          env: { TZ: zone, CX_EXPECTED_TZ: zone },
          setupFiles: ["test/setup/fast-check.ts", "test/setup/tz-matrix.ts"],
        },
      })),
    ],
  },
});
