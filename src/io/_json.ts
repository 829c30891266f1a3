/**
 * Streaming JSON records: an incremental splitter for a top-level array (it tracks string,
 * escape and nesting state and `JSON.parse`s one element at a time), a whole-document read
 * for a top-level object, and NDJSON lines.
 *
 * @internal
 * @module
 */

import { INPUT_LIMITS, showSize } from "./_limits.ts";
import { describeJsonError } from "./_jsonPosition.ts";
import { inputError } from "./_open.ts";

/** One JSON record, or why it is not one. @internal */
export interface JsonItem {
  /** 1-based: the element index plus one, or the non-blank line count for NDJSON. */
  readonly record: number;
  /** The 1-based line where the record starts; absent for a whole document. */
  readonly line?: number;
  /** The parsed value (absent when `problem` is set). */
  readonly value?: unknown;
  /** Why the record could not be read. */
  readonly problem?: string;
  /** `true` for a top-level object read whole (a wrapper such as `{ tickets: [...] }`). */
  readonly whole?: boolean;
}

/** Thrown when the text is not a JSON array or object at all. @internal */
export class JsonSyntaxError extends Error {}

const tooLong = (what: string): string => `is longer than the limit of ${showSize(INPUT_LIMITS.recordChars)} per ${what}`;

/** One element (or NDJSON line) parsed; `column` is the 1-based column of its first character on `line`. */
function parseElement(text: string, record: number, line: number, column: number): JsonItem {
  if (text.length > INPUT_LIMITS.recordChars) return { record, line, problem: tooLong("record") };
  try {
    return { record, line, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { record, line, problem: `is not valid JSON (${describeJsonError(error, text, line, column)})` };
  }
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;

/** The splitter's states. */
const Mode = { Start: 0, Between: 1, Element: 2, After: 3, Whole: 4 } as const;
type Mode = (typeof Mode)[keyof typeof Mode];

/**
 * The elements of a JSON array, one at a time, without holding the array in memory. A
 * top-level object is read whole and returned as one item with `whole: true`.
 *
 * @internal
 */
export async function* jsonItems(chunks: AsyncIterator<string>, name = "the input"): AsyncGenerator<JsonItem> {
  let mode: Mode = Mode.Start;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let primitive = false;
  let parts: string[] = [];
  let line = 1;
  // The 1-based column of the character being read, and where the element (or document) starts.
  let column = 0;
  let elementLine = 1;
  let elementColumn = 1;
  let record = 0;
  let trailing = false;
  // The characters of `parts`; past the limit, an element's parts are dropped (`skipping`)
  // and the element becomes a problem when it ends.
  let size = 0;
  let skipping = false;
  const finish = (text: string): JsonItem => {
    const item = skipping
      ? { record: ++record, line: elementLine, problem: tooLong("record") }
      : parseElement(text, ++record, elementLine, elementColumn);
    parts = [];
    size = 0;
    skipping = false;
    return item;
  };
  for (;;) {
    const next = await chunks.next();
    if (next.done === true) break;
    const chunk = next.value;
    if (mode === Mode.Whole) {
      parts.push(chunk);
      size += chunk.length;
      if (size > INPUT_LIMITS.recordChars) {
        throw inputError(
          "E_INPUT_LIMIT",
          name,
          `the JSON document is one object, read whole, and is longer than the limit of ${showSize(INPUT_LIMITS.recordChars)}; write the records as a JSON array or as NDJSON`,
        );
      }
      continue;
    }
    let start = mode === Mode.Element ? 0 : -1;
    const out: JsonItem[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) {
        line++;
        column = 0;
      } else column++;
      if (mode === Mode.Element) {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) inString = false;
          continue;
        }
        if (primitive) {
          if (c === 44 || c === 93 || isSpace(c)) {
            if (!skipping) parts.push(chunk.slice(start, i));
            out.push(finish(parts.join("")));
            mode = c === 93 ? Mode.After : Mode.Between;
          } else if (c === 34) inString = true;
          continue;
        }
        if (c === 34) inString = true;
        else if (c === 123 || c === 91) depth++;
        else if (c === 125 || c === 93) {
          depth--;
          if (depth === 0) {
            if (!skipping) parts.push(chunk.slice(start, i + 1));
            out.push(finish(parts.join("")));
            mode = Mode.Between;
          }
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (mode === Mode.Between) {
        if (c === 44) continue;
        if (c === 93) {
          mode = Mode.After;
          continue;
        }
        mode = Mode.Element;
        start = i;
        elementLine = line;
        elementColumn = column;
        primitive = c !== 123 && c !== 91;
        depth = primitive ? 0 : 1;
        inString = c === 34;
        escaped = false;
        continue;
      }
      if (mode === Mode.Start) {
        if (c === 91) mode = Mode.Between;
        else if (c === 123) {
          elementLine = line;
          elementColumn = column;
          mode = Mode.Whole;
          parts = [chunk.slice(i)];
          size = chunk.length - i;
          break;
        } else throw new JsonSyntaxError(`the input starts with ${JSON.stringify(chunk[i])}, not a JSON array or object`);
        continue;
      }
      // Mode.After: anything but white space after the closing bracket.
      if (!trailing) {
        trailing = true;
        out.push({ record: ++record, line, problem: "is unexpected text after the end of the JSON array" });
      }
    }
    if (mode === Mode.Element && !skipping) {
      const piece = chunk.slice(start);
      parts.push(piece);
      size += piece.length;
      if (size > INPUT_LIMITS.recordChars) {
        parts = [];
        skipping = true;
      }
    }
    yield* out;
  }
  if (mode === Mode.Whole) {
    let value: unknown;
    const text = parts.join("");
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new JsonSyntaxError(`the input is not valid JSON (${describeJsonError(error, text, elementLine, elementColumn)})`);
    }
    yield { record: 1, value, whole: true };
    return;
  }
  if (mode === Mode.Element) {
    if (primitive && !inString) yield finish(parts.join(""));
    else yield { record: ++record, line: elementLine, problem: "is truncated: the input ends inside this element" };
  }
}

/**
 * The values of NDJSON (JSON Lines) text: one per non-blank line; blank lines are counted
 * in `counters.blankLines`.
 *
 * @internal
 */
export async function* ndjsonItems(chunks: AsyncIterator<string>, counters: { blankLines: number }): AsyncGenerator<JsonItem> {
  let carry: string[] = [];
  let carried = 0;
  // Past the limit, the rest of the line is dropped until its line break (`skipping`).
  let skipping = false;
  let line = 0;
  let record = 0;
  for (;;) {
    const next = await chunks.next();
    const out: JsonItem[] = [];
    let lines: string[];
    if (next.done === true) {
      if (skipping) {
        yield { record: ++record, line: ++line, problem: tooLong("line") };
        return;
      }
      const text = carry.join("");
      if (text === "") return;
      lines = text.split("\n");
      if (lines[lines.length - 1] === "") lines.pop();
      carry = [];
    } else {
      let chunk = next.value;
      if (skipping) {
        const end = chunk.indexOf("\n");
        if (end < 0) continue;
        out.push({ record: ++record, line: ++line, problem: tooLong("line") });
        skipping = false;
        chunk = chunk.slice(end + 1);
      }
      const cut = chunk.lastIndexOf("\n");
      if (cut < 0) {
        carry.push(chunk);
        carried += chunk.length;
        if (carried > INPUT_LIMITS.recordChars) {
          carry = [];
          carried = 0;
          skipping = true;
        }
        yield* out;
        continue;
      }
      carry.push(chunk.slice(0, cut));
      lines = carry.join("").split("\n");
      carry = [chunk.slice(cut + 1)];
      carried = carry[0]?.length ?? 0;
    }
    for (const raw of lines) {
      line++;
      if (raw.length > INPUT_LIMITS.recordChars) {
        out.push({ record: ++record, line, problem: tooLong("line") });
        continue;
      }
      const text = raw.replace(/^\uFEFF/, "").trim();
      if (text === "") {
        counters.blankLines++;
        continue;
      }
      const indent = raw.replace(/^\uFEFF/, "").search(/\S/);
      out.push(parseElement(text, ++record, line, indent + 1));
    }
    yield* out;
    if (next.done === true) return;
  }
}
