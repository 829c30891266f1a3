/**
 * Streaming CSV rows from the tokenizer of ./_csvSpans.ts, driven chunk by chunk so that every
 * record keeps its number and the physical line where it starts.
 *
 * @internal
 * @module
 */
import { CsvSpans, tokenizeCsv } from "./_csvSpans.ts";
import { INPUT_LIMITS, showSize } from "./_limits.ts";
import { inputError } from "./_open.ts";

/** One CSV row: the header is record 0. @internal */
export interface CsvRow {
  /** 0 for the header, then 1, 2, ... for the data records. */
  readonly record: number;
  /** The 1-based physical line where the record starts. */
  readonly line: number;
  /** The raw fields (named as the reading engine names a record's data). */
  readonly data: readonly string[];
  /** Why the row is malformed (wrong number of fields, bad quotes), if it is. */
  readonly problem?: string;
}

/** Detected layout of a CSV text. @internal */
export interface CsvLayout {
  readonly delimiter: string;
  readonly newline: "\n" | "\r\n" | "\r";
}

const CANDIDATES = [",", ";", "\t", "|"] as const;
const MIN_CHUNK = 64 * 1024;

/**
 * The delimiter and line break of `text`, judged from its first record: the candidate that
 * occurs most often outside quotes (ties go to the earlier of `,` `;` tab `|`; none → `,`),
 * and the first line break outside quotes (none → `\n`).
 *
 * @internal
 */
export function detectLayout(text: string, delimiter: string | undefined): CsvLayout {
  const counts = new Map<string, number>();
  let inQuotes = false;
  let newline: CsvLayout["newline"] = "\n";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') {
      inQuotes = !inQuotes;
      continue;
    }
    if (inQuotes) continue;
    if (c === "\n") break;
    if (c === "\r") {
      newline = text[i + 1] === "\n" ? "\r\n" : "\r";
      break;
    }
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = delimiter;
  if (best === undefined) {
    let bestCount = 0;
    best = ",";
    for (const candidate of CANDIDATES) {
      const n = counts.get(candidate) ?? 0;
      if (n > bestCount) {
        best = candidate;
        bestCount = n;
      }
    }
  }
  return { delimiter: best, newline };
}

function countBreaks(fields: readonly string[], mark: string): number {
  let n = 0;
  for (const field of fields) {
    let at = field.indexOf(mark);
    while (at >= 0) {
      n++;
      at = field.indexOf(mark, at + 1);
    }
  }
  return n;
}

function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) {
    // Cheap first: a field that starts with a visible ASCII character is not blank (other
    // characters may be white space to `trim`: NBSP, U+3000, a BOM, …).
    if (field.length === 0) continue;
    const c = field.charCodeAt(0);
    if ((c > 32 && c < 127) || field.trim() !== "") return false;
  }
  return true;
}

/** The characters of a record: its fields and the delimiters between them. */
function recordLength(fields: readonly string[]): number {
  let n = fields.length;
  for (const field of fields) n += field.length;
  return n;
}

/** How many times `mark` occurs in `text` before `end`. */
function countMarks(text: string, mark: string, end: number): number {
  let n = 0;
  let at = text.indexOf(mark);
  while (at >= 0 && at < end) {
    n++;
    at = text.indexOf(mark, at + 1);
  }
  return n;
}

/** Counters the row generator updates. @internal */
export interface CsvCounters {
  blankLines: number;
  layout?: CsvLayout;
  /**
   * Set by the caller after the header to build only the fields whose index it marks (1),
   * the others given as `""`: for a pass that reads a few columns and reports no counts
   * (a field left out cannot make its row count as not blank).
   */
  keep?: Uint8Array | undefined;
}

/**
 * The rows of a CSV text given in chunks, a batch per parsed chunk (so that the caller does
 * its per-row work synchronously, with one await per batch rather than per row). The header
 * is the first row of the first batch. Rows whose fields are all blank are skipped (counted in
 * `counters.blankLines`). Data rows whose field count differs from the header's carry a
 * `problem`.
 *
 * @internal
 */
export async function* csvBatches(
  chunks: AsyncIterator<string>,
  delimiter: string | undefined,
  counters: CsvCounters,
  name = "the input",
): AsyncGenerator<CsvRow[]> {
  let pending = "";
  let done = false;
  // Detect the layout on the first 64 KiB (or the whole text if shorter).
  while (!done && pending.length < MIN_CHUNK) {
    const next = await chunks.next();
    if (next.done === true) done = true;
    else pending += next.value;
  }
  if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
  const layout = detectLayout(pending, delimiter);
  counters.layout = layout;
  const mark = layout.newline === "\r" ? "\r" : "\n";
  const spans = new CsvSpans();
  let record = -1;
  let line = 1;
  let width = -1;
  let partial = "";
  for (;;) {
    // Parse when the new text is at least as long as the carried-over partial record,
    // so one huge quoted field costs O(n log n), not O(n^2).
    while (!done && pending.length < Math.max(MIN_CHUNK, partial.length)) {
      const next = await chunks.next();
      if (next.done === true) done = true;
      else pending += next.value;
    }
    const text = partial + pending;
    pending = "";
    tokenizeCsv(text, done, layout.delimiter, layout.newline, spans);
    const rows: string[][] = new Array<string[]>(spans.count);
    for (let r = 0; r < spans.count; r++) rows[r] = spans.record(text, r, counters.keep);
    // Only a text longer than the limit can hold a record longer than it.
    const long = text.length > INPUT_LIMITS.recordChars;
    const end = done ? text.length : spans.consumed;
    // When the parsed text has exactly one line break per row, no field spans lines and
    // each row is one line; otherwise count the breaks inside each row's fields.
    const oneLineEach = countMarks(text, mark, end) === (done ? rows.length - 1 : rows.length);
    const batch: CsvRow[] = [];
    for (let i = 0; i < rows.length; i++) {
      const fields = rows[i] as string[];
      // The empty "row" after a final line break is not a line of its own.
      if (done && i === rows.length - 1 && fields.length === 1 && fields[0] === "") continue;
      const start = line;
      line += oneLineEach ? 1 : 1 + countBreaks(fields, mark);
      if (isBlank(fields)) {
        if (record >= 0 || fields.length <= 1) {
          counters.blankLines++;
          continue;
        }
      }
      record++;
      if (record === 0) {
        width = fields.length;
        batch.push({ record, line: start, data: fields });
        continue;
      }
      if (long && recordLength(fields) > INPUT_LIMITS.recordChars) {
        // Its fields are not kept: the record is rejected as a whole.
        batch.push({
          record,
          line: start,
          data: [],
          problem: `is longer than the limit of ${showSize(INPUT_LIMITS.recordChars)} per record`,
        });
        continue;
      }
      const malformed = spans.problems.get(i);
      let problem = malformed === undefined ? undefined : `is malformed CSV: ${malformed}`;
      if (problem === undefined && fields.length !== width) {
        problem = `has ${String(fields.length)} fields; the header has ${String(width)}`;
      }
      batch.push(problem === undefined ? { record, line: start, data: fields } : { record, line: start, data: fields, problem });
    }
    if (batch.length > 0) yield batch;
    partial = done ? "" : text.slice(spans.consumed);
    if (partial.length > INPUT_LIMITS.recordChars) {
      // An unfinished record past the limit: where it ends (if anywhere) is not known, and
      // holding more of it would grow without bound.
      throw inputError(
        "E_INPUT_LIMIT",
        name,
        `${record < 0 ? "the header" : `record ${String(record + 1)}`} starting at line ${String(line)} does not end within the limit of ${showSize(INPUT_LIMITS.recordChars)} per record (a field that long, or a quote left open)`,
      );
    }
    if (done) return;
  }
}
