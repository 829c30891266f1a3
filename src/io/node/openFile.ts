import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import type { NamedSource } from "../types.ts";

/**
 * Options of {@link openFile}.
 *
 * @category Input
 */
export interface OpenFileOptions {
  /** What the path `"-"` reads; default `process.stdin`. */
  readonly stdin?: Readable;
}

/**
 * Opens a file for the readers of `cx-metrics/io`: a named source whose name is the path
 * (so the layout follows the extension) and whose stream is the file's bytes, or standard
 * input for `"-"`.
 *
 * @param path - The file's path, or `"-"` for standard input.
 * @param options - {@link OpenFileOptions}; default: `"-"` reads `process.stdin`.
 * @returns A {@link NamedSource} for `readTickets`, `readMessages`, `readSurveyResponses`,
 *   `readCohorts` and `readCsv`. Nothing is read until a reader calls `stream()`.
 * @throws Nothing itself. The file system's error (`ENOENT`, `EACCES`, `EISDIR`, with its
 *   `code` and `path`) is thrown by the reader, when it opens the source.
 * @remarks Gzip needs nothing here: the readers recognise it by its first bytes, whatever
 *   the name (`tickets.csv.gz` is read as CSV). Each call of `stream()` opens the file
 *   again; standard input can be read once.
 * @example
 * ```ts
 * import { readTickets } from "cx-metrics/io";
 * import { openFile } from "cx-metrics/io/node";
 *
 * const { records, stats } = await readTickets(openFile("examples/data/tickets.csv"));
 * for await (const ticket of records) ticket.id;
 * stats.read === stats.used + stats.rejected + stats.excluded; // => true
 * stats.read;                                                  // => 396
 * ```
 * @category Input
 */
export function openFile(path: string, options?: OpenFileOptions): NamedSource {
  return {
    name: path,
    stream: () => (path === "-" ? (options?.stdin ?? process.stdin) : createReadStream(path)),
  };
}
