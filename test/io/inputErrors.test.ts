// Issue 11, "Crashes" and "Silent changes": damaged gzip, UTF-16, empty files and duplicate
// header names are clean input errors (InputFormatError with a code, naming the input), and
// the records read before a damaged stream are handed over and counted.
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { InputFormatError, readTickets, type TicketReadResult } from "../../src/io/index.ts";
import type { Ticket } from "../../src/models/index.ts";

const from = (bytes: Uint8Array | string): Readable => Readable.from([typeof bytes === "string" ? Buffer.from(bytes) : Buffer.from(bytes)]);

async function drain(result: TicketReadResult): Promise<Ticket[]> {
  const out: Ticket[] = [];
  for await (const t of result.records) out.push(t);
  return out;
}

/** The error `promise` rejects with (fails the test when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<InputFormatError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InputFormatError);
    return error as InputFormatError;
  }
  throw new Error("expected a rejection");
}

const rows = (n: number): string =>
  `id,created_at,status\n${Array.from({ length: n }, (_, i) => `${String(i + 1)},2026-01-01T00:00:00Z,open\n`).join("")}`;

describe("gzip that is not a complete stream", () => {
  it("a truncated gzip stream is E_INPUT_GZIP naming the bytes read, after the records before it", async () => {
    const zipped = gzipSync(rows(20_000));
    const cut = zipped.subarray(0, Math.floor(zipped.length / 2));
    const result = await readTickets(from(cut));
    const got: Ticket[] = [];
    const error = await rejection(
      (async () => {
        for await (const t of result.records) got.push(t);
      })(),
    );
    expect(error.code).toBe("E_INPUT_GZIP");
    expect(error.message).toMatch(
      /^readTickets: <stream>: the file is not a complete gzip stream: unexpected end of file after \d+ bytes \(\d+ records read before it\)$/,
    );
    expect(got.length).toBeGreaterThan(0);
    expect(result.stats.read).toBe(result.stats.used + result.stats.rejected);
    expect(result.stats.read).toBe(got.length);
  });

  it("a gzip stream cut inside its header fails when opened", async () => {
    const error = await rejection(readTickets(from(gzipSync(rows(3)).subarray(0, 5))));
    expect(error.code).toBe("E_INPUT_GZIP");
    expect(error.message).toContain("unexpected end of file after 5 bytes");
  });

  it("a corrupted gzip header (magic number kept) is E_INPUT_GZIP", async () => {
    const zipped = Buffer.from(gzipSync(rows(3)));
    zipped[2] = 0x07; // not deflate
    const error = await rejection(readTickets(from(zipped)).then(drain));
    expect(error.code).toBe("E_INPUT_GZIP");
    expect(error.message).toContain("is not a complete gzip stream");
  });
});

describe("encodings and empty files", () => {
  it.each([
    ["a UTF-16 LE byte order mark", Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(rows(2), "utf16le")])],
    ["a UTF-16 BE byte order mark", Buffer.concat([Buffer.of(0xfe, 0xff), Buffer.from(rows(2), "utf16le").swap16()])],
    ["UTF-16 LE without a mark", Buffer.from(rows(2), "utf16le")],
    ["UTF-16 BE without a mark", Buffer.from(rows(2), "utf16le").swap16()],
  ])("%s is E_INPUT_ENCODING: UTF-16 is not supported", async (_, bytes) => {
    const error = await rejection(readTickets(from(bytes)));
    expect(error.code).toBe("E_INPUT_ENCODING");
    expect(error.message).toContain("UTF-16 is not supported, convert to UTF-8");
  });

  it("UTF-16 inside gzip is found too", async () => {
    const error = await rejection(readTickets(from(gzipSync(Buffer.from(rows(2), "utf16le")))));
    expect(error.code).toBe("E_INPUT_ENCODING");
  });

  it.each([
    ["no bytes", ""],
    ["blank lines only (CSV)", "\n\n  \n"],
  ])("a file with %s is E_INPUT_EMPTY: the file is empty", async (_, text) => {
    const error = await rejection(readTickets(from(text), { format: "csv" }));
    expect(error.code).toBe("E_INPUT_EMPTY");
    expect(error.message).toContain("the file is empty");
  });

  it("an empty gzip member is empty too, whatever the layout", async () => {
    for (const format of ["csv", "json", "ndjson"] as const) {
      const error = await rejection(readTickets(from(gzipSync("")), { format }));
      expect(error.code).toBe("E_INPUT_EMPTY");
    }
  });
});

describe("duplicate header names", () => {
  it("are E_INPUT_DUPLICATE_COLUMN with both positions", async () => {
    const error = await rejection(readTickets(from("id,created_at,status,Status\n1,2026-01-01T00:00:00Z,open,open\n")));
    expect(error.code).toBe("E_INPUT_DUPLICATE_COLUMN");
    expect(error.message).toBe(
      'readTickets: <stream>: the header has the column "status" twice, as columns 3 and 4 ("Status"); rename one',
    );
  });

  it("even when the preset does not read the column", async () => {
    const error = await rejection(readTickets(from("id,created_at,status,note,note\n1,2026-01-01T00:00:00Z,open,a,b\n")));
    expect(error.message).toContain('"note" twice, as columns 4 and 5');
  });
});

describe("invalid UTF-8 is counted, by column", () => {
  it("counts replaced sequences per column; a U+FFFD the file wrote itself is not counted", async () => {
    const text = Buffer.concat([
      Buffer.from("id,created_at,status,subject\n1,2026-01-01T00:00:00Z,open,caf"),
      Buffer.of(0xe9), // Latin-1 é: invalid UTF-8
      Buffer.from("\n2,2026-01-01T00:00:00Z,op"),
      Buffer.of(0xff, 0xfe),
      Buffer.from("en,ok \uFFFD\n3,2026-01-01T00:00:00Z,open,fine\n"),
    ]);
    const result = await readTickets(Readable.from([text]));
    const tickets = await drain(result);
    expect(result.stats.invalidUtf8).toBe(3);
    expect(result.stats.invalidUtf8ByColumn).toEqual({ subject: 1, status: 2 });
    expect(tickets.map((t) => t.id)).toEqual(["1", "3"]);
  });

  it("counts nothing for clean UTF-8, even with U+FFFD written in the file, split across chunks", async () => {
    const bytes = Buffer.from("id,created_at,status,subject\n1,2026-01-01T00:00:00Z,open,a \uFFFD b\n");
    const parts: Buffer[] = [];
    for (let i = 0; i < bytes.length; i++) parts.push(bytes.subarray(i, i + 1));
    const result = await readTickets(Readable.from(parts));
    await drain(result);
    expect(result.stats.invalidUtf8).toBe(0);
    expect(result.stats.invalidUtf8ByColumn).toEqual({});
  });
});
