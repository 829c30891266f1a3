// The readers of "cx-metrics/io" read every runtime's sources (issue 16, item 1): Web
// ReadableStreams, Files and Blobs, async iterables of bytes or strings; gzip through
// DecompressionStream; a path string or anything else is refused naming the argument.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MetricRangeError } from "../../src/_lib/errors.ts";
import { InputFormatError, readCsv, readTickets, type InputSource, type TicketReadResult } from "../../src/io/index.ts";

const TICKETS = new URL("../../examples/data/tickets.csv", import.meta.url).pathname;
const bytes = readFileSync(TICKETS);

/** A Web stream that delivers `data` in chunks of `size` bytes. */
function webStream(data: Uint8Array, size = 4096): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= data.length) controller.close();
      else controller.enqueue(data.slice(at, (at += size)));
    },
  });
}

async function counts(result: TicketReadResult): Promise<{ read: number; used: number; rejected: number; ids: string }> {
  const ids: string[] = [];
  for await (const t of result.records) ids.push(t.id);
  const { read, used, rejected } = result.stats;
  return { read, used, rejected, ids: ids.join(",") };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("every kind of source gives the same tickets and the same accounting", () => {
  it("a Web stream, a File, a Blob, an async generator of strings, gzip or not", async () => {
    const reference = await counts(await readTickets(webStream(bytes)));
    expect(reference).toMatchObject({ read: 396, used: 394, rejected: 2 });
    const sources: [string, InputSource][] = [
      ["Web stream, 1-byte chunks", webStream(bytes, 1)],
      ["File", new File([bytes], "tickets.csv")],
      ["Blob", new Blob([bytes])],
      [
        "async generator of strings",
        (async function* () {
          yield bytes.toString("utf8");
        })(),
      ],
      ["gzip Web stream", webStream(gzipSync(bytes), 100)],
      ["gzip File", new File([gzipSync(bytes)], "tickets.csv.gz")],
    ];
    for (const [label, source] of sources) {
      expect({ label, ...(await counts(await readTickets(source))) }).toEqual({ label, ...reference });
    }
  });

  it("a named source's name decides the layout and names the input; a bare stream is <stream>", async () => {
    const ndjson = '{"id":"1","created_at":"2026-01-01T00:00:00Z","status":"open"}\n';
    const named = await readTickets({ name: "export.jsonl.gz", stream: () => webStream(gzipSync(ndjson)) });
    expect(named.input).toMatchObject({ name: "export.jsonl.gz", format: "ndjson", gzip: true });
    const bare = await readTickets(webStream(new TextEncoder().encode("id,created_at,status\n")));
    expect(bare.input).toMatchObject({ name: "<stream>", format: "csv", gzip: false });
  });

  it("readCsv reads a File too", async () => {
    const rows = [];
    for await (const r of readCsv(new File(["a;b\n1;2\n"], "x.csv"))) rows.push({ ...r.row });
    expect(rows).toEqual([{ a: "1", b: "2" }]);
  });
});

describe("a consumer that stops early releases the source", () => {
  /** A Web stream of `data` in 1000-byte chunks that records whether it was cancelled. */
  function watched(data: Uint8Array): { stream: ReadableStream<Uint8Array>; cancelled: () => boolean } {
    let cancelled = false;
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= data.length) controller.close();
        else controller.enqueue(data.slice(at, (at += 1000)));
      },
      cancel() {
        cancelled = true;
      },
    });
    return { stream, cancelled: () => cancelled };
  }

  // Long enough that the first ticket comes before the source's end (else nothing is left to cancel).
  // Not yet under gzip: through Node's DecompressionStream the cancel does not reach the source.
  const long = Buffer.concat([bytes, ...Array.from({ length: 50 }, () => bytes.subarray(bytes.indexOf(10) + 1))]);

  it.each([["plain", long]])("readTickets, %s: breaking out of records cancels the Web stream", async (_, data) => {
    const source = watched(data);
    const result = await readTickets(source.stream);
    for await (const ticket of result.records) {
      expect(ticket.id).toBe("1000");
      break;
    }
    expect(source.cancelled()).toBe(true);
  });

  it("readCsv: breaking out cancels the Web stream", async () => {
    const source = watched(bytes);
    for await (const record of readCsv(source.stream)) {
      expect(record.record).toBe(1);
      break;
    }
    expect(source.cancelled()).toBe(true);
  });

  it("the check can fail: a stream read to its end is not cancelled", async () => {
    const source = watched(bytes);
    const result = await readTickets(source.stream);
    let n = 0;
    for await (const _ of result.records) n++;
    expect(n).toBe(394);
    expect(source.cancelled()).toBe(false);
  });
});

describe("what is not a source", () => {
  it.each([
    [
      "tickets.csv",
      'readTickets: input must be a ReadableStream of bytes, a File or Blob, or an async iterable of bytes, got the string "tickets.csv"; open a path with openFile from cx-metrics/io/node',
    ],
    [42, "readTickets: input must be a ReadableStream of bytes, a File or Blob, or an async iterable of bytes, got 42"],
    [{ rows: [] }, "readTickets: input must be a ReadableStream of bytes, a File or Blob, or an async iterable of bytes, got an object"],
  ])("%j is E_OPTION_VALUE naming the argument and the value", async (input, message) => {
    const error: unknown = await readTickets(input as unknown as InputSource).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetricRangeError);
    expect(error).toMatchObject({ code: "E_OPTION_VALUE", message });
  });

  it("a class instance is named by its class", async () => {
    await expect(readTickets(new Map() as unknown as InputSource)).rejects.toThrow(/, got an instance of Map$/);
  });

  it("a stream of numbers is refused while reading", async () => {
    const source = (async function* () {
      yield 1;
    })() as unknown as InputSource;
    await expect(readTickets(source)).rejects.toThrow("input streams must produce bytes or strings");
  });
});

describe("gzip through DecompressionStream", () => {
  it("a runtime without DecompressionStream gets E_INPUT_GZIP saying so", async () => {
    vi.stubGlobal("DecompressionStream", undefined);
    const error: unknown = await readTickets({ name: "t.csv.gz", stream: () => webStream(gzipSync(bytes)) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputFormatError);
    expect(error).toMatchObject({
      code: "E_INPUT_GZIP",
      message: "readTickets: t.csv.gz: the input is gzip-compressed and this runtime has no DecompressionStream; decompress it first",
    });
  });

  it("a failing source under gzip is the source's own error, not a damaged gzip stream", async () => {
    const failure = new Error("disk on fire");
    const zipped = gzipSync(bytes);
    const source = (async function* () {
      yield zipped.subarray(0, 200);
      throw failure;
    })();
    const error: unknown = await readTickets(source)
      .then(counts)
      .catch((e: unknown) => e);
    expect(error).toBe(failure);
  });
});
