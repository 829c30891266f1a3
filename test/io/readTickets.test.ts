// readTickets through the generic preset: the demo data (examples/data, written by the
// project), the real Kaggle "Customer Support Ticket Dataset" (CX_REAL_DATA), the
// column and status maps, the messages join, the accounting, and every error code.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { MetricRangeError } from "../../src/_lib/errors.ts";
import { InputFormatError, readTickets, type TicketReadResult } from "../../src/io/index.ts";
import type { Ticket } from "../../src/models/index.ts";
import { needsRealData, realDataPath } from "../_support/realData.ts";
import { openFile, writeRejectsCsv } from "../../src/io/node/index.ts";

const example = (file: string): string => new URL(`../../examples/data/${file}`, import.meta.url).pathname;
const text = (s: string): Readable => Readable.from([Buffer.from(s)]);

async function collect(result: TicketReadResult): Promise<Ticket[]> {
  const out: Ticket[] = [];
  for await (const ticket of result.records) out.push(ticket);
  return out;
}

describe("examples/data/tickets.csv through the generic preset", () => {
  it("uses or rejects every record; the two deliberately bad rows are rejected with the right column and reason", async () => {
    const result = await readTickets(openFile(example("tickets.csv")));
    const tickets = await collect(result);
    const lines = readFileSync(example("tickets.csv"), "utf8").trimEnd().split("\n").length;
    expect(result.stats.read).toBe(lines - 1);
    expect(result.stats.read).toBe(result.stats.used + result.stats.rejected);
    expect(tickets).toHaveLength(result.stats.used);
    expect(result.stats.rejected).toBe(2);
    const badDate = result.rejects.filter((r) => r.record === result.stats.read - 1);
    const noId = result.rejects.filter((r) => r.record === result.stats.read);
    expect(badDate).toContainEqual({
      record: result.stats.read - 1,
      line: lines - 1,
      column: "created_at",
      value: "2026-11-18T25:61:00+02:00",
      reason: "must have an hour from 00 to 23",
    });
    expect(noId).toContainEqual({ record: result.stats.read, line: lines, column: "id", value: "", reason: "is required" });
    // Each bad row has exactly one problem: no other reject is reported against it.
    expect(badDate).toHaveLength(1);
    expect(noId).toHaveLength(1);
  });

  it("builds tickets with only the fields present (no undefined values) and keeps the raw status", async () => {
    const tickets = await collect(await readTickets(openFile(example("tickets.csv"))));
    for (const ticket of tickets) {
      for (const value of Object.values(ticket)) expect(value).not.toBeUndefined();
      expect(ticket.rawStatus).toBeDefined();
    }
    expect(tickets[0]).toMatchObject({ id: "1000", status: "closed", rawStatus: "Closed", createdAt: new Date("2026-10-01T08:42:34Z") });
    expect(tickets[0]).not.toHaveProperty("satisfaction");
    expect(tickets[1]?.satisfaction).toBe("good");
  });

  it("attaches the messages file by ticket id, in time order, and accounts for it", async () => {
    const result = await readTickets(openFile(example("tickets.csv")), { messages: openFile(example("messages.csv")) });
    const tickets = await collect(result);
    const join = result.messages;
    expect(join).toBeDefined();
    expect(join?.stats.read).toBe(join?.stats.used);
    const attached = tickets.reduce((n, t) => n + (t.messages?.length ?? 0), 0);
    expect(join?.attached).toBe(attached);
    expect((join?.attached ?? 0) + (join?.unmatched ?? 0)).toBe(join?.stats.used);
    expect(tickets[0]?.messages?.map((m) => [m.author, m.public])).toEqual([
      ["customer", true],
      ["agent", true],
    ]);
    for (const ticket of tickets) {
      const times = (ticket.messages ?? []).map((m) => m.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });
});

describe(
  "customer_support_tickets.csv (Kaggle, synthetic) through generic with a column map",
  needsRealData("real/customer_support_tickets.csv"),
  () => {
    it("reads 8,469 records; read = used + rejected with the exact counts", async () => {
      const result = await readTickets(openFile(realDataPath("real/customer_support_tickets.csv")), {
        timeZone: "UTC",
        map: [
          "id=Ticket ID",
          "createdAt=Date of Purchase",
          "status=Ticket Status",
          "channel=Ticket Channel",
          "type=Ticket Type",
          "priority=Ticket Priority",
          "firstResponseAt=First Response Time",
          "solvedAt=Time to Resolution",
          "satisfaction=Customer Satisfaction Rating",
        ],
        statusMap: ["Pending Customer Response=pending", "Open=open", "Closed=closed"],
      });
      const tickets = await collect(result);
      expect(result.stats).toEqual({
        read: 8469,
        used: 8469,
        rejected: 0,
        excluded: 0,
        excludedBy: {},
        blankLines: 0,
        invalidUtf8: 0,
        invalidUtf8ByColumn: {},
      });
      expect(result.rejects).toEqual([]);
      const byStatus = new Map<string, number>();
      for (const t of tickets)
        byStatus.set(`${t.status}/${t.rawStatus ?? ""}`, (byStatus.get(`${t.status}/${t.rawStatus ?? ""}`) ?? 0) + 1);
      // Counts from the data's real/README.md.
      expect(Object.fromEntries(byStatus)).toEqual({
        "pending/Pending Customer Response": 2881,
        "open/Open": 2819,
        "closed/Closed": 2769,
      });
      expect(tickets.filter((t) => t.firstResponseAt !== undefined)).toHaveLength(5650);
      expect(tickets.filter((t) => t.solvedAt !== undefined)).toHaveLength(2769);
      expect(tickets.filter((t) => t.satisfaction !== undefined)).toHaveLength(2769);
      // Contradicting timestamps are kept, as the models keep them (the metrics flag them).
      const solvedBeforeReply = tickets.filter(
        (t) => t.solvedAt !== undefined && t.firstResponseAt !== undefined && t.solvedAt < t.firstResponseAt,
      );
      expect(solvedBeforeReply).toHaveLength(1365);
    });

    it("a custom status map decides the category; rawStatus keeps the export's name", async () => {
      const result = await readTickets(openFile(realDataPath("real/customer_support_tickets.csv")), {
        timeZone: "UTC",
        map: { id: "Ticket ID", created_at: "Date of Purchase", status: "Ticket Status" },
        statusMap: { "Pending Customer Response": "on_hold" },
      });
      const tickets = await collect(result);
      expect(tickets.filter((t) => t.status === "on_hold")).toHaveLength(2881);
      expect(result.stats.read).toBe(8469);
    });
  },
);

describe("accounting details", () => {
  it("rejects a repeated id, naming the first record that has it", async () => {
    const result = await readTickets(
      text("id,created_at,status\n1,2026-01-01T00:00:00Z,open\n1,2026-01-02T00:00:00Z,open\n2,2026-01-03T00:00:00Z,open\n"),
    );
    expect((await collect(result)).map((t) => t.id)).toEqual(["1", "2"]);
    expect(result.rejects).toEqual([{ record: 2, line: 3, column: "id", value: "1", reason: "must be unique; record 1 has the same id" }]);
  });

  it("keeps all issues of a rejected record", async () => {
    const result = await readTickets(text("id,created_at,status,reopens\n,yesterday,Escalated,-2\n"));
    await collect(result);
    expect(result.stats).toEqual({
      read: 1,
      used: 0,
      rejected: 1,
      excluded: 0,
      excludedBy: {},
      blankLines: 0,
      invalidUtf8: 0,
      invalidUtf8ByColumn: {},
    });
    expect(result.rejects.map((r) => r.column)).toEqual(["id", "created_at", "status", "reopens"]);
  });

  it("__proto__ and constructor columns do not pollute anything", async () => {
    const result = await readTickets(openFile(new URL("../fixtures/io/proto-header.csv", import.meta.url).pathname));
    const tickets = await collect(result);
    expect(tickets).toEqual([{ id: "1", createdAt: new Date("2026-01-05T10:00:00Z"), status: "open", rawStatus: "open" }]);
    expect(Object.getPrototypeOf(tickets[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("writeRejectsCsv writes one row per issue, quoting as RFC 4180 requires", async () => {
    const result = await readTickets(text('id,created_at,status\n"a,b",bad "date",open\n'));
    await collect(result);
    const path = join(mkdtempSync(join(tmpdir(), "cx-io-")), "rejects.csv");
    await writeRejectsCsv(result.rejects, path);
    expect(readFileSync(path, "utf8")).toBe(
      'record,line,column,value,reason\n1,2,created_at,"bad ""date""","must be an ISO 8601 timestamp (YYYY-MM-DDTHH:MM[:SS[.fff]] with Z or ±HH:MM), epoch milliseconds or a Date"\n',
    );
  });
});

describe("errors", () => {
  it("E_INPUT_COLUMNS: a file that is not what the preset expects throws at once, listing found and expected columns", async () => {
    const attempt = readTickets(openFile(example("tickets.csv")), { preset: "zendesk-csv" });
    await expect(attempt).rejects.toBeInstanceOf(InputFormatError);
    const error = (await attempt.catch((e: unknown) => e)) as InputFormatError;
    expect(error.code).toBe("E_INPUT_COLUMNS");
    expect(error.preset).toBe("zendesk-csv");
    // Headers match case-insensitively: "id" stands for "Id", "status" for "Status".
    expect(error.missing).toEqual(["Created at"]);
    expect(error.expected).toEqual(["Id", "Created at", "Status"]);
    expect(error.found).toContain("created_at");
    expect(error.message).toBe(
      `readTickets: the input does not fit the zendesk-csv preset: missing "Created at"; expected "Id", "Created at", "Status"; found ${error.found.map((c) => JSON.stringify(c)).join(", ")}`,
    );
  });

  it("E_INPUT_COLUMNS: a mapped column that is not in the file", async () => {
    await expect(readTickets(openFile(example("tickets.csv")), { map: ["assignee=Agent Name"] })).rejects.toMatchObject({
      code: "E_INPUT_COLUMNS",
      missing: ["Agent Name"],
    });
  });

  it("E_INPUT_COLUMNS: a JSON input whose first record lacks the preset's keys", async () => {
    await expect(readTickets(text('[{"ticket":1}]'), { preset: "zendesk-json", format: "json" })).rejects.toMatchObject({
      code: "E_INPUT_COLUMNS",
      found: ["ticket"],
      missing: ["id", "created_at", "status"],
    });
  });

  it("E_INPUT_SYNTAX: JSON that is neither an array nor an object", async () => {
    await expect(readTickets(text("42"), { format: "json" })).rejects.toMatchObject({ code: "E_INPUT_SYNTAX" });
    await expect(readTickets(text('{"tickets": ['), { format: "json" })).rejects.toMatchObject({ code: "E_INPUT_SYNTAX" });
  });

  it.each([
    ["E_PRESET", { preset: "helpscout" as never }],
    ["E_TIME_ZONE", { timeZone: "Mars/Olympus" }],
    ["E_MAP_ENTRY", { map: ["createdAt"] }],
    ["E_MAP_FIELD", { map: { openedOn: "Opened On" } }],
    ["E_MAP_FIELD", { map: ["id="] }],
    ["E_STATUS_MAP", { statusMap: { Escalated: "urgent" as never } }],
    ["E_STATUS_MAP", { statusMap: ["Escalated"] }],
  ])("%s for a bad option", async (code, options) => {
    const attempt = readTickets(openFile(example("tickets.csv")), options);
    await expect(attempt).rejects.toBeInstanceOf(MetricRangeError);
    await expect(attempt).rejects.toMatchObject({ code, message: expect.stringMatching(/^readTickets: /) });
  });

  it("a missing file throws the file system's error at once", async () => {
    await expect(readTickets(openFile("/nonexistent/tickets.csv"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
