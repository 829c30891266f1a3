// The command's report tables are toRows' rows: `--format csv --table buckets|heatmap|cohorts`
// is exactly their CSV, and `--table segments` is an `(all)` row then toRows' segment rows in the
// columns the run shows. On random tickets (the document built in-process) and on the example
// export read by the command.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { csvLine } from "../../src/cli/csv.ts";
import type { CliDocument } from "../../src/cli/document.ts";
import { renderCsv } from "../../src/cli/render/csv.ts";
import {
  REPORT_TABLES,
  REPORT_TABLE_COLUMNS,
  report,
  toRows,
  type Report,
  type ReportOptions,
  type ReportTable,
} from "../../src/report/index.ts";
import { response, ticket } from "../report/arbitraries.ts";
import { FULL as FULL_OPTIONS, HOURLY, PLAIN } from "../report/configs.ts";
import { cli, DATA, FULL, json } from "./_run.ts";

/** The CSV of toRows' rows with the given columns (all of the table's by default). */
function rowsCsv(r: Report, table: ReportTable, columns: readonly string[] = REPORT_TABLE_COLUMNS[table]): string {
  const rows = toRows(r, table) as readonly Readonly<Record<string, string | number | null>>[];
  return [columns, ...rows.map((row) => columns.map((c) => row[c]))].map(csvLine).join("");
}

/** The segments table's header columns, and the CSV of its lines after the `(all)` row, from toRows. */
function segmentsCsv(r: Report, cliCsv: string): { columns: string[]; rest: string } {
  const [header = ""] = cliCsv.split("\n");
  const columns = header.split(",");
  return { columns, rest: rowsCsv(r, "segments", columns).split("\n").slice(1).join("\n") };
}

const doc = (r: Report): CliDocument =>
  ({
    version: 1,
    generator: { name: "cx-metrics", version: "0" },
    report: r,
    helpdesk: null,
    absent: [],
    gates: [],
    exitCode: 0,
  }) as unknown as CliDocument;

const config = fc.constantFrom<[string, ReportOptions]>(["full", FULL_OPTIONS], ["plain", PLAIN], ["hourly", HOURLY]);

describe("--format csv: the report's tables are toRows' rows", () => {
  test.prop([config, fc.array(ticket, { maxLength: 40 }), fc.array(response, { maxLength: 15 })], { numRuns: 30 })(
    "random tickets: buckets, heatmap and cohorts byte for byte; segments after the (all) row",
    ([, options], ts, rs) => {
      const r = report({ tickets: ts, responses: rs }, options);
      for (const table of ["buckets", "heatmap", "cohorts"] as const) expect(renderCsv(doc(r), table, [])).toBe(rowsCsv(r, table));
      const segments = renderCsv(doc(r), "segments", []);
      const { columns, rest } = segmentsCsv(r, segments);
      // The columns shown are toRows' columns, in its order (some left out).
      const all: readonly string[] = REPORT_TABLE_COLUMNS.segments;
      expect(columns.map((c) => all.indexOf(c))).toEqual([...columns.map((c) => all.indexOf(c))].sort((a, b) => a - b));
      expect(columns.every((c) => all.includes(c))).toBe(true);
      const lines = segments.split("\n");
      expect(lines[1]?.startsWith(`(all),(all),${String(r.tickets)},`)).toBe(true);
      expect(lines.slice(2).join("\n")).toBe(rest);
    },
  );

  it("the example export read by the command: every report table equals toRows of its JSON report", async () => {
    const doc = json(await cli([...FULL, "--by", "channel,assignee,channel+priority,tag", "--format", "json", "-q"])) as CliDocument;
    for (const table of REPORT_TABLES) {
      const r = await cli([...FULL, "--by", "channel,assignee,channel+priority,tag", "--format", "csv", "--table", table, "-q"]);
      expect(r.code).toBe(0);
      if (table === "segments") {
        const { columns, rest } = segmentsCsv(doc.report, r.stdout);
        // Schedule, SLA policy, CSAT and NPS are all in this run: every column is shown but the time in status (no status history).
        const inStatus = ["agent_work_median_ms", "agent_wait_median_ms", "on_hold_median_ms"];
        expect(columns).toEqual(REPORT_TABLE_COLUMNS.segments.filter((c) => !inStatus.includes(c)));
        expect(r.stdout.split("\n").slice(2).join("\n")).toBe(rest);
        expect(rest.split("\n").filter((l) => l !== "")).toHaveLength(doc.report.segments.reduce((n, s) => n + s.segments.length, 0));
      } else {
        expect(r.stdout).toBe(rowsCsv(doc.report, table));
        expect(r.stdout.split("\n").length).toBeGreaterThan(2);
      }
    }
  });

  it("a run without cohorts: the cohorts table is the header alone", async () => {
    const r = await cli(["report", DATA.tickets, "--format", "csv", "--table", "cohorts", "-q"]);
    expect(r.stdout).toBe(`${REPORT_TABLE_COLUMNS.cohorts.join(",")}\n`);
  });
});
