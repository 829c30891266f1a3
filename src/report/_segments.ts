/**
 * Segment states: one scope state per segment key, and the batch-wise routing of rows to
 * segments. Keys are the strings of the grouping mechanism (`compositeKey`: JSON arrays of
 * `groupKey`s), so states of separate processes merge by key; within a run, a built-in label
 * dimension is routed through its dictionary codes (a code → segment table), never through a
 * string per row.
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import { groupKey } from "../_lib/group.ts";
import { rowTicket, type BatchLabel, type TicketBatch } from "../models/ticketBatch.ts";
import { addScopeRows, createScope, mergeScope, scopeFromJSON, scopeToJSON, type AnyPlan, type ScopeState } from "./_engine.ts";
import type { Segmentation } from "./_segment.ts";

/** The segments of one segmentation. @internal */
export interface SegmentsState {
  /** Segment keys, in order of first appearance. */
  readonly keys: string[];
  /** The scope state of each key. */
  readonly scopes: ScopeState[];
  /** The index of each key. */
  readonly index: Map<string, number>;
  /** Within a run: the segment of each combined label code (`-1` unknown yet). Not serialised. */
  codes: Map<number, number> | undefined;
}

/** No segments yet. @internal */
export function segmentsState(): SegmentsState {
  return { keys: [], scopes: [], index: new Map(), codes: undefined };
}

/** The index of segment `key`, created when new. @internal */
export function segmentIndex(p: AnyPlan, s: SegmentsState, key: string): number {
  let i = s.index.get(key);
  if (i === undefined) {
    i = s.keys.length;
    s.keys.push(key);
    s.scopes.push(createScope(p));
    s.index.set(key, i);
  }
  return i;
}

const BASE = 65_536;

/** The built-in labels of a segmentation when it can be routed by codes (at most 3, no tags, no custom keys). */
export function codeLabels(seg: Segmentation): readonly BatchLabel[] | undefined {
  const labels = seg.labels;
  return labels !== undefined && labels.length <= 3 ? labels : undefined;
}

/**
 * The segment key of a code-routed row (its own function: a closure over the loop's `row` would
 * make V8 allocate a context on every row).
 */
function codedKey(batch: TicketBatch, labels: readonly BatchLabel[], columns: readonly Int32Array[], row: number): string {
  const parts = labels.map((l, d) => {
    const code = (columns[d] as Int32Array)[row] as number;
    return groupKey(code < 0 ? undefined : batch.dictionaries[l].values[code]);
  });
  return JSON.stringify(parts);
}

/**
 * Routing scratch for one batch: the segment of each (row, segment) pair, grouped by counting
 * sort into one row list per segment.
 *
 * @internal
 */
export interface Router {
  pairSegment: Int32Array;
  pairRow: Int32Array;
  rows: Int32Array;
  counts: Int32Array;
}

/** Scratch for batches of `capacity` rows. @internal */
export function router(capacity: number): Router {
  return {
    pairSegment: new Int32Array(capacity),
    pairRow: new Int32Array(capacity),
    rows: new Int32Array(capacity),
    counts: new Int32Array(16),
  };
}

function push(r: Router, n: number, segment: number, row: number): number {
  if (n === r.pairSegment.length) {
    const grow = (a: Int32Array): Int32Array => {
      const next = new Int32Array(a.length * 2);
      next.set(a);
      return next;
    };
    r.pairSegment = grow(r.pairSegment);
    r.pairRow = grow(r.pairRow);
    r.rows = new Int32Array(r.pairSegment.length);
  }
  r.pairSegment[n] = segment;
  r.pairRow[n] = row;
  return n + 1;
}

/**
 * Adds rows `rows[0 … count)` (observed) to the segments of `seg` in `s`.
 *
 * @internal
 */
export function addSegmentRows(
  p: AnyPlan,
  seg: Segmentation,
  s: SegmentsState,
  r: Router,
  facts: unknown[],
  batch: TicketBatch,
  rows: Int32Array,
  count: number,
): void {
  let n = 0;
  const labels = codeLabels(seg);
  if (labels !== undefined) {
    const codes = (s.codes ??= new Map());
    const columns = labels.map((l) => batch.labels[l]);
    for (let k = 0; k < count; k++) {
      const row = rows[k] as number;
      let combined = 0;
      for (let d = columns.length - 1; d >= 0; d--) combined = combined * BASE + ((columns[d] as Int32Array)[row] as number) + 1;
      let segment = codes.get(combined);
      if (segment === undefined) {
        segment = segmentIndex(p, s, codedKey(batch, labels, columns, row));
        codes.set(combined, segment);
      }
      n = push(r, n, segment, row);
    }
  } else {
    for (let k = 0; k < count; k++) {
      const row = rows[k] as number;
      for (const key of seg.ticketKeys(rowTicket(batch, row))) n = push(r, n, segmentIndex(p, s, key), row);
    }
  }
  // Counting sort of the pairs by segment, then one addRows per segment.
  const segments = s.keys.length;
  if (r.counts.length < segments + 1) r.counts = new Int32Array(Math.max(segments + 1, r.counts.length * 2));
  const c = r.counts;
  c.fill(0, 0, segments + 1);
  for (let i = 0; i < n; i++) (c[(r.pairSegment[i] as number) + 1] as number)++;
  for (let i = 1; i <= segments; i++) c[i] = (c[i] as number) + (c[i - 1] as number);
  for (let i = 0; i < n; i++) {
    const seg2 = r.pairSegment[i] as number;
    r.rows[c[seg2] as number] = r.pairRow[i] as number;
    c[seg2] = (c[seg2] as number) + 1;
  }
  // c[i] is now the end of segment i; its start is c[i − 1] (0 for the first).
  let start = 0;
  for (let i = 0; i < segments; i++) {
    const end = c[i] as number;
    if (end > start) addScopeRows(p, s.scopes[i] as ScopeState, facts, batch, r.rows.subarray(start, end), end - start);
    start = end;
  }
}

/** Merges `b` into `a` by key and returns `a`. @internal */
export function mergeSegmentsState(p: AnyPlan, a: SegmentsState, b: SegmentsState): SegmentsState {
  b.keys.forEach((key, j) => {
    const i = a.index.get(key);
    if (i === undefined) {
      a.index.set(key, a.keys.length);
      a.keys.push(key);
      a.scopes.push(b.scopes[j] as ScopeState);
    } else a.scopes[i] = mergeScope(p, a.scopes[i] as ScopeState, b.scopes[j] as ScopeState);
  });
  return a;
}

/** The JSON form: `{ key: scope JSON }` in key order of appearance. @internal */
export function segmentsToJSON(p: AnyPlan, s: SegmentsState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  s.keys.forEach((key, i) => {
    out[key] = scopeToJSON(p, s.scopes[i] as ScopeState);
  });
  return out;
}

/** Segments read back from {@link segmentsToJSON}'s output. @internal */
export function segmentsFromJSON(p: AnyPlan, kind: string, field: string, json: unknown): SegmentsState {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new MetricRangeError(
      "E_STATE_FORMAT",
      `${kind}.fromJSON: ${field} must be an object of segment states, got ${JSON.stringify(json) ?? String(json)}`,
    );
  }
  const s = segmentsState();
  for (const [key, scope] of Object.entries(json as Record<string, unknown>)) {
    s.index.set(key, s.keys.length);
    s.keys.push(key);
    s.scopes.push(scopeFromJSON(p, kind, `${field}[${JSON.stringify(key)}]`, scope));
  }
  return s;
}
