/**
 * Volume per bucket and the arrival heatmap, folded in one pass with the bucketing mechanism
 * of `src/_lib/bucket.ts` (free bucketing by calendar bucket start, then the grid of the
 * range at the end). Same counting rules as `volumeByPeriod` and `peakHours`; the tests check
 * that both agree with those functions.
 *
 * @internal
 * @module
 */
import { bucketer, bucketGrid, hourOfWeek, wallClock, type BucketUnit } from "../_lib/bucket.ts";
import type { Weekday } from "../models/schedule.ts";
import type { Ticket } from "../models/ticket.ts";
import { isValidDate, timeline } from "../metrics/volume/_timeline.ts";
import { addCounts, sortedRecordOf } from "./_values.ts";
import type { PeakSlotJson, PeaksJson, VolumeBucketJson, VolumeJson } from "./types.ts";

/** The volume and heatmap state. @internal */
export interface VolumeState {
  /** Per calendar bucket start (epoch ms): created, resolved, messages in, messages out. */
  readonly buckets: Map<number, Float64Array>;
  /** Tickets created per local weekday × hour (Monday 0, hour 0 first). */
  readonly cells: Float64Array;
  /** The earliest and latest valid `createdAt` (for the range without a period). */
  minCreated: number;
  maxCreated: number;
  backlogAtStart: number;
  counted: number;
  readonly skipped: Record<string, number>;
  readonly messages: Record<"ticketsWithoutMessages" | "notCounted" | "outsideRange" | "invalidAt", number>;
  readonly peaksSkipped: Record<string, number>;
}

/** The range settings. @internal */
export interface VolumeSettings {
  readonly unit: BucketUnit;
  readonly timeZone: string;
  /** The period `[from, to)` in epoch ms; `undefined` for the whole data. */
  readonly from: number | undefined;
  readonly to: number | undefined;
}

/** A new state. @internal */
export function volumeCreate(): VolumeState {
  return {
    buckets: new Map(),
    cells: new Float64Array(7 * 24),
    minCreated: Infinity,
    maxCreated: -Infinity,
    backlogAtStart: 0,
    counted: 0,
    skipped: { invalidCreatedAt: 0, invalidSolvedAt: 0, solvedWithoutSolvedAt: 0, solvedBeforeCreated: 0, createdAfterRange: 0, resolvedBeforeRange: 0 },
    messages: { ticketsWithoutMessages: 0, notCounted: 0, outsideRange: 0, invalidAt: 0 },
    peaksSkipped: { invalidCreatedAt: 0, outsideRange: 0 },
  };
}

function slotOf(state: VolumeState, start: number): Float64Array {
  let slot = state.buckets.get(start);
  if (slot === undefined) {
    slot = new Float64Array(4);
    state.buckets.set(start, slot);
  }
  return slot;
}

/** Adds one ticket. @internal */
export function volumeAdd(settings: VolumeSettings, state: VolumeState, ticket: Ticket): void {
  const b = bucketer(settings.unit, settings.timeZone);
  const lo = settings.from ?? -Infinity;
  const hi = settings.to ?? Infinity;
  const messages = ticket.messages;
  if (messages === undefined || messages.length === 0) state.messages.ticketsWithoutMessages++;
  else {
    for (const message of messages) {
      const isIn = message.author === "customer";
      const isOut = message.author === "agent" && message.public === true;
      if (!isIn && !isOut) state.messages.notCounted++;
      else if (!isValidDate(message.at)) state.messages.invalidAt++;
      else {
        const ms = message.at.getTime();
        if (!(ms >= lo && ms < hi)) state.messages.outsideRange++;
        else (slotOf(state, b.start(ms))[isIn ? 2 : 3] as number)++;
      }
    }
  }
  // Heatmap: every valid createdAt in range.
  if (!isValidDate(ticket.createdAt)) state.peaksSkipped.invalidCreatedAt = (state.peaksSkipped.invalidCreatedAt ?? 0) + 1;
  else {
    const created = ticket.createdAt.getTime();
    if (created < state.minCreated) state.minCreated = created;
    if (created > state.maxCreated) state.maxCreated = created;
    if (!(created >= lo && created < hi)) state.peaksSkipped.outsideRange = (state.peaksSkipped.outsideRange ?? 0) + 1;
    else {
      const cell = hourOfWeek(created, settings.timeZone);
      state.cells[cell] = (state.cells[cell] as number) + 1;
    }
  }
  // Ticket counts.
  const life = timeline(ticket);
  if (typeof life === "string") {
    state.skipped[life] = (state.skipped[life] ?? 0) + 1;
    return;
  }
  if (life.created >= hi) {
    state.skipped.createdAfterRange = (state.skipped.createdAfterRange ?? 0) + 1;
    return;
  }
  if (life.resolved < lo) {
    state.skipped.resolvedBeforeRange = (state.skipped.resolvedBeforeRange ?? 0) + 1;
    return;
  }
  state.counted++;
  if (life.created < lo) state.backlogAtStart++;
  else (slotOf(state, b.start(life.created))[0] as number)++;
  if (life.resolved >= lo && life.resolved < hi && Number.isFinite(life.resolved)) (slotOf(state, b.start(life.resolved))[1] as number)++;
}

/** Merges `b` into `a`. @internal */
export function volumeMerge(a: VolumeState, b: VolumeState): VolumeState {
  for (const [key, slot] of b.buckets) {
    const x = a.buckets.get(key);
    if (x === undefined) a.buckets.set(key, slot);
    else for (let i = 0; i < 4; i++) x[i] = (x[i] as number) + (slot[i] as number);
  }
  for (let i = 0; i < a.cells.length; i++) a.cells[i] = (a.cells[i] as number) + (b.cells[i] as number);
  a.minCreated = Math.min(a.minCreated, b.minCreated);
  a.maxCreated = Math.max(a.maxCreated, b.maxCreated);
  a.backlogAtStart += b.backlogAtStart;
  a.counted += b.counted;
  addCounts(a.skipped, b.skipped);
  addCounts(a.messages, b.messages);
  addCounts(a.peaksSkipped, b.peaksSkipped);
  return a;
}

/** The range bucketed: the period, or whole buckets around the createdAt seen; `undefined` when there is none. @internal */
export function volumeRange(settings: VolumeSettings, state: VolumeState): { from: number; to: number } | undefined {
  if (settings.from !== undefined && settings.to !== undefined) return { from: settings.from, to: settings.to };
  if (state.minCreated > state.maxCreated) return undefined;
  const b = bucketer(settings.unit, settings.timeZone);
  return { from: b.start(state.minCreated), to: b.end(state.maxCreated) };
}

/** The volume result and the messages outside the range. @internal */
export function volumeResult(fn: string, settings: VolumeSettings, state: VolumeState): { volume: VolumeJson | null; skipped: Record<string, Record<string, number>> } {
  const range = volumeRange(settings, state);
  const messages = { ...state.messages };
  if (range === undefined) return { volume: null, skipped: { volume: sortedRecordOf({ ...state.skipped }), messages: sortedRecordOf(messages) } };
  const grid = bucketGrid(fn, new Date(range.from), new Date(range.to), settings.unit, settings.timeZone);
  const n = grid.length;
  let inGrid = 0;
  const buckets: VolumeBucketJson[] = [];
  const totals = { created: 0, resolved: 0, messagesIn: 0, messagesOut: 0 };
  let before = state.backlogAtStart;
  for (let k = 0; k < n; k++) {
    const slot = state.buckets.get((grid.starts[k] as Date).getTime());
    const created = slot?.[0] ?? 0;
    const resolved = slot?.[1] ?? 0;
    const messagesIn = slot?.[2] ?? 0;
    const messagesOut = slot?.[3] ?? 0;
    if (slot !== undefined) inGrid += messagesIn + messagesOut;
    const backlog = before + created - resolved;
    buckets.push({
      label: grid.labels[k] as string,
      start: new Date(grid.bounds[k] as number).toISOString(),
      end: new Date(grid.bounds[k + 1] as number).toISOString(),
      created,
      resolved,
      messagesIn,
      messagesOut,
      active: before + created,
      backlog,
    });
    before = backlog;
    totals.created += created;
    totals.resolved += resolved;
    totals.messagesIn += messagesIn;
    totals.messagesOut += messagesOut;
  }
  if (settings.from === undefined) {
    // Without a period, every valid message was bucketed; those outside the range are counted now.
    let all = 0;
    for (const slot of state.buckets.values()) all += (slot[2] as number) + (slot[3] as number);
    messages.outsideRange = (messages.outsideRange ?? 0) + all - inGrid;
  }
  return {
    volume: {
      unit: settings.unit,
      range: { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() },
      buckets,
      backlogAtStart: state.backlogAtStart,
      totals,
      counted: state.counted,
    },
    skipped: { volume: sortedRecordOf({ ...state.skipped }), messages: sortedRecordOf(messages) },
  };
}

const WEEKDAYS: readonly Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

function slot(sum: number, occurrences: number): PeakSlotJson {
  return { sum, occurrences, average: occurrences === 0 ? null : sum / occurrences };
}

function argmax(slots: readonly PeakSlotJson[]): number {
  let best = -1;
  for (let i = 0; i < slots.length; i++) {
    const average = slots[i]?.average ?? null;
    if (average !== null && (best < 0 || average > (slots[best]?.average as number))) best = i;
  }
  return best;
}

/** The heatmap over the volume range, as `peakHours`. @internal */
export function peaksResult(fn: string, settings: VolumeSettings, state: VolumeState, topN: number): PeaksJson | null {
  const range = volumeRange(settings, state);
  if (range === undefined) return null;
  const grid = bucketGrid(fn, new Date(range.from), new Date(range.to), "hour", settings.timeZone);
  const occurrences = new Float64Array(7 * 24);
  const days = new Float64Array(7);
  const seen = new Set<string>();
  let lastDate = "";
  for (let k = 0; k < grid.length; k++) {
    const local = wallClock((grid.starts[k] as Date).getTime(), settings.timeZone);
    const weekday = (local.getUTCDay() + 6) % 7;
    const hour = local.getUTCHours();
    const date = String(Math.floor(local.getTime() / 86_400_000));
    if (date !== lastDate) {
      days[weekday] = (days[weekday] as number) + 1;
      lastDate = date;
    }
    const key = `${date} ${String(hour)}`;
    if (!seen.has(key)) {
      seen.add(key);
      occurrences[weekday * 24 + hour] = (occurrences[weekday * 24 + hour] as number) + 1;
    }
  }
  const sums = state.cells;
  let total = 0;
  for (const v of sums) total += v;
  const cells = WEEKDAYS.map((_, w) => Array.from({ length: 24 }, (_, h) => slot(sums[w * 24 + h] as number, occurrences[w * 24 + h] as number)));
  const byHour = Array.from({ length: 24 }, (_, h) => {
    let sum = 0;
    let occ = 0;
    for (let w = 0; w < 7; w++) {
      sum += sums[w * 24 + h] as number;
      occ += occurrences[w * 24 + h] as number;
    }
    return slot(sum, occ);
  });
  const byWeekday = WEEKDAYS.map((_, w) => {
    let sum = 0;
    for (let h = 0; h < 24; h++) sum += sums[w * 24 + h] as number;
    return slot(sum, days[w] as number);
  });
  const ranked = byHour.map((s, hour) => ({ hour, sum: s.sum })).sort((a, b) => b.sum - a.sum || a.hour - b.hour).slice(0, topN);
  const topCount = ranked.reduce((acc, r) => acc + r.sum, 0);
  const any = total > 0;
  const hour = argmax(byHour);
  const day = argmax(byWeekday);
  const flat = cells.flat();
  const best = argmax(flat);
  return {
    weekdays: WEEKDAYS,
    cells,
    byHour,
    byWeekday,
    busiestHour: any && hour >= 0 ? { hour, ...(byHour[hour] as PeakSlotJson) } : null,
    busiestDay: any && day >= 0 ? { weekday: WEEKDAYS[day] as Weekday, ...(byWeekday[day] as PeakSlotJson) } : null,
    busiestSlot: any && best >= 0 ? { weekday: WEEKDAYS[Math.floor(best / 24)] as Weekday, hour: best % 24, ...(flat[best] as PeakSlotJson) } : null,
    top: { hours: ranked.map((r) => r.hour), count: topCount, share: any ? topCount / total : null },
    total,
  };
}
