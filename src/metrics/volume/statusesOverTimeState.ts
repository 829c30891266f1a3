/**
 * The one implementation of {@link statusesOverTime}'s counting, as an accumulator. A ticket
 * adds +1 / −1 change events to a series at the instants its status (or assignment) changes;
 * events are kept per calendar bucket start (free bucketing, `src/_lib/bucket.ts`), or per
 * grid bucket when the grid is known, and the grid of the range is only laid at the end:
 * the count at a bucket's end is the sum of the events before it. `statusesOverTime` and the
 * report both fold with it and read the same result.
 *
 * @internal
 * @module
 */
import { openState, readCount, stateJson, type MetricAccumulator, type StateJson } from "../../_lib/accumulator.ts";
import { bucketer, type BucketGrid, type BucketUnit } from "../../_lib/bucket.ts";
import { stateFor } from "../../_lib/group.ts";
import type { StatusChange, Ticket, TicketStatus } from "../../models/ticket.ts";
import { TICKET_STATUSES } from "../../models/ticket.ts";
import { bucketsToJSON, readBuckets, readDense, readTally } from "./_stateJson.ts";
import { firstEndAfter, isResolvedStatus, isValidDate, prefix, timeline } from "./timeline.ts";
import type { StatusesBucket, StatusesOverTimeResult } from "./statusesOverTime.ts";

/** What to count, and over which range. @internal */
export interface StatusesSettings {
  /** The bucket length. */
  readonly unit: BucketUnit;
  /** The IANA time zone the buckets are cut in (checked by the caller). */
  readonly timeZone: string;
  /** The end of the range (epoch ms, exclusive); `undefined` when it is only known at the end (a calendar bucket boundary then). */
  readonly to: number | undefined;
  /** The grid of the range when already built: states made for it count by grid bucket (faster). */
  readonly grid?: BucketGrid;
}

/** The series, in this order: one per status of `TICKET_STATUSES`, then these four. */
const PLAIN_OPEN = TICKET_STATUSES.length;
const PLAIN_DONE = PLAIN_OPEN + 1;
const UNASSIGNED = PLAIN_OPEN + 2;
const UNKNOWN = PLAIN_OPEN + 3;
const SERIES = PLAIN_OPEN + 4;
/** A new bucket slot: one running total per series. */
const newSlot = (): Float64Array => new Float64Array(SERIES);
const STATUS_INDEX: ReadonlyMap<string, number> = new Map(TICKET_STATUSES.map((s, i) => [s, i]));

/** The skip reasons of {@link StatusesOverTimeResult.skipped}. @internal */
export type StatusesSkipped = { -readonly [K in keyof StatusesOverTimeResult["skipped"]]: number };

/**
 * The running state of {@link statusesOverTimeAccumulator}: change
 * events per bucket, and what was counted or left out. Serialise it with the accumulator's `toJSON`.
 *
 * @category Volume
 */
export interface StatusesState {
  /** Per calendar bucket start (epoch ms): the net change of each series in that bucket. @internal */
  readonly buckets: Map<number, Float64Array>;
  /** For a state made for a grid of n buckets: the net change of series j in bucket k at `SERIES·k + j`. @internal */
  readonly dense: Float64Array | undefined;
  /** Tickets read from their `statusHistory`. @internal */
  withHistory: number;
  /** Tickets read from `createdAt`, `status` and `solvedAt` only. @internal */
  withoutHistory: number;
  /** Tickets left out, by reason. @internal */
  readonly skipped: StatusesSkipped;
}

/** A new empty state; `gridLength` makes it count by grid bucket (for a {@link StatusesSettings} with that grid). @internal */
export function statusesState(gridLength?: number): StatusesState {
  return {
    buckets: new Map(),
    dense: gridLength === undefined ? undefined : new Float64Array(SERIES * gridLength),
    withHistory: 0,
    withoutHistory: 0,
    skipped: {
      invalidCreatedAt: 0,
      invalidHistory: 0,
      invalidSolvedAt: 0,
      solvedWithoutSolvedAt: 0,
      solvedBeforeCreated: 0,
      createdAfterRange: 0,
    },
  };
}

/** Adds `delta` to series `j` at instant `ms` (an instant at or after the range's end, or infinite, is never counted). */
function event(settings: StatusesSettings, state: StatusesState, ms: number, j: number, delta: number): void {
  if (!Number.isFinite(ms) || (settings.to !== undefined && ms >= settings.to)) return;
  const dense = state.dense;
  if (dense !== undefined && settings.grid !== undefined) {
    const at = SERIES * firstEndAfter(settings.grid, ms) + j;
    dense[at] = (dense[at] as number) + delta;
    return;
  }
  const start = bucketer(settings.unit, settings.timeZone).start(ms);
  const slot = stateFor(state.buckets, start, newSlot);
  slot[j] = (slot[j] as number) + delta;
}

/** Series `j` counts the ticket at the bucket ends in `(a, b]` (nothing when `b <= a`). */
function span(settings: StatusesSettings, state: StatusesState, j: number, a: number, b: number): void {
  if (!(b > a)) return;
  event(settings, state, a, j, 1);
  event(settings, state, b, j, -1);
}

/** The status segments of a ticket with history: status `s` holds from `a` (inclusive) to `b` (exclusive). */
function segments(createdAt: number, history: readonly StatusChange[]): { s: TicketStatus; a: number; b: number }[] | undefined {
  for (const change of history) {
    if (!isValidDate(change.at) || !STATUS_INDEX.has(change.status)) return undefined;
  }
  const sorted = history.map((c, i) => ({ at: c.at.getTime(), status: c.status, i })).sort((x, y) => x.at - y.at || x.i - y.i);
  let status: TicketStatus = "new";
  let index = 0;
  while (index < sorted.length && (sorted[index]?.at as number) <= createdAt) status = (sorted[index++] as { status: TicketStatus }).status;
  const out: { s: TicketStatus; a: number; b: number }[] = [];
  let a = createdAt;
  for (; index < sorted.length; index++) {
    const change = sorted[index] as { at: number; status: TicketStatus };
    out.push({ s: status, a, b: change.at });
    status = change.status;
    a = change.at;
  }
  out.push({ s: status, a, b: Infinity });
  return out;
}

/** Adds one ticket (in place). @internal */
export function addStatuses(settings: StatusesSettings, state: StatusesState, ticket: Ticket): void {
  const skipped = state.skipped;
  if (!isValidDate(ticket.createdAt)) {
    skipped.invalidCreatedAt++;
    return;
  }
  const createdAt = ticket.createdAt.getTime();
  const afterRange = settings.to !== undefined && createdAt >= settings.to;
  const unresolved: [number, number][] = [];
  if (ticket.statusHistory !== undefined && ticket.statusHistory.length > 0) {
    const parts = segments(createdAt, ticket.statusHistory);
    if (parts === undefined) {
      skipped.invalidHistory++;
      return;
    }
    if (afterRange) {
      skipped.createdAfterRange++;
      return;
    }
    state.withHistory++;
    for (const { s, a, b } of parts) {
      span(settings, state, STATUS_INDEX.get(s) as number, a, b);
      if (!isResolvedStatus(s)) unresolved.push([a, b]);
    }
  } else {
    const life = timeline(ticket);
    if (typeof life === "string") {
      skipped[life]++;
      return;
    }
    if (afterRange) {
      skipped.createdAfterRange++;
      return;
    }
    state.withoutHistory++;
    span(settings, state, PLAIN_OPEN, life.created, life.resolved);
    span(settings, state, PLAIN_DONE, life.resolved, Infinity);
    unresolved.push([life.created, life.resolved]);
  }
  const assignedAt = ticket.assignedAt;
  if (isValidDate(assignedAt)) {
    const assigned = assignedAt.getTime();
    for (const [a, b] of unresolved) span(settings, state, UNASSIGNED, a, Math.min(b, assigned));
  } else {
    const hasAssignee = ticket.assignee !== undefined && ticket.assignee !== "";
    for (const [a, b] of unresolved) span(settings, state, hasAssignee ? UNKNOWN : UNASSIGNED, a, b);
  }
}

/** Merges `b` into `a` and returns `a`. @internal */
export function mergeStatuses(a: StatusesState, b: StatusesState): StatusesState {
  for (const [key, slot] of b.buckets) {
    const x = a.buckets.get(key);
    if (x === undefined) a.buckets.set(key, slot);
    else for (let j = 0; j < SERIES; j++) x[j] = (x[j] as number) + (slot[j] as number);
  }
  if (a.dense !== undefined && b.dense !== undefined)
    for (let i = 0; i < a.dense.length; i++) a.dense[i] = (a.dense[i] as number) + (b.dense[i] as number);
  a.withHistory += b.withHistory;
  a.withoutHistory += b.withoutHistory;
  for (const key of Object.keys(b.skipped) as (keyof StatusesSkipped)[]) a.skipped[key] += b.skipped[key];
  return a;
}

/**
 * The {@link StatusesOverTimeResult} of a state on `g`, the grid of its range (`g` must end
 * at `settings.to` when that is set). Reads the state, does not change it.
 *
 * @internal
 */
export function statusesOnGrid(settings: StatusesSettings, state: StatusesState, g: BucketGrid): StatusesOverTimeResult {
  const n = g.length;
  const diffs = Array.from({ length: SERIES }, () => new Float64Array(n + 1));
  if (state.dense !== undefined) {
    for (let k = 0; k < n; k++) for (let j = 0; j < SERIES; j++) (diffs[j] as Float64Array)[k] = state.dense[SERIES * k + j] as number;
  }
  for (const [key, slot] of state.buckets) {
    // A calendar bucket start: its events count from the first grid bucket ending after it (index n: never).
    const k = firstEndAfter(g, key);
    if (k >= n) continue;
    for (let j = 0; j < SERIES; j++) {
      const d = diffs[j] as Float64Array;
      d[k] = (d[k] as number) + (slot[j] as number);
    }
  }
  const series = diffs.map((d) => prefix(d, n));
  const at = (j: number, k: number): number => (series[j] as number[])[k] as number;
  const buckets: StatusesBucket[] = [];
  for (let k = 0; k < n; k++) {
    const counts = {} as Record<TicketStatus, number>;
    TICKET_STATUSES.forEach((s, j) => (counts[s] = at(j, k)));
    const plainUnresolved = at(PLAIN_OPEN, k);
    const plainResolved = at(PLAIN_DONE, k);
    buckets.push({
      label: g.labels[k] as string,
      start: new Date(g.bounds[k] as number),
      end: new Date(g.bounds[k + 1] as number),
      unresolved: counts.new + counts.open + counts.pending + counts.on_hold + plainUnresolved,
      resolved: counts.solved + counts.closed + plainResolved,
      unassigned: at(UNASSIGNED, k),
      assignmentUnknown: at(UNKNOWN, k),
      byStatus: counts,
      withoutHistory: { unresolved: plainUnresolved, resolved: plainResolved },
    });
  }
  return {
    unit: settings.unit,
    timeZone: settings.timeZone,
    buckets,
    withHistory: state.withHistory,
    withoutHistory: state.withoutHistory,
    skipped: { ...state.skipped },
  };
}

/** The `kind` of a statuses state's JSON form (the name of {@link statusesOverTime}'s accumulator). @internal */
export const STATUSES_KIND = "statusesOverTime";

const SKIPS: readonly (keyof StatusesSkipped)[] = [
  "invalidCreatedAt",
  "invalidHistory",
  "invalidSolvedAt",
  "solvedWithoutSolvedAt",
  "solvedBeforeCreated",
  "createdAfterRange",
];

/**
 * The JSON form of a statuses state, version 1: `buckets` (bucket start in epoch ms as a
 * decimal string → the net change of the ten series: one per status of `TICKET_STATUSES`, then
 * unresolved and resolved without history, unassigned, assignment unknown), `dense` (the same
 * ten per grid bucket, or `null` for a state without a grid), `withHistory`, `withoutHistory`
 * and `skipped`. A copy: the state is not changed.
 *
 * @internal
 */
export function statusesStateToJSON(state: StatusesState): StateJson {
  return stateJson(STATUSES_KIND, 1, {
    buckets: bucketsToJSON(state.buckets),
    dense: state.dense === undefined ? null : Array.from(state.dense),
    withHistory: state.withHistory,
    withoutHistory: state.withoutHistory,
    skipped: { ...state.skipped },
  });
}

/**
 * A statuses state read back from {@link statusesStateToJSON}'s output, for `settings` (whose
 * grid, if any, fixes the length of `dense`; whose unit and time zone the bucket keys must start).
 * Net changes may be negative; counts may not.
 *
 * @throws `E_STATE_FORMAT` naming the field for anything malformed.
 * @internal
 */
export function statusesStateFromJSON(settings: StatusesSettings, json: unknown): StatusesState {
  const kind = STATUSES_KIND;
  const o = openState(json, kind, 1);
  const b = bucketer(settings.unit, settings.timeZone);
  return {
    buckets: readBuckets(o, kind, "buckets", SERIES, "integer", (ms) => b.start(ms) === ms),
    dense: readDense(o, kind, "dense", SERIES, settings.grid?.length, "integer"),
    withHistory: readCount(o, kind, "withHistory"),
    withoutHistory: readCount(o, kind, "withoutHistory"),
    skipped: readTally(o, kind, "skipped", SKIPS),
  };
}

/**
 * {@link statusesOverTime} over `grid` as an accumulator with a serialisable state; `grid` is
 * built (and so checked) by the caller, and gives the range.
 *
 * @internal
 */
export function statusesAccumulator(grid: BucketGrid): MetricAccumulator<Ticket, StatusesState, StatusesOverTimeResult> {
  const settings: StatusesSettings = { unit: grid.unit, timeZone: grid.timeZone, to: grid.bounds[grid.length], grid };
  return {
    name: STATUSES_KIND,
    create: () => statusesState(grid.length),
    add: (acc, ticket) => {
      addStatuses(settings, acc, ticket);
    },
    merge: mergeStatuses,
    result: (acc) => statusesOnGrid(settings, acc, grid),
    toJSON: statusesStateToJSON,
    fromJSON: (json) => statusesStateFromJSON(settings, json),
  };
}
