/**
 * How far a duration measured from a ticket's timestamps and the same duration the helpdesk
 * computed and exported ({@link Ticket.helpdesk}) agree, over the tickets that have both: the
 * count, how many agree within a minute, the median difference and the tickets that differ
 * most. Part of each duration accumulator's state (./durationAccumulators.ts).
 *
 * @module
 */
import { openState, readArray, readCount, readNumbers, stateJson, type StateJson } from "../../_lib/accumulator.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { byCodeUnit } from "../../_lib/counts.ts";
import { quantileSorted, sortedCopy } from "../../_lib/quantile.ts";
import { MINUTE_MS } from "../../_lib/time.ts";

/** How many of the tickets that differ most a reconciliation names. @internal */
export const RECONCILIATION_LARGEST = 5;

/**
 * One ticket whose two values of a duration differ.
 *
 * @category Time
 */
export interface ReconciledTicket {
  /** The ticket's id. */
  readonly id: string;
  /** The duration measured from the ticket's timestamps (ms). */
  readonly timestamps: number;
  /** The duration the helpdesk exported (ms). */
  readonly helpdesk: number;
  /** `helpdesk − timestamps` (ms). */
  readonly difference: number;
}

/**
 * The agreement of timestamps and helpdesk over the tickets that have both values of a duration.
 *
 * @category Time
 */
export interface Reconciliation {
  /** Tickets with both values. */
  readonly compared: number;
  /** Of those, tickets whose values differ by less than one minute (helpdesks export whole minutes). */
  readonly agreeing: number;
  /** The median of `helpdesk − timestamps` (ms); positive when the helpdesk counts longer. */
  readonly medianDifference: number;
  /** Up to five tickets with the largest absolute difference (ties by id), largest first; only tickets that differ by a minute or more. */
  readonly largest: readonly ReconciledTicket[];
}

/** The running state of a reconciliation. @internal */
export interface ReconciliationState {
  /** `helpdesk − timestamps` of every compared ticket. */
  diffs: Float64Array;
  /** Tickets compared. */
  count: number;
  /** Tickets within a minute. */
  agreeing: number;
  /** The largest differences so far (at most {@link RECONCILIATION_LARGEST}). */
  largest: ReconciledTicket[];
}

/** A new empty reconciliation state. @internal */
export function reconciliationState(): ReconciliationState {
  return { diffs: new Float64Array(8), count: 0, agreeing: 0, largest: [] };
}

/** Orders tickets by absolute difference, largest first, then by id. */
function order(a: ReconciledTicket, b: ReconciledTicket): number {
  return Math.abs(b.difference) - Math.abs(a.difference) || byCodeUnit(a.id, b.id);
}

function keepLargest(list: ReconciledTicket[]): ReconciledTicket[] {
  list.sort(order);
  if (list.length > RECONCILIATION_LARGEST) list.length = RECONCILIATION_LARGEST;
  return list;
}

/** Adds a ticket's two values (ms). @internal */
export function reconcile(state: ReconciliationState, id: string, timestamps: number, helpdesk: number): void {
  const difference = helpdesk - timestamps;
  if (state.count === state.diffs.length) {
    const next = new Float64Array(state.diffs.length * 2);
    next.set(state.diffs);
    state.diffs = next;
  }
  state.diffs[state.count++] = difference;
  if (Math.abs(difference) < MINUTE_MS) {
    state.agreeing++;
    return;
  }
  const entry = { id, timestamps, helpdesk, difference: difference === 0 ? 0 : difference };
  const largest = state.largest;
  if (largest.length < RECONCILIATION_LARGEST || order(entry, largest[largest.length - 1] as ReconciledTicket) < 0) {
    largest.push(entry);
    keepLargest(largest);
  }
}

/** Merges `b` into `a` and returns `a`. @internal */
export function reconciliationMerge(a: ReconciliationState, b: ReconciliationState): ReconciliationState {
  if (a.count + b.count > a.diffs.length) {
    const next = new Float64Array(Math.max(8, (a.count + b.count) * 2));
    next.set(a.diffs.subarray(0, a.count));
    a.diffs = next;
  }
  a.diffs.set(b.diffs.subarray(0, b.count), a.count);
  a.count += b.count;
  a.agreeing += b.agreeing;
  a.largest = keepLargest([...a.largest, ...b.largest]);
  return a;
}

/** The reconciliation, or `undefined` when no ticket had both values. @internal */
export function reconciliationResult(state: ReconciliationState): Reconciliation | undefined {
  if (state.count === 0) return undefined;
  const median = quantileSorted(sortedCopy(state.diffs.subarray(0, state.count)), 0.5) as number;
  return { compared: state.count, agreeing: state.agreeing, medianDifference: median === 0 ? 0 : median, largest: [...state.largest] };
}

const KIND = "reconciliation";

/** The state as JSON. @internal */
export function reconciliationToJSON(state: ReconciliationState): StateJson {
  return stateJson(KIND, 1, {
    diffs: Array.from(state.diffs.subarray(0, state.count)),
    agreeing: state.agreeing,
    largest: state.largest.map((t) => ({ ...t })),
  });
}

/** A state read back from {@link reconciliationToJSON}; `E_STATE_FORMAT` for anything else. @internal */
export function reconciliationFromJSON(json: unknown): ReconciliationState {
  const o = openState(json, KIND, 1);
  const diffs = readNumbers(o, KIND, "diffs");
  const agreeing = readCount(o, KIND, "agreeing");
  const bad = (what: string, value: unknown): MetricRangeError =>
    new MetricRangeError("E_STATE_FORMAT", `${KIND}.fromJSON: ${what}, got ${JSON.stringify(value) ?? String(value)}`);
  if (agreeing > diffs.length) throw bad("agreeing must not exceed the number of diffs", agreeing);
  const largest = readArray(o, KIND, "largest").map((item) => {
    const t = item as Partial<ReconciledTicket> | null;
    if (
      t === null ||
      typeof t !== "object" ||
      typeof t.id !== "string" ||
      typeof t.timestamps !== "number" ||
      typeof t.helpdesk !== "number" ||
      t.difference !== t.helpdesk - t.timestamps
    ) {
      throw bad("largest must hold { id, timestamps, helpdesk, difference = helpdesk − timestamps }", item);
    }
    return { id: t.id, timestamps: t.timestamps, helpdesk: t.helpdesk, difference: t.difference };
  });
  if (largest.length > RECONCILIATION_LARGEST)
    throw bad(`largest must hold at most ${String(RECONCILIATION_LARGEST)} tickets`, largest.length);
  const state = reconciliationState();
  state.diffs = diffs.length === 0 ? new Float64Array(8) : Float64Array.from(diffs);
  state.count = diffs.length;
  state.agreeing = agreeing;
  state.largest = keepLargest(largest);
  return state;
}
