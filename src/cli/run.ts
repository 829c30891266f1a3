/**
 * The command's entry point, independent of the process: `run(argv, io)` returns the exit
 * code, so tests run the command in-process with injected streams.
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import { InputFormatError } from "../io/InputFormatError.ts";
import { CliError, EXIT } from "./errors.ts";
import { MAIN_HELP, mergeHelp, reportHelp, staffingHelp } from "./help.ts";
import type { CliIo } from "./io.ts";
import { safeLines } from "./render/safe.ts";
import { mergeCommand } from "./merge.ts";
import { reportCommand } from "./report.ts";
import { SCHEDULE_TABLE_HELP, scheduleTableCommand, SQL_HELP, sqlCommand } from "./sql.ts";
import { staffingCommand } from "./staffing.ts";
import { packageVersion } from "./version.ts";

export type { CliIo, CliWriter } from "./io.ts";
export { EXIT } from "./errors.ts";

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(MAIN_HELP);
    return EXIT.BAD_INPUT;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    io.stdout.write(
      rest[0] === "report"
        ? reportHelp()
        : rest[0] === "staffing"
          ? staffingHelp()
          : rest[0] === "merge"
            ? mergeHelp()
            : rest[0] === "sql"
              ? SQL_HELP
              : rest[0] === "schedule-table"
                ? SCHEDULE_TABLE_HELP
                : MAIN_HELP,
    );
    return EXIT.OK;
  }
  if (first === "--version" || first === "-v" || first === "version") {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.OK;
  }
  if (first === "report") return reportCommand(rest, io);
  if (first === "staffing") return staffingCommand(rest, io);
  if (first === "merge") return mergeCommand(rest, io);
  if (first === "sql") return sqlCommand(rest, io);
  if (first === "schedule-table") return scheduleTableCommand(rest, io);
  throw new CliError(
    "E_CLI_USAGE",
    first.startsWith("-")
      ? `unknown option ${first} (options come after the command: cx-metrics report <file> ${first} ...)`
      : `unknown command ${JSON.stringify(first)}`,
    'Run "cx-metrics --help" for the commands',
  );
}

/**
 * Runs `cx-metrics` with `argv` (the arguments after the program name) and returns the
 * exit code: 0 ok, 1 a gate failed, 2 usage or input error, 3 internal error. Never throws.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (error instanceof CliError) {
      // Messages may quote the data (column names, values): no control character reaches the terminal.
      io.stderr.write(safeLines(`cx-metrics: ${error.message}\n${error.hint === undefined ? "" : `${error.hint}\n`}`));
      return EXIT.BAD_INPUT;
    }
    if (error instanceof InputFormatError) {
      // Damage found while reading (a truncated gzip stream, a record past the size limit):
      // the message names the file.
      io.stderr.write(`cx-metrics: ${error.message.replace(/^\w+: /, "")}\n`);
      return EXIT.BAD_INPUT;
    }
    if (error instanceof MetricRangeError) {
      // An option the metrics refuse (a bad schedule, SLA policy, period): the user's to fix.
      io.stderr.write(safeLines(`cx-metrics: ${error.message} [${error.code}]\n`));
      return EXIT.BAD_INPUT;
    }
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(safeLines(`cx-metrics: internal error (please report it): ${text}\n`));
    return EXIT.INTERNAL;
  }
}
