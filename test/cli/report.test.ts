// `cx-metrics report` in-process: help, usage errors, each output format, exit codes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, DATA, FULL, json, repo, tempDir } from "./_run.ts";

const pkg = JSON.parse(readFileSync(repo("package.json"), "utf8")) as { version: string };

describe("help and version", () => {
  it("--help, report --help and --version exit 0", async () => {
    const main = await cli(["--help"]);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain("cx-metrics report <tickets-file> [options]");
    const report = await cli(["report", "--help"]);
    expect(report.code).toBe(0);
    for (const option of [
      "--preset",
      "--map",
      "--status-map",
      "--timezone",
      "--as-of",
      "--by",
      "--period",
      "--compare-to",
      "--bucket",
      "--schedule",
      "--sla",
      "--format",
      "--output",
      "--rejects",
      "--strict",
      "--gate",
      "--fail-if",
      "--gates",
      "--allow-missing",
    ]) {
      expect(report.stdout).toContain(option);
    }
    const version = await cli(["--version"]);
    expect([version.code, version.stdout]).toEqual([0, `${pkg.version}\n`]);
  });

  it("usage errors exit 2 with a hint on stderr", async () => {
    const none = await cli([]);
    expect(none.code).toBe(2);
    const unknownCommand = await cli(["summarize"]);
    expect([unknownCommand.code, unknownCommand.stderr]).toEqual([2, expect.stringContaining('unknown command "summarize"')]);
    const unknownOption = await cli(["report", DATA.tickets, "--colour"]);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain("--colour");
    const noFile = await cli(["report"]);
    expect(noFile.stderr).toContain("report needs a tickets file");
    const badFormat = await cli(["report", DATA.tickets, "--format", "xml"]);
    expect(badFormat.stderr).toContain("--format must be one of table, markdown, json, csv");
    const badBy = await cli(["report", DATA.tickets, "--by", "colour"]);
    expect([badBy.code, badBy.stderr]).toEqual([2, expect.stringContaining("--by must name dimensions")]);
    const compare = await cli(["report", DATA.tickets, "--compare-to", "2026-10-01..2026-10-15"]);
    expect([compare.code, compare.stderr]).toEqual([2, expect.stringContaining("--compare-to needs --period")]);
    const missing = await cli(["report", "/nonexistent/tickets.csv"]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining("tickets file /nonexistent/tickets.csv: no such file")]);
  });

  it("an option the metrics refuse (a bad SLA policy) exits 2 with its code", async () => {
    const r = await cli(["report", DATA.tickets, "--sla", repo("test/fixtures/cli/bad-sla.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_SLA_TARGET/);
  });

  it("an unexpected error exits 3 (internal error)", async () => {
    let stderr = "";
    const { run } = await import("../../src/cli/run.ts");
    const code = await run(["--version"], {
      stdout: {
        write: () => {
          throw new TypeError("boom");
        },
      },
      stderr: { write: (t: string) => (stderr += t) },
    });
    expect(code).toBe(3);
    expect(stderr).toContain("internal error");
  });
});

describe("formats", () => {
  it("table (the demo): every section of the KPI report", async () => {
    const r = await cli([...FULL, "--format", "table"]);
    expect(r.code).toBe(0);
    for (const text of [
      "cx-metrics report",
      "Survey scores",
      /NPS +29\.8/,
      /CSAT +71\.6%/,
      /CES \(1-7\) +5\.26/,
      /Survey response rate +100\.0% +111 tickets rated of 111 offered a survey/,
      /Reopen rate +6\.7%/,
      "Resolution rate",
      "Backlog",
      "Status counts",
      "Channel mix",
      /First response +calendar +timestamps +376/,
      /First response +business +timestamps +376/,
      "SLA compliance",
      "By channel",
      "By assignee",
      "Ranked by tickets",
      "Volume per day",
      "Statuses at the end of each bucket",
      "Tickets created by weekday and hour (Europe/Bucharest)",
      "Customer retention by cohort",
      "average (size-weighted)",
    ]) {
      if (typeof text === "string") expect(r.stdout).toContain(text);
      else expect(r.stdout).toMatch(text);
    }
    expect(r.stdout).toMatch(/^mon {2}.* \d+$/m);
  });

  it("the input summary and first rejects go to stderr", async () => {
    const r = await cli([...FULL, "--format", "table"]);
    expect(r.stderr).toContain(`tickets ${DATA.tickets}: rows read 396, used 394, rejected 2`);
    expect(r.stderr).toContain(
      'record 395 (line 396), column "created_at": must have an hour from 00 to 23 (value "2026-11-18T25:61:00+02:00")',
    );
    expect(r.stderr).toContain('record 396 (line 397), column "id": is required');
    expect(r.stderr).toContain(`responses ${DATA.responses}: rows read 144, used 143, rejected 1`);
    expect(r.stderr).toContain(`messages ${DATA.messages}: rows read 1684, used 1684, rejected 0`);
    const quiet = await cli([...FULL, "--format", "table", "--quiet"]);
    expect(quiet.stderr).toBe("");
  });

  it("--max-rejects limits the listing and points to --rejects", async () => {
    const r = await cli(["report", DATA.tickets, "--format", "table", "--max-rejects", "1"]);
    expect(r.stderr).toContain("... and 1 more problem; write them all with --rejects rejects.csv");
  });

  it("markdown: headings and GitHub tables", async () => {
    const r = await cli([...FULL, "--format", "markdown", "--gate", "nps >= 25"]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("# cx-metrics report\n")).toBe(true);
    expect(r.stdout).toContain("## Gates");
    expect(r.stdout).toContain("| PASS | nps &gt;= 25 | 29.8 | &gt;= 25 |".replace(/&gt;/g, ">"));
    expect(r.stdout).toContain("| NPS | 29.8 (95% CI 9.8 to 49.9) |");
    expect(r.stdout).toContain("| --- | ---: |");
    expect(r.stdout).toContain("## Peak hours");
  });

  it("json: the documented document with version, input and report", async () => {
    const r = await cli([...FULL, "--format", "json"]);
    const doc = json(r);
    expect(doc.version).toBe(1);
    expect(doc.generator).toEqual({ name: "cx-metrics", version: pkg.version });
    expect(doc.report.version).toBe(1);
    expect(doc.input).toMatchObject({ preset: "generic", timeZone: "Europe/Bucharest", timeZoneSource: "option", asOfSource: "data" });
    expect(doc.input.tickets).toMatchObject({ read: 396, used: 394, rejected: 2, format: "csv", delimiter: ",", gzip: false });
    expect(doc.input.messages).toMatchObject({ read: 1684, attached: 1684, unmatched: 0 });
    expect(doc.input.asOf).toBe("2026-11-20T12:21:17.001Z");
    expect(doc.report.parameters.asOf).toBe(doc.input.asOf);
    expect(doc.report.segments.map((s: { dimensions: string[] }) => s.dimensions)).toEqual([["channel"], ["assignee"]]);
    expect(doc.report.survey.nps.score).toBeCloseTo(29.824561, 5);
    expect(doc.exitCode).toBe(0);
  });

  it("--as-of, --period, --compare-to and --bucket reach the report", async () => {
    const r = await cli([
      "report",
      DATA.tickets,
      "--timezone",
      "Europe/Bucharest",
      "--as-of",
      "2026-11-21",
      "--period",
      "2026-11-01..2026-11-21",
      "--compare-to",
      "2026-10-01..2026-10-21",
      "--bucket",
      "week",
      "--format",
      "json",
      "-q",
    ]);
    const doc = json(r);
    expect(doc.input.asOfSource).toBe("option");
    expect(doc.report.parameters).toMatchObject({
      asOf: "2026-11-20T22:00:00.000Z",
      bucket: "week",
      period: { from: "2026-10-31T22:00:00.000Z", to: "2026-11-20T22:00:00.000Z" },
    });
    expect(doc.report.comparison.changes.length).toBeGreaterThan(0);
    const table = await cli([
      "report",
      DATA.tickets,
      "--period",
      "2026-11-01..2026-11-21",
      "--compare-to",
      "2026-10-01..2026-10-21",
      "--format",
      "table",
      "-q",
    ]);
    expect(table.stdout).toContain("Compared with the previous period");
  });

  it("csv: one rectangular table per run", async () => {
    const r = await cli(["report", DATA.tickets, "--by", "channel", "--format", "csv", "-q"]);
    const lines = r.stdout.trimEnd().split("\n");
    // The tickets' own good/bad ratings give CSAT without a survey file.
    expect(lines[0]).toBe(
      "dimension,segment,tickets,resolution_rate,backlog,first_response_median_ms,first_response_p90_ms,resolution_median_ms,resolution_km_median_ms,resolution_km_censored,one_touch_share,csat",
    );
    expect(lines[1]?.startsWith("(all),(all),394,")).toBe(true);
    expect(lines.filter((l) => l.startsWith("channel,"))).toHaveLength(5);
    expect(new Set(lines.map((l) => l.split(",").length)).size).toBe(1);
    const heatmap = await cli(["report", DATA.tickets, "--format", "csv", "--table", "heatmap", "-q"]);
    expect(heatmap.stdout.trimEnd().split("\n")).toHaveLength(1 + 7 * 24);
    const cohorts = await cli([
      "report",
      DATA.tickets,
      "--cohorts",
      DATA.cohorts,
      "--timezone",
      "Europe/Bucharest",
      "--format",
      "csv",
      "--table",
      "cohorts",
      "-q",
    ]);
    expect(cohorts.stdout).toContain("\n2026-01,2025-12-31T22:00:00.000Z,287,1,229,");
    const buckets = await cli(["report", DATA.tickets, "--format", "csv", "--table", "buckets", "-q"]);
    expect(buckets.stdout.split("\n")[0]).toBe("bucket,start,end,created,resolved,messages_in,messages_out,active,backlog");
  });

  it("csv escapes formula-like text (=, +, -, @, tab) from the data", async () => {
    const r = await cli(["report", repo("test/fixtures/cli/injection.csv"), "--by", "channel,assignee", "--format", "csv", "-q"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`channel,"'=HYPERLINK(""http://evil.example"",""x"")",`);
    expect(r.stdout).toContain("channel,'+cmd,");
    expect(r.stdout).toContain("assignee,'-agent,");
    expect(r.stdout).toContain("assignee,'@admin,");
    expect(r.stdout).not.toMatch(/^[^,]*,[=+\-@]/m);
  });

  it("the default format: table on a terminal, JSON otherwise, else from --output's extension", async () => {
    const tty = await cli(["report", DATA.tickets, "-q"], { tty: true });
    expect(tty.stdout.startsWith("cx-metrics report\n")).toBe(true);
    const piped = await cli(["report", DATA.tickets, "-q"]);
    expect(json(piped).version).toBe(1);
    const dir = tempDir();
    const out = join(dir, "summary.md");
    const file = await cli(["report", DATA.tickets, "-q", "--output", out, "--gate", "tickets > 0"]);
    expect([file.code, file.stdout]).toEqual([0, ""]);
    expect(readFileSync(out, "utf8").startsWith("# cx-metrics report")).toBe(true);
    expect(file.stderr).toContain("PASS    tickets > 0");
  });
});
