import { csvBatches, type CsvCounters } from "./_csv.ts";
import { openInput } from "./_open.ts";
import type { InputSource } from "./types.ts";

/**
 * One data record of a CSV file: its 1-based number among the data records (the header is
 * not counted), the physical line where it starts, and its fields by column name. Rows are
 * null-prototype objects, so a column named `__proto__` or `constructor` is an ordinary key.
 *
 * @category Input
 */
export interface CsvRecord {
  /** 1-based position among the data records (record 1 is the first record after the header). */
  readonly record: number;
  /** The 1-based physical line where the record starts (quoted line breaks count as lines). */
  readonly line: number;
  /**
   * The fields, keyed by header name (trimmed; a leading BOM removed). When a header name
   * repeats, the first column of that name wins. A short row leaves later keys out.
   */
  readonly row: Readonly<Record<string, string>>;
  /** Why the row is malformed (a field count that differs from the header's, bad quotes), if it is. */
  readonly problem?: string;
}

/**
 * Options of {@link readCsv}.
 *
 * @category Input
 */
export interface ReadCsvOptions {
  /** The delimiter; default: detected from the header line among `,` `;` tab `|` (tab for `.tsv`). */
  readonly delimiter?: string;
}

/**
 * Streams the records of a CSV file as header-keyed rows, without holding the file in
 * memory: each record is the header's names paired with the record's fields.
 *
 * @param input - A {@link InputSource} (a Web `ReadableStream` of bytes, a `File` or `Blob`, an
 *   async iterable of bytes; in Node `openFile(path)` from `cx-metrics/io/node`); gzip is
 *   recognised by its magic bytes (`1f 8b`), whatever the name.
 * @param options - {@link ReadCsvOptions}; default: delimiter detected.
 * @returns An async generator of {@link CsvRecord}s; an empty file yields nothing.
 * @throws `MetricRangeError` (from `cx-metrics`) `E_OPTION_VALUE` when `input` is not a source (a path
 *   string is not: open it with `openFile`).
 * @throws The source's own error (e.g. `ENOENT` from `openFile`) when it cannot be read;
 *   {@link InputFormatError} `E_INPUT_ENCODING` for UTF-16 input, `E_INPUT_GZIP` for a damaged
 *   gzip stream (after the records before the damage), `E_INPUT_LIMIT` for a record that does
 *   not end within 64 MiB.
 * @remarks Quoted fields may hold delimiters, quotes (`""`) and line breaks. The line break
 *   (CRLF, LF or bare CR) is the first one outside quotes, so a bare CR inside an unquoted
 *   field of an LF file stays in the field. Lines whose fields are all blank are skipped.
 *   A leading UTF-8 BOM is removed.
 * @example
 * ```ts
 * for await (const { record, row } of readCsv(openFile("examples/data/tickets.csv"))) {
 *   if (record === 1) row["id"]; // => "1000"
 * }
 * ```
 * @see {@link https://www.rfc-editor.org/rfc/rfc4180 | RFC 4180}
 * @category Input
 */
export async function* readCsv(input: InputSource, options?: ReadCsvOptions): AsyncGenerator<CsvRecord> {
  const opened = await openInput("readCsv", input, "csv");
  const counters: CsvCounters = { blankLines: 0 };
  let header: string[] | undefined;
  try {
    for await (const batch of csvBatches(opened.chunks, options?.delimiter ?? opened.delimiterHint, counters, opened.name)) {
      for (const csvRow of batch) {
        if (header === undefined) {
          header = csvRow.data.map((name) => name.replace(/^\uFEFF/, "").trim());
          continue;
        }
        const row = Object.create(null) as Record<string, string>;
        const n = Math.min(header.length, csvRow.data.length);
        for (let i = 0; i < n; i++) {
          const key = header[i] as string;
          if (!Object.hasOwn(row, key)) row[key] = csvRow.data[i] as string;
        }
        const { record, line, problem } = csvRow;
        yield problem === undefined ? { record, line, row } : { record, line, row, problem };
      }
    }
  } finally {
    // Stopped early: release the input.
    await opened.chunks.return?.();
  }
}
