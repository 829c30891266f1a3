/**
 * Opening an input: any source of ./_bytes.ts (a Web stream, a `File`, an async iterable of
 * bytes), gunzipped when its first bytes are the gzip magic number, decoded as UTF-8 (a
 * leading BOM removed; invalid sequences replaced by U+FFFD and counted), with its layout
 * resolved. A damaged gzip stream, UTF-16 text and an empty file are told apart from layout
 * errors, as {@link InputFormatError}s. Free of Node built-ins.
 *
 * @internal
 * @module
 */
import { concatBytes, gunzip, inputError, sourceBytes } from "./_bytes.ts";
import type { InputFormat, InputSource } from "./types.ts";

export { inputError } from "./_bytes.ts";

/** An opened input: text chunks and what is known about the layout. @internal */
export interface OpenedInput {
  readonly name: string;
  readonly format: InputFormat;
  readonly gzip: boolean;
  /** The delimiter the name implies (`\t` for `.tsv`), if any. */
  readonly delimiterHint?: string;
  readonly chunks: AsyncIterator<string>;
  /** `true` when the input holds no bytes at all (after gunzip). */
  readonly empty: boolean;
  /**
   * How many invalid UTF-8 sequences the decoder has replaced by U+FFFD so far (it runs
   * ahead of the parsers: a record's replacements are counted before the record is read).
   */
  readonly decoding: { invalidUtf8: number };
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

/** An iterator that throws `error` at once. */
// eslint-disable-next-line require-yield
async function* failing(error: unknown): AsyncGenerator<Uint8Array> {
  throw error;
}

const REPLACEMENT = "\uFFFD";

/** How many times `text` holds U+FFFD. */
function countReplacements(text: string): number {
  let n = 0;
  for (let at = text.indexOf(REPLACEMENT); at >= 0; at = text.indexOf(REPLACEMENT, at + 1)) n++;
  return n;
}

/** How many times `bytes` holds EF BF BD (U+FFFD written in UTF-8, so not a replacement). */
function countEncodedReplacements(bytes: Uint8Array): number {
  let n = 0;
  for (let at = bytes.indexOf(0xef); at >= 0 && at + 2 < bytes.length; at = bytes.indexOf(0xef, at + 1)) {
    if (bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd) n++;
  }
  return n;
}

/**
 * UTF-8 text of `bytes`, counting in `decoding.invalidUtf8` the invalid sequences replaced by
 * U+FFFD: the U+FFFD characters decoded, less those the input wrote itself (EF BF BD, also
 * across a chunk boundary).
 */
async function* decode(bytes: AsyncIterator<Uint8Array>, decoding: { invalidUtf8: number }): AsyncGenerator<string> {
  // Stopped early (a consumer that returned): release the source.
  try {
    const decoder = new TextDecoder("utf-8");
    let tail = new Uint8Array(0);
    for (;;) {
      const next = await bytes.next();
      if (next.done === true) break;
      const text = decoder.decode(next.value, { stream: true });
      if (text.length > 0) {
        const found = countReplacements(text);
        if (found > 0) {
          const joined = new Uint8Array(tail.length + next.value.length);
          joined.set(tail);
          joined.set(next.value, tail.length);
          decoding.invalidUtf8 += Math.max(0, found - countEncodedReplacements(joined));
        }
        yield text;
      }
      // The last two bytes of the stream so far (chunks may be shorter than two bytes).
      if (next.value.length >= 2) tail = next.value.slice(-2);
      else if (next.value.length === 1) tail = Uint8Array.of(...tail.slice(-1), next.value[0] as number);
    }
    const rest = decoder.decode();
    if (rest.length > 0) {
      decoding.invalidUtf8 += countReplacements(rest);
      yield rest;
    }
  } finally {
    await bytes.return?.();
  }
}

/**
 * Why `head` (the first bytes of the text) is UTF-16, or `undefined`: a UTF-16 byte order
 * mark, or ASCII interleaved with NUL bytes (UTF-16 without a mark).
 */
function utf16(head: Uint8Array): string | undefined {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return "its byte order mark FF FE says UTF-16 little-endian";
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return "its byte order mark FE FF says UTF-16 big-endian";
  const n = Math.min(head.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.9 && evenNul === 0) return "its ASCII characters are followed by NUL bytes (UTF-16 little-endian)";
  if (evenNul >= pairs * 0.9 && oddNul === 0) return "its ASCII characters are preceded by NUL bytes (UTF-16 big-endian)";
  return undefined;
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
 * Opens `input` for the reader `fn`. The first bytes are read at once, so a missing file
 * throws here.
 *
 * @internal
 */
export async function openInput(fn: string, input: InputSource, format: InputFormat | undefined): Promise<OpenedInput> {
  const { name, bytes: raw } = sourceBytes(fn, input);
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
  if (gzip) bytes = gunzip(bytes, name);
  // Peek at the text's first bytes: nothing at all, or UTF-16.
  const text: Uint8Array[] = [];
  let textLength = 0;
  // An error while peeking (a damaged stream, a failing source) is thrown where the records
  // are read, after the records before it, as it would be without the peek.
  let failure: { readonly error: unknown } | undefined;
  while (textLength < 512) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await bytes.next();
    } catch (error) {
      failure = { error };
      break;
    }
    if (next.done === true) break;
    text.push(next.value);
    textLength += next.value.length;
  }
  if (failure !== undefined) bytes = failing(failure.error);
  const first512 = concatBytes(text).subarray(0, 512);
  const wide = utf16(first512);
  if (wide !== undefined) {
    await bytes.return?.();
    throw inputError("E_INPUT_ENCODING", name, `UTF-16 is not supported, convert to UTF-8 (${wide})`);
  }
  const decoding = { invalidUtf8: 0 };
  let chunks: AsyncIterator<string> = decode(prepend(text, bytes), decoding);
  const fromName = formatFromName(name);
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
  const opened: OpenedInput = { name, format: resolved, gzip, chunks, empty: textLength === 0 && failure === undefined, decoding };
  return fromName.delimiter !== undefined && resolved === "csv" ? { ...opened, delimiterHint: fromName.delimiter } : opened;
}
