import { zoneOffsetMs } from "../../_lib/zoneOffset.ts";

/** One minute in milliseconds. @internal */
export const MINUTE_MS = 60_000;
/** One day of 24 hours in milliseconds. @internal */
export const DAY_MS = 86_400_000;

/** Cached offsets are dropped wholesale when a zone's cache grows past this many days. */
const SAMPLE_LIMIT = 200_000;
const samples = new Map<string, Map<number, number>>();

/**
 * The UTC offset of `timeZone` at instant `t`, in milliseconds (positive east of UTC),
 * from `zoneOffsetMs` (old local-mean-time offsets keep their seconds).
 *
 * @internal
 */
export function offsetAt(timeZone: string, t: number): number {
  return zoneOffsetMs(timeZone, t);
}

/** The offset at 00:00 UTC of epoch day `day`, cached per zone. @internal */
export function sampleAt(timeZone: string, day: number): number {
  let zone = samples.get(timeZone);
  if (zone === undefined) {
    zone = new Map();
    samples.set(timeZone, zone);
  }
  let offset = zone.get(day);
  if (offset === undefined) {
    if (zone.size >= SAMPLE_LIMIT) zone.clear();
    offset = offsetAt(timeZone, day * DAY_MS);
    zone.set(day, offset);
  }
  return offset;
}

/**
 * The single UTC offset in force for every wall time of local days `day` and `day + 1`
 * (the window an interval starting on `day` can reach), or `undefined` when the offset
 * changes near that window. Wall times of those two days map to instants within
 * [day − 1, day + 3) in UTC days, so equal offsets at the five UTC midnights around them
 * mean no transition in between (real zones never change twice within one day and back).
 *
 * @internal
 */
export function steadyOffset(timeZone: string, day: number): number | undefined {
  const offset = sampleAt(timeZone, day - 1);
  for (let k = day; k <= day + 3; k++) {
    if (sampleAt(timeZone, k) !== offset) return undefined;
  }
  return offset;
}

/**
 * The instant of a local wall time, given as "wall milliseconds" (the wall time read as if
 * it were UTC). A wall time in a spring-forward gap moves forward by the length of the gap
 * (it is read with the offset in force before the gap); an ambiguous wall time in a
 * fall-back overlap takes its first occurrence. This is the `"compatible"`
 * disambiguation of Temporal and of RFC 5545.
 *
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
