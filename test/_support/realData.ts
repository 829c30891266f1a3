/**
 * The one way tests reach the public data sets (`real/`, `exports/`): the directory named by
 * `CX_REAL_DATA`, else `../shared/data` beside the repository (examples/_realData.ts has the
 * rule). A clone with neither skips the tests that need them, and the totals line of
 * `npm test` says how many were skipped and why (test/_support/totalsReporter.ts).
 *
 * Declare such a test or suite with {@link needsRealData}:
 * `it("…", needsRealData("real/twcs_head5000.csv"), () => …)`. Read files only inside tests or
 * `beforeAll` (a skipped suite's body still runs to collect its tests).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { realDataDir, realDataSource } from "../../examples/_realData.ts";

/** Every file of the data directory that a test may read. */
export const REAL_DATA_FILES = [
  "real/anonymous_bank_callcenter_1999-08.csv",
  "real/customer_support_tickets.csv",
  "real/twcs_head5000.csv",
  "exports/freshdesk-tickets.csv",
  "exports/intercom-list-conversations.json",
  "exports/zendesk-api-tickets-page.json",
] as const;

/** A file of the data directory, relative to it. */
export type RealDataFile = (typeof REAL_DATA_FILES)[number];

/** The vitest tag of every test that needs the data (`vitest run --tags-filter=real-data`). */
export const REAL_DATA_TAG = "real-data";

/** The absolute path of `file` in the data directory (which may be absent: see {@link needsRealData}). */
export function realDataPath(file: RealDataFile): string {
  return join(realDataDir(), file);
}

/** The files among `files` (default: all) that are not there. */
export function missingRealData(files: readonly RealDataFile[] = REAL_DATA_FILES): RealDataFile[] {
  return files.filter((file) => !existsSync(realDataPath(file)));
}

/** Why the data-backed tests are skipped, or `undefined` when every file is there. */
export function realDataSkipReason(files: readonly RealDataFile[] = REAL_DATA_FILES): string | undefined {
  if (!existsSync(realDataDir())) return `${realDataSource()} not found`;
  const missing = missingRealData(files);
  return missing.length === 0 ? undefined : `${realDataSource()} lacks ${missing.join(", ")}`;
}

/**
 * Options for `it`/`describe` of a test that reads `files`: tagged {@link REAL_DATA_TAG}, and
 * skipped when one of the files is absent.
 */
export function needsRealData(...files: [RealDataFile, ...RealDataFile[]]): { tags: string[]; skip: boolean } {
  return { tags: [REAL_DATA_TAG], skip: missingRealData(files).length > 0 };
}
