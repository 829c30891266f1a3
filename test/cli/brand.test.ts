// Issue 12: `--by brand`. The export is test/fixtures/cli/brands.csv (this library's generic
// layout, docs/guide/cli.md); an export without a brand column reports the segmentation absent.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, json, repo, tempDir } from "./_run.ts";

const BRANDS = repo("test/fixtures/cli/brands.csv");
const args = (path: string, ...rest: string[]): string[] => ["report", path, "--as-of", "2026-10-03T00:00:00Z", "-q", ...rest];

describe("--by brand", () => {
  it("JSON: one segment per brand, counted from the file", async () => {
    const r = await cli(args(BRANDS, "--format", "json", "--by", "brand"));
    expect(r.code).toBe(0);
    const doc = json(r);
    expect(doc.absent.map((a: { metric: string }) => a.metric)).not.toContain("segments.brand");
    const seg = doc.report.segments[0];
    expect(seg.dimensions).toEqual(["brand"]);
    expect(seg.segments.map((s: { key: string[]; tickets: number }) => [s.key, s.tickets])).toEqual([
      [["acme"], 3],
      [["(none)"], 1],
      [["zeta"], 1],
    ]);
  });

  it("csv: the brand rows of --table segments", async () => {
    const r = await cli(args(BRANDS, "--format", "csv", "--table", "segments", "--by", "brand"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^brand,acme,3,/m);
    expect(r.stdout).toMatch(/^brand,zeta,1,/m);
  });

  it("an export without a brand column: the segmentation is absent, not one (none) segment", async () => {
    const path = join(tempDir(), "no-brand.csv");
    writeFileSync(path, "id,created_at,status,channel\n1,2026-10-01T09:00:00Z,open,email\n");
    const r = await cli(args(path, "--format", "json", "--by", "brand"));
    expect(r.code).toBe(0);
    const doc = json(r);
    expect(doc.absent.find((a: { metric: string }) => a.metric === "segments.brand")).toEqual({
      metric: "segments.brand",
      label: "By brand",
      fields: ["brand"],
      files: [],
      message: "no brand column in this export",
    });
  });

  it("the help names brand among the dimensions", async () => {
    const r = await cli(["report", "--help"]);
    expect(r.stdout).toContain("priority, brand, tag");
  });
});
