/**
 * Where JSON text stops being JSON, as a line and a column: "not valid JSON (… at position
 * 1108)" becomes "… at line 12, column 5". The offset is V8's when its message gives one, else
 * found by a small scanner (V8's messages name no position for an unexpected token, and the
 * wording changes between Node versions).
 *
 * @internal
 * @module
 */

/** White space as JSON defines it: space, tab, line feed, carriage return. */
const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** The offset just past a string starting at `i` (a `"`), or `~offset` of its first bad character. */
function skipString(text: string, i: number): number {
  const n = text.length;
  for (let j = i + 1; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 34) return j + 1;
    if (c < 32) return ~j;
    if (c !== 92) continue;
    j++;
    const e = text.charCodeAt(j);
    if (e === 117) {
      for (let k = 1; k <= 4; k++) if (!isHex(text.charCodeAt(j + k))) return ~Math.min(j + k, n);
      j += 4;
    } else if (!(e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116)) return ~Math.min(j, n);
  }
  return ~n;
}

/** The offset just past a number starting at `i`, or `~offset` of its first bad character. */
function skipNumber(text: string, i: number): number {
  let j = i;
  if (text.charCodeAt(j) === 45) j++;
  if (text.charCodeAt(j) === 48) j++;
  else if (isDigit(text.charCodeAt(j))) while (isDigit(text.charCodeAt(j))) j++;
  else return ~j;
  if (text.charCodeAt(j) === 46) {
    j++;
    if (!isDigit(text.charCodeAt(j))) return ~j;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  if (text.charCodeAt(j) === 101 || text.charCodeAt(j) === 69) {
    j++;
    if (text.charCodeAt(j) === 43 || text.charCodeAt(j) === 45) j++;
    if (!isDigit(text.charCodeAt(j))) return ~j;
    while (isDigit(text.charCodeAt(j))) j++;
  }
  return j;
}

/** The offset just past one value starting at `i` that is not an array or object, or `~offset` of the error. */
function skipScalar(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 34) return skipString(text, i);
  if (c === 45 || isDigit(c)) return skipNumber(text, i);
  for (const word of ["true", "false", "null"]) {
    if (c !== word.charCodeAt(0)) continue;
    for (let k = 1; k < word.length; k++) if (text.charCodeAt(i + k) !== word.charCodeAt(k)) return ~Math.min(i + k, text.length);
    return i + word.length;
  }
  return ~i;
}

/**
 * The offset of the first character where `text` stops being one JSON value (the length of
 * the text when it ends too early), or −1 when it is valid. Iterative: any nesting depth.
 *
 * @internal
 */
export function jsonErrorOffset(text: string): number {
  const n = text.length;
  const open: number[] = [];
  let i = 0;
  const ws = (): void => {
    while (i < n && isWs(text.charCodeAt(i))) i++;
  };
  /** Reads `"key" :` at `i`; `false` (with `i` at the error) when it is not there. */
  const key = (): boolean => {
    ws();
    if (text.charCodeAt(i) !== 34) return false;
    const end = skipString(text, i);
    if (end < 0) {
      i = ~end;
      return false;
    }
    i = end;
    ws();
    if (text.charCodeAt(i) !== 58) return false;
    i++;
    return true;
  };
  for (;;) {
    // A value is expected at i.
    ws();
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      i++;
      ws();
      const close = c === 123 ? 125 : 93;
      if (text.charCodeAt(i) === close) i++;
      else {
        open.push(close);
        if (c === 123 && !key()) return Math.min(i, n);
        continue;
      }
    } else {
      const end = skipScalar(text, i);
      if (end < 0) return ~end;
      i = end;
    }
    // After a value: a separator, a closing bracket, or the end.
    for (;;) {
      ws();
      const close = open[open.length - 1];
      if (close === undefined) return i < n ? i : -1;
      const d = text.charCodeAt(i);
      if (d === close) {
        open.pop();
        i++;
        continue;
      }
      if (d !== 44) return Math.min(i, n);
      i++;
      if (close === 125 && !key()) return Math.min(i, n);
      break;
    }
  }
}

/** The 1-based line and column of `offset` in `text`, the first line starting at `line`, its first character at `column`. @internal */
export function lineColumn(text: string, offset: number, line = 1, column = 1): { readonly line: number; readonly column: number } {
  let l = line;
  let lineStart = -1;
  for (let at = text.indexOf("\n"); at >= 0 && at < offset; at = text.indexOf("\n", at + 1)) {
    l++;
    lineStart = at;
  }
  return { line: l, column: lineStart < 0 ? column + offset : offset - lineStart };
}

/**
 * `JSON.parse`'s message for `text`, with the place as a line and a column: V8's wording
 * without its position, snippet or `(line … column …)`, then `at line L, column C` (`at the
 * end of the text` when it ends too early). `line` and `column` place the text's first
 * character in the input.
 *
 * @internal
 */
export function describeJsonError(error: unknown, text: string, line = 1, column = 1): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  const offset = position === null ? jsonErrorOffset(text) : Number(position[1]);
  const words = message
    .replace(/,\s*(?:\.\.\.)?"[\s\S]*" is not valid JSON$/, "")
    .replace(/ in JSON at position \d+.*$/s, "")
    .replace(/ \(line \d+ column \d+\)$/, "")
    .trim();
  if (offset < 0) return words;
  if (offset >= text.length) return `${words} at the end of the text`;
  const at = lineColumn(text, offset, line, column);
  return `${words} at line ${String(at.line)}, column ${String(at.column)}`;
}
