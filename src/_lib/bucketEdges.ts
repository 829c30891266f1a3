/**
 * Where a calendar bucket starts and ends, and its label: the wall-clock arithmetic behind the
 * time-bucketing mechanism (./bucket.ts, whose module comment says what a bucket is), plus the
 * argument checks every bucketing entry point shares. Offsets and offset changes come from the
 * zone module (./zone.ts); near a change the edges are walked change by change, so a missing
 * local midnight or a repeated hour is handled exactly.
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "./errors.ts";
import { assertDate } from "./guards.ts";
import { civilFromDays, DAY_MS, daysFromCivil, HOUR_MS, MINUTE_MS, WEEK_MS } from "./time.ts";
import { firstChangeIn, isValidTimeZone, lastChangeIn, offsetAt } from "./zone.ts";

/**
 * A calendar bucket length: `hour`, `day`, `week` (ISO, Monday first) or `month`.
 *
 * @category Volume
 */
export type BucketUnit = "hour" | "day" | "week" | "month";

/** Every {@link BucketUnit}, shortest first. @internal */
export const BUCKET_UNITS: readonly BucketUnit[] = ["hour", "day", "week", "month"];

/** The wall-clock start of the calendar unit holding wall time `w` (hours excluded). */
function floorWall(w: number, unit: Exclude<BucketUnit, "hour">): number {
  const day = Math.floor(w / DAY_MS);
  if (unit === "day") return day * DAY_MS;
  if (unit === "week") return (day - ((((day + 3) % 7) + 7) % 7)) * DAY_MS; // 1970-01-01 was a Thursday
  const { y, m } = civilFromDays(day);
  return daysFromCivil(y, m, 1) * DAY_MS;
}

/** The wall-clock start of the next unit after the one starting at wall time `w0`. */
function nextWall(w0: number, unit: Exclude<BucketUnit, "hour">): number {
  if (unit === "day") return w0 + DAY_MS;
  if (unit === "week") return w0 + WEEK_MS;
  const { y, m } = civilFromDays(Math.floor(w0 / DAY_MS));
  return (m === 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, m + 1, 1)) * DAY_MS;
}

/** The start (epoch ms) of the `unit` bucket holding `ms`. @internal */
export function bucketStartMs(ms: number, unit: BucketUnit, timeZone: string): number {
  let off = offsetAt(timeZone, ms);
  if (unit === "hour") {
    const candidate = Math.floor((ms + off) / HOUR_MS) * HOUR_MS - off;
    // An offset change inside the local hour starts a new bucket.
    return lastChangeIn(timeZone, candidate, ms) ?? candidate;
  }
  const w0 = floorWall(ms + off, unit);
  let hi = ms;
  for (;;) {
    const candidate = w0 - off;
    // A change AT the candidate counts too: a fall-back onto the boundary (01:00 → 00:00 in
    // America/Havana, Atlantic/Azores) repeats the start, and the bucket begins at the first one.
    const change = lastChangeIn(timeZone, candidate - 1, hi);
    if (change === undefined) return candidate;
    const offBefore = offsetAt(timeZone, change - 1);
    // A gap skipped the wall-clock start (no local midnight): the bucket starts at the change.
    if (change - 1 + offBefore < w0) return change;
    hi = change - 1;
    off = offBefore;
  }
}

/** The end (epoch ms, exclusive) of the `unit` bucket starting at `start`. @internal */
export function bucketEndMs(start: number, unit: BucketUnit, timeZone: string): number {
  let off = offsetAt(timeZone, start);
  if (unit === "hour") {
    const candidate = Math.floor((start + off) / HOUR_MS) * HOUR_MS + HOUR_MS - off;
    return firstChangeIn(timeZone, start, candidate) ?? candidate;
  }
  const w1 = nextWall(floorWall(start + off, unit), unit);
  let lo = start;
  for (;;) {
    const candidate = w1 - off;
    const change = firstChangeIn(timeZone, lo, candidate);
    if (change === undefined) return candidate;
    off = offsetAt(timeZone, change);
    // A change that jumps the wall clock past the boundary ends the bucket at once.
    if (change + off >= w1) return change;
    lo = change;
  }
}

const pad2 = (n: number): string => (n < 10 ? `0${String(n)}` : String(n));

function yearText(y: number): string {
  if (y >= 0 && y <= 9999) return String(y).padStart(4, "0");
  return (y < 0 ? "-" : "+") + String(Math.abs(y)).padStart(6, "0");
}

function offsetText(offMs: number): string {
  const minutes = Math.round(Math.abs(offMs) / MINUTE_MS);
  return `${offMs < 0 ? "-" : "+"}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** The label of the `unit` bucket starting at `start` (as `bucketLabel`). @internal */
export function bucketLabelMs(start: number, unit: BucketUnit, timeZone: string): string {
  const off = offsetAt(timeZone, start);
  const wall = new Date(start + off);
  const y = wall.getUTCFullYear();
  if (unit === "week") {
    const monday = floorWall(start + off, "week");
    const thursday = new Date(monday + 3 * DAY_MS);
    const isoYear = thursday.getUTCFullYear();
    const jan1 = new Date(0).setUTCFullYear(isoYear, 0, 1);
    return `${yearText(isoYear)}-W${pad2(Math.floor((thursday.getTime() - jan1) / WEEK_MS) + 1)}`;
  }
  const ym = `${yearText(y)}-${pad2(wall.getUTCMonth() + 1)}`;
  if (unit === "month") return ym;
  const ymd = `${ym}-${pad2(wall.getUTCDate())}`;
  if (unit === "day") return ymd;
  return `${ymd}T${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}${offsetText(off)}`;
}

/**
 * Throws `E_TIME_ZONE` unless `timeZone` is a zone the runtime knows, and `E_BUCKET_UNIT`
 * unless `unit` is a {@link BucketUnit}.
 *
 * @internal
 */
export function checkBucketing(fn: string, unit: BucketUnit, timeZone: string): void {
  if (typeof timeZone !== "string" || !isValidTimeZone(timeZone)) {
    throw new MetricRangeError("E_TIME_ZONE", `${fn}: timeZone must be a valid IANA time zone, got ${String(timeZone)}`);
  }
  if (!BUCKET_UNITS.includes(unit)) {
    throw new MetricRangeError("E_BUCKET_UNIT", `${fn}: unit must be "hour", "day", "week" or "month", got ${String(unit)}`);
  }
}

/**
 * Throws `E_INVALID_DATE` unless `from` and `to` are valid Dates, and `E_PERIOD_ORDER` if
 * `to` is before `from`. An empty range (`from = to`) is allowed.
 *
 * @internal
 */
export function checkRange(fn: string, from: Date, to: Date): void {
  assertDate(fn, "from", from);
  assertDate(fn, "to", to);
  if (to.getTime() < from.getTime()) {
    throw new MetricRangeError("E_PERIOD_ORDER", `${fn}: to must not be before from (${from.toISOString()}), got ${to.toISOString()}`);
  }
}
