/**
 * The one implementation of {@link volumeByPeriod}'s counting, as an accumulator: tickets are
 * folded by free bucketing (calendar bucket start, `src/_lib/bucket.ts`), and the grid of the
 * range is only laid at the end. `volumeByPeriod` and the report both fold with it and read
 * the same result.
 *
 * @internal
 * @module
 */
import { openState, readCount, stateJson, type MetricAccumulator, type StateJson } from "../../_lib/accumulator.ts";
import { bucketer, bucketGrid, type BucketGrid, type BucketUnit } from "../../_lib/bucket.ts";
import { stateFor } from "../../_lib/group.ts";
import type { Ticket } from "../../models/ticket.ts";
import { bucketsToJSON, readBuckets, readDense, readInstant, readTally, stateError } from "./_stateJson.ts";
import { isValidDate, timeline } from "./timeline.ts";
import type { VolumeBucket, VolumeByPeriodResult, VolumeMessageCounts, VolumeSkipped } from "./volumeByPeriod.ts";

/** What to bucket, and over which range. @internal */
export interface VolumeSettings {
  /** The bucket length. */
  readonly unit: BucketUnit;
  /** The IANA time zone the buckets are cut in (checked by the caller). */
  readonly timeZone: string;
  /** The range `[from, to)` in epoch ms; both `undefined` for the whole data (whole buckets around the valid `createdAt` seen). */
  readonly from: number | undefined;
  readonly to: number | undefined;
  /** The grid of `[from, to)` when already built: states made for it count by grid bucket (faster). */
  readonly grid?: BucketGrid;
}

/**
 * The running state of {@link volumeByPeriodAccumulator}: counts per
 * calendar bucket, the earliest and latest `createdAt` seen, and what was left out. Serialise it with the
 * accumulator's `toJSON`.
 *
 * @category Volume
 */
export interface VolumeState {
  /** Per calendar bucket start (epoch ms): created, resolved, messages in, messages out. @internal */
  readonly buckets: Map<number, Float64Array>;
  /** For a state made for a grid of n buckets: the same four counts of bucket k at `4k` to `4k + 3`. @internal */
  readonly dense: Float64Array | undefined;
  /** The earliest valid `createdAt` (Infinity when none): with `maxCreated`, the range without `from` and `to`. @internal */
  minCreated: number;
  /** The latest valid `createdAt` (−Infinity when none). @internal */
  maxCreated: number;
  /** Counted tickets created before the range. @internal */
  backlogAtStart: number;
  /** Tickets in the ticket counts. @internal */
  counted: number;
  /** Tickets left out of the ticket counts, by reason. @internal */
  readonly skipped: { -readonly [K in keyof VolumeSkipped]: number };
  /** What happened to the messages (without a range, `outsideRange` is completed by the result). @internal */
  readonly messages: { -readonly [K in keyof VolumeMessageCounts]: number };
}

/** A new empty state; `gridLength` makes it count by grid bucket (for a {@link VolumeSettings} with that grid). @internal */
export function volumeState(gridLength?: number): VolumeState {
  return {
    buckets: new Map(),
    dense: gridLength === undefined ? undefined : new Float64Array(4 * gridLength),
    minCreated: Infinity,
    maxCreated: -Infinity,
    backlogAtStart: 0,
    counted: 0,
    skipped: {
      invalidCreatedAt: 0,
      invalidSolvedAt: 0,
      solvedWithoutSolvedAt: 0,
      solvedBeforeCreated: 0,
      createdAfterRange: 0,
      resolvedBeforeRange: 0,
    },
    messages: { ticketsWithoutMessages: 0, notCounted: 0, outsideRange: 0, invalidAt: 0 },
  };
}

/** A new bucket slot: the four counts of {@link bump}. */
const newSlot = (): Float64Array => new Float64Array(4);

/** Adds 1 to count `i` (0 created, 1 resolved, 2 messages in, 3 messages out) of the bucket holding `ms`. */
function bump(settings: VolumeSettings, state: VolumeState, ms: number, i: number): void {
  const dense = state.dense;
  if (dense !== undefined && settings.grid !== undefined) {
    const at = 4 * settings.grid.indexOf(ms) + i;
    dense[at] = (dense[at] as number) + 1;
    return;
  }
  const start = bucketer(settings.unit, settings.timeZone).start(ms);
  const slot = stateFor(state.buckets, start, newSlot);
  slot[i] = (slot[i] as number) + 1;
}

/** Adds one ticket (in place). @internal */
export function addVolume(settings: VolumeSettings, state: VolumeState, ticket: Ticket): void {
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
        else bump(settings, state, ms, isIn ? 2 : 3);
      }
    }
  }
  if (isValidDate(ticket.createdAt)) {
    const created = ticket.createdAt.getTime();
    if (created < state.minCreated) state.minCreated = created;
    if (created > state.maxCreated) state.maxCreated = created;
  }
  const life = timeline(ticket);
  if (typeof life === "string") {
    state.skipped[life]++;
    return;
  }
  if (life.created >= hi) {
    state.skipped.createdAfterRange++;
    return;
  }
  if (life.resolved < lo) {
    state.skipped.resolvedBeforeRange++;
    return;
  }
  state.counted++;
  if (life.created < lo) state.backlogAtStart++;
  else bump(settings, state, life.created, 0);
  if (life.resolved >= lo && life.resolved < hi && Number.isFinite(life.resolved)) bump(settings, state, life.resolved, 1);
}

function addRecord<K extends string>(a: Record<K, number>, b: Readonly<Record<K, number>>): void {
  for (const key of Object.keys(b) as K[]) a[key] += b[key];
}

/** Merges `b` into `a` and returns `a`. @internal */
export function mergeVolume(a: VolumeState, b: VolumeState): VolumeState {
  for (const [key, slot] of b.buckets) {
    const x = a.buckets.get(key);
    if (x === undefined) a.buckets.set(key, slot);
    else for (let i = 0; i < 4; i++) x[i] = (x[i] as number) + (slot[i] as number);
  }
  if (a.dense !== undefined && b.dense !== undefined)
    for (let i = 0; i < a.dense.length; i++) a.dense[i] = (a.dense[i] as number) + (b.dense[i] as number);
  a.minCreated = Math.min(a.minCreated, b.minCreated);
  a.maxCreated = Math.max(a.maxCreated, b.maxCreated);
  a.backlogAtStart += b.backlogAtStart;
  a.counted += b.counted;
  addRecord(a.skipped, b.skipped);
  addRecord(a.messages, b.messages);
  return a;
}

/** The range bucketed: `[from, to)`, or whole buckets around the valid `createdAt` seen; `undefined` when there is none. @internal */
export function volumeRange(settings: VolumeSettings, state: VolumeState): { from: number; to: number } | undefined {
  if (settings.from !== undefined && settings.to !== undefined) return { from: settings.from, to: settings.to };
  if (state.minCreated > state.maxCreated) return undefined;
  const b = bucketer(settings.unit, settings.timeZone);
  return { from: b.start(state.minCreated), to: b.end(state.maxCreated) };
}

/**
 * The {@link VolumeByPeriodResult} of a state on the grid of its range (built with `fn` for
 * errors); `undefined` when there is no range. Reads the state, does not change it.
 *
 * @internal
 */
export function volumeResult(fn: string, settings: VolumeSettings, state: VolumeState): VolumeByPeriodResult | undefined {
  const range = volumeRange(settings, state);
  if (range === undefined) return undefined;
  return volumeOnGrid(settings, state, bucketGrid(fn, new Date(range.from), new Date(range.to), settings.unit, settings.timeZone));
}

/**
 * The {@link VolumeByPeriodResult} of a state on `g`, the grid of its range. Reads the state,
 * does not change it.
 *
 * @internal
 */
export function volumeOnGrid(settings: VolumeSettings, state: VolumeState, g: BucketGrid): VolumeByPeriodResult {
  const buckets: VolumeBucket[] = [];
  const totals = { created: 0, resolved: 0, messagesIn: 0, messagesOut: 0 };
  let inGrid = 0;
  let before = state.backlogAtStart;
  for (let k = 0; k < g.length; k++) {
    const slot = state.buckets.get((g.starts[k] as Date).getTime());
    const count = (i: number): number => (slot?.[i] ?? 0) + (state.dense?.[4 * k + i] ?? 0);
    const created = count(0);
    const resolved = count(1);
    const messagesIn = count(2);
    const messagesOut = count(3);
    inGrid += messagesIn + messagesOut;
    const backlog = before + created - resolved;
    buckets.push({
      label: g.labels[k] as string,
      start: new Date(g.bounds[k] as number),
      end: new Date(g.bounds[k + 1] as number),
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
  const messages = { ...state.messages };
  if (settings.from === undefined) {
    // Without a range every valid message was bucketed; those outside the grid are counted now.
    let all = 0;
    for (const slot of state.buckets.values()) all += (slot[2] as number) + (slot[3] as number);
    messages.outsideRange += all - inGrid;
  }
  return {
    unit: settings.unit,
    timeZone: settings.timeZone,
    buckets,
    backlogAtStart: state.backlogAtStart,
    totals,
    counted: state.counted,
    skipped: { ...state.skipped },
    messages,
  };
}

/** The `kind` of a volume state's JSON form (the name of {@link volumeByPeriod}'s accumulator). @internal */
export const VOLUME_KIND = "volumeByPeriod";

const SKIPS: readonly (keyof VolumeSkipped)[] = [
  "invalidCreatedAt",
  "invalidSolvedAt",
  "solvedWithoutSolvedAt",
  "solvedBeforeCreated",
  "createdAfterRange",
  "resolvedBeforeRange",
];
const MESSAGES: readonly (keyof VolumeMessageCounts)[] = ["ticketsWithoutMessages", "notCounted", "outsideRange", "invalidAt"];

/**
 * The JSON form of a volume state, version 1: `buckets` (bucket start in epoch ms as a decimal
 * string → `[created, resolved, messagesIn, messagesOut]`), `dense` (the grid counts, four per
 * bucket, or `null` for a state without a grid), `minCreated` / `maxCreated` (epoch ms, `null`
 * when no valid `createdAt` was seen), `backlogAtStart`, `counted`, `skipped` and `messages`.
 * A copy: the state is not changed.
 *
 * @internal
 */
export function volumeStateToJSON(state: VolumeState): StateJson {
  const seen = state.minCreated <= state.maxCreated;
  return stateJson(VOLUME_KIND, 1, {
    buckets: bucketsToJSON(state.buckets),
    dense: state.dense === undefined ? null : Array.from(state.dense),
    minCreated: seen ? state.minCreated : null,
    maxCreated: seen ? state.maxCreated : null,
    backlogAtStart: state.backlogAtStart,
    counted: state.counted,
    skipped: { ...state.skipped },
    messages: { ...state.messages },
  });
}

/**
 * A volume state read back from {@link volumeStateToJSON}'s output, for `settings` (whose grid,
 * if any, fixes the length of `dense`; whose unit and time zone the bucket keys must start).
 *
 * @throws `E_STATE_FORMAT` naming the field for anything malformed.
 * @internal
 */
export function volumeStateFromJSON(settings: VolumeSettings, json: unknown): VolumeState {
  const kind = VOLUME_KIND;
  const o = openState(json, kind, 1);
  const b = bucketer(settings.unit, settings.timeZone);
  const buckets = readBuckets(o, kind, "buckets", 4, "count", (ms) => b.start(ms) === ms);
  const dense = readDense(o, kind, "dense", 4, settings.grid?.length, "count");
  const min = readInstant(o, kind, "minCreated");
  const max = readInstant(o, kind, "maxCreated");
  if ((min === undefined) !== (max === undefined))
    throw stateError(kind, "minCreated and maxCreated must be both null or both set", [min, max]);
  if (min !== undefined && max !== undefined && min > max) throw stateError(kind, "minCreated must not be after maxCreated", [min, max]);
  return {
    buckets,
    dense,
    minCreated: min ?? Infinity,
    maxCreated: max ?? -Infinity,
    backlogAtStart: readCount(o, kind, "backlogAtStart"),
    counted: readCount(o, kind, "counted"),
    skipped: readTally(o, kind, "skipped", SKIPS),
    messages: readTally(o, kind, "messages", MESSAGES),
  };
}

/**
 * {@link volumeByPeriod} over `grid` as an accumulator with a serialisable state; `grid` is
 * built (and so checked) by the caller, and gives the range.
 *
 * @internal
 */
export function volumeAccumulator(grid: BucketGrid): MetricAccumulator<Ticket, VolumeState, VolumeByPeriodResult> {
  const settings: VolumeSettings = { unit: grid.unit, timeZone: grid.timeZone, from: grid.bounds[0], to: grid.bounds[grid.length], grid };
  return {
    name: VOLUME_KIND,
    create: () => volumeState(grid.length),
    add: (acc, ticket) => {
      addVolume(settings, acc, ticket);
    },
    merge: mergeVolume,
    result: (acc) => volumeOnGrid(settings, acc, grid),
    toJSON: volumeStateToJSON,
    fromJSON: (json) => volumeStateFromJSON(settings, json),
  };
}
