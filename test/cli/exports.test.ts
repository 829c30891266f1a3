/**
 * Every preset's fixture (test/fixtures/exports/<preset>/: an export written from the vendor's
 * documented format, its README citing the pages, and `expected.json` with the figures computed
 * by hand) through the command, with `--strict` where no row is bad: the row accounting, the first response and
 * resolution medians, CSAT and the reopen rate in the JSON output equal the hand-computed ones.
 * .ci/cli-e2e runs the same folders through the built command.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repo } from "./_run.ts";
import { expectedOf } from "../io/_vendorSupport.ts";

interface Doc {
  readonly exitCode: number;
  readonly input: { readonly tickets: { read: number; used: number; rejected: number; excluded: number } };
  readonly report: {
    readonly time: Record<string, { calendar: { median: number } | null }>;
    readonly survey: { csat: { score: number } | null } | null;
    readonly reopens: { rate: number | null };
  };
}

const ROOT = repo("test/fixtures/exports");
const folders = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** The export of a fixture folder: its one file that is neither the README nor expected.json. */
function exportOf(folder: string): string {
  const files = readdirSync(join(ROOT, folder)).filter((f) => f !== "README.md" && f !== "expected.json");
  if (files.length !== 1) throw new Error(`${folder}: expected one export file, found ${files.join(", ")}`);
  return join(ROOT, folder, files[0] as string);
}

describe("every preset's documented-format fixture through the command", () => {
  it("has a fixture folder per preset", () => {
    expect(folders.length).toBeGreaterThanOrEqual(4);
  });

  for (const folder of folders) {
    it(`${folder}: exits 0 and the JSON has the hand-computed figures`, async () => {
      const expected = expectedOf(folder);
      // --strict where the fixture has no bad row (the generic one rejects a status on purpose).
      const strict = expected.rejected === 0 ? ["--strict"] : [];
      const r = await cli(["report", exportOf(folder), "--preset", expected.preset, ...strict, "--format", "json", "-q", ...expected.args]);
      if (expected.rejected === 0) expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout) as Doc;
      const t = doc.input.tickets;
      expect({ read: t.read, used: t.used, rejected: t.rejected, excluded: t.excluded }).toEqual({
        read: expected.read,
        used: expected.used,
        rejected: expected.rejected,
        excluded: expected.excluded,
      });
      expect(doc.report.time.firstResponse?.calendar?.median ?? null).toBe(expected.frtMedianMs);
      expect(doc.report.time.resolutionFinal?.calendar?.median ?? null).toBe(expected.resolutionMedianMs);
      const csat = doc.report.survey?.csat?.score ?? null;
      if (expected.csat === null) expect(csat).toBeNull();
      else expect(csat).toBeCloseTo(expected.csat, 12);
      const reopen = doc.report.reopens.rate;
      if (expected.reopenRate === null) expect(reopen).toBeNull();
      else expect(reopen).toBeCloseTo(expected.reopenRate, 12);
    });
  }
});
