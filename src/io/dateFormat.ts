/**
 * Date layouts (`dateFormat`, `--date-format`): timestamps written in a layout other than ISO
 * 8601 (`Tue Oct 31 22:10:47 +0000 2017`, `31/10/2017 22:10`), read with date-fns `parse`
 * tokens. Kept off the bulk path: ISO values still take the fixed-layout fast reader first,
 * and only other values go through date-fns. Shared by the readers and the command (which
 * checks `--date-format` before reading anything).
 *
 * @internal
 * @module
 */
import { TZDate } from "@date-fns/tz";
import { format, parse } from "date-fns";
import { MetricRangeError } from "../_lib/errors.ts";
import { fixedLayoutMs, inTimestampRange, parseTimestamp, TIMESTAMP_REASONS } from "../_lib/timestamp.ts";
import { wallToInstant } from "../_lib/zone.ts";
import { compileLayout } from "./_layout.ts";
import { bad, timestampReaderZone, type Reader } from "./_values.ts";
import type { FieldSpec, ModelSpec } from "./_modelSpec.ts";

/** The letters date-fns `parse` reads as tokens (unquoted); any other unquoted letter is an error. */
const PARSE_TOKENS = new Set("GyYRuQqMLwIdDEecibBahHKkmsSXxtTPpo");
/** Tokens that carry an instant or a UTC offset: with one of them a layout needs no time zone. */
const INSTANT_TOKENS = new Set("XxtT");

/** The unquoted letter tokens of a layout (`"dd/MM/yyyy 'at' HH"` → `dd`, `MM`, `yyyy`, `HH`). */
function tokens(layout: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < layout.length;) {
    const c = layout[i] as string;
    if (c === "'") {
      // A quoted literal ('at'), or '' for a quote itself.
      const end = layout.indexOf("'", i + 1);
      i = end < 0 ? layout.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (layout[j] === c) j++;
    out.push(layout.slice(i, j));
    i = j;
  }
  return out;
}

/**
 * Why `layout` cannot be a date layout, or `undefined` when it can: it must use date-fns
 * `parse` tokens only, name a whole date (a year `yyyy`, a month `MM`/`MMM` and a day `dd`)
 * or an epoch timestamp (`t`, `T`), and not use the week-numbering year `YYYY` or the day of
 * the year `D` (the usual slips for `yyyy` and `dd`).
 *
 * @internal
 */
export function dateFormatProblem(layout: string): string | undefined {
  if (layout.trim() === "") return "is empty";
  const found = tokens(layout);
  const letters = new Set(found.map((token) => token[0] as string));
  const unknown = found.find((token) => !PARSE_TOKENS.has(token[0] as string));
  if (unknown !== undefined) {
    return `has ${JSON.stringify(unknown)}, which is not a date-fns token (quote literal text: 'at')`;
  }
  if (letters.has("Y")) return "uses YYYY (the week-numbering year); write yyyy for the calendar year";
  if (letters.has("D")) return "uses D (the day of the year); write dd for the day of the month";
  const whole = (letters.has("y") || letters.has("u")) && (letters.has("M") || letters.has("L")) && letters.has("d");
  if (!whole && !letters.has("t") && !letters.has("T") && !letters.has("P")) {
    return "must name a year (yyyy), a month (MM or MMM) and a day (dd), or an epoch timestamp (t, T)";
  }
  try {
    format(new TZDate(0, "UTC"), layout);
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

/**
 * `layout`, checked: throws `E_OPTION_VALUE` (naming `fn` and the layout) when it is not a
 * date layout (see {@link dateFormatProblem}).
 *
 * @internal
 */
export function checkDateFormat(fn: string, layout: string | undefined): string | undefined {
  if (layout === undefined) return undefined;
  const problem = typeof layout === "string" ? dateFormatProblem(layout) : "is not a string";
  if (problem !== undefined) {
    throw new MetricRangeError(
      "E_OPTION_VALUE",
      `${fn}: dateFormat must be a date layout in date-fns parse tokens (e.g. "dd/MM/yyyy HH:mm"), got ${JSON.stringify(layout)}: it ${problem}`,
    );
  }
  return layout;
}

/** `true` when a layout carries an instant or a UTC offset (`xx`, `XXX`, `t`, `T`). */
function carriesOffset(layout: string): boolean {
  return tokens(layout).some((token) => INSTANT_TOKENS.has(token[0] as string));
}

/** Values that are read as ISO 8601 even with a layout: they start with a full date `YYYY-MM-DD`. */
const ISO_START = /^\d{4}-\d{2}-\d{2}(?:$|[T ])/;

/**
 * A timestamp reader for a checked `layout`: the ISO fast path first (`2026-03-08T10:00:00Z`),
 * then the layout (the compiled fast path of ./_layout.ts for a value written exactly as
 * date-fns writes it, else date-fns `parse`; the whole value must match), then ISO 8601 in general
 * for a value that starts with `YYYY-MM-DD`. A layout without an offset is read as wall time
 * in `timeZone` (never the host's zone); without a time zone such a value is rejected as a
 * naive ISO value is. Non-string values (JSON numbers) are read as the ISO reader reads them.
 *
 * @internal
 */
export function readLayoutTimestamp(timeZone: string | undefined, layout: string): Reader {
  const naive = !carriesOffset(layout);
  const compiled = compileLayout(layout);
  const reference = new TZDate(0, "UTC");
  const options = { timeZone };
  const mismatch = bad(`must match the date format ${JSON.stringify(layout)} (or be ISO 8601)`);
  const naiveReason = bad(TIMESTAMP_REASONS.naive);
  const range = bad(TIMESTAMP_REASONS.range);
  return (raw) => {
    if (typeof raw !== "string") {
      const result = parseTimestamp(raw, options);
      return result.ok ? result.value : bad(result.reason);
    }
    const fast = fixedLayoutMs(raw);
    if (fast === fast) return new Date(fast);
    const s = raw.trim();
    const fields = compiled?.(s);
    if (fields !== undefined && fields.offset !== undefined) {
      const at = fields.wall - fields.offset;
      return inTimestampRange(at) ? new Date(at) : range;
    }
    // The fast path's fields, else date-fns (the wall time as if UTC, or the instant).
    let ms = fields === undefined ? parse(s, layout, reference).getTime() : fields.wall;
    if (ms === ms) {
      if (naive) {
        if (timeZone === undefined) return naiveReason;
        ms = wallToInstant(timeZone, ms);
      }
      return inTimestampRange(ms) ? new Date(ms) : range;
    }
    if (ISO_START.test(s)) {
      const result = parseTimestamp(s, options);
      return result.ok ? result.value : bad(result.reason);
    }
    return mismatch;
  };
}

/** `spec` with every timestamp reader (see `readTimestamp`) also reading the date layout `layout`. @internal */
export function withDateFormat<T>(spec: ModelSpec<T>, layout: string): ModelSpec<T> {
  const swap = (field: FieldSpec): FieldSpec => {
    const zone = timestampReaderZone(field.read);
    return zone === undefined ? field : { ...field, read: readLayoutTimestamp(zone.timeZone, layout) };
  };
  const fromHeader = spec.fromHeader;
  return {
    ...spec,
    fields: spec.fields.map(swap),
    ...(fromHeader === undefined ? {} : { fromHeader: (header: readonly string[]) => fromHeader(header).map(swap) }),
  };
}
