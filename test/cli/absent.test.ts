// Issue 12, item 7 "Absent, not zero": a figure whose input column is not in the export says
// so in every format ("no assignee column in this export"), never 0 % or 100 %, and a gate on
// it is "absent" (exit 2, or skipped with --allow-missing). The fixtures are this library's own
// `generic` layout (docs/guide/cli.md, "generic"), written here column by column, and one
// Zendesk ticket object laid out as the Tickets API documents it
// (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { absentForPath, absentInputs, gateNamesOf, INPUT_NEEDS, type AbsentInput } from "../../src/cli/inputsNeeded.ts";
import { numberPaths, REPORT_SHAPE, type Shape } from "../../src/cli/shape.ts";
import { readTickets } from "../../src/io/index.ts";
import { needsRealData, realDataPath } from "../_support/realData.ts";
import { cli, DATA, FULL, json, repo, tempDir } from "./_run.ts";
import { openFile } from "../../src/io/node/index.ts";

const HEADER = "id,created_at,status,channel,type,priority,group,first_response_at,solved_at,replies";
const ROWS = [
  "1,2026-10-01T09:00:00Z,open,email,question,normal,Tier 1,2026-10-01T10:00:00Z,,1",
  "2,2026-10-01T10:00:00Z,solved,chat,problem,high,Tier 2,2026-10-01T10:05:00Z,2026-10-01T12:00:00Z,2",
  "3,2026-10-02T09:00:00Z,open,email,question,normal,Tier 1,,,0",
];

/** A CSV in a fresh directory. */
function file(name: string, lines: readonly string[]): string {
  const path = join(tempDir(), name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

/** Without an assignee, satisfaction or reopens column: 2 of 3 tickets unsolved, so "67 % unassigned" is what a blind count says. */
const NO_ASSIGNEE = file("no-assignee.csv", [HEADER, ...ROWS]);
/** The same tickets with an assignee column present but empty in every row. */
const EMPTY_ASSIGNEE = file("empty-assignee.csv", [`${HEADER},assignee`, ...ROWS.map((r) => `${r},`)]);
/** The same tickets, assigned: ticket 3 has no assignee. */
const WITH_ASSIGNEE = file("with-assignee.csv", [`${HEADER},assignee`, ...ROWS.map((r, i) => `${r},${i === 2 ? "" : "Ana"}`)]);

const report = (path: string, ...rest: string[]): string[] => ["report", path, "--as-of", "2026-10-03T00:00:00Z", "-q", ...rest];
const metricsOf = (doc: { absent: AbsentInput[] }): string[] => doc.absent.map((a) => a.metric);

async function fieldsOf(text: string, options: Parameters<typeof readTickets>[1] = {}): Promise<[readonly string[], readonly string[]]> {
  const result = await readTickets(Readable.from([Buffer.from(text)]), options);
  for await (const _ of result.records);
  return [result.input.fields, result.input.blankFields];
}

describe("readers tell which fields the input provides", () => {
  it("CSV: the columns of the header, blank ones listed apart; --map FIELD= unreads one", async () => {
    const text = `${HEADER},assignee\n${ROWS.map((r) => `${r},`).join("\n")}\n`;
    const [fields, blank] = await fieldsOf(text);
    expect(fields).toEqual([
      "id",
      "createdAt",
      "status",
      "channel",
      "type",
      "priority",
      "assignee",
      "group",
      "firstResponseAt",
      "solvedAt",
      "replies",
    ]);
    expect(blank).toEqual(["assignee"]);
    const [unmapped] = await fieldsOf(text, { map: ["channel="] });
    expect(unmapped).not.toContain("channel");
  });

  it("JSON: a path is provided when any record has it, even as null; helpdesk durations are named helpdesk.<key>", async () => {
    // Tickets API objects carry `assignee_id: null` when unassigned; metric_sets are side-loaded
    // (https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_metrics/).
    const tickets = [
      { id: 1, created_at: "2026-10-01T09:00:00Z", status: "open", assignee_id: null, via: { channel: "email" } },
      { id: 2, created_at: "2026-10-01T10:00:00Z", status: "solved", assignee_id: null, via: { channel: "web" } },
    ];
    const metric_sets = [{ ticket_id: 2, reply_time_in_minutes: { calendar: 30, business: 30 } }];
    const [fields, blank] = await fieldsOf(JSON.stringify({ tickets, metric_sets }), { preset: "zendesk-json", format: "json" });
    expect(fields).toEqual(["id", "createdAt", "status", "channel", "assignee", "helpdesk.firstReply", "helpdesk.firstReplyBusiness"]);
    expect(blank).toEqual(["assignee"]);
    const [bare] = await fieldsOf(JSON.stringify({ tickets }), { preset: "zendesk-json", format: "json" });
    expect(bare).toEqual(["id", "createdAt", "status", "channel", "assignee"]);
  });

  it("JSON: a path through a null is not provided (Zendesk writes satisfaction_rating: null when surveys are off)", async () => {
    // https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/ (satisfaction_rating)
    const base = { created_at: "2026-10-01T09:00:00Z", status: "solved" };
    const off = [{ id: 1, ...base, satisfaction_rating: null }];
    expect((await fieldsOf(JSON.stringify(off), { preset: "zendesk-json", format: "json" }))[0]).not.toContain("satisfaction");
    const unanswered = [...off, { id: 2, ...base, satisfaction_rating: { score: null } }];
    expect(await fieldsOf(JSON.stringify(unanswered), { preset: "zendesk-json", format: "json" })).toEqual([
      ["id", "createdAt", "status", "satisfaction"],
      ["satisfaction"],
    ]);
  });
});

describe("vendor presets", () => {
  it("what excludes a record (Gorgias trashed_datetime, Help Scout state) is no model field: never listed", async () => {
    for (const [preset, name] of [
      ["gorgias-json", "gorgias-json/tickets.json"],
      ["helpscout-json", "helpscout-json/conversations.json"],
    ] as const) {
      const result = await readTickets(openFile(repo(`test/fixtures/exports/${name}`)), { preset });
      for await (const _ of result.records);
      expect(result.input.fields.length).toBeGreaterThan(3);
      expect(result.input.fields.filter((f) => f.startsWith("excluded"))).toEqual([]);
      expect(new Set(result.input.fields).size).toBe(result.input.fields.length);
    }
  });
});

describe("a CSV without an assignee column (nor satisfaction, nor reopens)", () => {
  it("JSON: the absent list names each figure and the column it lacks; the fields are listed", async () => {
    const r = await cli(report(NO_ASSIGNEE, "--format", "json", "--by", "assignee"));
    expect(r.code).toBe(0);
    const doc = json(r);
    expect(doc.input.tickets.fields).not.toContain("assignee");
    expect(doc.input.tickets.blankFields).toEqual([]);
    expect(metricsOf(doc)).toEqual([
      "csat",
      "ratings",
      "unassigned",
      "reopens",
      "assignment",
      "requesterWait",
      "agentWork",
      "agentWait",
      "onHold",
      "leaderboard",
      "contacts",
      "segments.assignee",
    ]);
    expect(doc.absent[2]).toEqual({
      metric: "unassigned",
      label: "Unassigned",
      fields: ["assignee"],
      files: [],
      message: "no assignee column in this export",
    });
    expect(doc.absent[0].message).toBe("no satisfaction column in this export, and no --responses file");
    expect(doc.absent[3].message).toBe("no reopens column in this export");
  });

  it("table and markdown: a note in place of the unassigned count, the leaderboard and the assignee segments", async () => {
    for (const format of ["table", "markdown"]) {
      const r = await cli(report(NO_ASSIGNEE, "--format", format, "--by", "assignee"));
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("Not in this export");
      expect(r.stdout).toContain("Unassigned: no assignee column in this export.");
      expect(r.stdout).toContain("Agents: no assignee column in this export.");
      expect(r.stdout).toContain("By assignee: no assignee column in this export.");
      expect(r.stdout).toContain("Reopens: no reopens column in this export.");
      expect(r.stdout).toContain("CSAT: no satisfaction column in this export, and no --responses file.");
      // The status table has no "unassigned" row: 2 of 3 (67 %) would be a figure of nothing.
      expect(r.stdout).not.toMatch(/unassigned \(unsolved\)/);
    }
  });

  it("csv: --table absent lists them; --table segments leaves out the assignee segmentation", async () => {
    const absent = await cli(report(NO_ASSIGNEE, "--format", "csv", "--table", "absent"));
    expect(absent.stdout.split("\n")).toContain("unassigned,Unassigned,assignee,,no assignee column in this export");
    expect(absent.stdout.split("\n")[0]).toBe("metric,label,fields,files,message");
    const segments = await cli(report(NO_ASSIGNEE, "--format", "csv", "--by", "assignee,channel"));
    expect(segments.stdout).not.toMatch(/^assignee,/m);
    expect(segments.stdout).toMatch(/^channel,email,/m);
  });

  it("stderr counts the figures not in this export", async () => {
    const r = await cli(["report", NO_ASSIGNEE, "--as-of", "2026-10-03T00:00:00Z", "--format", "json"]);
    expect(r.stderr).toContain(
      "11 figures not in this export:\n    CSAT: no satisfaction column, and no --responses file\n    Survey response rate: no satisfaction column\n    Unassigned: no assignee column\n",
    );
  });

  it("a gate on unassigned is ABSENT, exit 2, whatever the count; --allow-missing skips it (exit 0)", async () => {
    for (const text of ["status.unassigned <= 5", "counts.statuses.unassigned <= 5", "frt.median[agent=Ana] <= 4h"]) {
      const by = text.includes("[agent") ? ["--by", "agent"] : [];
      const r = await cli(report(NO_ASSIGNEE, "--format", "json", ...by, "--gate", text, "--gate", "tickets > 1"));
      expect([text, r.code]).toEqual([text, 2]);
      const [g, other] = json(r).gates;
      expect(g).toMatchObject({ status: "absent", actual: null });
      expect(g.message).toContain("is not in this export: no assignee column; FAILS with exit 2");
      expect(other.status).toBe("pass");
      expect(json(r).exitCode).toBe(2);
      expect(r.stderr).toContain("gates: 1 of 2 not in this export (1 passed)");
      const allowed = await cli(report(NO_ASSIGNEE, "--format", "json", ...by, "--gate", text, "--allow-missing"));
      expect(allowed.code).toBe(0);
      expect(json(allowed).gates[0]).toMatchObject({ status: "skipped", actual: null });
      expect(allowed.stderr).toContain("gates: 0 passed, 1 skipped");
    }
  });

  it("read from standard input (held, read once) or given as JSON, the same absent figures and exit 2", async () => {
    const csv = `${[HEADER, ...ROWS].join("\n")}\n`;
    const stdin = await cli(["report", "-", "--format", "json", "-q", "--gate", "status.unassigned <= 5"], { stdin: csv });
    expect([stdin.code, json(stdin).gates[0].status]).toEqual([2, "absent"]);
    expect(metricsOf(json(stdin))).toContain("unassigned");
    // The generic layout as JSON records (docs/guide/cli.md, "generic": JSON records use the same keys).
    const records = ROWS.map((row) => Object.fromEntries(HEADER.split(",").map((key, i) => [key, row.split(",")[i] || null])));
    const path = file("no-assignee.json", [JSON.stringify(records)]);
    const fromJson = await cli(report(path, "--format", "json", "--gate", "status.unassigned <= 5"));
    expect([fromJson.code, json(fromJson).absent.find((a: AbsentInput) => a.metric === "unassigned")?.message]).toEqual([
      2,
      "no assignee field in this export",
    ]);
  });

  it("a failing gate beside an absent one: exit 2, both counted", async () => {
    const r = await cli(report(NO_ASSIGNEE, "--format", "json", "--gate", "status.unassigned <= 5", "--gate", "tickets > 100"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("gates: 1 of 2 not in this export, 1 failed");
  });

  it("table: the gate shows ABSENT and 'not in this export'; stderr says why the exit is 2", async () => {
    const r = await cli(report(NO_ASSIGNEE, "--format", "table", "--gate", "status.unassigned <= 5"));
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/ABSENT\s+status\.unassigned <= 5\s+not in this export/);
    expect(r.stderr).toContain("1 gate on a metric not in this export; failing (exit 2");
  });

  it("reopens: the reopen rate and its gates say so (reopen.rate, reopens.mean)", async () => {
    const r = await cli(report(NO_ASSIGNEE, "--format", "json", "--gate", "reopen.rate <= 10%", "--gate", "reopens.mean <= 1"));
    expect([r.code, json(r).gates.map((g: { status: string }) => g.status)]).toEqual([2, ["absent", "absent"]]);
    const table = await cli(report(NO_ASSIGNEE, "--format", "table"));
    expect(table.stdout).toMatch(/Reopen rate\s+–\s+no reopens column in this export/);
  });

  it("csat: absent without a satisfaction column or --responses; a responses file provides it", async () => {
    const r = await cli(report(NO_ASSIGNEE, "--format", "json", "--gate", "csat >= 80%"));
    expect([r.code, json(r).gates[0].status]).toEqual([2, "absent"]);
    const withResponses = await cli(report(NO_ASSIGNEE, "--format", "json", "--responses", DATA.responses));
    expect(metricsOf(json(withResponses))).not.toContain("csat");
  });
});

describe("a column present but empty in every row is not absent", () => {
  it("the figures are computed (every unsolved ticket is unassigned) and the empty column is named", async () => {
    const r = await cli(report(EMPTY_ASSIGNEE, "--format", "json", "--gate", "status.unassigned <= 1"));
    const doc = json(r);
    expect(metricsOf(doc)).not.toContain("unassigned");
    expect(doc.input.tickets.blankFields).toEqual(["assignee"]);
    expect(doc.report.counts.statuses.unassigned).toBe(2);
    expect([r.code, doc.gates[0].status]).toEqual([1, "fail"]);
    const table = await cli(report(EMPTY_ASSIGNEE, "--format", "table"));
    expect(table.stdout).toContain("Empty in every ticket row");
    expect(table.stdout).toMatch(/unassigned \(unsolved\)\s+2/);
  });

  it("with values, 0 would mean every unsolved ticket is assigned: here 1 of 2 is not", async () => {
    const r = await cli(report(WITH_ASSIGNEE, "--format", "json", "--gate", "status.unassigned <= 1"));
    expect([r.code, json(r).report.counts.statuses.unassigned, json(r).input.tickets.blankFields]).toEqual([0, 1, []]);
  });
});

describe("real exports", () => {
  it(
    "a Zendesk API tickets page without metric_sets: no first response or resolution time in it, said so; assignees are there",
    needsRealData("exports/zendesk-api-tickets-page.json"),
    async () => {
      const r = await cli([
        "report",
        realDataPath("exports/zendesk-api-tickets-page.json"),
        "--preset",
        "zendesk-json",
        "--format",
        "json",
        "-q",
        "--gate",
        "frt.median <= 4h",
      ]);
      const doc = json(r);
      expect(doc.input.tickets.fields).toContain("assignee");
      expect(metricsOf(doc)).toEqual(expect.arrayContaining(["csat", "firstResponse", "resolutionFinal"]));
      expect(metricsOf(doc)).not.toContain("unassigned");
      expect([r.code, doc.gates[0].status]).toEqual([2, "absent"]);
      const table = await cli([
        "report",
        realDataPath("exports/zendesk-api-tickets-page.json"),
        "--preset",
        "zendesk-json",
        "--format",
        "table",
        "-q",
      ]);
      expect(table.stdout).toMatch(/One-touch resolution\s+–\s+no reply count in this export \(no replies field, no --messages file\)/);
      expect(table.stdout).toMatch(/Not in this export \(no row above\): First response: no first-response time in this export/);
    },
  );
});

describe("the table from figures to fields", () => {
  it("the demo export with its messages lacks only the figures of a status history (requester wait, time in status)", async () => {
    const r = await cli([...FULL, "--format", "json", "-q"]);
    expect(metricsOf(json(r))).toEqual(["requesterWait", "agentWork", "agentWait", "onHold"]);
  });

  it("SLA: each policy target needs its input; all of them absent makes the whole SLA absent", () => {
    const run = { json: false, files: [], dimensions: [] } as const;
    const some = absentInputs({ ...run, fields: ["id", "createdAt", "status", "solvedAt"], slaMetrics: ["firstResponse", "resolution"] });
    expect(metricsOf({ absent: some })).toEqual(expect.arrayContaining(["sla.firstResponse"]));
    expect(metricsOf({ absent: some })).not.toContain("sla");
    const none = absentInputs({ ...run, fields: ["id", "createdAt", "status"], slaMetrics: ["firstResponse", "resolution"] });
    expect(metricsOf({ absent: none })).toEqual(expect.arrayContaining(["sla.firstResponse", "sla.resolution", "sla"]));
    expect(absentForPath(none, ["report", "sla", "compliance"])?.metric).toBe("sla");
    expect(absentForPath(none, ["report", "sla", "byMetric", "resolution", "breached"])?.metric).toBe("sla.resolution");
  });

  it("JSON inputs lack fields, not columns; the helpdesk's calendar first-reply time provides the first response", () => {
    const base = { json: true, files: [], slaMetrics: [], dimensions: [] } as const;
    const bare = absentInputs({ ...base, fields: ["id", "createdAt", "status", "assignee"] });
    expect(bare.find((a) => a.metric === "firstResponse")?.message).toBe(
      "no first-response time in this export (no first-reply field, no helpdesk first-reply time, no --messages file)",
    );
    // The helpdesk's business-hours time alone gives no first response (the calendar value stands in for timestamps).
    const business = absentInputs({ ...base, fields: ["id", "createdAt", "status", "helpdesk.firstReplyBusiness"] });
    expect(metricsOf({ absent: business })).toContain("firstResponse");
    const timed = absentInputs({ ...base, fields: ["id", "createdAt", "status", "helpdesk.firstReply"] });
    expect(metricsOf({ absent: timed })).not.toContain("firstResponse");
  });

  it("reopen gates (reopen.rate, reopens.mean) read a path with 'reopen': absent without the column", () => {
    const absent = absentInputs({ fields: ["id", "createdAt", "status"], json: false, files: [], slaMetrics: [], dimensions: [] });
    expect(absentForPath(absent, ["report", "counts", "reopens", "rate"])?.metric).toBe("reopens");
    expect(absentForPath(absent, ["report", "tickets"])).toBeUndefined();
    expect(absentForPath(absent, ["input", "tickets", "rejected"])).toBeUndefined();
  });

  it("every entry's paths match the report's shape, and its gates come from the alias table", () => {
    const paths = numberPaths(REPORT_SHAPE as Shape);
    for (const need of INPUT_NEEDS.filter((n) => n.metric !== "reopens")) {
      expect([need.metric, paths.some((p) => need.paths.some((re) => re.test(p)))]).toEqual([need.metric, true]);
    }
    expect(gateNamesOf(INPUT_NEEDS.find((n) => n.metric === "unassigned") as (typeof INPUT_NEEDS)[number])).toEqual(["status.unassigned"]);
    expect(gateNamesOf(INPUT_NEEDS.find((n) => n.metric === "firstResponse") as (typeof INPUT_NEEDS)[number])).toEqual(
      expect.arrayContaining(["frt.median", "frt.p90", "frt.business.median"]),
    );
  });
});
