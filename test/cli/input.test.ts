// Inputs through the command: presets, bad input, --strict, --rejects, gzip, stdin, unsafe
// header names, and the real Kaggle "Customer Support Ticket Dataset" (suraj520).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { needsRealData } from "../_support/realData.ts";
import { cli, DATA, json, REAL, repo, tempDir } from "./_run.ts";

const ZENDESK_CSV = repo("test/fixtures/io/zendesk-tickets.csv");
const ZENDESK_NDJSON = repo("test/fixtures/io/zendesk-tickets.ndjson");
const FRESHDESK_CSV = repo("test/fixtures/io/freshdesk-tickets.csv");
const CLEAN = repo("test/fixtures/cli/clean.csv");

describe("presets and time zones", () => {
  it("zendesk-csv needs --timezone (naive dates): exit 2 with a clear message", async () => {
    const r = await cli(["report", ZENDESK_CSV, "--preset", "zendesk-csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--timezone is required with --preset zendesk-csv: its dates have no UTC offset");
    const badZone = await cli(["report", ZENDESK_CSV, "--preset", "zendesk-csv", "--timezone", "Mars/Olympus"]);
    expect([badZone.code, badZone.stderr]).toEqual([2, expect.stringContaining("--timezone must be an IANA time zone")]);
  });

  it("zendesk-csv with --timezone reads every row and shows the helpdesk's own durations", async () => {
    const r = await cli(["report", ZENDESK_CSV, "--preset", "zendesk-csv", "--timezone", "Europe/Bucharest", "--format", "json", "-q"]);
    expect(r.code).toBe(0);
    const doc = json(r);
    expect(doc.input.tickets.read).toBe(doc.input.tickets.used + doc.input.tickets.rejected);
    expect(doc.input.tickets.precomputed).toBeGreaterThan(0);
    expect(doc.helpdesk.firstReply.count).toBeGreaterThan(0);
    const table = await cli([
      "report",
      ZENDESK_CSV,
      "--preset",
      "zendesk-csv",
      "--timezone",
      "Europe/Bucharest",
      "--format",
      "table",
      "-q",
    ]);
    expect(table.stdout).toContain("Helpdesk-computed durations");
  });

  it("freshdesk-csv and zendesk-json (NDJSON) read through their presets", async () => {
    const fd = await cli([
      "report",
      FRESHDESK_CSV,
      "--preset",
      "freshdesk-csv",
      "--timezone",
      "Europe/Bucharest",
      "--format",
      "json",
      "-q",
    ]);
    expect(fd.code).toBe(0);
    expect(json(fd).input.tickets.read).toBe(5);
    const zj = await cli(["report", ZENDESK_NDJSON, "--preset", "zendesk-json", "--format", "json", "-q"]);
    expect(zj.code).toBe(0);
    expect(json(zj).input.tickets.format).toBe("ndjson");
  });

  it("naive timestamps in a generic file are rejected, with a --timezone hint", async () => {
    const dir = tempDir();
    const file = join(dir, "naive.csv");
    writeFileSync(file, "id,created_at,status\n1,2026-03-02 09:00:00,open\n2,2026-03-02T10:00:00Z,open\n");
    const r = await cli(["report", file, "--format", "json"]);
    expect(json(r).input.tickets).toMatchObject({ read: 2, used: 1, rejected: 1 });
    expect(r.stderr).toContain("hint: timestamps without a UTC offset need --timezone ZONE");
  });
});

describe("a file that does not fit the preset", () => {
  it("fails at once (exit 2) with the columns found and expected", async () => {
    const r = await cli(["report", DATA.tickets, "--preset", "zendesk-csv", "--timezone", "UTC"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`tickets file ${DATA.tickets} does not fit the zendesk-csv preset: missing column "Created at"`);
    expect(r.stderr).toContain('expected: "Id", "Created at", "Status"');
    expect(r.stderr).toMatch(/found: {4}"id", "created_at", "status", "channel"/);
    expect(r.stderr).toContain("--map field=Column");
  });

  it("a mapped column that is not there fails the same way", async () => {
    const r = await cli(["report", DATA.tickets, "--map", "channel=Medium"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing column "Medium"');
  });

  it("a bad --map or --status-map entry is a usage error", async () => {
    const field = await cli(["report", DATA.tickets, "--map", "colour=channel"]);
    expect([field.code, field.stderr]).toEqual([2, expect.stringContaining("a map field must be one of")]);
    const status = await cli(["report", DATA.tickets, "--status-map", "Escalated=urgent"]);
    expect([status.code, status.stderr]).toEqual([2, expect.stringContaining("a status must map to one of")]);
  });

  it("the responses file is checked too", async () => {
    const r = await cli(["report", DATA.tickets, "--responses", DATA.cohorts]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`responses file ${DATA.cohorts} does not fit the survey responses layout`);
  });
});

describe("rejected rows", () => {
  it("--strict turns rejected rows into exit 2 (the report is still written)", async () => {
    const r = await cli(["report", DATA.tickets, "--strict", "--format", "json"]);
    expect(r.code).toBe(2);
    expect(json(r).exitCode).toBe(2);
    expect(r.stderr).toContain("--strict: 2 rejected rows; failing (exit 2)");
    const clean = await cli(["report", CLEAN, "--strict", "--format", "json"]);
    expect(clean.code).toBe(0);
  });

  it("--strict wins over a failed gate (exit 2, not 1)", async () => {
    const r = await cli(["report", DATA.tickets, "--strict", "--gate", "tickets > 1000", "--format", "json", "-q"]);
    expect(r.code).toBe(2);
  });

  it("--rejects writes every problem of every file as CSV", async () => {
    const dir = tempDir();
    const out = join(dir, "rejects.csv");
    const r = await cli([
      "report",
      DATA.tickets,
      "--responses",
      DATA.responses,
      "--rejects",
      out,
      "--max-rejects",
      "0",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`all are in ${out}`);
    expect(readFileSync(out, "utf8")).toBe(
      "file,kind,record,line,column,value,reason\n" +
        "tickets,rejected,395,396,created_at,2026-11-18T25:61:00+02:00,must have an hour from 00 to 23\n" +
        "tickets,rejected,396,397,id,,is required\n" +
        'responses,rejected,142,143,score,11,"must be within the scale, from scale.min to scale.max"\n',
    );
  });
});

describe("input layouts", () => {
  it("gzip-compressed input gives the same report", async () => {
    const dir = tempDir();
    const gz = join(dir, "tickets.csv.gz");
    writeFileSync(gz, gzipSync(readFileSync(DATA.tickets)));
    const plain = json(await cli(["report", DATA.tickets, "--format", "json", "-q"]));
    const zipped = json(await cli(["report", gz, "--format", "json", "-q"]));
    expect(zipped.input.tickets).toMatchObject({ gzip: true, read: 396, used: 394, rejected: 2 });
    expect(zipped.report).toEqual(plain.report);
  });

  it("standard input (-) gives the same report; gzip and NDJSON too", async () => {
    const plain = json(await cli(["report", DATA.tickets, "--format", "json", "-q"]));
    const piped = await cli(["report", "-", "--format", "json", "-q"], { stdin: readFileSync(DATA.tickets) });
    expect(piped.code).toBe(0);
    expect(json(piped).input.tickets).toMatchObject({ path: "-", read: 396, used: 394 });
    expect(json(piped).report).toEqual(plain.report);
    const zipped = await cli(["report", "-", "--format", "json", "-q"], { stdin: gzipSync(readFileSync(DATA.tickets)) });
    expect(json(zipped).report).toEqual(plain.report);
    const ndjson = await cli(["report", "-", "--preset", "zendesk-json", "--input-format", "ndjson", "--format", "json", "-q"], {
      stdin: readFileSync(ZENDESK_NDJSON),
    });
    expect(json(ndjson).input.tickets.format).toBe("ndjson");
  });

  it("two inputs cannot both read standard input", async () => {
    const r = await cli(["report", "-", "--responses", "-"], { stdin: "" });
    expect([r.code, r.stderr]).toEqual([2, expect.stringContaining("only one input can be read from standard input")]);
  });

  it("__proto__ and constructor headers are ordinary columns (no prototype pollution)", async () => {
    const r = await cli([
      "report",
      repo("test/fixtures/cli/proto.csv"),
      "--map",
      "channel=__proto__",
      "--map",
      "type=constructor",
      "--by",
      "channel",
      "--format",
      "json",
      "-q",
    ]);
    expect(r.code).toBe(0);
    const doc = json(r);
    expect(doc.input.tickets).toMatchObject({ read: 2, used: 2, rejected: 0 });
    expect(doc.report.segments[0].segments.map((s: { key: string[] }) => s.key[0]).sort()).toEqual(["email", "polluted"]);
    expect(doc.report.types.shares[0]).toMatchObject({ type: "ctor", count: 2 });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("email");
  });
});

describe(
  "real data: Kaggle Customer Support Ticket Dataset (suraj520), CX_REAL_DATA",
  needsRealData("real/customer_support_tickets.csv"),
  () => {
    const MAP = [
      "--map",
      "id=Ticket ID",
      "--map",
      "createdAt=Date of Purchase",
      "--map",
      "status=Ticket Status",
      "--map",
      "channel=Ticket Channel",
      "--map",
      "type=Ticket Type",
      "--map",
      "priority=Ticket Priority",
      "--map",
      "firstResponseAt=First Response Time",
      "--map",
      "solvedAt=Time to Resolution",
      "--map",
      "satisfaction=Customer Satisfaction Rating",
    ];

    it("reads 8,469 rows through --map; every row is used or rejected; the 1,365 solved-before-first-response tickets are reported", async () => {
      const dir = tempDir();
      const rejects = join(dir, "rejects.csv");
      const r = await cli([
        "report",
        REAL,
        "--preset",
        "generic",
        "--timezone",
        "UTC",
        ...MAP,
        "--by",
        "channel",
        "--rejects",
        rejects,
        "--format",
        "json",
      ]);
      expect(r.code).toBe(0);
      const doc = json(r);
      const t = doc.input.tickets;
      expect(t.read).toBe(8469);
      expect(t.used + t.rejected).toBe(8469);
      expect(doc.report.input.tickets).toBe(t.used);
      expect(doc.report.counts.statuses).toMatchObject({ open: 2819, pending: 2881, closed: 2769, total: 8469 });
      expect(t.warnings).toEqual([expect.objectContaining({ reason: "solvedBeforeFirstResponse", count: 1365 })]);
      expect(r.stderr).toContain(`rows read 8469, used ${String(t.used)}, rejected ${String(t.rejected)}`);
      expect(r.stderr).toContain("warning: 1365 tickets solved before the first response");
      const lines = readFileSync(rejects, "utf8").trimEnd().split("\n");
      expect(lines.filter((l) => l.startsWith("tickets,warning,"))).toHaveLength(1365);
    });

    it("without --timezone its date-only and naive timestamps are rejected, each with its reason: no row used is exit 2", async () => {
      const r = await cli(["report", REAL, ...MAP, "--format", "json", "--max-rejects", "2"]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("rows read 8469, used 0, rejected 8469");
      expect(r.stderr).toMatch(/ 8469 × column "Date of Purchase": .*\(e\.g\. record 1, line 2, value "2021-03-22"\)/);
      expect(r.stderr).toContain("and --timezone for dates without a UTC offset");
    });
  },
);
