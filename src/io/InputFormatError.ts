/**
 * Every stable code of {@link InputFormatError}; docs/guide/errors.md documents each one (a
 * test checks that the two agree). Adding a code is adding one line here and one row there.
 *
 * - `E_INPUT_COLUMNS`: the input lacks columns the preset (or the column map) needs.
 * - `E_INPUT_SYNTAX`: the input is not of the expected layout at all (a JSON file that is
 *   neither an array nor an object, a JSON document that does not parse).
 *
 * @category Errors
 */
export const INPUT_FORMAT_CODES = [
  "E_INPUT_COLUMNS",
  "E_INPUT_SYNTAX",
] as const;

/**
 * A stable code of {@link InputFormatError}: one of {@link INPUT_FORMAT_CODES}.
 *
 * @category Errors
 */
export type InputFormatCode = (typeof INPUT_FORMAT_CODES)[number];

/**
 * What {@link InputFormatError} knows about the mismatch.
 *
 * @category Errors
 */
export interface InputFormatDetails {
  /** The preset (or model reader) that was expected, e.g. `"zendesk-csv"`. */
  readonly preset: string;
  /** The columns found in the input (the CSV header, or the keys of the first JSON record). */
  readonly found: readonly string[];
  /** The columns the preset needs. */
  readonly expected: readonly string[];
  /** The expected columns that are missing. */
  readonly missing: readonly string[];
}

/**
 * Thrown at once, before any record is returned, when an input is not what the reader
 * expects: required columns are missing (the wrong preset, the wrong file) or the file is
 * not of its layout at all. Bad values in single records never throw; they are rejected and
 * counted.
 *
 * @example
 * ```ts
 * try {
 *   await readTickets("examples/data/tickets.csv", { preset: "zendesk-csv" });
 * } catch (error) {
 *   if (error instanceof InputFormatError) error.missing; // => ["Created at"]
 * }
 * ```
 * @category Errors
 */
export class InputFormatError extends Error {
  /** The stable code. */
  readonly code: InputFormatCode;
  /** The preset (or model reader) that was expected. */
  readonly preset: string;
  /** The columns found in the input. */
  readonly found: readonly string[];
  /** The columns the preset needs. */
  readonly expected: readonly string[];
  /** The expected columns that are missing. */
  readonly missing: readonly string[];

  /**
   * @param code - The stable code.
   * @param message - `functionName: what is wrong`, without a final period.
   * @param details - The preset and the columns found, expected and missing.
   */
  constructor(code: InputFormatCode, message: string, details: InputFormatDetails) {
    super(message);
    this.name = "InputFormatError";
    this.code = code;
    this.preset = details.preset;
    this.found = details.found;
    this.expected = details.expected;
    this.missing = details.missing;
  }
}
