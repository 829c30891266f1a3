/**
 * Units of helpdesk duration columns: the suffix a column map states (`firstReply=COL:h`),
 * the unit a column's own name states (`Response Time (hours)`, `… in minutes`,
 * `reply_time_in_minutes`), and the reader of each unit (values → milliseconds).
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from "../_lib/time.ts";
import { bad, good, Invalid, readHms, readScaled, type Reader } from "./_values.ts";

/** The units a duration column may be read in. @internal */
export const DURATION_UNITS = ["ms", "s", "min", "h", "d", "h:mm:ss"] as const;

/** A unit of a duration column. @internal */
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** Every spelling of a unit, lower case: in a map suffix and in a column name. */
const SPELLINGS = new Map<string, DurationUnit>([
  ["ms", "ms"],
  ["msec", "ms"],
  ["millisecond", "ms"],
  ["milliseconds", "ms"],
  ["s", "s"],
  ["sec", "s"],
  ["secs", "s"],
  ["second", "s"],
  ["seconds", "s"],
  ["min", "min"],
  ["mins", "min"],
  ["minute", "min"],
  ["minutes", "min"],
  ["h", "h"],
  ["hr", "h"],
  ["hrs", "h"],
  ["hour", "h"],
  ["hours", "h"],
  ["d", "d"],
  ["day", "d"],
  ["days", "d"],
  ["h:mm:ss", "h:mm:ss"],
  ["hh:mm:ss", "h:mm:ss"],
  ["h:mm", "h:mm:ss"],
  ["hh:mm", "h:mm:ss"],
  ["hms", "h:mm:ss"],
]);

/** The clock spellings, which hold `:` themselves, longest first. */
const CLOCKS = ["hh:mm:ss", "h:mm:ss", "hh:mm", "h:mm"];

/**
 * A map column split from its unit suffix: `COL:h` → `{ column: "COL", unit: "h" }`. Only a
 * known unit after the last `:` (or a clock layout such as `:h:mm:ss`) is a suffix, so
 * `Time: first reply` stays one column; a column whose own name ends in a unit suffix is
 * written with its unit (`Time:h:min` is the column `Time:h` in minutes).
 *
 * @internal
 */
export function splitUnit(text: string): { readonly column: string; readonly unit?: DurationUnit } {
  const lower = text.toLowerCase();
  for (const clock of CLOCKS) {
    const suffix = `:${clock}`;
    if (lower.endsWith(suffix) && text.length > suffix.length) {
      return { column: text.slice(0, -suffix.length).trim(), unit: "h:mm:ss" };
    }
  }
  const at = text.lastIndexOf(":");
  if (at > 0) {
    const unit = SPELLINGS.get(
      text
        .slice(at + 1)
        .trim()
        .toLowerCase(),
    );
    if (unit !== undefined) return { column: text.slice(0, at).trim(), unit };
  }
  return { column: text };
}

const UNIT_WORDS = [...SPELLINGS.keys()]
  .filter((word) => word !== "hms")
  .sort((a, b) => b.length - a.length)
  .join("|");

/**
 * A unit stated in a column name: in parentheses (`(hours)`, `(in hrs)`, `(s)`), or after
 * "in" (`in minutes`, `_in_minutes`). The first one found counts: `First reply time in minutes
 * within business hours` is in minutes.
 */
const LABEL_UNIT_RE = new RegExp(`(?:\\(\\s*(?:in\\s+)?|(?:^|[\\s_.])in[\\s_]+)(${UNIT_WORDS})(?=$|[\\s_.)])`, "i");

/** The unit a column's name states (`Response Time (hours)` → `h`), if any. @internal */
export function unitInLabel(label: string): DurationUnit | undefined {
  const m = LABEL_UNIT_RE.exec(label);
  return m === null ? undefined : SPELLINGS.get((m[1] as string).toLowerCase());
}

const REASONS: Readonly<Record<DurationUnit, string>> = {
  ms: "must be a non-negative number of milliseconds",
  s: "must be a non-negative number of seconds",
  min: "must be a non-negative number of minutes",
  h: "must be a non-negative number of hours (or a duration H:MM:SS)",
  d: "must be a non-negative number of days",
  "h:mm:ss": "must be a duration H:MM:SS or H:MM (hours may exceed 24)",
};

const CLOCK_RE = /^(\d+):([0-5]\d)(?::([0-5]\d(?:\.\d+)?))?$/;

/** `H:MM:SS` or `H:MM` only (hours may exceed 24, seconds may have a fraction) → milliseconds. */
const readClock: Reader = (raw) => {
  if (typeof raw !== "string") return bad(REASONS["h:mm:ss"]);
  const m = CLOCK_RE.exec(raw.trim());
  if (m === null) return bad(REASONS["h:mm:ss"]);
  return good(Number(m[1]) * HOUR_MS + Number(m[2]) * MINUTE_MS + Math.round(Number(m[3] ?? "0") * SECOND_MS));
};

/** Decimal hours, or `H:MM:SS` (as Freshdesk writes its "(in hrs)" columns). */
const readHours: Reader = (raw) => {
  const value = readHms(raw);
  return value instanceof Invalid ? bad(REASONS.h) : value;
};

const READERS: Readonly<Record<DurationUnit, Reader>> = {
  ms: readScaled(1, REASONS.ms),
  s: readScaled(SECOND_MS, REASONS.s),
  min: readScaled(MINUTE_MS, REASONS.min),
  h: readHours,
  d: readScaled(DAY_MS, REASONS.d),
  "h:mm:ss": readClock,
};

/** The reader of durations in `unit` (→ milliseconds). @internal */
export function durationReader(unit: DurationUnit): Reader {
  return READERS[unit];
}

/**
 * The reader of a mapped duration column written without a unit: the unit its name states,
 * else `E_MAP_ENTRY` (a unit is never guessed).
 *
 * @internal
 */
export function labelDurationReader(fn: string, field: string): (label: string) => Reader {
  return (label) => {
    const unit = unitInLabel(label);
    if (unit === undefined) {
      throw new MetricRangeError(
        "E_MAP_ENTRY",
        `${fn}: the column ${JSON.stringify(label)} of ${field} does not state its unit; write ${field}=${label}:UNIT with UNIT one of ${DURATION_UNITS.join(", ")}, got ${JSON.stringify(`${field}=${label}`)}`,
      );
    }
    return READERS[unit];
  };
}
