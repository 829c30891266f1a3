// CSV reading: the quirks of real exports (RFC 4180 quoting, BOM, CRLF, bare CR, other
// delimiters, gzip, stdin-like streams) and the real files of the data directory (CX_REAL_DATA).
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCsv, readTickets, type CsvRecord } from "../../src/io/index.ts";
import { needsRealData, realDataPath } from "../_support/realData.ts";
import { openFile } from "../../src/io/node/index.ts";

const fixture = (file: string): string => new URL(`../fixtures/io/${file}`, import.meta.url).pathname;

/** A Readable that delivers `text` in chunks of `size` bytes (to cross every boundary). */
function chunked(data: string | Buffer, size = 3): Readable {
  const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

async function all(input: Parameters<typeof readCsv>[0], options?: Parameters<typeof readCsv>[1]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of readCsv(input, options)) out.push(record);
  return out;
}

const plain = (records: CsvRecord[]): Record<string, string>[] => records.map((r) => ({ ...r.row }));

describe("readCsv: quirks", () => {
  it("removes a UTF-8 BOM and reads CRLF line ends", async () => {
    const records = await all(chunked("\uFEFFid,name\r\n1,Ana\r\n2,Dan\r\n"));
    expect(plain(records)).toEqual([
      { id: "1", name: "Ana" },
      { id: "2", name: "Dan" },
    ]);
    expect(records.map((r) => r.line)).toEqual([2, 3]);
  });

  it("reads bare CR line ends (old Mac exports)", async () => {
    const records = await all(chunked("id,name\r1,Ana\r2,Dan\r"));
    expect(plain(records)).toEqual([
      { id: "1", name: "Ana" },
      { id: "2", name: "Dan" },
    ]);
    expect(records.map((r) => r.line)).toEqual([2, 3]);
  });

  it.each([
    [";", "id;name;note\n1;Ana;a,b\n"],
    ["\t", "id\tname\tnote\n1\tAna\ta,b\n"],
    ["|", "id|name|note\n1|Ana|a,b\n"],
  ])("detects the %j delimiter from the header", async (_delimiter, text) => {
    expect(plain(await all(chunked(text)))).toEqual([{ id: "1", name: "Ana", note: "a,b" }]);
  });

  it("keeps quoted delimiters, doubled quotes and embedded line breaks, and counts physical lines", async () => {
    const text = 'id,text,n\n1,"a, ""quoted""\nsecond line\r\nthird",x\n2,plain,y\n';
    const records = await all(chunked(text, 5));
    expect(records.map((r) => r.row["text"])).toEqual(['a, "quoted"\nsecond line\r\nthird', "plain"]);
    expect(records.map((r) => [r.record, r.line])).toEqual([
      [1, 2],
      [2, 5],
    ]);
  });

  it("reads multi-byte characters split across chunks", async () => {
    const records = await all(chunked("id,name\n1,Ștefan Țurcanu 日本\n", 1));
    expect(records[0]?.row["name"]).toBe("Ștefan Țurcanu 日本");
  });

  it("recognises gzip by its magic bytes, not by the name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cx-io-"));
    const path = join(dir, "export.csv"); // no .gz suffix on purpose
    writeFileSync(path, gzipSync("id,name\n1,Ana\n2,Dan\n"));
    expect(plain(await all(openFile(path)))).toEqual([
      { id: "1", name: "Ana" },
      { id: "2", name: "Dan" },
    ]);
    expect(plain(await all(chunked(gzipSync("a;b\n1;2\n"), 1)))).toEqual([{ a: "1", b: "2" }]);
  });

  it("skips blank lines and flags rows whose field count differs from the header's", async () => {
    const records = await all(chunked("id,name\n\n1,Ana\n,\n2\n3,Dan,extra\n"));
    expect(records.map((r) => [r.record, r.line, r.problem])).toEqual([
      [1, 3, undefined],
      [2, 5, "has 1 fields; the header has 2"],
      [3, 6, "has 3 fields; the header has 2"],
    ]);
  });

  it("skips lines of non-ASCII white space too (NBSP, ideographic space, BOM), as trim() sees them", async () => {
    const records = await all(chunked("id,name\n1,Ana\n\u00a0\n\u3000,\u00a0\n\ufeff,\u2003\n2,Bo\n"));
    expect(records.map((r) => [r.record, r.line, r.problem])).toEqual([
      [1, 2, undefined],
      [2, 6, undefined],
    ]);
  });

  it("treats __proto__ and constructor headers as ordinary keys (null-prototype rows)", async () => {
    const [record] = await all(openFile(fixture("proto-header.csv")));
    expect(record).toBeDefined();
    const row = record?.row as Record<string, string>;
    expect(Object.getPrototypeOf(row)).toBeNull();
    expect(Object.keys(row)).toEqual(["id", "created_at", "status", "__proto__", "constructor", "hasOwnProperty"]);
    expect(row["__proto__"]).toBe("polluted");
    expect(row["constructor"]).toBe("ctor");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("reads standard input given as a Readable (the `-` path uses process.stdin the same way)", async () => {
    const { records, stats } = await readTickets(chunked("id,created_at,status\n7,2026-01-05T10:00:00Z,open\n"), {});
    const tickets = [];
    for await (const ticket of records) tickets.push(ticket);
    expect(tickets).toEqual([{ id: "7", createdAt: new Date("2026-01-05T10:00:00Z"), status: "open", rawStatus: "open" }]);
    expect(stats).toEqual({
      read: 1,
      used: 1,
      rejected: 0,
      excluded: 0,
      excludedBy: {},
      blankLines: 0,
      invalidUtf8: 0,
      invalidUtf8ByColumn: {},
    });
  });
});

describe("readCsv: real files (the data's real/README.md)", () => {
  it(
    "twcs_head5000.csv: 5,000 records; the \\r\\r inside an unquoted field of row index 2484 does not split it",
    needsRealData("real/twcs_head5000.csv"),
    async () => {
      const records = await all(openFile(realDataPath("real/twcs_head5000.csv")));
      expect(records).toHaveLength(5000);
      expect(records.every((r) => r.problem === undefined)).toBe(true);
      const row = records.find((r) => r.row["tweet_id"] === "3399");
      expect(row?.row[""]).toBe("2484");
      expect(row?.row["text"]).toContain("\r\r");
      expect(records[4999]?.row[""]).toBe("4999");
    },
  );

  it(
    "customer_support_tickets.csv: 8,469 records, quoted descriptions with line breaks",
    needsRealData("real/customer_support_tickets.csv"),
    async () => {
      const records = await all(openFile(realDataPath("real/customer_support_tickets.csv")));
      expect(records).toHaveLength(8469);
      expect(records.every((r) => r.problem === undefined)).toBe(true);
      expect(records[8468]?.row["Ticket ID"]).toBe("8469");
      // Physical lines run ahead of record numbers because of the embedded line breaks.
      expect(records[8468]?.line).toBeGreaterThan(8470);
    },
  );
});
