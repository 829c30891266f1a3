/**
 * The JSON form of a {@link WeeklyStaffingState} (`weeklyStaffingAccumulator`'s `toJSON` /
 * `fromJSON`): version 1, `{ kind: "weeklyStaffing", v: 1, timeZone, intervalLength, slots,
 * overall, counts }`. `slots` lists `[key, arrivals, calls]` by key (local day × intervals per day
 * + interval of the day; `calls` a call-stats state or `null`), `counts` holds the counters with
 * `firstDay` / `lastDay` as `null` before any contact. The time zone and the interval length are
 * checked on reading: a state folded with others says nothing under these settings.
 *
 * @internal
 * @module
 */
import {
  openState,
  readArray,
  readCount,
  readObject,
  readString,
  stateFormatError,
  stateJson,
  type MetricAccumulator,
  type StateJson,
} from "../../_lib/accumulator.ts";
import type { MetricRangeError } from "../../_lib/errors.ts";
import type { CallFacts, CallStats, CallStatsState } from "./callStats.ts";
import type { WeeklyStaffingState } from "./weeklyStaffing.ts";

/** The kind of the state's JSON form. @internal */
export const WEEKLY_STAFFING_KIND = "weeklyStaffing";

/** What the form needs from the accumulator: its settings and the call-stats accumulator of its slots. @internal */
export interface WeeklyStaffingCodec {
  readonly timeZone: string;
  readonly intervalLength: number;
  readonly calls: MetricAccumulator<CallFacts, CallStatsState, CallStats>;
}

const KIND = WEEKLY_STAFFING_KIND;

const fail = (what: string, got: unknown): MetricRangeError => stateFormatError(KIND, what, got);

/** The state as JSON values (a copy). @internal */
export function weeklyStaffingToJSON(c: WeeklyStaffingCodec, s: WeeklyStaffingState): StateJson {
  const slots = [...s.slots]
    .sort((a, b) => a[0] - b[0])
    .map(([key, slot]) => [key, slot.arrivals, slot.calls === undefined ? null : c.calls.toJSON(slot.calls)]);
  const { added, arrivals, calls, firstDay, lastDay } = s.counts;
  return stateJson(KIND, 1, {
    timeZone: c.timeZone,
    intervalLength: c.intervalLength,
    slots,
    overall: c.calls.toJSON(s.overall),
    counts: {
      added,
      arrivals,
      calls,
      firstDay: Number.isFinite(firstDay) ? firstDay : null,
      lastDay: Number.isFinite(lastDay) ? lastDay : null,
    },
  });
}

/** A day number, or `null` for none yet (then `none`). */
function readDay(o: Readonly<Record<string, unknown>>, field: string, none: number): number {
  const x = o[field];
  if (x === null) return none;
  if (typeof x !== "number" || !Number.isSafeInteger(x)) throw fail(`counts.${field} must be an integer day or null`, x);
  return x;
}

/**
 * A state read back from {@link weeklyStaffingToJSON}'s output.
 *
 * @throws `E_STATE_FORMAT` naming the field, and the setting that differs (time zone, interval length).
 * @internal
 */
export function weeklyStaffingFromJSON(c: WeeklyStaffingCodec, json: unknown): WeeklyStaffingState {
  const o = openState(json, KIND, 1);
  const timeZone = readString(o, KIND, "timeZone");
  if (timeZone !== c.timeZone) throw fail(`timeZone must be ${JSON.stringify(c.timeZone)} (this accumulator's setting)`, timeZone);
  if (o.intervalLength !== c.intervalLength) {
    throw fail(`intervalLength must be ${String(c.intervalLength)} (this accumulator's setting)`, o.intervalLength);
  }
  const slots: WeeklyStaffingState["slots"] = new Map();
  readArray(o, KIND, "slots").forEach((entry, i) => {
    if (!Array.isArray(entry) || entry.length !== 3) throw fail(`slots[${String(i)}] must be [key, arrivals, calls]`, entry);
    const [key, arrivals, calls] = entry as [unknown, unknown, unknown];
    if (typeof key !== "number" || !Number.isSafeInteger(key) || slots.has(key))
      throw fail(`slots[${String(i)}][0] must be a new integer key`, key);
    if (typeof arrivals !== "number" || !Number.isSafeInteger(arrivals) || arrivals < 0) {
      throw fail(`slots[${String(i)}][1] must be a non-negative integer`, arrivals);
    }
    slots.set(key, { arrivals, calls: calls === null ? undefined : c.calls.fromJSON(calls) });
  });
  const counts = readObject(o, KIND, "counts");
  return {
    slots,
    overall: c.calls.fromJSON(o.overall),
    counts: {
      added: readCount(counts, KIND, "added"),
      arrivals: readCount(counts, KIND, "arrivals"),
      calls: readCount(counts, KIND, "calls"),
      firstDay: readDay(counts, "firstDay", Number.POSITIVE_INFINITY),
      lastDay: readDay(counts, "lastDay", Number.NEGATIVE_INFINITY),
    },
  };
}
