// JSON and NDJSON reading: the streaming array splitter (strings holding brackets, escaped
// quotes, nested values, chunk boundaries anywhere), positions, and what cannot be read.
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readSurveyResponses, readTickets, type TicketReadResult } from "../../src/io/index.ts";
import type { Ticket } from "../../src/models/index.ts";

function chunked(data: string | Buffer, size = 2): Readable {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

async function collect(result: TicketReadResult): Promise<Ticket[]> {
  const out: Ticket[] = [];
  for await (const ticket of result.records) out.push(ticket);
  return out;
}

const ticket = (id: string, extra = ""): string => `{"id":"${id}","created_at":"2026-01-0${id}T00:00:00Z","status":"open"${extra}}`;

describe("JSON arrays, streamed element by element", () => {
  it("splits elements whose strings hold brackets, commas and escaped quotes", async () => {
    const text = `[\n  ${ticket("1", ',"tags":["a]b","c,}d"]')},\n  ${ticket("2", ',"type":"say \\"hi\\" [x]"')}\n]\n`;
    const result = await readTickets(chunked(text, 1), { format: "json" });
    const tickets = await collect(result);
    expect(tickets.map((t) => [t.id, t.tags, t.type])).toEqual([
      ["1", ["a]b", "c,}d"], undefined],
      ["2", undefined, 'say "hi" [x]'],
    ]);
    expect(result.stats).toEqual({
      read: 2,
      used: 2,
      rejected: 0,
      excluded: 0,
      excludedBy: {},
      blankLines: 0,
      invalidUtf8: 0,
      invalidUtf8ByColumn: {},
    });
  });

  it("gives each element its index (record − 1) and starting line, and rejects what is not an object", async () => {
    const text = `[${ticket("1")},\n42,\n"text",\n${ticket("4")}]`;
    const result = await readTickets(chunked(text, 3), { format: "json" });
    const tickets = await collect(result);
    expect(tickets.map((t) => t.id)).toEqual(["1", "4"]);
    expect(result.rejects).toEqual([
      { record: 2, line: 2, column: "(record)", value: "42", reason: "must be an object" },
      { record: 3, line: 3, column: "(record)", value: "text", reason: "must be an object" },
    ]);
  });

  it("reports a truncated file and text after the array as rejected records", async () => {
    const truncated = await readTickets(chunked(`[${ticket("1")}, {"id":"2","status":"op`), { format: "json" });
    expect((await collect(truncated)).map((t) => t.id)).toEqual(["1"]);
    expect(truncated.rejects).toEqual([
      { record: 2, line: 1, column: "(record)", value: "", reason: "is truncated: the input ends inside this element" },
    ]);
    const trailing = await readTickets(chunked(`[${ticket("1")}]\n]`), { format: "json" });
    await collect(trailing);
    expect(trailing.stats).toEqual({
      read: 2,
      used: 1,
      rejected: 1,
      excluded: 0,
      excludedBy: {},
      blankLines: 0,
      invalidUtf8: 0,
      invalidUtf8ByColumn: {},
    });
    expect(trailing.rejects[0]?.reason).toBe("is unexpected text after the end of the JSON array");
  });

  it("reads a gzip-compressed array from a stream and detects the layout from the first byte", async () => {
    const result = await readTickets(chunked(gzipSync(`  [${ticket("1")},${ticket("2")}]`), 5));
    expect(result.input).toMatchObject({ format: "json", gzip: true, columns: ["id", "created_at", "status"] });
    expect((await collect(result)).map((t) => t.id)).toEqual(["1", "2"]);
  });

  it("an empty array gives no records", async () => {
    const result = await readTickets(chunked("[ ]"), { format: "json" });
    expect(await collect(result)).toEqual([]);
    expect(result.stats).toEqual({
      read: 0,
      used: 0,
      rejected: 0,
      excluded: 0,
      excludedBy: {},
      blankLines: 0,
      invalidUtf8: 0,
      invalidUtf8ByColumn: {},
    });
  });
});

describe("NDJSON", () => {
  it("numbers records by non-blank line and keeps the physical line; CRLF is accepted", async () => {
    const text = `${ticket("1")}\r\n\r\n${ticket("2")}\r\nnot json\r\n${ticket("4")}`;
    const result = await readTickets(chunked(text, 4), { format: "ndjson" });
    expect((await collect(result)).map((t) => t.id)).toEqual(["1", "2", "4"]);
    expect(result.stats).toEqual({
      read: 4,
      used: 3,
      rejected: 1,
      excluded: 0,
      excludedBy: {},
      blankLines: 1,
      invalidUtf8: 0,
      invalidUtf8ByColumn: {},
    });
    expect(result.rejects[0]).toMatchObject({ record: 3, line: 4, column: "(record)" });
  });

  it("sniffs NDJSON when the first line is a whole JSON value", async () => {
    const result = await readSurveyResponses(
      chunked(
        '{"kind":"nps","score":9,"answered_at":"2026-01-01T10:00:00Z"}\n{"kind":"nps","score":3,"answered_at":"2026-01-01T11:00:00Z"}\n',
      ),
    );
    const scores = [];
    for await (const r of result.records) scores.push([r.score, r.scale]);
    expect(result.input.format).toBe("ndjson");
    expect(scores).toEqual([
      [9, { min: 0, max: 10 }],
      [3, { min: 0, max: 10 }],
    ]);
  });
});

describe("JSON records are judged one by one, wherever they stand", () => {
  const good = { id: "1", created_at: "2026-01-01T00:00:00Z", status: "open" };
  it("a first record without the required keys is rejected, not taken as the file's shape", async () => {
    for (const records of [
      [{ foo: 1, id: "2" }, good],
      [good, { foo: 1, id: "2" }],
    ]) {
      const result = await readTickets(Readable.from([JSON.stringify(records)]), { format: "json" });
      for await (const _ of result.records) void _;
      expect(result.stats).toMatchObject({ read: 2, used: 1, rejected: 1 });
    }
  });

  it("a first record with none of the preset's keys still fails at once", async () => {
    await expect(readTickets(Readable.from([JSON.stringify([{ foo: 1 }, good])]), { format: "json" })).rejects.toThrow(/does not fit/);
  });
});
