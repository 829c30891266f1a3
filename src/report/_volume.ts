/**
 * Volume per bucket, statuses at each bucket end and the arrival heatmap: the report folds
 * tickets with the very accumulators of `volumeByPeriod`, `statusesOverTime` and `peakHours`
 * (`src/metrics/volume/volumeByPeriodState.ts`, `statusesOverTimeState.ts`, `peakHoursState.ts`)
 * and turns their results into JSON. Without a period, the range is
 * whole buckets around the `createdAt` seen.
 *
 * @internal
 * @module
 */
import { bucketGrid } from "../_lib/bucket.ts";
import {
  addStatuses,
  mergeStatuses,
  statusesOnGrid,
  statusesState,
  statusesStateFromJSON,
  statusesStateToJSON,
  type StatusesState,
} from "../metrics/volume/statusesOverTimeState.ts";
import {
  addPeak,
  mergePeak,
  peakResult,
  peakState,
  peakStateFromJSON,
  peakStateToJSON,
  type PeakState,
} from "../metrics/volume/peakHoursState.ts";
import {
  addVolume,
  mergeVolume,
  volumeOnGrid,
  volumeRange,
  volumeState,
  volumeStateFromJSON,
  volumeStateToJSON,
  type VolumeSettings,
  type VolumeState as VolumeTally,
} from "../metrics/volume/volumeByPeriodState.ts";
import type { Ticket } from "../models/ticket.ts";
import { sortedCounts as sortedRecordOf } from "../_lib/counts.ts";
import type { PeakSlot } from "../metrics/volume/peakHours.ts";
import type { PeakSlotJson, PeaksJson, VolumeJson } from "./types.ts";

export type { VolumeSettings };

/** The volume and heatmap state. @internal */
export interface VolumeState {
  /** The state of `volumeByPeriod`'s accumulator. */
  readonly volume: VolumeTally;
  /** The state of `statusesOverTime`'s accumulator. */
  readonly statuses: StatusesState;
  /** The state of `peakHours`' accumulator. */
  readonly peaks: PeakState;
  /** The heatmap's skip counts (the same object as `peaks.skipped`). */
  readonly peaksSkipped: Readonly<Record<string, number>>;
}

/** A new state. @internal */
export function volumeCreate(): VolumeState {
  const peaks = peakState();
  return { volume: volumeState(), statuses: statusesState(), peaks, peaksSkipped: peaks.skipped };
}

/** Adds one ticket. @internal */
export function volumeAdd(settings: VolumeSettings, state: VolumeState, ticket: Ticket): void {
  addVolume(settings, state.volume, ticket);
  addStatuses(settings, state.statuses, ticket);
  addPeak(settings, state.peaks, ticket);
}

/** Merges `b` into `a` (in place) and returns `a`. @internal */
export function volumeMerge(a: VolumeState, b: VolumeState): VolumeState {
  mergeVolume(a.volume, b.volume);
  mergeStatuses(a.statuses, b.statuses);
  mergePeak(a.peaks, b.peaks);
  return a;
}

/** The JSON form of the whole-input state: each accumulator's own. @internal */
export function volumeToJSON(state: VolumeState): Record<string, unknown> {
  return { volume: volumeStateToJSON(state.volume), statuses: statusesStateToJSON(state.statuses), peaks: peakStateToJSON(state.peaks) };
}

/** The whole-input state read back from {@link volumeToJSON}'s output (`E_STATE_FORMAT` otherwise). @internal */
export function volumeFromJSON(settings: VolumeSettings, json: unknown): VolumeState {
  const o = json !== null && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
  const peaks = peakStateFromJSON(o.peaks);
  return {
    volume: volumeStateFromJSON(settings, o.volume),
    statuses: statusesStateFromJSON(settings, o.statuses),
    peaks,
    peaksSkipped: peaks.skipped,
  };
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The volume result (with the statuses at each bucket end) and the skip counts of volume, messages and statuses. @internal */
export function volumeResult(
  fn: string,
  settings: VolumeSettings,
  state: VolumeState,
): { volume: VolumeJson | null; skipped: Record<string, Record<string, number>> } {
  const range = volumeRange(settings, state.volume);
  if (range === undefined) {
    return {
      volume: null,
      skipped: {
        volume: sortedRecordOf({ ...state.volume.skipped }),
        messages: sortedRecordOf({ ...state.volume.messages }),
        statuses: sortedRecordOf({ ...state.statuses.skipped }),
      },
    };
  }
  const grid = bucketGrid(fn, new Date(range.from), new Date(range.to), settings.unit, settings.timeZone);
  const v = volumeOnGrid(settings, state.volume, grid);
  const s = statusesOnGrid(settings, state.statuses, grid);
  return {
    volume: {
      unit: v.unit,
      range: { from: iso(range.from), to: iso(range.to) },
      buckets: v.buckets.map((b) => ({ ...b, start: b.start.toISOString(), end: b.end.toISOString() })),
      backlogAtStart: v.backlogAtStart,
      totals: v.totals,
      counted: v.counted,
      statuses: {
        buckets: s.buckets.map((b) => ({
          ...b,
          byStatus: { ...b.byStatus },
          withoutHistory: { ...b.withoutHistory },
          start: b.start.toISOString(),
          end: b.end.toISOString(),
        })),
        withHistory: s.withHistory,
        withoutHistory: s.withoutHistory,
      },
    },
    skipped: {
      volume: sortedRecordOf({ ...v.skipped }),
      messages: sortedRecordOf({ ...v.messages }),
      statuses: sortedRecordOf({ ...s.skipped }),
    },
  };
}

/** A slot with `null` for an absent average (other fields, such as `hour`, kept in place). */
function slotJson<S extends PeakSlot>(s: S): Omit<S, "average"> & PeakSlotJson {
  return { ...s, average: s.average ?? null };
}

/** The heatmap over the volume range, as `peakHours`. @internal */
export function peaksResult(fn: string, settings: VolumeSettings, state: VolumeState, topN: number): PeaksJson | null {
  const range = volumeRange(settings, state.volume);
  if (range === undefined) return null;
  const p = peakResult(state.peaks, { from: range.from, to: range.to, timeZone: settings.timeZone }, topN);
  return {
    weekdays: p.weekdays,
    cells: p.cells.map((row) => row.map(slotJson)),
    byHour: p.byHour.map(slotJson),
    byWeekday: p.byWeekday.map(slotJson),
    busiestHour: p.busiestHour === undefined ? null : slotJson(p.busiestHour),
    busiestDay: p.busiestDay === undefined ? null : slotJson(p.busiestDay),
    busiestSlot: p.busiestSlot === undefined ? null : slotJson(p.busiestSlot),
    top: { ...p.top, share: p.top.share ?? null },
    total: p.total,
  };
}
