/**
 * `cx-metrics report --format csv --table tickets` on the example export: one row per ticket in
 * scope, whose columns aggregate to the figures of the JSON report of the same run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, DATA, FULL, json, tempDir } from "./_run.ts";

/** Parses RFC 4180 CSV (quoted cells with doubled quotes) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  return rows;
}

/** The table as objects by header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((cells) => Object.fromEntries((header as string[]).map((h, i) => [h, cells[i] as string])));
}

const numbers = (rows: readonly Record<string, string>[], key: string): number[] =>
  rows
    .map((r) => r[key] as string)
    .filter((v) => v !== "")
    .map(Number);

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) / 2;
  const lo = Math.floor(h);
  return (s[lo] as number) + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] as number) - (s[lo] as number));
}

const count = (rows: readonly Record<string, string>[], key: string, value: string): number => rows.filter((r) => r[key] === value).length;
const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

describe("report --format csv --table tickets", () => {
  it("writes one row per ticket in scope whose columns give the report's figures", async () => {
    const table = await cli([...FULL, "--format", "csv", "--table", "tickets"]);
    expect(table.code).toBe(0);
    const doc = json(await cli([...FULL, "--format", "json"]));
    const r = doc.report;
    const rows = records(table.stdout);
    expect(rows.length).toBe(r.input.ticketsInScope);
    expect(rows.length).toBe(394);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);

    const frt = numbers(rows, "first_response_ms");
    expect(frt.length).toBe(r.time.firstResponse.calendar.count);
    expect(median(frt)).toBe(r.time.firstResponse.calendar.median);
    expect(median(numbers(rows, "first_response_business_ms"))).toBe(r.time.firstResponse.business.median);
    expect(median(numbers(rows, "resolution_ms"))).toBe(r.time.resolutionFinal.calendar.median);
    expect(sum(numbers(rows, "resolution_ms"))).toBe(r.time.resolutionFinal.calendar.total);
    for (const [reason, n] of Object.entries(r.skipped.firstResponse as Record<string, number>))
      expect(count(rows, "first_response_skip", reason)).toBe(n);

    expect(sum(numbers(rows, "sla_first_response_achieved"))).toBe(r.sla.byMetric.firstResponse.achieved);
    expect(sum(numbers(rows, "sla_first_response_breached"))).toBe(r.sla.byMetric.firstResponse.breached);
    expect(sum(numbers(rows, "sla_resolution_breached"))).toBe(r.sla.byMetric.resolution.breached);
    expect(numbers(rows, "replies_to_resolve").filter((n) => n === 1).length).toBe(r.time.oneTouch.oneTouch);
    // The summary still goes to stderr, as with every CSV table.
    expect(table.stderr).toContain("rows read 396, used 394, rejected 2");
  });

  it("writes to --output, keeps only the period's tickets, and has no business or SLA columns without their options", async () => {
    const out = join(tempDir(), "tickets.csv");
    const run = await cli([
      "report",
      DATA.tickets,
      "--timezone",
      "Europe/Bucharest",
      "--period",
      "2026-10-01..2026-10-08",
      "--as-of",
      "2026-12-01T00:00:00Z",
      "--table",
      "tickets",
      "--output",
      out,
      "--format",
      "csv",
      "--quiet",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const text = readFileSync(out, "utf8");
    const header = (parseCsv(text)[0] as string[]).join(",");
    expect(header).not.toContain("business");
    expect(header).not.toContain("sla_");
    const rows = records(text);
    const doc = json(
      await cli([
        "report",
        DATA.tickets,
        "--timezone",
        "Europe/Bucharest",
        "--period",
        "2026-10-01..2026-10-08",
        "--as-of",
        "2026-12-01T00:00:00Z",
        "--format",
        "json",
      ]),
    );
    expect(rows.length).toBe(doc.report.input.ticketsInScope);
    expect(rows.length).toBeLessThan(394);
    expect(
      rows.every(
        (row) => (row.created_at as string) >= "2026-09-30T21:00:00.000Z" && (row.created_at as string) < "2026-10-07T21:00:00.000Z",
      ),
    ).toBe(true);
  });

  it("is refused with another format, with --partial and by merge (E_CLI_USAGE)", async () => {
    const json = await cli(["report", DATA.tickets, "--format", "json", "--table", "tickets"]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain("--table tickets is a CSV table: it needs --format csv");
    const partial = await cli(["report", DATA.tickets, "--as-of", "2026-12-01T00:00:00Z", "--table", "tickets", "--partial", "x.json"]);
    expect(partial.code).toBe(2);
    const merge = await cli(["merge", "a.json", "--format", "csv", "--table", "tickets"]);
    expect(merge.code).toBe(2);
    expect(merge.stderr).toContain("merge: --table tickets needs the tickets");
  });
});
