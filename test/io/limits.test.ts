// Issue 11, "Crashes": a value nested 100,000 levels deep, and fields or lines longer than
// any buffer should hold. Previews of rejected values are bounded; records past the size
// limit are rejected (JSON elements, NDJSON lines, complete CSV records) or stop the read
// with E_INPUT_LIMIT and their line (a CSV record that does not end), never buffered past it.
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { INPUT_LIMITS } from "../../src/io/_limits.ts";
import { SHOW_CHARS, showValue } from "../../src/io/_values.ts";
import { InputFormatError, readTickets, type TicketReadResult } from "../../src/io/index.ts";

const deep = (depth: number): string => `${"[".repeat(depth)}${"]".repeat(depth)}`;

async function ids(result: TicketReadResult): Promise<string[]> {
  const out: string[] = [];
  for await (const t of result.records) out.push(t.id);
  return out;
}

/** A stream of `text` in chunks of `size` characters. */
function chunks(text: string, size = 4096): Readable {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return Readable.from(parts);
}

describe("showValue: bounded previews", () => {
  it("writes a value nested 100,000 levels deep without recursion, cut short", () => {
    const value = JSON.parse(deep(100_000)) as unknown;
    const shown = showValue(value);
    expect(shown.length).toBeLessThanOrEqual(SHOW_CHARS + 1);
    expect(shown.startsWith("[[[[")).toBe(true);
  });

  it("writes small values as JSON, exactly", () => {
    expect(showValue({ a: [1, "x", null, true], b: { c: 2 } })).toBe('{"a":[1,"x",null,true],"b":{"c":2}}');
    expect(showValue([])).toBe("[]");
    expect(showValue("plain")).toBe("plain");
    expect(showValue(42)).toBe("42");
  });

  it("cuts long strings and big arrays", () => {
    expect(showValue("x".repeat(5000))).toBe(`${"x".repeat(SHOW_CHARS)}… (5000 characters)`);
    expect(showValue(Array.from({ length: 100_000 }, (_, i) => i)).length).toBeLessThanOrEqual(SHOW_CHARS + 1);
  });
});

describe("deep nesting in JSON input", () => {
  it.each(["json", "ndjson"] as const)("a created_at nested 100,000 levels deep rejects its record (%s)", async (format) => {
    const record = `{"id":"1","created_at":${deep(100_000)},"status":"open"}`;
    const ok = `{"id":"2","created_at":"2026-01-01T00:00:00Z","status":"open"}`;
    const text = format === "json" ? `[${record},${ok}]` : `${record}\n${ok}\n`;
    const result = await readTickets(chunks(text), { format });
    expect(await ids(result)).toEqual(["2"]);
    expect(result.stats).toMatchObject({ read: 2, used: 1, rejected: 1 });
    expect(result.rejects[0]?.column).toBe("created_at");
    expect(result.rejects[0]?.value.length).toBeLessThanOrEqual(SHOW_CHARS + 1);
  });
});

describe("records past the size limit", () => {
  const saved = INPUT_LIMITS.recordChars;
  beforeEach(() => {
    INPUT_LIMITS.recordChars = 10_000;
  });
  afterEach(() => {
    INPUT_LIMITS.recordChars = saved;
  });

  const ok = (id: number): string => `{"id":"${String(id)}","created_at":"2026-01-01T00:00:00Z","status":"open"}`;
  const long = (id: number): string =>
    `{"id":"${String(id)}","created_at":"2026-01-01T00:00:00Z","status":"open","subject":"${"x".repeat(50_000)}"}`;

  it("a JSON array element past the limit is rejected with its line, and reading goes on", async () => {
    const result = await readTickets(chunks(`[\n${ok(1)},\n${long(2)},\n${ok(3)}\n]`, 1000), { format: "json" });
    expect(await ids(result)).toEqual(["1", "3"]);
    expect(result.stats).toMatchObject({ read: 3, used: 2, rejected: 1 });
    expect(result.rejects).toEqual([
      { record: 2, line: 3, column: "(record)", value: "", reason: "is longer than the limit of 9.8 KiB per record" },
    ]);
  });

  it("an NDJSON line past the limit is rejected with its line, and reading goes on", async () => {
    const result = await readTickets(chunks(`${ok(1)}\n${long(2)}\n${ok(3)}\n${long(4)}`, 1000), { format: "ndjson" });
    expect(await ids(result)).toEqual(["1", "3"]);
    expect(result.stats).toMatchObject({ read: 4, used: 2, rejected: 2 });
    expect(result.rejects.map((r) => [r.record, r.line, r.reason])).toEqual([
      [2, 2, "is longer than the limit of 9.8 KiB per line"],
      [4, 4, "is longer than the limit of 9.8 KiB per line"],
    ]);
  });

  it("a complete CSV record past the limit is rejected; the rest is read", async () => {
    INPUT_LIMITS.recordChars = 70_000;
    const text = `id,created_at,status,subject\n1,2026-01-01T00:00:00Z,open,a\n2,2026-01-01T00:00:00Z,open,"${"y".repeat(100_000)}"\n3,2026-01-01T00:00:00Z,open,c\n`;
    const result = await readTickets(chunks(text, 200_000));
    expect(await ids(result)).toEqual(["1", "3"]);
    expect(result.stats).toMatchObject({ read: 3, used: 2, rejected: 1 });
    expect(result.rejects[0]).toMatchObject({
      record: 2,
      line: 3,
      column: "(record)",
      reason: "is longer than the limit of 68.4 KiB per record",
    });
  });

  it("a CSV record that does not end within the limit stops the read with E_INPUT_LIMIT and its line", async () => {
    const text = `id,created_at,status,subject\n1,2026-01-01T00:00:00Z,open,a\n2,2026-01-01T00:00:00Z,open,"${"z".repeat(200_000)}`;
    const result = await readTickets(chunks(text));
    const got: string[] = [];
    let error: unknown;
    try {
      for await (const t of result.records) got.push(t.id);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as InputFormatError).code).toBe("E_INPUT_LIMIT");
    expect((error as InputFormatError).message).toBe(
      "readTickets: <stream>: record 2 starting at line 3 does not end within the limit of 9.8 KiB per record (a field that long, or a quote left open) (1 record read before it)",
    );
    expect(got).toEqual(["1"]);
  });

  it("a JSON document read whole (a wrapper object) past the limit is E_INPUT_LIMIT", async () => {
    const text = `{"tickets":[${ok(1)},${long(2)}]}`;
    await expect(readTickets(chunks(text, 1000), { format: "json", preset: "zendesk-json" })).rejects.toMatchObject({
      code: "E_INPUT_LIMIT",
    });
  });

  it("memory stays bounded: 40 MB of one NDJSON line past a 4 MiB limit is skipped, not held", async () => {
    INPUT_LIMITS.recordChars = 4 * 1024 * 1024;
    const piece = "q".repeat(1 << 20);
    let sent = 0;
    const source = new Readable({
      read() {
        if (sent === 0) this.push(`${ok(1)}\n{"id":"2","subject":"`);
        if (sent < 40) this.push(piece);
        else {
          this.push(`"}\n${ok(3)}\n`);
          this.push(null);
        }
        sent++;
      },
    });
    const before = process.memoryUsage().rss;
    const result = await readTickets(source, { format: "ndjson" });
    expect(await ids(result)).toEqual(["1", "3"]);
    expect(result.rejects[0]).toMatchObject({ record: 2, line: 2, reason: "is longer than the limit of 4 MiB per line" });
    // Holding the line would take 40 MB as Latin-1 text, and several times that while joined.
    expect(process.memoryUsage().rss - before).toBeLessThan(120 * 1024 * 1024);
  }, 30_000);
});
