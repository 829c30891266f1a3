// Issue 12, item 5 through the command: a unit for duration columns (--map firstReply=COL:h),
// --date-format, fields from two columns, and JSON syntax errors with a line and a column (the
// Intercom "List all conversations" example with one comma removed:
// https://developers.intercom.com/docs/references/rest-api/api.intercom.io/conversations/listconversations,
// see test/fixtures/io/json-syntax/README.md).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, json, repo, tempDir } from "./_run.ts";

function file(name: string, content: string): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

/** Five solved tickets whose first reply took 30, 90, 450, 45 and 1440 minutes, written in `values`. */
function durations(header: string, values: readonly string[]): string {
  const rows = values.map((v, i) => `${String(i + 1)},2026-01-0${String(i + 1)}T09:00:00Z,solved,2026-01-0${String(i + 1)}T12:00:00Z,${v}`);
  return `id,created_at,status,solved_at,"${header}"\n${rows.join("\n")}\n`;
}

/** The report of a run without the parts that name the file. */
function report(stdout: string): unknown {
  const doc = JSON.parse(stdout) as { input: { tickets: { path?: string } } };
  delete doc.input.tickets.path;
  return doc;
}

describe("duration units (--map FIELD=COLUMN:UNIT)", () => {
  it("known answer: the same durations as minutes, hours and h:mm:ss give the same report", async () => {
    const runs = await Promise.all([
      cli(["report", file("min.csv", durations("FRT", ["30", "90", "450", "45", "1440"])), "--map", "firstReply=FRT:min"]),
      cli(["report", file("h.csv", durations("FRT", ["0.5", "1.5", "7.5", "0.75", "24"])), "--map", "firstReply=FRT:h"]),
      cli([
        "report",
        file("hms.csv", durations("FRT", ["0:30:00", "1:30:00", "7:30:00", "0:45:00", "24:00:00"])),
        "--map",
        "firstReply=FRT:h:mm:ss",
      ]),
      // The unit from the column's name.
      cli([
        "report",
        file("named.csv", durations("Response Time (hours)", ["0.5", "1.5", "7.5", "0.75", "24"])),
        "--map",
        "firstReply=Response Time (hours)",
      ]),
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const [minutes, ...others] = runs.map((r) => report(r.stdout));
    expect((minutes as { input: { tickets: { precomputed: number; used: number } } }).input.tickets).toMatchObject({
      used: 5,
      precomputed: 5,
    });
    // The helpdesk-computed first reply times: median 90 min, mean 411 min.
    expect((minutes as { helpdesk: { firstReply: unknown } }).helpdesk.firstReply).toMatchObject({
      count: 5,
      median: 90 * 60_000,
      mean: 411 * 60_000,
      max: 1440 * 60_000,
    });
    for (const other of others) expect(other).toEqual(minutes);
  });

  it("a column that states no unit, mapped without one, is an option error (exit 2) that says how to write it", async () => {
    const r = await cli(["report", file("t.csv", durations("FRT", ["30"])), "--map", "firstReply=FRT"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'the column "FRT" of firstReply does not state its unit; write firstReply=FRT:UNIT with UNIT one of ms, s, min, h, d, h:mm:ss',
    );
  });
});

describe("--date-format", () => {
  const text =
    "id,created_at,status\n1,31/10/2017 22:10,open\n2,01/11/2017 09:30,open\n3,2017-11-02T10:00:00Z,open\n4,11/02/2017 25:00,open\n";

  it("reads the layout in --timezone; a value that does not match is a rejected row naming the layout", async () => {
    const r = await cli([
      "report",
      file("t.csv", text),
      "--date-format",
      "dd/MM/yyyy HH:mm",
      "--timezone",
      "Europe/Bucharest",
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const input = json(r).input.tickets;
    expect(input).toMatchObject({ read: 4, used: 3, rejected: 1 });
    expect(input.rejects).toEqual([
      {
        record: 4,
        line: 5,
        column: "created_at",
        value: "11/02/2017 25:00",
        reason: 'must match the date format "dd/MM/yyyy HH:mm" (or be ISO 8601)',
      },
    ]);
  });

  it("an invalid layout is a usage error before anything is read", async () => {
    const r = await cli(["report", "no-such-file.csv", "--date-format", "YYYY-MM-dd"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--date-format must be a date layout in date-fns parse tokens, such as "dd/MM/yyyy HH:mm"');
    expect(r.stderr).toContain("uses YYYY (the week-numbering year); write yyyy for the calendar year");
    expect(r.stderr).not.toContain("no such file");
  });
});

describe("two columns (--map createdAt=Date+Time, id=Mailbox+Number)", () => {
  it("joins them, and names both columns in a reject", async () => {
    const text = "Mailbox,Number,Date,Time,Status\nsupport,1,2026-01-05,09:00,open\nbilling,1,2026-01-05,,open\n";
    const r = await cli([
      "report",
      file("t.csv", text),
      "--timezone",
      "UTC",
      "--map",
      "id=Mailbox+Number",
      "--map",
      "createdAt=Date+Time",
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const input = json(r).input.tickets;
    expect(input).toMatchObject({ read: 2, used: 1, rejected: 1 });
    expect(input.rejects[0]).toMatchObject({
      column: "Date+Time",
      reason: 'must have a value in both "Date" and "Time" ("Time" is blank)',
    });
  });
});

describe("JSON syntax errors name a line and a column", () => {
  it("the Intercom example without one comma", async () => {
    const r = await cli([
      "report",
      repo("test/fixtures/io/json-syntax/intercom-list-conversations-missing-comma.json"),
      "--preset",
      "intercom-json",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON \([^)]* at line 13, column 13\)/);
    expect(r.stderr).not.toContain("position");
  });
});
