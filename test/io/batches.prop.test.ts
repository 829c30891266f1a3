// The bulk path of the readers: CSV rows are parsed a 64 KiB chunk at a time, and a row's
// physical line is counted per chunk (one line each unless the chunk has line breaks inside
// fields). These properties use texts of several chunks, so that the per-chunk shortcut and
// its fallback both run, and compare with references computed while writing the text.
import { Readable } from "node:stream";
import { test, fc } from "@fast-check/vitest";
import { expect } from "vitest";
import { readCsv, readTickets } from "../../src/io/index.ts";
import { recordBatches } from "../../src/io/_engine.ts";

/** A text field: mostly plain, sometimes quoted with line breaks inside. */
const cell = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: fc.constantFrom("a", "b", "c", "1", " "), minLength: 1, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom("x", "\n", "\r\n", ",", '"'), minLength: 1, maxLength: 6 }) },
);

const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const breaks = (s: string): number => s.split("\n").length - 1;

interface Written {
  readonly text: string;
  /** The physical line each data record starts on. */
  readonly lines: number[];
  readonly fields: string[][];
}

/** Rows of three cells, padded with long plain rows so the text spans several chunks; blank lines between some rows. */
function write(rows: readonly (readonly string[])[], blankEvery: number, padding: number): Written {
  let text = "a,b,c\n";
  let line = 2;
  const lines: number[] = [];
  const fields: string[][] = [];
  const all = [...rows.map((r) => [...r]), ...Array.from({ length: padding }, (_, i) => [`pad${String(i)}`, "p".repeat(200), "q"])];
  // Spread the generated rows through the padding: one generated row every 40 padding rows.
  const ordered: string[][] = [];
  let g = 0;
  for (let i = 0; i < all.length - rows.length; i++) {
    if (i % 40 === 0 && g < rows.length) ordered.push(all[g++] as string[]);
    ordered.push(all[rows.length + i] as string[]);
  }
  while (g < rows.length) ordered.push(all[g++] as string[]);
  ordered.forEach((row, i) => {
    if (blankEvery > 0 && i % blankEvery === 0) {
      text += "\n";
      line++;
    }
    const written = row.map(quote).join(",");
    lines.push(line);
    fields.push(row);
    text += `${written}\n`;
    line += 1 + breaks(written);
  });
  return { text, lines, fields };
}

test.prop(
  [
    fc.array(fc.tuple(cell, cell, cell), { maxLength: 40 }),
    fc.constantFrom(0, 7, 50),
    fc.constantFrom(300, 900),
    fc.integer({ min: 1, max: 70_000 }),
  ],
  {
    numRuns: 40,
  },
)(
  "readCsv numbers physical lines exactly across chunks, with and without line breaks inside fields",
  async (rows, blankEvery, padding, piece) => {
    const { text, lines, fields } = write(rows, blankEvery, padding);
    const bytes = Buffer.from(text, "utf8");
    const parts: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += piece) parts.push(bytes.subarray(at, at + piece));
    const got: { line: number; row: string[] }[] = [];
    for await (const r of readCsv(Readable.from(parts))) got.push({ line: r.line, row: ["a", "b", "c"].map((k) => r.row[k] ?? "") });
    expect(got.map((r) => r.row)).toEqual(fields);
    expect(got.map((r) => r.line)).toEqual(lines);
  },
);

const status = fc.constantFrom("open", "solved", "closed", "new", "Pending", "bogus");
const created = fc.oneof(
  fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 3, 1) }).map((ms) => new Date(ms).toISOString()),
  fc.constantFrom("", "2026-02-30T10:00:00Z", "yesterday"),
);
const ticketRow = fc.tuple(
  fc.integer({ min: 1, max: 400 }),
  created,
  status,
  fc.constantFrom("email", "chat", ""),
  fc.constantFrom("", "1", "x"),
);

test.prop([fc.array(ticketRow, { maxLength: 400 }), fc.integer({ min: 0, max: 3 })], { numRuns: 40 })(
  "readTickets' batches give exactly its records, with their record numbers and the same accounting",
  async (rows, padTimes) => {
    // Long tags make the text span several chunks.
    const pad = "t".repeat(padTimes * 100);
    const text = `id,created_at,status,channel,replies,tags\n${rows.map(([id, at, s, ch, rep]) => `${String(id)},${at},${s},${ch},${rep},"${pad}"`).join("\n")}\n`;
    const one = await readTickets(Readable.from([Buffer.from(text)]));
    const records: unknown[] = [];
    for await (const t of one.records) records.push(t);
    const two = await readTickets(Readable.from([Buffer.from(text)]));
    const batches = recordBatches(two);
    expect(batches).toBeDefined();
    const batched: unknown[] = [];
    const numbers: number[] = [];
    for await (const b of batches ?? []) {
      batched.push(...b.models);
      numbers.push(...b.records);
    }
    expect(batched).toEqual(records);
    expect(two.stats).toEqual(one.stats);
    expect(two.rejects).toEqual(one.rejects);
    // Record numbers: every record not rejected, in order (a reject names its record).
    const rejected = new Set(one.rejects.map((r) => r.record));
    const expected = Array.from({ length: one.stats.read }, (_, i) => i + 1).filter((n) => !rejected.has(n));
    expect(numbers).toEqual(expected);
  },
);

test.prop([fc.integer({ min: 1, max: 1500 })], { numRuns: 10 })(
  "an NDJSON input that fails part way still hands over every record read before the failure",
  async (count) => {
    const lines = Array.from(
      { length: count },
      (_, i) => `${JSON.stringify({ id: String(i + 1), created_at: "2026-01-01T00:00:00Z", status: "open" })}\n`,
    );
    const input = new Readable({
      read() {
        for (const line of lines) this.push(line);
        this.destroy(new Error("disk went away"));
      },
    });
    const { records } = await readTickets(input, { format: "ndjson" });
    const got: string[] = [];
    await expect(
      (async () => {
        for await (const t of records) got.push(t.id);
      })(),
    ).rejects.toThrow("disk went away");
    expect(got.length).toBe(count);
  },
);
