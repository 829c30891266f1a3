import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { Reject } from "../types.ts";

const quote = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * Writes rejects as a CSV file with the columns `record,line,column,value,reason` (one row
 * per issue, `line` blank when unknown), quoting fields as RFC 4180 requires.
 *
 * @param rejects - The rejects of a reader, e.g. `result.rejects`.
 * @param output - A path to create (or replace), or a `Writable` (left open).
 * @returns A promise that settles when everything is written.
 * @throws The file system's error when the file cannot be written.
 * @remarks Values are written exactly as found; a spreadsheet may treat a value that starts
 *   with `=` as a formula. No rejects give a file with the header only.
 * @example
 * ```ts
 * await writeRejectsCsv(result.rejects, "rejects.csv");
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc4180 | RFC 4180}
 * @category Input
 */
export async function writeRejectsCsv(rejects: readonly Reject[], output: string | Writable): Promise<void> {
  const stream = typeof output === "string" ? createWriteStream(output) : output;
  const write = async (text: string): Promise<void> => {
    if (!stream.write(text)) await once(stream, "drain");
  };
  await write("record,line,column,value,reason\n");
  for (const r of rejects) {
    await write(
      `${String(r.record)},${r.line === undefined ? "" : String(r.line)},${quote(r.column)},${quote(r.value)},${quote(r.reason)}\n`,
    );
  }
  if (typeof output === "string") {
    stream.end();
    await once(stream, "finish");
  }
}
