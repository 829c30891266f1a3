/**
 * Text from the data made safe for a terminal: control characters (C0, DEL, C1, so ESC, CSI
 * and NUL), Unicode line and paragraph separators and bidirectional controls are shown as
 * visible escapes (`\x1B`, `\u202E`) instead of being written, so a name in an export cannot
 * clear the screen, retitle the window or reorder what is shown.
 *
 * @internal
 * @module
 */

// C0 (but tab and line feed, handled by the callers), DEL, C1, U+2028/2029, bidi embeddings,
// overrides and isolates, and the left-to-right / right-to-left marks.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const visible = (char: string): string => {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${code.toString(16).toUpperCase().padStart(4, "0")}`;
};

/** One line of output: tabs, carriage returns and line feeds become spaces, every other control character a visible escape. */
export function safeCell(text: string): string {
  return text.replace(/[\t\r\n]+/g, " ").replace(UNSAFE, visible);
}

/** Several lines (stderr messages): line feeds are kept, every other control character becomes a visible escape. */
export function safeLines(text: string): string {
  return text.replace(/\t/g, " ").replace(UNSAFE, visible);
}
