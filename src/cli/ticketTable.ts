/**
 * `cx-metrics report --format csv --table tickets`: one CSV row per ticket in scope
 * (`ticketRowMaker`), written while the tickets are folded into the report, so the table of a
 * file of any size is written without holding its tickets.
 *
 * @internal
 * @module
 */
import { closeSync, openSync, writeSync } from "node:fs";
import type { Ticket } from "../models/ticket.ts";
import { ticketRowMaker, type TicketRowsOptions } from "../report/index.ts";
import type { OutputFormat } from "./args.ts";
import { describeFsError } from "./config.ts";
import { csvLine } from "./csv.ts";
import { CliError } from "./errors.ts";
import type { CliIo } from "./io.ts";

/** Text is written in chunks of about this many characters. */
const CHUNK = 1 << 16;

/** Whether a run writes the tickets table (`--format csv --table tickets`). */
export function writesTicketTable(format: OutputFormat, table: string): boolean {
  return format === "csv" && table === "tickets";
}

/**
 * Refuses `--table tickets` where it cannot be written: with another format than CSV (the
 * table is CSV only) and with `--partial` (a partial holds no tickets).
 */
export function checkTicketTableArgs(format: OutputFormat, table: string, partial: string | undefined): void {
  if (table !== "tickets") return;
  if (format !== "csv") {
    throw new CliError(
      "E_CLI_USAGE",
      `--table tickets is a CSV table: it needs --format csv (or --output FILE.csv), got --format ${format}`,
      "Add --format csv",
    );
  }
  if (partial !== undefined) {
    throw new CliError(
      "E_CLI_USAGE",
      "--table tickets cannot be used with --partial: a partial holds the accumulator state, not the tickets",
      "Write the tickets table of each part with its own run",
    );
  }
}

/** A table being written: `row` each ticket folded, `close` at the end. */
export interface TicketTableSink {
  /** Writes the ticket's row (nothing for a ticket out of scope). */
  readonly row: (ticket: Ticket) => void;
  /** Writes what is buffered and closes the file. */
  readonly close: () => void;
}

/**
 * Opens the tickets table on `--output` (truncated) or standard output and writes its header:
 * the columns of `ticketRowMaker(options)`. Rows are buffered in chunks of 64 KiB and written
 * synchronously (a file, or standard output, which Node writes synchronously to files and, on
 * Linux, to pipes), so memory stays flat however many tickets pass.
 */
export function openTicketTable(output: string | undefined, io: CliIo, options: TicketRowsOptions): TicketTableSink {
  const maker = ticketRowMaker(options);
  const names = maker.columns.map((c) => c.name);
  let fd: number | undefined;
  if (output !== undefined) {
    try {
      fd = openSync(output, "w");
    } catch (error) {
      throw new CliError("E_CLI_FILE", `--output ${output}: ${describeFsError(error)}`);
    }
  }
  const write = (text: string): void => {
    if (fd === undefined) {
      io.stdout.write(text);
      return;
    }
    try {
      writeSync(fd, text);
    } catch (error) {
      throw new CliError("E_CLI_FILE", `--output ${output as string}: ${describeFsError(error)}`);
    }
  };
  let buffer = csvLine(names);
  return {
    row(ticket) {
      const cells = maker.cells(ticket);
      if (cells === undefined) return;
      buffer += csvLine(cells);
      if (buffer.length >= CHUNK) {
        write(buffer);
        buffer = "";
      }
    },
    close() {
      if (buffer.length > 0) write(buffer);
      buffer = "";
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
