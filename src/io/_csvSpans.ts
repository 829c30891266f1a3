/**
 * The CSV tokenizer: splits a text into records and fields, recording where each field lies
 * instead of building its string, so that a reader builds strings only for the columns it
 * reads (and none for the columns it skips).
 *
 * The rules are RFC 4180's, with the tolerances of the widely used papaparse parser, so that
 * the same file gives the same records as before (test/io/csvSpans.diff.test.ts checks it
 * against papaparse on random and adversarial texts):
 *
 * - a field that starts with `"` is quoted: it ends at a `"` followed by the delimiter, the
 *   line break or the end of the text, white space allowed between them (`"a"  ,b`); `""`
 *   inside it is one `"`; delimiters and line breaks inside it are content;
 * - a `"` inside a quoted field followed by anything else is kept as content and marks the
 *   record malformed (`Trailing quote on quoted field is malformed`); a quoted field that
 *   never closes takes the rest of the text as it is and marks the record malformed
 *   (`Quoted field unterminated`);
 * - a `"` inside an unquoted field is content;
 * - the line break is one of `\n`, `\r\n`, `\r`, chosen per file; the others are content.
 *
 * @see {@link https://www.rfc-editor.org/rfc/rfc4180 | RFC 4180}
 * @internal
 * @module
 */

const QUOTE = 34;

/** Why a record is malformed, in the words earlier versions reported (papaparse's). @internal */
export const CSV_PROBLEMS = {
  trailingQuote: "Trailing quote on quoted field is malformed",
  unterminated: "Quoted field unterminated",
} as const;

/** How a field's text is found between its bounds. @internal */
export const enum FieldKind {
  /** The text between the bounds as it is. */
  Plain = 0,
  /** A quoted field with `""` inside: each `""` between the bounds is one `"`. */
  Escaped = 1,
}

/**
 * The records of one call of {@link tokenizeCsv}, flat: record `r` has the fields
 * `first[r] … first[r + 1] − 1`; field `f` lies at `start[f] … end[f]` of the text.
 *
 * @internal
 */
export class CsvSpans {
  /** Records found. */
  count = 0;
  /** Fields found, over all records. */
  fields = 0;
  /** The first field of each record, and one past the last field at `first[count]`. */
  first: Int32Array = new Int32Array(1024);
  /** Where each field starts in the text. */
  start: Int32Array = new Int32Array(8192);
  /** Where each field ends in the text. */
  end: Int32Array = new Int32Array(8192);
  /** How each field's text is found ({@link FieldKind}). */
  kind: Uint8Array = new Uint8Array(8192);
  /** The first problem of each malformed record, by record index. */
  readonly problems = new Map<number, string>();
  /** Where the text not yet consumed starts (an unfinished last record). */
  consumed = 0;

  /** Empties the spans for another call. */
  reset(): void {
    this.count = 0;
    this.fields = 0;
    this.first[0] = 0;
    this.problems.clear();
    this.consumed = 0;
  }

  /** The string of field `f` of `text`. */
  field(text: string, f: number): string {
    const s = text.slice(this.start[f] as number, this.end[f] as number);
    return this.kind[f] === FieldKind.Escaped ? s.replaceAll('""', '"') : s;
  }

  /**
   * The fields of record `r` of `text`, as strings; with `keep`, only the fields whose index
   * `keep` marks (1) are built, the others are `""`.
   */
  record(text: string, r: number, keep?: Uint8Array): string[] {
    const from = this.first[r] as number;
    const to = this.first[r + 1] as number;
    const out = new Array<string>(to - from);
    for (let f = from; f < to; f++) out[f - from] = keep === undefined || keep[f - from] === 1 ? this.field(text, f) : "";
    return out;
  }

  pushField(start: number, end: number, kind: FieldKind): void {
    const f = this.fields;
    if (f === this.start.length) {
      this.start = grow(this.start);
      this.end = grow(this.end);
      const k = new Uint8Array(this.kind.length * 2);
      k.set(this.kind);
      this.kind = k;
    }
    this.start[f] = start;
    this.end[f] = end;
    this.kind[f] = kind;
    this.fields = f + 1;
  }

  /** Closes the record of the fields pushed since the last one. */
  endRecord(): void {
    const r = this.count;
    if (r + 2 > this.first.length) this.first = grow(this.first);
    this.count = r + 1;
    this.first[r + 1] = this.fields;
  }

  /** Drops the fields pushed since the last record (an unfinished record). */
  dropOpen(): void {
    this.fields = this.first[this.count] as number;
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** True when `text[from, to)` is empty or only white space (as `String.prototype.trim` sees it). */
function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 128) return false;
    // Non-ASCII white space: NBSP, U+1680, U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000, BOM.
    if (text.slice(i, i + 1).trim() !== "") return false;
  }
  return true;
}

/**
 * Splits `text` into records into `out` (reset first). With `final` false the last record is
 * left unconsumed when the text may end inside it (no line break after it yet, or a quote
 * still open): `out.consumed` says where it starts, and the caller passes it again with more
 * text. An empty text has no records; a text ending in a line break ends with a record of one
 * empty field when `final` (the caller drops it, as it always has).
 *
 * @param delimiter - Any non-empty string other than `"` and the line break.
 * @param newline - The line break: `\n`, `\r\n` or `\r`.
 * @internal
 */
export function tokenizeCsv(text: string, final: boolean, delimiter: string, newline: string, out: CsvSpans): void {
  out.reset();
  const len = text.length;
  if (len === 0) return;
  const dl = delimiter.length;
  const nl = newline.length;
  let i = 0;
  // The next delimiter and line break at or after the cursor (-1: none), found lazily.
  let nextD = text.indexOf(delimiter);
  let nextN = text.indexOf(newline);
  for (;;) {
    const recordAt = i;
    let problem: string | undefined;
    // The record ran to the end of the text (rather than to a line break).
    let ended = false;
    // One record: fields until a line break or the end of the text.
    for (;;) {
      if (nextD !== -1 && nextD < i) nextD = text.indexOf(delimiter, i);
      if (nextN !== -1 && nextN < i) nextN = text.indexOf(newline, i);
      if (text.charCodeAt(i) === QUOTE) {
        let escaped = false;
        let q = i;
        let closed = false;
        for (;;) {
          q = text.indexOf('"', q + 1);
          if (q === -1) {
            if (!final) return unfinished(out, recordAt);
            problem ??= CSV_PROBLEMS.unterminated;
            out.pushField(i + 1, len, FieldKind.Plain);
            i = len;
            ended = true;
            break;
          }
          if (q === len - 1) {
            if (!final) return unfinished(out, recordAt);
            out.pushField(i + 1, q, escaped ? FieldKind.Escaped : FieldKind.Plain);
            i = len;
            ended = true;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            escaped = true;
            q++;
            continue;
          }
          if (nextD !== -1 && nextD <= q) nextD = text.indexOf(delimiter, q + 1);
          if (nextN !== -1 && nextN <= q) nextN = text.indexOf(newline, q + 1);
          // White space may stand between the closing quote and the delimiter or line break.
          const upTo = nextN === -1 ? nextD : Math.min(nextD, nextN);
          const gap = upTo > q + 1 && blank(text, q + 1, upTo) ? upTo - q - 1 : 0;
          if (text.startsWith(delimiter, q + 1 + gap)) {
            out.pushField(i + 1, q, escaped ? FieldKind.Escaped : FieldKind.Plain);
            i = q + 1 + gap + dl;
            closed = true;
            break;
          }
          const gapN = nextN > q + 1 && blank(text, q + 1, nextN) ? nextN - q - 1 : 0;
          if (text.startsWith(newline, q + 1 + gapN)) {
            out.pushField(i + 1, q, escaped ? FieldKind.Escaped : FieldKind.Plain);
            i = q + 1 + gapN + nl;
            break;
          }
          // A quote inside the field followed by something else: content, and a problem.
          problem ??= CSV_PROBLEMS.trailingQuote;
          escaped = true;
        }
        if (closed) continue;
        break;
      }
      if (nextD !== -1 && (nextD < nextN || nextN === -1)) {
        out.pushField(i, nextD, FieldKind.Plain);
        i = nextD + dl;
        continue;
      }
      if (nextN !== -1) {
        out.pushField(i, nextN, FieldKind.Plain);
        i = nextN + nl;
        break;
      }
      if (!final) return unfinished(out, recordAt);
      out.pushField(i, len, FieldKind.Plain);
      i = len;
      ended = true;
      break;
    }
    if (problem !== undefined) out.problems.set(out.count, problem);
    out.endRecord();
    out.consumed = i;
    // At the end of the text just after a line break, a final text has one more record (one
    // empty field); an unfinished one does not know yet.
    if (ended || (i === len && !final)) return;
  }
}

function unfinished(out: CsvSpans, recordAt: number): void {
  out.dropOpen();
  out.consumed = recordAt;
}
