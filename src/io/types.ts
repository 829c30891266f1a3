/**
 * Bytes as a stream: a Web `ReadableStream<Uint8Array>` (`File.stream()`, `Response.body`,
 * Deno's `file.readable`), or any async iterable of `Uint8Array` or string chunks (a Node
 * `Readable`, an async generator). Strings are encoded as UTF-8.
 *
 * @category Input
 */
export type ByteStream = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>;

/**
 * A source with a name, such as a browser `File`, a `Blob`, Bun's `Bun.file(path)` or what
 * `openFile` (from `cx-metrics/io/node`) returns. The readers call `stream()` once. The name
 * (a file name or path) decides the layout when `ReadOptions.format` is not given (`.csv`,
 * `.json`, `.ndjson`, optionally followed by `.gz`) and names the input in errors.
 *
 * @category Input
 */
export interface NamedSource {
  /** The file name or path; default `"<stream>"` (and the layout is sniffed). */
  readonly name?: string;
  /** A new stream of the source's bytes. */
  stream(): ByteStream;
}

/**
 * Where records come from: a {@link ByteStream} or a {@link NamedSource}. Any of them may be
 * gzip-compressed: compression is recognised by the first two bytes (`1f 8b`), not by the
 * name, and undone with the runtime's `DecompressionStream("gzip")`. A path is not a source
 * here (this entry runs in browsers too): in Node, `openFile(path)` from `cx-metrics/io/node`
 * makes one (`"-"` for standard input).
 *
 * @category Input
 */
export type InputSource = ByteStream | NamedSource;

/**
 * The physical layout of an input: `csv` (any of `,` `;` tab `|` as the delimiter), `json`
 * (an array of records, or one object that wraps arrays of records) or `ndjson` (one JSON
 * value per line, also called JSON Lines).
 *
 * @category Input
 */
export type InputFormat = "csv" | "json" | "ndjson";

/**
 * A column preset: how the columns of one helpdesk's export become `Ticket` fields.
 * docs/guide/cli.md lists the exact columns each preset reads.
 *
 * - `generic`: this library's own snake_case columns (`id`, `created_at`, `status`, ...).
 * - `zendesk-csv`: Zendesk's ticket CSV export (`Id`, `Created at`, `Status`, ...).
 * - `zendesk-json`: Zendesk ticket API objects, with side-loaded `metric_sets`.
 * - `freshdesk-csv`: Freshdesk's ticket export (`Ticket ID`, `Created time`, `Status`, ...).
 * - `intercom-json`: Intercom conversation objects with their `statistics`.
 * - `chatwoot-json`: Chatwoot conversations API objects (`data.payload`).
 * - `helpscout-json`: Help Scout Mailbox API 2.0 conversations, with their threads when embedded.
 * - `zammad-json`: Zammad tickets API objects (`GET /api/v1/tickets`, best with `?expand=true`).
 * - `gorgias-json`: Gorgias tickets API objects (`data`).
 * - `threads`, `twcs`: a messages file linked by reply ids, read into conversations
 *   ({@link ThreadPreset}; `readThreads`).
 *
 * @category Input
 */
export type TicketPreset =
  | "generic"
  | "zendesk-csv"
  | "zendesk-json"
  | "freshdesk-csv"
  | "intercom-json"
  | "chatwoot-json"
  | "helpscout-json"
  | "zammad-json"
  | "gorgias-json"
  | ThreadPreset;

/**
 * A thread preset: the layout of a messages file whose messages link by reply ids (a social
 * channel), read into conversations by `readThreads` (and by `readTickets` with the same preset).
 *
 * - `threads`: this library's columns `id`, `at`, `author`, `in_reply_to`, `author_id`, `responses`.
 * - `twcs`: the "Customer Support on Twitter" data set (Thought Vector): `tweet_id`, `author_id`,
 *   `inbound`, `created_at` in Twitter's layout, `response_tweet_id`, `in_response_to_tweet_id`.
 *
 * @category Input
 */
export type ThreadPreset = "threads" | "twcs";

/**
 * A user mapping from model fields to the input's columns: either an object
 * (`{ createdAt: "Opened On" }`) or the command line's `field=Column` strings
 * (`["createdAt=Opened On"]`). Field names are the model's camelCase names (snake_case is
 * accepted too); an empty column (`"tags="`) stops a preset from reading that field.
 * For JSON inputs a column is a dot path (`"via.channel"`).
 *
 * @category Input
 */
export type ColumnMap = Readonly<Record<string, string>> | readonly string[];

/**
 * One problem with one rejected record. A record with several problems has several
 * rejects, all with the same `record`.
 *
 * @category Input
 */
export interface Reject {
  /**
   * The 1-based position of the record: for CSV the data record number (the header is not
   * counted), for JSON the element index plus one, for NDJSON the number of the non-blank line.
   */
  readonly record: number;
  /**
   * The 1-based physical line where the record starts, when known (CSV, NDJSON, streamed
   * JSON arrays; absent for records inside a JSON document that is read whole).
   */
  readonly line?: number;
  /**
   * The column as the input names it (`"Created at"`, or a JSON dot path such as
   * `"via.channel"`); `"(record)"` when the record as a whole is at fault (a malformed CSV
   * row, invalid JSON, a duplicate id found across columns is reported on the id column).
   */
  readonly column: string;
  /** The raw value found (`""` when missing; JSON values other than strings are JSON-encoded). */
  readonly value: string;
  /** What must hold, completing the sentence "`column` …", e.g. `"is required"`. */
  readonly reason: string;
}

/**
 * The accounting of one read: every record is either used or rejected, so once the records
 * have been iterated `read === used + rejected`. The object is updated while the records are
 * read; its numbers are final when the iteration ends.
 *
 * @category Input
 */
export interface ReadStats {
  /** Records read (CSV data records, JSON elements, NDJSON non-blank lines). */
  read: number;
  /** Records that became models. */
  used: number;
  /** Records rejected; each has at least one {@link Reject}. */
  rejected: number;
  /**
   * Records excluded on purpose, neither used nor rejected: tickets the helpdesk marks as
   * deleted or spam. `read = used + rejected + excluded`.
   */
  excluded: number;
  /** {@link ReadStats.excluded} by reason (`"deleted"`, `"spam"`); reasons without records are absent. */
  excludedBy: Record<string, number>;
  /** Blank lines skipped (CSV lines whose fields are all blank; empty NDJSON lines). Not records. */
  blankLines: number;
  /**
   * Invalid UTF-8 sequences in the input, each read as U+FFFD (the replacement character).
   * The records holding them are read as usual; this says that their text was changed.
   */
  invalidUtf8: number;
  /**
   * {@link ReadStats.invalidUtf8} by column (the CSV header name, or the top-level JSON key);
   * replacements found elsewhere (a blank line, a nested JSON value, a header) count under
   * `"(other)"`. Columns without replacements are absent.
   */
  invalidUtf8ByColumn: Record<string, number>;
}

/**
 * How an input was read, for reports and error messages.
 *
 * @category Input
 */
export interface InputInfo {
  /** The name of the input ({@link NamedSource.name}: a file name, the path given to `openFile`, `"-"` for standard input), else `"<stream>"`. */
  readonly name: string;
  /** The layout read. */
  readonly format: InputFormat;
  /** `true` when the input was gzip-compressed. */
  readonly gzip: boolean;
  /** The CSV delimiter used; absent for JSON. */
  readonly delimiter?: string;
  /** The CSV header (trimmed); for JSON, the keys of the first record. */
  readonly columns: readonly string[];
  /**
   * The model fields the input provides, in the reader's field order: a field is provided
   * when its column is in the CSV header, or, for JSON and NDJSON, when at least one record
   * has its path (even with `null`: a key present in the export is a field the helpdesk
   * exports; but a `null` on the way, such as Zendesk's `satisfaction_rating: null` for
   * `satisfaction_rating.score` where satisfaction is off, is not the path). Durations the helpdesk computed are named where the model puts them
   * (`helpdesk.firstReply`). A field the input does not provide is absent from the data, not
   * empty: a metric that needs it cannot be computed from this input. Final once the records
   * have been iterated (for CSV, known at once).
   */
  readonly fields: readonly string[];
  /**
   * The provided fields ({@link InputInfo.fields}) that no record has a value for: the column
   * is there, every value blank (or `null`). Final once the records have been iterated.
   */
  readonly blankFields: readonly string[];
}

/**
 * The result of a reader: the models as a single-use async iterable, and the accounting,
 * which is complete once `records` has been iterated to the end.
 *
 * @typeParam T - The model type.
 * @category Input
 */
export interface ReadResult<T> {
  /** The models, in input order. Iterate once; the input is read as you iterate. */
  readonly records: AsyncIterable<T>;
  /** The counts; final when the iteration of `records` ends. */
  readonly stats: ReadStats;
  /** Every problem of every rejected record, in input order. */
  readonly rejects: Reject[];
  /** How the input was read. */
  readonly input: InputInfo;
}

/**
 * Options shared by every reader.
 *
 * @category Input
 */
export interface ReadOptions {
  /**
   * The layout; default: from the source's name ({@link NamedSource.name}: `.csv`, `.tsv` → csv; `.json` → json; `.ndjson`,
   * `.jsonl` → ndjson; a trailing `.gz` is ignored), else sniffed from the first bytes
   * (`[` → json, `{` → ndjson when the first line is a whole JSON value, else json; anything
   * else → csv).
   */
  readonly format?: InputFormat;
  /** The CSV delimiter; default: detected from the header line among `,` `;` tab `|` (tab for `.tsv`). */
  readonly delimiter?: string;
  /**
   * The IANA time zone of naive local timestamps (`"2026-03-08 10:00:00"`), e.g. the
   * helpdesk account's zone. Default: none, and a naive timestamp rejects its record.
   */
  readonly timeZone?: string;
  /** Column overrides and additions; see {@link ColumnMap}. Default: none. */
  readonly map?: ColumnMap;
  /**
   * The layout of timestamps that are not ISO 8601, in date-fns `parse` tokens:
   * `"EEE MMM dd HH:mm:ss xx yyyy"` for `Tue Oct 31 22:10:47 +0000 2017`, `"dd/MM/yyyy HH:mm"`
   * for `31/10/2017 22:10`. ISO 8601 values are still read (the fast path first); a layout
   * without an offset token (`xx`, `XXX`) is read in `timeZone`, and without `timeZone` its
   * values are rejected like naive ISO values. A value that matches neither is rejected,
   * naming the layout. Default: none (ISO 8601 and epoch milliseconds only). A layout that
   * is not date-fns `parse` tokens, or names no whole date (a year, a month and a day, or an
   * epoch timestamp), makes the reader throw `E_OPTION_VALUE` at once.
   */
  readonly dateFormat?: string;
}
