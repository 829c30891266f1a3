// Issue 11 through the command: damaged, UTF-16, empty and duplicate-header inputs exit 2 with
// one line naming the file (no stack trace); a deeply nested value and timestamps outside
// years 1900-2200 reject their rows and the report goes on; invalid UTF-8 is warned about and
// counted in the JSON `input` section.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { cli, DATA, json, tempDir } from "./_run.ts";

const HEADER = "id,created_at,status\n";
const rows = (n: number): string => HEADER + Array.from({ length: n }, (_, i) => `${String(i + 1)},2026-01-01T00:00:00Z,open\n`).join("");

function file(name: string, content: string | Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

/** Exit 2 with a single `cx-metrics:` line and no stack frames. */
function expectInputError(r: { code: number; stderr: string }, text: string): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^cx-metrics: /);
  expect(r.stderr).toContain(text);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

describe("inputs that cannot be read are input errors (exit 2)", () => {
  it("a truncated gzip file (gzip -c t.csv | head -c 3000)", async () => {
    const zipped = gzipSync(rows(2000));
    const r = await cli(["report", file("t.csv.gz", zipped.subarray(0, 3000))]);
    expectInputError(r, "t.csv.gz: the file is not a complete gzip stream: unexpected end of file after 3000 bytes");
  });

  it("a truncated gzip file whose damage comes after records were read", async () => {
    const zipped = gzipSync(rows(40_000));
    const r = await cli(["report", file("big.csv.gz", zipped.subarray(0, zipped.length - 100)), "--as-of", "2026-02-01T00:00:00Z"]);
    expectInputError(r, "is not a complete gzip stream: unexpected end of file after");
    expect(r.stderr).toMatch(/\(\d+ records read before it\)/);
  });

  it("a gzip file with a corrupted header", async () => {
    const zipped = Buffer.from(gzipSync(rows(5)));
    zipped[3] = 0xff;
    expectInputError(await cli(["report", file("h.csv.gz", zipped)]), "is not a complete gzip stream");
  });

  it("UTF-16, with or without a byte order mark", async () => {
    const bom = await cli(["report", file("u.csv", Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(rows(2), "utf16le")]))]);
    expectInputError(bom, "UTF-16 is not supported, convert to UTF-8");
    const bare = await cli(["report", "-"], { stdin: Buffer.from(rows(2), "utf16le") });
    expectInputError(bare, "tickets file (standard input): UTF-16 is not supported, convert to UTF-8");
  });

  it("an empty file says so (not missing columns)", async () => {
    const r = await cli(["report", file("empty.csv", "")]);
    expectInputError(r, "empty.csv: the file is empty");
    expect(r.stderr).not.toContain("no columns");
  });

  it("duplicate header names, with both positions", async () => {
    const r = await cli(["report", file("dup.csv", "id,created_at,status,id\n1,2026-01-01T00:00:00Z,open,1\n")]);
    expectInputError(r, 'the header has the column "id" twice, as columns 1 and 4; rename one');
  });
});

describe("bad values reject their rows; the report goes on", () => {
  it("a value nested 100,000 levels deep in a column the preset reads (JSON)", async () => {
    const depth = 100_000;
    const nested = `${"[".repeat(depth)}${"]".repeat(depth)}`;
    const text = `[{"id":"1","created_at":${nested},"status":"open"},{"id":"2","created_at":"2026-01-01T00:00:00Z","status":"open"}]`;
    const r = await cli(["report", file("deep.json", text), "--format", "json"]);
    expect(r.code).toBe(0);
    expect(json(r).input.tickets).toMatchObject({ read: 2, used: 1, rejected: 1 });
    expect(r.stderr).toContain('column "created_at"');
  });

  it.each([
    ["the largest Date in epoch milliseconds", "8640000000000000"],
    ["year 0", "0000-01-01T00:00:00Z"],
    ["year 9999", "9999-12-31T23:59:59Z"],
    ["year 1899", "1899-12-31T23:59:59Z"],
    ["year 2201", "2201-01-01T00:00:00Z"],
  ])("a created_at at %s is rejected with its line", async (_, value) => {
    const text = `${HEADER}1,2026-01-01T00:00:00Z,open\n2,${value},open\n3,2026-01-02T00:00:00Z,solved\n`;
    for (const bucket of ["day", "month"]) {
      const r = await cli(["report", file("ts.csv", text), "--format", "json", "--bucket", bucket]);
      expect(r.code, r.stderr).toBe(0);
      const doc = json(r);
      expect(doc.input.tickets).toMatchObject({ read: 3, used: 2, rejected: 1 });
      expect(doc.input.tickets.rejects[0]).toMatchObject({ record: 2, line: 3, column: "created_at" });
      expect(doc.input.asOf).toBe("2026-01-02T00:00:00.001Z");
    }
  });

  it.each([
    ["1900-01-01T00:00:00Z", "2026"],
    ["2200-12-31T23:00:00Z", "2026"],
    ["1900-01-01T00:00:00Z", "2200-12-31T23:00:00Z"],
  ])("accepted timestamps at the ends of the range (%s beside %s) give a report, not E_BUCKET_LIMIT", async (edge, other) => {
    // The peak-hours heatmap built an hourly grid of the whole range (at most 1,000,000 hours,
    // about 114 years), so one accepted 1900 row beside 2026 data ended the run with exit 2.
    const second = other === "2026" ? "2026-01-01T10:00:00Z" : other;
    const text = `${HEADER}1,${edge},open\n2,${second},open\n3,2026-01-02T10:00:00Z,open\n`;
    const r = await cli(["report", file("edges.csv", text), "--format", "json", "--as-of", "2200-12-31T23:59:59Z"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = json(r);
    expect(doc.input.tickets).toMatchObject({ read: 3, used: 3, rejected: 0 });
    expect(doc.report.peaks.total).toBe(3);
  });

  it("--bucket hour over more than 1,000,000 hours of data is a usage error naming the option, not the report function", async () => {
    const text = `${HEADER}1,1900-01-01T00:00:00Z,open\n2,2026-10-01T00:00:00Z,open\n`;
    const r = await cli(["report", file("hours.csv", text), "--bucket", "hour", "-q"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cx-metrics: --bucket hour: the data's range must hold at most 1000000 buckets of one hour each");
    expect(r.stderr).toContain("Use a longer --bucket (day, week, month), or narrow the range with --period");
    expect(r.stderr).not.toContain("reportAccumulator");
  });

  it("a solved_at at the largest Date no longer makes the automatic as-of invalid", async () => {
    const text = "id,created_at,status,solved_at\n1,2026-01-01T00:00:00Z,solved,8640000000000000\n2,2026-01-01T00:00:00Z,open,\n";
    const r = await cli(["report", file("max.csv", text), "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(json(r).input.tickets).toMatchObject({ read: 2, used: 1, rejected: 1 });
  });
});

describe("invalid UTF-8 is counted and warned about", () => {
  it("in the JSON input section and on stderr, by column", async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER.trim()},channel\n1,2026-01-01T00:00:00Z,open,ch`),
      Buffer.of(0xe9, 0xe8),
      Buffer.from("t\n"),
    ]);
    const r = await cli(["report", file("latin1.csv", bytes), "--format", "json"]);
    expect(r.code).toBe(0);
    expect(json(r).input.tickets).toMatchObject({ read: 1, used: 1, invalidUtf8: 2, invalidUtf8ByColumn: { channel: 2 } });
    expect(r.stderr).toContain('warning: 2 invalid UTF-8 sequences read as U+FFFD ("channel" 2); is the file UTF-8?');
  });

  it("says nothing for a clean file", async () => {
    const r = await cli(["report", DATA.tickets, "--format", "json"]);
    expect(json(r).input.tickets.invalidUtf8).toBe(0);
    expect(r.stderr).not.toContain("UTF-8");
  });
});
