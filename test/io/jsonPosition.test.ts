// JSON and NDJSON syntax errors name a line and a column instead of V8's "at position N".
// The Intercom case: the published example of Intercom's "List all conversations" API reference
// (https://developers.intercom.com/docs/references/rest-api/api.intercom.io/conversations/listconversations)
// was refused with "not valid JSON (… at position 1108)"; test/fixtures/io/json-syntax holds the
// repaired example with one comma removed on purpose (see its README).
import { Readable } from "node:stream";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { InputFormatError, readTickets } from "../../src/io/index.ts";
import { describeJsonError, jsonErrorOffset, lineColumn } from "../../src/io/_jsonPosition.ts";
import { repo } from "../cli/_run.ts";
import { openFile } from "../../src/io/node/index.ts";

const BROKEN = repo("test/fixtures/io/json-syntax/intercom-list-conversations-missing-comma.json");

/** The message `JSON.parse` throws for `text`. */
function parseError(text: string): unknown {
  try {
    JSON.parse(text);
  } catch (error) {
    return error;
  }
  throw new Error(`valid JSON: ${text}`);
}

async function drain(result: Awaited<ReturnType<typeof readTickets>>): Promise<void> {
  for await (const _ of result.records) void _;
}

describe("jsonErrorOffset", () => {
  it.each([
    ['{"a":1 "b":2}', 7],
    ["[1,2", 4],
    ['{"a":}', 5],
    ["[1,]", 3],
    ["{x}", 1],
    ['{"a":tru}', 8],
    ['{"a":-}', 6],
    ['{"a":"\\q"}', 7],
    ['{"a":1}x', 7],
    ["", 0],
    ['{"a":[1,{"b":[null]}]}', -1],
  ])("finds where %j stops being JSON (%i)", (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  test.prop([fc.json()])("is −1 exactly for text JSON.parse reads (generated JSON)", (text) => {
    expect(jsonErrorOffset(text)).toBe(-1);
  });

  test.prop([fc.json(), fc.nat(), fc.nat()])(
    "agrees with JSON.parse on JSON with one character removed, and gives V8's offset when V8 names one",
    (json, at, _) => {
      const i = at % Math.max(1, json.length);
      const text = json.slice(0, i) + json.slice(i + 1);
      let ok = true;
      let message = "";
      try {
        JSON.parse(text);
      } catch (error) {
        ok = false;
        message = (error as Error).message;
      }
      const offset = jsonErrorOffset(text);
      expect(offset === -1).toBe(ok);
      const v8 = /at position (\d+)/.exec(message);
      if (v8 !== null) expect(offset).toBe(Number(v8[1]));
    },
  );

  it("reads nesting 100,000 levels deep without recursion", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(jsonErrorOffset(deep)).toBe(-1);
    expect(jsonErrorOffset(`${deep}]`)).toBe(200_000);
  });
});

describe("line and column", () => {
  it("counts lines from the text's first line and columns from its first character", () => {
    expect(lineColumn("ab\ncd\nef", 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn("abc", 2, 7, 10)).toEqual({ line: 7, column: 12 });
    expect(lineColumn("a\nbc", 3, 7, 10)).toEqual({ line: 8, column: 2 });
  });

  it("rewrites V8's message: no position, no snippet", () => {
    const text = '{\n  "a": 1\n  "b": 2\n}';
    expect(describeJsonError(parseError(text), text)).toBe("Expected ',' or '}' after property value at line 3, column 3");
    const token = '{\n"a": }';
    expect(describeJsonError(parseError(token), token)).toBe("Unexpected token '}' at line 2, column 6");
    const cut = '{"a": [1, 2';
    expect(describeJsonError(parseError(cut), cut)).toBe("Expected ',' or ']' after array element at the end of the text");
  });
});

describe("the readers", () => {
  it("a JSON document read whole: the Intercom example without one comma fails with line 13, column 13", async () => {
    const error = await readTickets(openFile(BROKEN), { preset: "intercom-json" }).then(drain, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputFormatError);
    expect((error as InputFormatError).code).toBe("E_INPUT_SYNTAX");
    expect((error as Error).message).toBe(
      "readTickets: the input is not valid JSON (Expected ',' or '}' after property value at line 13, column 13)",
    );
    expect((error as Error).message).not.toMatch(/position/);
  });

  it("a streamed array element: the line and column in the file, not in the element", async () => {
    const text = '[\n  {"id":"1","created_at":"2026-01-01T00:00:00Z","status":"open"},\n  {"id":"2",\n   "status" "open"}\n]';
    const result = await readTickets(Readable.from([text]), { format: "json" });
    await drain(result);
    // V8's own words differ between Node versions; the place is ours.
    expect(result.rejects).toEqual([
      {
        record: 2,
        line: 3,
        column: "(record)",
        value: "",
        reason: expect.stringMatching(/^is not valid JSON \([^"]+ at line 4, column 13\)$/),
      },
    ]);
    // On the element's first line the column counts from the start of the line.
    const one = await readTickets(Readable.from(['[{"id":"1","created_at":"2026-01-01T00:00:00Z","status":"open"}, {"id":"2" "x"}]']), {
      format: "json",
    });
    await drain(one);
    expect(one.rejects[0]?.reason).toMatch(/^is not valid JSON \([^"]+ at line 1, column 76\)$/);
  });

  it("NDJSON: the line, and the column within it (leading spaces counted)", async () => {
    const text = '{"id":"1","created_at":"2026-01-01T00:00:00Z","status":"open"}\n\n   {"id":"2","status":open}\n';
    const result = await readTickets(Readable.from([text]), { format: "ndjson" });
    await drain(result);
    expect(result.rejects).toEqual([
      { record: 2, line: 3, column: "(record)", value: "", reason: "is not valid JSON (Unexpected token 'o' at line 3, column 23)" },
    ]);
  });
});
