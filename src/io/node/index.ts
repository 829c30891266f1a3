/**
 * Node conveniences for the readers of `cx-metrics/io`: open a path (or standard input) as a
 * source, and write the rejects of a read as a CSV file. The readers themselves are in
 * `cx-metrics/io`, which runs in every runtime.
 *
 * @packageDocumentation
 */
export { openFile } from "./openFile.ts";
export type { OpenFileOptions } from "./openFile.ts";
export { writeRejectsCsv } from "./writeRejectsCsv.ts";
