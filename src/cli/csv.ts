/**
 * CSV cells for the command's CSV outputs (`--format csv`, `--rejects`): RFC 4180 quoting
 * plus escaping against formula injection.
 *
 * @internal
 * @module
 */

/** Characters that make a spreadsheet read a text cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Numbers are written as numbers (`-12.5` stays a number; non-finite ones and
 * `null` become an empty cell). Text that starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is prefixed with `'` so spreadsheets show it as text instead of running it; text
 * holding a comma, a quote or a line break is quoted, with quotes doubled.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (with a trailing LF). */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(",")}\n`;
}
