/**
 * Growable Float64Arrays: how the report keeps durations per segment (never tickets).
 *
 * @internal
 * @module
 */
import { noNegativeZero } from "../_lib/guards.ts";
import { summarizeDurations } from "../metrics/time/summarizeDurations.ts";
import type { DurationSummaryJson } from "./types.ts";

/** A growable list of numbers. @internal */
export interface Values {
  data: Float64Array;
  length: number;
}

/** An empty list. @internal */
export function values(): Values {
  return { data: new Float64Array(8), length: 0 };
}

function reserve(list: Values, extra: number): void {
  const need = list.length + extra;
  if (need <= list.data.length) return;
  let size = list.data.length * 2;
  while (size < need) size *= 2;
  const next = new Float64Array(size);
  next.set(list.data.subarray(0, list.length));
  list.data = next;
}

/** Appends one value. @internal */
export function push(list: Values, value: number): void {
  if (list.length === list.data.length) reserve(list, 1);
  list.data[list.length++] = value;
}

/** Appends `b` to `a` and returns `a`. @internal */
export function concat(a: Values, b: Values): Values {
  reserve(a, b.length);
  a.data.set(b.data.subarray(0, b.length), a.length);
  a.length += b.length;
  return a;
}

/**
 * The duration summary of a list, `null` when empty. `summarizeDurations` sorts a copy for
 * the quantiles; the total is a compensated sum in insertion order, which is exact (so
 * independent of order and of where the input was split) because the values are whole
 * milliseconds or reply counts, whose partial sums stay far below 2^53.
 *
 * @internal
 */
export function summary(list: Values, percentiles: readonly number[]): DurationSummaryJson | null {
  const s = summarizeDurations(list.data.subarray(0, list.length), { percentiles });
  if (s === undefined) return null;
  return {
    count: s.count,
    total: s.total,
    mean: s.mean,
    median: noNegativeZero(s.median),
    p: s.p.map((q) => ({ p: q.p, value: noNegativeZero(q.value) })),
    min: s.min,
    max: s.max,
  };
}

/** Adds `b`'s counts into `a` (same keys or new ones) and returns `a`. @internal */
export function addCounts(a: Record<string, number>, b: Readonly<Record<string, number>>): Record<string, number> {
  for (const key of Object.keys(b)) a[key] = (a[key] ?? 0) + (b[key] as number);
  return a;
}

/** A record with its keys in code-unit order, so results do not depend on input order. @internal */
export function sortedRecordOf(record: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(record).sort()) out[key] = record[key] as number;
  return out;
}
