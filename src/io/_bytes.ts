/**
 * The bytes of an input, in any runtime: a Web `ReadableStream`, a `File` / `Blob` (anything
 * with `stream()`), or an async iterable of bytes or strings (a Node `Readable`) become one
 * async iterator of `Uint8Array`s; gzip goes through the platform's `DecompressionStream`.
 * No Node built-in: this is what lets `cx-metrics/io` run in Node, Deno, Bun and browsers.
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import { InputFormatError, type InputFormatCode } from "./InputFormatError.ts";
import type { ByteStream, InputSource } from "./types.ts";

/**
 * An {@link InputFormatError} of the input itself, `name: text` (no function, preset or
 * columns known yet: the engine adds them). @internal
 */
export function inputError(code: InputFormatCode, name: string, text: string): InputFormatError {
  return new InputFormatError(code, `${name}: ${text}`, { preset: "", found: [], expected: [], missing: [], input: name });
}

/** The name of an input without one (a bare stream). @internal */
export const UNNAMED = "<stream>";

const encoder = new TextEncoder();

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === "string") return encoder.encode(chunk);
  if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
  throw new TypeError("input streams must produce bytes or strings");
}

const isObject = (value: unknown): value is Record<PropertyKey, unknown> =>
  (typeof value === "object" || typeof value === "function") && value !== null;

/** The chunks of a Web stream, read with a reader (async iteration of streams is not everywhere yet). */
async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      yield toBytes(next.value);
    }
    done = true;
  } finally {
    // Stopped early (an error, a consumer that returned): release the source.
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

async function* iterableChunks(items: AsyncIterable<unknown>): AsyncGenerator<Uint8Array> {
  for await (const chunk of items) yield toBytes(chunk);
}

function byteChunks(stream: ByteStream): AsyncGenerator<Uint8Array> | undefined {
  if (!isObject(stream)) return undefined;
  if (typeof stream["getReader"] === "function") return streamChunks(stream as ReadableStream<Uint8Array>);
  if (typeof stream[Symbol.asyncIterator] === "function") return iterableChunks(stream as AsyncIterable<unknown>);
  return undefined;
}

function show(input: unknown): string {
  if (typeof input === "string") return `the string ${JSON.stringify(input.length > 60 ? `${input.slice(0, 60)}…` : input)}`;
  if (input === null || typeof input !== "object") return String(input);
  const name = (input as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === "string" && name !== "" && name !== "Object" ? `an instance of ${name}` : "an object";
}

/**
 * The name and bytes of `input`; `fn` names the reader in the error for anything else.
 *
 * @throws {@link MetricRangeError} `E_OPTION_VALUE` when `input` is not a source (a path
 *   string among them: paths are opened by `openFile` of `cx-metrics/io/node`).
 * @internal
 */
export function sourceBytes(fn: string, input: InputSource): { readonly name: string; readonly bytes: AsyncIterator<Uint8Array> } {
  const value: unknown = input;
  let name = UNNAMED;
  let bytes: AsyncIterator<Uint8Array> | undefined;
  if (isObject(value) && typeof value["stream"] === "function" && typeof value["getReader"] !== "function") {
    if (typeof value["name"] === "string" && value["name"] !== "") name = value["name"];
    bytes = byteChunks((value["stream"] as () => ByteStream).call(value));
  } else bytes = byteChunks(value as ByteStream);
  if (bytes === undefined) {
    const hint = typeof value === "string" ? "; open a path with openFile from cx-metrics/io/node" : "";
    throw new MetricRangeError(
      "E_OPTION_VALUE",
      `${fn}: input must be a ReadableStream of bytes, a File or Blob, or an async iterable of bytes, got ${show(value)}${hint}`,
    );
  }
  return { name, bytes };
}

/** `bytes`, counting what passes in `seen.n`, remembering a failure of the source itself. */
function counting(bytes: AsyncIterator<Uint8Array>, seen: { n: number; failure?: { error: unknown } }): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await bytes.next();
      } catch (error) {
        seen.failure = { error };
        controller.error(error);
        return;
      }
      if (next.done === true) controller.close();
      else {
        seen.n += next.value.length;
        controller.enqueue(next.value);
      }
    },
    async cancel() {
      await bytes.return?.();
    },
  });
}

/**
 * The gunzipped bytes of `bytes` (through `DecompressionStream("gzip")`). A damaged stream is
 * `E_INPUT_GZIP` naming the compressed bytes read; a failure of the source is its own error.
 *
 * @internal
 */
export function gunzip(bytes: AsyncIterator<Uint8Array>, name: string): AsyncIterator<Uint8Array> {
  const seen: { n: number; failure?: { error: unknown } } = { n: 0 };
  return (async function* () {
    if (typeof DecompressionStream !== "function") {
      await bytes.return?.();
      throw inputError(
        "E_INPUT_GZIP",
        name,
        "the input is gzip-compressed and this runtime has no DecompressionStream; decompress it first",
      );
    }
    const inflated = counting(bytes, seen).pipeThrough(new DecompressionStream("gzip") as ReadableWritablePair<Uint8Array, Uint8Array>);
    try {
      yield* streamChunks(inflated);
    } catch (error) {
      if (seen.failure !== undefined) throw seen.failure.error;
      const text = error instanceof Error ? error.message : String(error);
      throw inputError("E_INPUT_GZIP", name, `the file is not a complete gzip stream: ${text} after ${String(seen.n)} bytes`);
    }
  })();
}

/** The bytes of `chunks` joined. @internal */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
