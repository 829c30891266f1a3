import { noNegativeZero } from "../../_lib/guards.ts";
import type { Schedule } from "../../models/schedule.ts";
import type { DurationSource, MeasuredDuration } from "./durationTypes.ts";
import type { EventsSlot } from "./events.ts";
import { addBusinessTime } from "./addBusinessTime.ts";
import { businessTimeBetween } from "./businessTimeBetween.ts";

/**
 * `end − start` in milliseconds: calendar time, or open time of `schedule` when given.
 *
 * @internal
 */
export function measure(start: Date, end: Date, schedule: Schedule | undefined): number {
  const ms = schedule === undefined ? end.getTime() - start.getTime() : businessTimeBetween(start, end, schedule);
  return noNegativeZero(ms);
}

/**
 * The instant `ms` after `start`, in epoch milliseconds: calendar time, or open time of
 * `schedule` when given. A number, not a `Date`, so that a hot loop allocates only the dates it keeps.
 *
 * @internal
 */
export function advance(start: Date, ms: number, schedule: Schedule | undefined): number {
  return schedule === undefined ? start.getTime() + ms : addBusinessTime(start, ms, schedule).getTime();
}

/**
 * Reusable result records for a hot loop (the report's ticket-times provider): a measure
 * function given a slot fills and returns `slot.events` and `slot.measured` instead of new
 * objects, so the caller must read a result before its next call with the same slot.
 *
 * @internal
 */
export interface DurationSlot {
  readonly events: EventsSlot;
  readonly measured: { -readonly [K in keyof MeasuredDuration]: MeasuredDuration[K] };
}

/** A new {@link DurationSlot}. @internal */
export function durationSlot(): DurationSlot {
  const epoch = new Date(0);
  return {
    events: { kind: "events", start: epoch, end: undefined, source: "fields" },
    measured: { kind: "measured", ms: 0, start: epoch, end: epoch, source: "fields" },
  };
}

/** A measured duration: `slot.measured` filled when there is a slot, else a new object. @internal */
export function measured(slot: DurationSlot | undefined, ms: number, start: Date, end: Date, source: DurationSource): MeasuredDuration {
  if (slot === undefined) return { kind: "measured", ms, start, end, source };
  const m = slot.measured;
  m.ms = ms;
  m.start = start;
  m.end = end;
  m.source = source;
  return m;
}
