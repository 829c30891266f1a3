/**
 * The command's own errors and exit codes.
 *
 * @internal
 * @module
 */
import { INPUT_FORMAT_CODES } from "../io/InputFormatError.ts";

/**
 * The exit codes of `cx-metrics` (docs/guide/cli.md, "Exit codes").
 *
 * - `OK` 0: the report was written and every gate passed (or there were none).
 * - `GATE_FAILED` 1: the report was written and at least one gate failed (or had no data), or
 *   more ticket rows were rejected than `--max-rejected` allows.
 * - `BAD_INPUT` 2: a usage error (unknown option, bad value, bad gate) or an input error (a
 *   file that is not what the preset expects, an unreadable file, no ticket row usable,
 *   `--strict` with rejected rows).
 * - `INTERNAL` 3: an unexpected error (a bug: please report it with the stack trace).
 */
export const EXIT = { OK: 0, GATE_FAILED: 1, BAD_INPUT: 2, INTERNAL: 3 } as const;

/**
 * Every stable code of {@link CliError}; docs/guide/errors.md ("The `cx-metrics` command")
 * documents each one (a test checks that the two agree). Adding a code is adding one line here
 * and one row there. The `E_INPUT_*` codes are the readers' {@link InputFormatError} codes,
 * which the command passes on.
 */
export const CLI_ERROR_CODES = [
  "E_CLI_USAGE",
  "E_CLI_OPTION_VALUE",
  "E_CLI_TIME_ZONE_REQUIRED",
  "E_CLI_GATE_SYNTAX",
  "E_CLI_GATE_PATH",
  "E_CLI_GATE_VALUE",
  "E_CLI_CONFIG_FILE",
  "E_CLI_FILE",
  "E_CLI_NO_ROWS",
  "E_CLI_PARTIAL",
  "E_CLI_PARTIAL_MISMATCH",
  "E_CLI_PARTIAL_OVERLAP",
  ...INPUT_FORMAT_CODES,
] as const;

/** A stable code of {@link CliError}: one of {@link CLI_ERROR_CODES}. */
export type CliErrorCode = (typeof CLI_ERROR_CODES)[number];

/**
 * A usage or input error of the command: printed as `cx-metrics: <message>` on stderr, exit 2.
 * `hint` is printed on a second line when present.
 */
export class CliError extends Error {
  /** The stable code. */
  readonly code: CliErrorCode;
  /** An extra line of help, e.g. `Run "cx-metrics report --help" for the options`. */
  readonly hint: string | undefined;

  /**
   * @param code - The stable code.
   * @param message - What is wrong, without a final period.
   * @param hint - An optional line of help.
   */
  constructor(code: CliErrorCode, message: string, hint?: string) {
    super(message);
    this.name = "CliError";
    this.code = code;
    this.hint = hint;
  }
}
