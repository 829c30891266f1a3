/**
 * What {@link run} writes to and reads from, so tests can run the command in-process.
 *
 * @internal
 * @module
 */
import type { Readable } from "node:stream";

/** A text sink such as `process.stdout`. */
export interface CliWriter {
  /** Writes text (UTF-8). */
  write(text: string): unknown;
  /** `true` when the sink is a terminal: decides the default format and progress output. */
  readonly isTTY?: boolean | undefined;
}

/** The process the command runs in: standard streams and (for `-`) standard input. */
export interface CliIo {
  /** Where the report goes (unless `--output` is given). */
  readonly stdout: CliWriter;
  /** Where the input summary, rejects, progress and errors go. */
  readonly stderr: CliWriter;
  /** Read for the path `-`; default: none (then `-` is a usage error). */
  readonly stdin?: Readable | undefined;
}
