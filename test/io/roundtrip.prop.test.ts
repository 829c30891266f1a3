// Properties of the streaming readers: whatever the delimiter, line break and chunking,
// a table written by the RFC 4180 rules reads back exactly; a JSON array read element by
// element equals JSON.parse of the whole text. The reference writers live in this file.
import { Readable } from "node:stream";
import { test, fc } from "@fast-check/vitest";
import { expect } from "vitest";
import { readCsv, readTickets } from "../../src/io/index.ts";
import { jsonItems } from "../../src/io/_json.ts";

function chunks(text: string, cuts: readonly number[]): Readable {
  const bytes = Buffer.from(text, "utf8");
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let at = 0;
  for (const p of points) {
    parts.push(bytes.subarray(at, p));
    at = p;
  }
  parts.push(bytes.subarray(at));
  return Readable.from(parts.filter((p) => p.length > 0));
}

const field = fc.string({ unit: fc.constantFrom("a", "b", " ", ",", ";", "\t", "|", '"', "\n", "\r", "é", "日"), maxLength: 8 });

function writeCsv(rows: readonly (readonly string[])[], delimiter: string, newline: string): string {
  const q = (v: string): string => (/[",;\t|\r\n]/.test(v) || v === "" ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((row) => row.map(q).join(delimiter)).join(newline) + newline;
}

test.prop(
  [
    fc
      .integer({ min: 1, max: 4 })
      .chain((width) => fc.tuple(fc.constant(width), fc.array(fc.array(field, { minLength: width, maxLength: width }), { maxLength: 6 }))),
    fc.constantFrom(",", ";", "\t", "|"),
    fc.constantFrom("\n", "\r\n", "\r"),
    fc.array(fc.nat(), { maxLength: 8 }),
  ],
  { numRuns: 150 },
)(
  "readCsv reads back any table written by RFC 4180 rules, however the bytes are chunked",
  async ([width, body], delimiter, newline, cuts) => {
    const header = Array.from({ length: width }, (_, i) => `c${String(i)}`);
    // A header made of delimiter-free names lets the delimiter be detected.
    const rows = body.filter((row) => row.some((v) => v.trim() !== "")); // all-blank rows are skipped by design
    const text = writeCsv([header, ...rows], delimiter, newline);
    const out: string[][] = [];
    for await (const record of readCsv(chunks(text, cuts))) {
      expect(record.problem).toBeUndefined();
      out.push(header.map((h) => record.row[h] ?? "<missing>"));
    }
    expect(out).toEqual(rows);
  },
);

const jsonValue = fc.jsonValue({ maxDepth: 3 });

async function* strings(stream: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of stream) yield decoder.decode(chunk as Buffer, { stream: true });
  yield decoder.decode();
}

test.prop([fc.array(jsonValue, { maxLength: 6 }), fc.constantFrom(0, 2), fc.array(fc.nat(), { maxLength: 8 })], { numRuns: 200 })(
  "the streaming array splitter gives the elements JSON.parse gives, in order, however the text is chunked",
  async (values, indent, cuts) => {
    const text = JSON.stringify(values, null, indent);
    const out: unknown[] = [];
    for await (const item of jsonItems(strings(chunks(text, cuts)))) {
      expect(item.problem).toBeUndefined();
      out.push(item.value);
    }
    expect(out).toEqual(JSON.parse(text));
  },
);

test.prop([
  fc.array(fc.dictionary(fc.string(), jsonValue, { maxKeys: 3 }), { minLength: 1, maxLength: 5 }),
  fc.array(fc.nat(), { maxLength: 8 }),
])("read = used + rejected for any JSON array of objects, and no object is rejected as a whole", async (objects, cuts) => {
  const rows = objects.map((o, i) => ({
    ...o,
    id: String(i),
    created_at: "2026-01-01T00:00:00Z",
    status: i % 2 === 0 ? "open" : (o["status"] ?? "x"),
  }));
  const result = await readTickets(chunks(JSON.stringify(rows), cuts), { format: "json" });
  for await (const _ of result.records);
  expect(result.stats.read).toBe(rows.length);
  expect(result.stats.read).toBe(result.stats.used + result.stats.rejected);
  expect(result.rejects.every((r) => r.column !== "(record)")).toBe(true);
});
