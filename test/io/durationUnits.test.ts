// A unit for any duration column: `--map firstReply=COL:h` (ms, s, min, h, d, h:mm:ss), or the unit
// the column's own name states ("Response Time (hours)", "in minutes", "(seconds)"); a column that
// states none is refused, never read as minutes by guess. Known answer (issue 12): the same
// durations written as minutes, hours and h:mm:ss give the same durations and the same summary.
// Column names as helpdesks write them: Zendesk's ticket CSV export
// (https://support.zendesk.com/hc/en-us/articles/4408886165402, "First reply time in minutes") and
// the Freshdesk ticket export (real-data file exports/freshdesk-tickets.csv: "First response time (in hrs)", H:MM:SS).
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readTickets, type TicketReadResult } from "../../src/io/index.ts";
import { splitUnit, unitInLabel } from "../../src/io/_units.ts";
import { summarizeDurations } from "../../src/metrics/time/index.ts";
import type { Ticket } from "../../src/models/index.ts";
import { MetricRangeError } from "../../src/_lib/errors.ts";

const MINUTE = 60_000;

async function collect(result: TicketReadResult): Promise<Ticket[]> {
  const out: Ticket[] = [];
  for await (const ticket of result.records) out.push(ticket);
  return out;
}

/** A generic-preset CSV with one duration column `header` holding `values`. */
function csv(header: string, values: readonly string[]): Readable {
  const quoted = header.includes(",") ? `"${header}"` : header;
  const rows = values.map((v, i) => `${String(i + 1)},2026-01-0${String(i + 1)}T09:00:00Z,solved,${v}`);
  return Readable.from([`id,created_at,status,${quoted}\n${rows.join("\n")}\n`]);
}

async function firstReplies(header: string, values: readonly string[], map: string): Promise<(number | undefined)[]> {
  const result = await readTickets(csv(header, values), { format: "csv", map: [map] });
  const tickets = await collect(result);
  expect(result.rejects).toEqual([]);
  return tickets.map((t) => t.helpdesk?.firstReply);
}

describe("the unit suffix of a map column", () => {
  it.each([
    ["COL:h", { column: "COL", unit: "h" }],
    ["COL:hours", { column: "COL", unit: "h" }],
    ["COL : min", { column: "COL", unit: "min" }],
    ["COL:s", { column: "COL", unit: "s" }],
    ["COL:ms", { column: "COL", unit: "ms" }],
    ["COL:d", { column: "COL", unit: "d" }],
    ["COL:h:mm:ss", { column: "COL", unit: "h:mm:ss" }],
    ["COL:HH:MM:SS", { column: "COL", unit: "h:mm:ss" }],
    ["Time: first reply", { column: "Time: first reply" }],
    ["Ticket:Id", { column: "Ticket:Id" }],
    ["Time:h:min", { column: "Time:h", unit: "min" }],
    ["h", { column: "h" }],
  ])("%j → %j", (text, expected) => {
    expect(splitUnit(text)).toEqual(expected);
  });
});

describe("the unit a column's name states", () => {
  it.each([
    ["Response Time (hours)", "h"],
    ["First response time (in hrs)", "h"],
    ["First reply time in minutes", "min"],
    ["First reply time in minutes within business hours", "min"],
    ["Handle time (seconds)", "s"],
    ["Wait (s)", "s"],
    ["metric_set.reply_time_in_minutes.calendar", "min"],
    ["Time to close (days)", "d"],
    ["Talk time (hh:mm:ss)", "h:mm:ss"],
    ["Latency (ms)", "ms"],
    ["First response", undefined],
    ["Hours of work", undefined],
    ["Minutes", undefined],
  ])("%j → %s", (label, unit) => {
    expect(unitInLabel(label)).toBe(unit);
  });
});

describe("mapped duration columns (readTickets)", () => {
  const minutes = ["30", "90", "450", "45", "1440"];
  const hours = ["0.5", "1.5", "7.5", "0.75", "24"];
  const clock = ["0:30:00", "1:30:00", "7:30:00", "0:45:00", "24:00:00"];
  const expected = [30, 90, 450, 45, 1440].map((m) => m * MINUTE);

  it("known answer: minutes, hours and h:mm:ss give the same durations and the same summary", async () => {
    const asMinutes = await firstReplies("FRT", minutes, "firstReply=FRT:min");
    const asHours = await firstReplies("FRT", hours, "firstReply=FRT:h");
    const asClock = await firstReplies("FRT", clock, "firstReply=FRT:h:mm:ss");
    expect(asMinutes).toEqual(expected);
    expect(asHours).toEqual(expected);
    expect(asClock).toEqual(expected);
    const summaries = [asMinutes, asHours, asClock].map((v) => summarizeDurations(v as number[], { percentiles: [0.9] }));
    expect(summaries[1]).toEqual(summaries[0]);
    expect(summaries[2]).toEqual(summaries[0]);
    expect(summaries[0]?.median).toBe(90 * MINUTE);
    expect(summaries[0]?.mean).toBe(411 * MINUTE);
  });

  it("the issue's case: `Response Time (hours)` = 7.5 is 7 h 30 min, from the header or from :h", async () => {
    expect(await firstReplies("Response Time (hours)", ["7.5"], "firstReply=Response Time (hours)")).toEqual([450 * MINUTE]);
    expect(await firstReplies("Response Time (hours)", ["7.5"], "firstReply=Response Time (hours):h")).toEqual([450 * MINUTE]);
    // Freshdesk writes H:MM:SS in its "(in hrs)" columns: read too.
    expect(await firstReplies("First response time (in hrs)", ["7:30:00"], "firstReply=First response time (in hrs)")).toEqual([
      450 * MINUTE,
    ]);
  });

  it("the unit written in the map wins over the header's", async () => {
    expect(await firstReplies("Wait (hours)", ["90"], "firstReply=Wait (hours):min")).toEqual([90 * MINUTE]);
  });

  it("seconds, milliseconds and days", async () => {
    expect(await firstReplies("T", ["90"], "firstReply=T:s")).toEqual([90_000]);
    expect(await firstReplies("T", ["1500"], "firstReply=T:ms")).toEqual([1500]);
    expect(await firstReplies("T", ["1.5"], "firstReply=T:d")).toEqual([36 * 60 * MINUTE]);
  });

  it("a column whose name holds ':' (or ends in a unit) is read with its unit written", async () => {
    expect(await firstReplies("Time: first reply", ["2"], "firstReply=Time: first reply:h")).toEqual([120 * MINUTE]);
    expect(await firstReplies("Time:h", ["2"], "firstReply=Time:h:min")).toEqual([2 * MINUTE]);
    // A field that is not a duration keeps its column whole.
    const result = await readTickets(Readable.from(["Ticket:Id,created_at,status\nA-1,2026-01-01T00:00:00Z,open\n"]), {
      format: "csv",
      map: ["id=Ticket:Id"],
    });
    expect((await collect(result)).map((t) => t.id)).toEqual(["A-1"]);
  });

  it("a column that states no unit, mapped without one, is refused (E_MAP_ENTRY), not read as minutes", async () => {
    const error = await readTickets(csv("FRT", minutes), { format: "csv", map: ["firstReply=FRT"] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetricRangeError);
    expect((error as MetricRangeError).code).toBe("E_MAP_ENTRY");
    expect((error as Error).message).toBe(
      'readTickets: the column "FRT" of firstReply does not state its unit; write firstReply=FRT:UNIT with UNIT one of ms, s, min, h, d, h:mm:ss, got "firstReply=FRT"',
    );
  });

  it("a value that is not in the unit rejects its record, naming the column, the value and the unit", async () => {
    const result = await readTickets(csv("FRT", ["30", "7.5h", "1:30"]), { format: "csv", map: ["firstReply=FRT:min"] });
    await collect(result);
    expect(result.rejects).toEqual([
      { record: 2, line: 3, column: "FRT", value: "7.5h", reason: "must be a non-negative number of minutes" },
      { record: 3, line: 4, column: "FRT", value: "1:30", reason: "must be a non-negative number of minutes" },
    ]);
    const strict = await readTickets(csv("FRT", ["7.5"]), { format: "csv", map: ["firstReply=FRT:h:mm:ss"] });
    await collect(strict);
    expect(strict.rejects.map((r) => r.reason)).toEqual(["must be a duration H:MM:SS or H:MM (hours may exceed 24)"]);
  });

  it("JSON: the unit from the map or from the path (`reply_time_in_minutes`)", async () => {
    const json = JSON.stringify([
      { id: 1, created_at: "2026-01-01T00:00:00Z", status: "solved", stats: { reply_time_in_minutes: 90, reply_hours: 1.5 } },
    ]);
    const fromPath = await readTickets(Readable.from([json]), { format: "json", map: ["firstReply=stats.reply_time_in_minutes"] });
    expect((await collect(fromPath)).map((t) => t.helpdesk?.firstReply)).toEqual([90 * MINUTE]);
    const fromMap = await readTickets(Readable.from([json]), { format: "json", map: ["firstReply=stats.reply_hours:h"] });
    expect((await collect(fromMap)).map((t) => t.helpdesk?.firstReply)).toEqual([90 * MINUTE]);
  });

  it("object maps from code take the same syntax", async () => {
    const result = await readTickets(csv("FRT", hours), { format: "csv", map: { firstReply: "FRT:h" } });
    expect((await collect(result)).map((t) => t.helpdesk?.firstReply)).toEqual(expected);
  });
});
