import { DAY_MS, daysFromCivil, daysInMonth, HOUR_MS, MAX_DATE_MS, MINUTE_MS, SECOND_MS } from "./time.ts";
import { isValidTimeZone, wallToInstant } from "./zone.ts";

/**
 * The outcome of {@link parseTimestamp}: the instant, or why the input is not one.
 *
 * @internal
 */
export type TimestampResult = { readonly ok: true; readonly value: Date } | { readonly ok: false; readonly reason: string };

/**
 * Options of {@link parseTimestamp}.
 *
 * @internal
 */
export interface TimestampOptions {
  /**
   * IANA time zone used to read naive local strings (`"2026-03-08 10:00:00"`). Without it,
   * a string with no `Z` or UTC offset is an error. Default: none.
   */
  readonly timeZone?: string | undefined;
}

/** The stable reasons {@link parseTimestamp} gives. @internal */
export const TIMESTAMP_REASONS = {
  type: "must be an ISO 8601 timestamp, epoch milliseconds or a Date",
  format: "must be an ISO 8601 timestamp (YYYY-MM-DDTHH:MM[:SS[.fff]] with Z or ±HH:MM), epoch milliseconds or a Date",
  invalidDate: "must be a valid Date",
  epochInteger: "must be an integer number of epoch milliseconds",
  epochRange: "must be within the Date range (±8.64e15 ms)",
  compactDate: "is ambiguous: 8 digits look like a compact YYYYMMDD date, not epoch milliseconds; write YYYY-MM-DD",
  month: "must have a month from 01 to 12",
  day: "must have a day that exists in its month",
  hour: "must have an hour from 00 to 23",
  minute: "must have minutes from 00 to 59",
  second: "must have seconds from 00 to 59",
  offset: "must have a UTC offset from -23:59 to +23:59",
  naive: "has no UTC offset; pass the timeZone option to read it as local time in that zone",
  timeZone: "cannot be read: the timeZone option must be a valid IANA time zone",
  range: "must be from 1900-01-01T00:00:00Z to 2200-12-31T23:59:59.999Z (years 1900 to 2200)",
} as const;

/** The earliest instant a timestamp may name: 1900-01-01T00:00:00.000Z. @internal */
export const MIN_TIMESTAMP_MS = -2_208_988_800_000;
/** The latest instant a timestamp may name: 2200-12-31T23:59:59.999Z. @internal */
export const MAX_TIMESTAMP_MS = 7_289_654_399_999;

/**
 * `true` when `ms` lies in the supported timestamp range, years 1900 to 2200 (UTC, both
 * ends included): wide enough for any helpdesk export, narrow enough that a typo such as
 * year 0 or 9999 is rejected where it is read instead of failing a whole report later.
 *
 * @internal
 */
export function inTimestampRange(ms: number): boolean {
  return ms >= MIN_TIMESTAMP_MS && ms <= MAX_TIMESTAMP_MS;
}

/** 400 Gregorian years are exactly 146,097 days. */
const ERA_MS = 146_097 * DAY_MS;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?: ?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?))?)?$/;

const fail = (reason: string): TimestampResult => ({ ok: false, reason });
const ok = (ms: number): TimestampResult => (inTimestampRange(ms) ? { ok: true, value: new Date(ms) } : fail(TIMESTAMP_REASONS.range));

/**
 * Reads one timestamp: an ISO 8601 string with `Z` or a UTC offset (`T` or a space between
 * date and time, optional seconds and fraction), epoch milliseconds (a number or an
 * all-digit string), or a `Date`. Naive local strings (`"2026-03-08 10:00:00"`,
 * `"2026-03-08T10:00"`, `"2026-03-08"`) are read in `options.timeZone` only; a local time
 * that does not exist (a DST gap) moves forward by the gap, an ambiguous one (a DST
 * overlap) takes the first occurrence. Instants outside years 1900 to 2200 (UTC) fail with
 * `TIMESTAMP_REASONS.range`. Never throws for bad input.
 *
 * @internal
 */
export function parseTimestamp(input: unknown, options?: TimestampOptions): TimestampResult {
  if (typeof input === "string") return parseString(input, options?.timeZone);
  if (typeof input === "number") return fromEpoch(input);
  if (input instanceof Date) {
    const ms = input.getTime();
    return Number.isNaN(ms) ? fail(TIMESTAMP_REASONS.invalidDate) : ok(ms);
  }
  return fail(TIMESTAMP_REASONS.type);
}

function fromEpoch(ms: number): TimestampResult {
  if (!Number.isInteger(ms)) return fail(TIMESTAMP_REASONS.epochInteger);
  if (Math.abs(ms) > MAX_DATE_MS) return fail(TIMESTAMP_REASONS.epochRange);
  return ok(ms === 0 ? 0 : ms);
}

function parseString(raw: string, timeZone: string | undefined): TimestampResult {
  const s = raw.trim();
  // The layout most exports write, without the regex; anything else (or out of range, so
  // that the reason is given below) takes the general path.
  const fast = fixedLayoutMs(s);
  if (fast === fast) return ok(fast);
  if (isAllDigits(s)) {
    if (s.length === 8) return fail(TIMESTAMP_REASONS.compactDate);
    return fromEpoch(Number(s));
  }
  const m = ISO_RE.exec(s);
  if (m === null) return fail(TIMESTAMP_REASONS.format);
  const [, y, mo, d, h, mi, sec, frac, z, sign, oh, om] = m;
  let offset: number | undefined;
  if (z !== undefined) offset = 0;
  else if (sign !== undefined) {
    const hours = Number(oh);
    const minutes = om === undefined ? 0 : Number(om);
    if (hours > 23 || minutes > 59) return fail(TIMESTAMP_REASONS.offset);
    offset = (sign === "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, "0"));
  return build(
    Number(y),
    Number(mo),
    Number(d),
    h === undefined ? 0 : Number(h),
    mi === undefined ? 0 : Number(mi),
    sec === undefined ? 0 : Number(sec),
    ms,
    offset,
    timeZone,
  );
}

/**
 * Epoch milliseconds of the fixed layout `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` when `s` is
 * exactly that, every field is in range and the instant lies in years 1900 to 2200, else
 * `NaN` (the caller then takes the full parser, which also says why). Integer arithmetic only: no allocation, no `Date.UTC`.
 *
 * @internal
 */
export function fixedLayoutMs(s: string): number {
  const n = s.length;
  if (n !== 20 && n !== 24 && n !== 25 && n !== 29) return NaN;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58)
    return NaN;
  const century = two(s, 0);
  const yy = two(s, 2);
  const mo = two(s, 5);
  const d = two(s, 8);
  const h = two(s, 11);
  const mi = two(s, 14);
  const sec = two(s, 17);
  if ((century | yy | mo | d | h | mi | sec) < 0) return NaN;
  const y = century * 100 + yy;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) return NaN;
  let at = 19;
  let ms = 0;
  if (n === 24 || n === 29) {
    const tenths = two(s, 20);
    const last = s.charCodeAt(22) - 48;
    if (s.charCodeAt(19) !== 46 || tenths < 0 || last < 0 || last > 9) return NaN;
    ms = tenths * 10 + last;
    at = 23;
  }
  let offset = 0;
  const c = s.charCodeAt(at);
  if (n - at === 1) {
    if (c !== 90) return NaN;
  } else {
    const oh = two(s, at + 1);
    const om = two(s, at + 4);
    if ((c !== 43 && c !== 45) || s.charCodeAt(at + 3) !== 58 || oh < 0 || om < 0 || oh > 23 || om > 59) return NaN;
    offset = (c === 45 ? -1 : 1) * (oh * 60 + om);
  }
  const result = daysFromCivil(y, mo, d) * DAY_MS + h * HOUR_MS + mi * MINUTE_MS + sec * SECOND_MS + ms - offset * MINUTE_MS;
  return inTimestampRange(result) ? result : NaN;
}

/** The two ASCII digits at `i` as a number, or −1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The non-negative integer written by `length` ASCII digits at `start`, or −1. */
function digits(s: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

function isAllDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  sec: number,
  ms: number,
  offsetMinutes: number | undefined,
  timeZone: string | undefined,
): TimestampResult {
  if (mo < 1 || mo > 12) return fail(TIMESTAMP_REASONS.month);
  if (d < 1 || d > daysInMonth(y, mo)) return fail(TIMESTAMP_REASONS.day);
  if (h > 23) return fail(TIMESTAMP_REASONS.hour);
  if (mi > 59) return fail(TIMESTAMP_REASONS.minute);
  if (sec > 59) return fail(TIMESTAMP_REASONS.second);
  const wall = utcMilliseconds(y, mo, d, h, mi, sec, ms);
  if (offsetMinutes !== undefined) return ok(wall - offsetMinutes * MINUTE_MS);
  if (timeZone === undefined) return fail(TIMESTAMP_REASONS.naive);
  if (!isValidTimeZone(timeZone)) return fail(TIMESTAMP_REASONS.timeZone);
  return ok(wallToInstant(timeZone, wall));
}

/** `Date.UTC`, without its mapping of years 0–99 to 1900–1999. */
function utcMilliseconds(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  return y < 100 ? Date.UTC(y + 400, mo - 1, d, h, mi, s, ms) - ERA_MS : Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

/**
 * `true` when `value` is a `"YYYY-MM-DD"` string naming a date that exists.
 *
 * @internal
 */
export function isLocalDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y = digits(value, 0, 4);
  const mo = digits(value, 5, 2);
  const d = digits(value, 8, 2);
  return y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}
