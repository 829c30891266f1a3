/**
 * Display formatting for the table and Markdown renderers. Rounding happens here only;
 * JSON and CSV carry the unrounded values.
 *
 * @internal
 * @module
 */

/**
 * What a number measures, which decides how it is shown: `count` (integer), `fraction`
 * (a share in [0, 1], shown as a percentage), `points` (NPS, −100..100), `duration`
 * (milliseconds), `score` (a mean on a survey scale), `number` (anything else).
 */
export type ValueKind = "count" | "fraction" | "points" | "duration" | "score" | "number";

/** A cell value: a number (with its kind), text, or no data (`null`, shown as `–`). */
export type CellValue = number | string | null;

/** The mark shown for "no data". */
export const NO_DATA = "–";

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** `850ms`, `45.2s`, `12m 05s`, `4h 12m`, `2d 03h` (days of 24 hours); negative values keep their sign. */
export function formatDuration(ms: number): string {
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms < 1_000) return `${String(Math.round(ms))}ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1).replace(/\.0$/, "")}s`;
  const totalSeconds = Math.round(ms / 1_000);
  if (totalSeconds < 3_600) return `${String(Math.floor(totalSeconds / 60))}m ${pad2(totalSeconds % 60)}s`;
  const totalMinutes = Math.round(ms / 60_000);
  if (totalMinutes < 1_440) return `${String(Math.floor(totalMinutes / 60))}h ${pad2(totalMinutes % 60)}m`;
  const totalHours = Math.round(ms / 3_600_000);
  return `${String(Math.floor(totalHours / 24))}d ${pad2(totalHours % 24)}h`;
}

function trimNumber(value: number, digits: number): string {
  const text = value.toFixed(digits);
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** Formats a value for people: `42.5`, `91.3%`, `4h 12m`, `1,234`; `–` for no data. */
export function formatValue(value: CellValue, kind: ValueKind = "number"): string {
  if (value === null) return NO_DATA;
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  switch (kind) {
    case "count":
      return Number.isInteger(value) ? String(value) : trimNumber(value, 2);
    case "fraction":
      return `${(value * 100).toFixed(1)}%`;
    case "points":
      return trimNumber(value, 1);
    case "duration":
      return formatDuration(value);
    case "score":
      return trimNumber(value, 2);
    case "number":
      return Number.isInteger(value) ? String(value) : trimNumber(value, 3);
  }
}
