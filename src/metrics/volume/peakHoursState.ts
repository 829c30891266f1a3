/**
 * The one implementation of {@link peakHours}'s counting and summaries, as an accumulator:
 * tickets are folded into the 7 × 24 local weekday-hour cells, and the occurrences, averages,
 * busiest slots and top hours are assembled at the end from the occurrences of each cell in the range.
 * `peakHours` and the report both use it.
 *
 * @internal
 * @module
 */
import { openState, stateJson, type MetricAccumulator, type StateJson } from "../../_lib/accumulator.ts";
import { hourOccurrences, hourOfWeek, type BucketGrid } from "../../_lib/bucket.ts";
import type { Weekday } from "../../models/schedule.ts";
import type { Ticket } from "../../models/ticket.ts";
import { readIntegerList, readTally } from "./_stateJson.ts";
import { isValidDate } from "./timeline.ts";
import type { PeakHoursResult, PeakSlot } from "./peakHours.ts";

/** Which tickets count: created in `[from, to)` (epoch ms; `undefined` for no bound), cells read in `timeZone`. @internal */
export interface PeakSettings {
  /** The IANA time zone of the local clock (checked by the caller). */
  readonly timeZone: string;
  /** The range in epoch ms; `undefined` for no bound. */
  readonly from: number | undefined;
  readonly to: number | undefined;
  /** The hourly grid of `[from, to)` when already built, with the cell of each of its buckets: cells are then found by binary search on it (faster). */
  readonly hourly?: { readonly grid: BucketGrid; readonly cells: Int32Array };
}

/**
 * The running state of {@link peakHoursAccumulator}: tickets per
 * weekday-hour cell, and those not counted. Serialise it with the accumulator's `toJSON`.
 *
 * @category Volume
 */
export interface PeakState {
  /** Tickets created per local weekday × hour (Monday 0, hour 0 first): `cells[weekday * 24 + hour]`. @internal */
  readonly cells: Float64Array;
  /** Tickets not counted, by reason. @internal */
  readonly skipped: { invalidCreatedAt: number; outsideRange: number };
}

/** A new empty state. @internal */
export function peakState(): PeakState {
  return { cells: new Float64Array(7 * 24), skipped: { invalidCreatedAt: 0, outsideRange: 0 } };
}

/** Adds one ticket (in place). @internal */
export function addPeak(settings: PeakSettings, state: PeakState, ticket: Ticket): void {
  if (!isValidDate(ticket.createdAt)) {
    state.skipped.invalidCreatedAt++;
    return;
  }
  const created = ticket.createdAt.getTime();
  if (!(created >= (settings.from ?? -Infinity) && created < (settings.to ?? Infinity))) {
    state.skipped.outsideRange++;
    return;
  }
  const hourly = settings.hourly;
  const cell = hourly === undefined ? hourOfWeek(created, settings.timeZone) : (hourly.cells[hourly.grid.indexOf(created)] as number);
  state.cells[cell] = (state.cells[cell] as number) + 1;
}

/** Merges `b` into `a` and returns `a`. @internal */
export function mergePeak(a: PeakState, b: PeakState): PeakState {
  for (let i = 0; i < a.cells.length; i++) a.cells[i] = (a.cells[i] as number) + (b.cells[i] as number);
  a.skipped.invalidCreatedAt += b.skipped.invalidCreatedAt;
  a.skipped.outsideRange += b.skipped.outsideRange;
  return a;
}

const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

function slot(sum: number, occurrences: number): PeakSlot {
  return { sum, occurrences, average: occurrences === 0 ? undefined : sum / occurrences };
}

/** Index of the highest average (first on ties), or −1 when every average is absent. */
function argmax(slots: readonly PeakSlot[]): number {
  let best = -1;
  for (let i = 0; i < slots.length; i++) {
    const average = slots[i]?.average;
    if (average !== undefined && (best < 0 || average > (slots[best]?.average as number))) best = i;
  }
  return best;
}

/**
 * The {@link PeakHoursResult} of a state over `[from, to)` (epoch ms) in `timeZone`, with the
 * `topN` busiest hours: occurrences come from {@link hourOccurrences}, so a long range costs
 * one step per day, not one per hour. Reads the state, does not change it.
 *
 * @internal
 */
export function peakResult(
  state: PeakState,
  range: { readonly from: number; readonly to: number; readonly timeZone: string },
  topN: number,
): PeakHoursResult {
  const occurrences = hourOccurrences(range.from, range.to, range.timeZone);
  const sums = state.cells;
  let total = 0;
  for (const v of sums) total += v;
  const cells = WEEKDAYS.map((_, w) =>
    Array.from({ length: 24 }, (_, h) => slot(sums[w * 24 + h] as number, occurrences.cells[w * 24 + h] as number)),
  );
  const byHour = Array.from({ length: 24 }, (_, h) => {
    let sum = 0;
    let occ = 0;
    for (let w = 0; w < 7; w++) {
      sum += sums[w * 24 + h] as number;
      occ += occurrences.cells[w * 24 + h] as number;
    }
    return slot(sum, occ);
  });
  const byWeekday = WEEKDAYS.map((_, w) => {
    let sum = 0;
    for (let h = 0; h < 24; h++) sum += sums[w * 24 + h] as number;
    return slot(sum, occurrences.days[w] as number);
  });
  const ranked = byHour
    .map((s, hour) => ({ hour, sum: s.sum }))
    .sort((a, b) => b.sum - a.sum || a.hour - b.hour)
    .slice(0, topN);
  const topCount = ranked.reduce((acc, r) => acc + r.sum, 0);
  const hour = argmax(byHour);
  const day = argmax(byWeekday);
  const flat = cells.flat();
  const best = argmax(flat);
  const any = total > 0;
  return {
    weekdays: WEEKDAYS,
    cells,
    byHour,
    byWeekday,
    busiestHour: any && hour >= 0 ? { hour, ...(byHour[hour] as PeakSlot) } : undefined,
    busiestDay: any && day >= 0 ? { weekday: WEEKDAYS[day] as Weekday, ...(byWeekday[day] as PeakSlot) } : undefined,
    busiestSlot:
      any && best >= 0 ? { weekday: WEEKDAYS[Math.floor(best / 24)] as Weekday, hour: best % 24, ...(flat[best] as PeakSlot) } : undefined,
    top: { hours: ranked.map((r) => r.hour), count: topCount, share: any ? topCount / total : undefined },
    total,
    skipped: { ...state.skipped },
  };
}

/** The `kind` of a peak-hours state's JSON form (the name of {@link peakHours}' accumulator). @internal */
export const PEAK_KIND = "peakHours";

/**
 * The JSON form of a peak-hours state, version 1: `cells` (168 counts, `weekday * 24 + hour`,
 * Monday and hour 0 first) and `skipped`. A copy: the state is not changed.
 *
 * @internal
 */
export function peakStateToJSON(state: PeakState): StateJson {
  return stateJson(PEAK_KIND, 1, { cells: Array.from(state.cells), skipped: { ...state.skipped } });
}

/**
 * A peak-hours state read back from {@link peakStateToJSON}'s output (the same for any settings).
 *
 * @throws `E_STATE_FORMAT` naming the field for anything malformed.
 * @internal
 */
export function peakStateFromJSON(json: unknown): PeakState {
  const o = openState(json, PEAK_KIND, 1);
  return {
    cells: readIntegerList(o.cells, PEAK_KIND, "cells", 7 * 24, "count"),
    skipped: readTally(o, PEAK_KIND, "skipped", ["invalidCreatedAt", "outsideRange"]),
  };
}

/**
 * {@link peakHours} over the hourly `grid` as an accumulator with a serialisable state; `grid`
 * is built (and so checked) by the caller, and gives the range and the time zone.
 *
 * @internal
 */
export function peakAccumulator(grid: BucketGrid, topN: number): MetricAccumulator<Ticket, PeakState, PeakHoursResult> {
  const cells = new Int32Array(grid.length);
  for (let k = 0; k < grid.length; k++) cells[k] = hourOfWeek((grid.starts[k] as Date).getTime(), grid.timeZone);
  const settings: PeakSettings = { timeZone: grid.timeZone, from: grid.bounds[0], to: grid.bounds[grid.length], hourly: { grid, cells } };
  return {
    name: PEAK_KIND,
    create: peakState,
    add: (acc, ticket) => {
      addPeak(settings, acc, ticket);
    },
    merge: mergePeak,
    result: (acc) => peakResult(acc, { from: settings.from as number, to: settings.to as number, timeZone: grid.timeZone }, topN),
    toJSON: peakStateToJSON,
    fromJSON: peakStateFromJSON,
  };
}
