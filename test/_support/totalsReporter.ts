/**
 * A vitest reporter that ends the run with two plain lines: the fast-check seed, and the
 * totals, e.g. `tests: 4222 passed, 0 failed, 22 skipped (22 need real data: CX_REAL_DATA=/x/y
 * not found)`. It is vitest's JSON reporter (the .vitest-report.json that .ci/run reads) with
 * those lines added once the file is written: vitest runs the reporters' end hooks at the same
 * time, so a separate reporter could not be sure to print last. Registered in vitest.config.ts.
 */
import { JsonReporter, type TestModule } from "vitest/node";
import { REAL_DATA_TAG, realDataSkipReason } from "./realData.ts";
import { seedLine } from "./seed.ts";

/** The counts the totals line reports. */
export interface Totals {
  passed: number;
  failed: number;
  skipped: number;
  /** Skipped tests tagged {@link REAL_DATA_TAG}. */
  skippedRealData: number;
  /** Test files that failed without a failed test (an import or collection error). */
  brokenFiles: number;
}

/** Counts the tests of a run. */
export function countTests(modules: readonly TestModule[]): Totals {
  const totals: Totals = { passed: 0, failed: 0, skipped: 0, skippedRealData: 0, brokenFiles: 0 };
  for (const module of modules) {
    let failedHere = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === "passed") totals.passed++;
      else if (state === "failed") {
        totals.failed++;
        failedHere++;
      } else {
        totals.skipped++;
        if (test.tags.includes(REAL_DATA_TAG)) totals.skippedRealData++;
      }
    }
    if (failedHere === 0 && module.state() === "failed") totals.brokenFiles++;
  }
  return totals;
}

/** The totals line. */
export function totalsLine(t: Totals, unhandledErrors: number, realDataReason: string | undefined): string {
  let line = `tests: ${String(t.passed)} passed, ${String(t.failed)} failed, ${String(t.skipped)} skipped`;
  if (t.skippedRealData > 0)
    line += ` (${String(t.skippedRealData)} need real data: ${realDataReason ?? "data present, skipped by a filter"})`;
  if (t.brokenFiles > 0) line += `; ${String(t.brokenFiles)} test files failed to load`;
  if (unhandledErrors > 0) line += `; ${String(unhandledErrors)} unhandled errors`;
  return line;
}

/** Writes the JSON report, then prints the seed and totals lines at the end of a run. */
export default class TotalsReporter extends JsonReporter {
  override async onTestRunEnd(modules: readonly TestModule[], unhandledErrors: readonly unknown[] = []): Promise<void> {
    await super.onTestRunEnd(modules);
    const totals = countTests(modules);
    process.stdout.write(`\n${seedLine()}\n${totalsLine(totals, unhandledErrors.length, realDataSkipReason())}\n`);
  }
}
