// Issue 11, "Runs that should fail, succeed": 0 rows used is exit 2 with the commonest reasons,
// never an empty report "as of 1970"; --max-rejected fails a run above a rejected share (exit 1,
// a data-quality gate); above 5 % rejected, a warning even with --quiet.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, json, tempDir } from "./_run.ts";

const HEADER = "id,created_at,status\n";
const file = (rows: readonly string[]): string => {
  const path = join(tempDir(), "tickets.csv");
  writeFileSync(path, HEADER + rows.map((r) => `${r}\n`).join(""));
  return path;
};
const good = (i: number): string => `${String(i)},2026-03-02T09:00:00Z,open`;
const bad = (i: number): string => `${String(i)},not-a-date,open`;
const rows = (n: number, badEvery: number): string[] =>
  Array.from({ length: n }, (_, i) => (badEvery > 0 && i % badEvery === 0 ? bad(i + 1) : good(i + 1)));

describe("a run that used no ticket row fails (E_CLI_NO_ROWS, exit 2)", () => {
  it("every row rejected: exit 2, the commonest reasons with counts and an example, a hint, no report", async () => {
    const path = file([
      ...Array.from({ length: 300 }, (_, i) => bad(i + 1)),
      ...Array.from({ length: 200 }, () => ",2026-03-02T09:00:00Z,open"),
      "x,2026-03-02T09:00:00Z,nonsense",
    ]);
    for (const format of ["table", "json", "markdown"]) {
      const r = await cli(["report", path, "--format", format]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stdout + r.stderr).not.toContain("1970");
      expect(r.stderr).toMatch(/rows read 501, used 0, rejected 501/);
      expect(r.stderr).toMatch(/ 300 × column "created_at": .*\(e\.g\. record 1, line 2, value "not-a-date"\)/);
      expect(r.stderr).toMatch(/ 200 × column "id": /);
      expect(r.stderr).toMatch(/Check --preset .* --map/);
    }
  });

  it("a file with a header only: exit 2, it says the file has no records", async () => {
    const r = await cli(["report", file([]), "--format", "json", "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no ticket rows to report on (the file has no records)");
  });

  it("--rejects is still written", async () => {
    const out = join(tempDir(), "rejects.csv");
    const r = await cli(["report", file([bad(1), bad(2)]), "--rejects", out, "-q"]);
    expect(r.code).toBe(2);
    expect(
      readFileSync(out, "utf8")
        .split("\n")
        .filter((l) => l !== ""),
    ).toHaveLength(3);
  });
});

describe("--max-rejected and the default warning", () => {
  it("above the share: exit 1, as a gate in every output; at or below it: exit 0", async () => {
    const path = file(rows(100, 10)); // 10 % rejected
    const over = await cli(["report", path, "--format", "json", "-q", "--max-rejected", "5%"]);
    expect(over.code).toBe(1);
    expect(json(over).gates[0]).toMatchObject({ gate: "rejected.share <= 5%", status: "fail" });
    expect(over.stderr).toContain("FAIL    rejected.share <= 5%: rejected.share = 10.0%; target <= 5.0%");
    const under = await cli(["report", path, "--format", "json", "-q", "--max-rejected", "0.1"]);
    expect(under.code).toBe(0);
    expect(under.stderr).not.toContain("WARNING");
  });

  it("refuses a share that is not one", async () => {
    for (const text of ["100%", "1", "-5%", "lots", "1e400"]) {
      const r = await cli(["report", file(rows(3, 0)), `--max-rejected=${text}`]);
      expect(r.code, text).toBe(2);
      expect(r.stderr).toContain("--max-rejected must be a share");
    }
  });

  it("warns on stderr above 5 % rejected, even with --quiet; not at 5 % or below", async () => {
    const over = await cli(["report", file(rows(100, 10)), "--format", "json", "-q"]);
    expect(over.code).toBe(0);
    expect(over.stderr).toContain("cx-metrics: WARNING: 10% of ticket rows were rejected (10 of 100)");
    const at = await cli(["report", file(rows(100, 20)), "--format", "json", "-q"]);
    expect(at.stderr).not.toContain("WARNING");
  });
});
