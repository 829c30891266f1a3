/**
 * Opening an input: a path, `-` or a `Readable`, gunzipped when its first bytes are the
 * gzip magic number, decoded as UTF-8 (a leading BOM removed), with its layout resolved.
 *
 * @internal
 * @module
 */
import { createReadStream } from "node:fs";
import { Readable, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";
import type { InputFormat, InputSource } from "./types.ts";

/** An opened input: text chunks and what is known about the layout. @internal */
export interface OpenedInput {
  readonly name: string;
  readonly format: InputFormat;
  readonly gzip: boolean;
  /** The delimiter the name implies (`\t` for `.tsv`), if any. */
  readonly delimiterHint?: string;
  readonly chunks: AsyncIterator<string>;
}

/** The first chunks, then the rest of `rest`. */
async function* prepend<T>(first: readonly T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  try {
    for (const item of first) yield item;
    for (;;) {
      const next = await rest.next();
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    await rest.return?.();
  }
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  throw new TypeError("input streams must produce bytes or strings");
}

async function* byteChunks(stream: Readable): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) yield toBytes(chunk);
}

async function* decode(bytes: AsyncIterator<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for (;;) {
    const next = await bytes.next();
    if (next.done === true) break;
    const text = decoder.decode(next.value, { stream: true });
    if (text.length > 0) yield text;
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}

function gunzip(bytes: AsyncIterator<Uint8Array>): AsyncIterator<Uint8Array> {
  const gz = createGunzip();
  const source = Readable.from({ [Symbol.asyncIterator]: () => bytes });
  pipeline(source, gz, () => undefined);
  return byteChunks(gz);
}

function sourceName(input: InputSource): string {
  if (typeof input === "string") return input;
  return "<stream>";
}

/** The layout a file name implies, ignoring a trailing `.gz`. */
export function formatFromName(name: string): { format?: InputFormat; delimiter?: string } {
  const lower = name.toLowerCase().replace(/\.gz$/, "");
  if (lower.endsWith(".csv")) return { format: "csv" };
  if (lower.endsWith(".tsv") || lower.endsWith(".tab")) return { format: "csv", delimiter: "\t" };
  if (lower.endsWith(".json")) return { format: "json" };
  if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) return { format: "ndjson" };
  return {};
}

/** The layout of text that starts with `head` (see `ReadOptions.format`). */
function sniff(head: string): InputFormat {
  const text = head.replace(/^\uFEFF/, "");
  const start = text.search(/\S/);
  if (start < 0) return "csv";
  const c = text[start];
  if (c === "[") return "json";
  if (c !== "{") return "csv";
  const end = text.indexOf("\n", start);
  const firstLine = (end < 0 ? text.slice(start) : text.slice(start, end)).trim();
  try {
    JSON.parse(firstLine);
    return "ndjson";
  } catch {
    return "json";
  }
}

const SNIFF_CHARS = 64 * 1024;

/**
 * Opens `input`. The first bytes are read at once, so a missing file throws here.
 *
 * @internal
 */
export async function openInput(input: InputSource, format: InputFormat | undefined): Promise<OpenedInput> {
  const name = sourceName(input);
  const stream: Readable = typeof input === "string" ? (input === "-" ? process.stdin : createReadStream(input)) : input;
  const raw = byteChunks(stream);
  // Peek until two bytes are known, to recognise gzip whatever the name.
  const head: Uint8Array[] = [];
  let length = 0;
  while (length < 2) {
    const next = await raw.next();
    if (next.done === true) break;
    head.push(next.value);
    length += next.value.length;
  }
  const first = head[0];
  const second = first !== undefined && first.length > 1 ? first[1] : head[1]?.[0];
  const gzip = first !== undefined && first[0] === 0x1f && second === 0x8b;
  let bytes: AsyncIterator<Uint8Array> = prepend(head, raw);
  if (gzip) bytes = gunzip(bytes);
  let chunks: AsyncIterator<string> = decode(bytes);
  const fromName = typeof input === "string" && input !== "-" ? formatFromName(input) : {};
  let resolved = format ?? fromName.format;
  if (resolved === undefined) {
    const peeked: string[] = [];
    let size = 0;
    while (size < SNIFF_CHARS) {
      const next = await chunks.next();
      if (next.done === true) break;
      peeked.push(next.value);
      size += next.value.length;
    }
    resolved = sniff(peeked.join(""));
    chunks = prepend(peeked, chunks);
  }
  const opened: OpenedInput = { name, format: resolved, gzip, chunks };
  return fromName.delimiter !== undefined && resolved === "csv" ? { ...opened, delimiterHint: fromName.delimiter } : opened;
}
