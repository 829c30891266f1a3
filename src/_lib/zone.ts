/**
 * THE time-zone module of cx-metrics: a zone's UTC offset at an instant (with the one cache of
 * each zone's offset changes) and the one rule that turns a local wall time into an instant.
 * Bucketing (./bucket.ts), business hours (src/metrics/time/_calendar.ts) and naive timestamps
 * (./timestamp.ts) all read zones through it, never through Intl or date-fns of their own.
 *
 * - {@link zoneOffsetMs}: the offset straight from Intl (uncached; the source of truth).
 * - {@link offsetAt}: the same offset, from the cache of offset changes (what every caller uses).
 * - {@link firstChangeIn} / {@link lastChangeIn}: the offset changes in an interval.
 * - {@link wallToInstant}: local wall time → instant, DST gaps and overlaps by one rule.
 * - {@link steadyOffset}: the one offset of two local days, when no change is near them.
 * - {@link wallClock}: instant → local fields. {@link isValidTimeZone}: the zone check.
 *
 * How the cache works: a zone's offset CHANGES are found once per 366-day chunk (sampled daily,
 * bisected to the millisecond) and kept; after that an offset is a look-up in a short list.
 * Offset changes less than a day apart would be missed; none exist: over every zone of the
 * runtime's time-zone data, 1800–2100, the shortest stretch between two changes is 7 days
 * (America/Boa_Vista, 8–15 October 2000).
 *
 * @internal
 * @module
 */
import { tzOffset } from "@date-fns/tz";
import { DAY_MS, MAX_DATE_MS, MINUTE_MS, SECOND_MS } from "./time.ts";

const formats = new Map<string, Intl.DateTimeFormat>();

/** The offset from Intl's `longOffset` name (`GMT-00:30:20`), in milliseconds. */
function longOffsetMs(timeZone: string, ms: number): number {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    if (formats.size >= 512) formats.clear();
    formats.set(timeZone, format);
  }
  const match = /GMT([+-])(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(format.format(ms));
  if (match === null) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60 + Number(match[4] ?? 0);
  return seconds === 0 ? 0 : (match[1] === "-" ? -1 : 1) * seconds * SECOND_MS;
}

/**
 * The UTC offset of `timeZone` at instant `ms`, in whole milliseconds, positive east of UTC,
 * read from Intl (uncached: callers use {@link offsetAt}). Old local-mean-time offsets keep
 * their seconds (Africa/Casablanca before 1913: −00:30:20). Callers check the zone first.
 *
 * @remarks From @date-fns/tz `tzOffset`, which reads Intl's `GMT-00:30:20` but loses the sign
 * of offsets strictly between −1 h and 0 h (−00:30:20 came back as +30.33 minutes: the hours
 * read as −0). Offsets under an hour either way are therefore read again from Intl; they are
 * rare (UTC itself is 0 and needs no second look), so the usual path costs one `tzOffset`.
 * @example
 * ```ts
 * zoneOffsetMs("Asia/Kolkata", Date.UTC(2026, 0, 1));                   // => 19800000
 * zoneOffsetMs("Africa/Casablanca", Date.parse("1905-06-01T10:10:00Z")); // => -1820000
 * ```
 * @internal
 */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  const minutes = tzOffset(timeZone, new Date(ms));
  if (minutes !== 0 && minutes > -60 && minutes < 60) return longOffsetMs(timeZone, ms);
  return Math.round(minutes * MINUTE_MS);
}

// ---------------------------------------------------------------------------------------
// The cache: each zone's offset changes, per 366-day chunk.

/** Offset changes are found by sampling each zone once a day, then bisecting to the millisecond. */
const SCAN_STEP_MS = DAY_MS;
/** The span of one cached chunk of a zone's offset changes (366 days). */
const CHUNK_MS = 366 * DAY_MS;
/** Zones kept in the cache before it is dropped wholesale. */
const ZONE_LIMIT = 64;

/** The offset changes of one zone in `[start, start + CHUNK_MS)`. */
interface Chunk {
  /** The offset (ms) just before the chunk. */
  readonly before: number;
  /** The instants at which the offset changes, ascending. */
  readonly at: readonly number[];
  /** The offset (ms) from each change on. */
  readonly off: readonly number[];
}

const zones = new Map<string, Map<number, Chunk>>();

/** The first instant in `(lo, hi]` whose offset differs from `base`; the offset at `hi` must differ. */
function bisect(timeZone: string, base: number, lo: number, hi: number): number {
  while (hi - lo > 1) {
    const mid = Math.floor(lo + (hi - lo) / 2);
    if (zoneOffsetMs(timeZone, mid) === base) lo = mid;
    else hi = mid;
  }
  return hi;
}

function scan(timeZone: string, k: number): Chunk {
  const start = Math.max(k * CHUNK_MS, -MAX_DATE_MS + 1);
  const end = Math.min(start + CHUNK_MS, MAX_DATE_MS);
  const at: number[] = [];
  const off: number[] = [];
  let t = start - 1;
  const before = zoneOffsetMs(timeZone, t);
  let current = before;
  while (t < end - 1) {
    const next = Math.min(t + SCAN_STEP_MS, end - 1);
    if (zoneOffsetMs(timeZone, next) !== current) {
      const x = bisect(timeZone, current, t, next);
      current = zoneOffsetMs(timeZone, x);
      at.push(x);
      off.push(current);
      t = x;
    } else t = next;
  }
  return { before, at, off };
}

function chunk(timeZone: string, k: number): Chunk {
  let cache = zones.get(timeZone);
  if (cache === undefined) {
    if (zones.size >= ZONE_LIMIT) {
      zones.clear();
      lastChunk = undefined;
    }
    cache = new Map();
    zones.set(timeZone, cache);
  }
  let found = cache.get(k);
  if (found === undefined) {
    found = scan(timeZone, k);
    cache.set(k, found);
  }
  return found;
}

// The last chunk looked up: data mostly stays within one year of one zone.
let lastZone = "";
let lastK = NaN;
let lastChunk: Chunk | undefined;

/**
 * The UTC offset of `timeZone` at instant `ms`, in milliseconds (positive east of UTC), from
 * the cached offset changes: equal to {@link zoneOffsetMs}, without an Intl call per instant.
 * Arguments are not checked here.
 *
 * @internal
 */
export function offsetAt(timeZone: string, ms: number): number {
  const k = Math.floor(ms / CHUNK_MS);
  let c = lastChunk;
  if (c === undefined || k !== lastK || timeZone !== lastZone) {
    c = chunk(timeZone, k);
    lastZone = timeZone;
    lastK = k;
    lastChunk = c;
  }
  let result = c.before;
  for (let i = 0; i < c.at.length && (c.at[i] as number) <= ms; i++) result = c.off[i] as number;
  return result;
}

/** The latest offset change `x` of `timeZone` with `a < x ≤ b`, or `undefined`. @internal */
export function lastChangeIn(timeZone: string, a: number, b: number): number | undefined {
  for (let k = Math.floor(b / CHUNK_MS); k >= Math.floor((a + 1) / CHUNK_MS); k--) {
    const at = chunk(timeZone, k).at;
    for (let i = at.length - 1; i >= 0; i--) {
      const x = at[i] as number;
      if (x <= b && x > a) return x;
    }
  }
  return undefined;
}

/** The earliest offset change `x` of `timeZone` with `a < x ≤ b`, or `undefined`. @internal */
export function firstChangeIn(timeZone: string, a: number, b: number): number | undefined {
  for (let k = Math.floor((a + 1) / CHUNK_MS); k <= Math.floor(b / CHUNK_MS); k++) {
    for (const x of chunk(timeZone, k).at) if (x > a && x <= b) return x;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Local time ↔ UTC.

/**
 * The local wall clock of `ms` in `timeZone`, as a Date whose UTC fields (`getUTCDay`,
 * `getUTCHours`, …) are the local fields. For reading fields only; it is not the instant.
 * Arguments are not checked here.
 *
 * @internal
 */
export function wallClock(ms: number, timeZone: string): Date {
  return new Date(ms + offsetAt(timeZone, ms));
}

/**
 * The instant at which the clocks of `timeZone` show a local wall time, given as "wall
 * milliseconds" (the wall time read as if it were UTC). The one rule for DST, Temporal's
 * `"compatible"` disambiguation (also RFC 5545's): a wall time in a spring-forward gap moves
 * forward by the length of the gap (it is read with the offset in force before the gap); an
 * ambiguous wall time in a fall-back overlap takes its first occurrence. See
 * docs/guide/time-zones.md ("Daylight saving time").
 *
 * @example
 * ```ts
 * // Los Angeles, 2026-03-08: 02:30 does not exist (02:00 → 03:00) and means 03:30 PDT.
 * new Date(wallToInstant("America/Los_Angeles", Date.UTC(2026, 2, 8, 2, 30))).toISOString(); // => "2026-03-08T10:30:00.000Z"
 * // 2026-11-01: 01:30 happens twice and means the first, 01:30 PDT.
 * new Date(wallToInstant("America/Los_Angeles", Date.UTC(2026, 10, 1, 1, 30))).toISOString(); // => "2026-11-01T08:30:00.000Z"
 * ```
 * @internal
 */
export function wallToInstant(timeZone: string, wall: number): number {
  const before = offsetAt(timeZone, wall - DAY_MS);
  const after = offsetAt(timeZone, wall + DAY_MS);
  const early = wall - before;
  if (before === after) return early;
  const late = wall - after;
  const earlyValid = offsetAt(timeZone, early) === before;
  const lateValid = offsetAt(timeZone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late);
  if (lateValid) return late;
  // Valid with the earlier offset only, or valid with neither (a gap): read with the offset
  // in force before the transition, which moves a gap time forward by the gap.
  return early;
}

/**
 * The single UTC offset in force for every wall time of local days `day` and `day + 1`
 * (epoch day numbers: the window an interval starting on `day` can reach), or `undefined`
 * when the offset changes near that window. Wall times of those two days map to instants
 * within [day − 1, day + 3) in UTC days, so no offset change in that span means one offset.
 *
 * @internal
 */
export function steadyOffset(timeZone: string, day: number): number | undefined {
  const from = (day - 1) * DAY_MS;
  if (firstChangeIn(timeZone, from, (day + 3) * DAY_MS) !== undefined) return undefined;
  return offsetAt(timeZone, from);
}

const zoneValidity = new Map<string, boolean>();

/**
 * `true` when the runtime's `Intl` knows `timeZone` (an IANA name such as
 * `"America/Los_Angeles"`, or `"UTC"`).
 *
 * @internal
 */
export function isValidTimeZone(timeZone: string): boolean {
  // ECMA-402 requires every implementation to support "UTC": no formatter is built for it, the
  // first of which costs about 20 ms (the time-zone data is loaded).
  if (timeZone === "UTC") return true;
  const known = zoneValidity.get(timeZone);
  if (known !== undefined) return known;
  let valid = timeZone.length > 0;
  if (valid) {
    try {
      new Intl.DateTimeFormat(undefined, { timeZone });
    } catch {
      valid = false;
    }
  }
  if (zoneValidity.size < 1000) zoneValidity.set(timeZone, valid);
  return valid;
}
