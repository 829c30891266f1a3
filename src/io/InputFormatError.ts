/**
 * Every stable code of {@link InputFormatError}; docs/guide/errors.md documents each one (a
 * test checks that the two agree). Adding a code is adding one line here and one row there.
 *
 * - `E_INPUT_COLUMNS`: the input lacks columns the preset (or the column map) needs.
 * - `E_INPUT_SYNTAX`: the input is not of the expected layout at all (a JSON file that is
 *   neither an array nor an object, a JSON document that does not parse).
 * - `E_INPUT_GZIP`: the input starts as gzip but is not a complete, valid gzip stream
 *   (truncated, corrupted); thrown while reading, after the records before the damage.
 * - `E_INPUT_ENCODING`: the input is UTF-16 (a UTF-16 byte order mark, or ASCII interleaved
 *   with NUL bytes); only UTF-8 is read.
 * - `E_INPUT_EMPTY`: the file is empty (no bytes, or a CSV file with no header line).
 * - `E_INPUT_LIMIT`: a CSV record or an NDJSON line does not end within the size limit
 *   (64 MiB, see `INPUT_LIMITS`), or a JSON document read whole is larger than it.
 * - `E_INPUT_DUPLICATE_COLUMN`: two CSV header columns have the same name (compared
 *   ignoring letter case, as columns are matched).
 *
 * @category Errors
 */
export const INPUT_FORMAT_CODES = [
  "E_INPUT_COLUMNS",
  "E_INPUT_SYNTAX",
  "E_INPUT_GZIP",
  "E_INPUT_ENCODING",
  "E_INPUT_EMPTY",
  "E_INPUT_LIMIT",
  "E_INPUT_DUPLICATE_COLUMN",
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
  /** The input's name (path, `"-"`, `"<stream>"`), when the message starts with it (`name: …`). */
  readonly input?: string;
}

/**
 * Thrown at once, before any record is returned, when an input is not what the reader
 * expects: required columns are missing (the wrong preset, the wrong file), the file is
 * empty, UTF-16, or not of its layout at all. Damage found later (a truncated gzip stream,
 * a record past the size limit) throws while the records are iterated; the records before
 * it have been returned and counted. Bad values in single records never throw; they are
 * rejected and counted.
 *
 * @example
 * ```ts
 * try {
 *   await readTickets(openFile("examples/data/tickets.csv"), { preset: "zendesk-csv" });
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
  /** The input's name when the message starts with it (`"fn: name: …"`), else `undefined`. */
  readonly input: string | undefined;

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
    this.input = details.input;
  }
}
