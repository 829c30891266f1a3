/**
 * Where a metric keeps the values it summarises (durations in ms, reply counts): a
 * {@link ValueStore}, exact or sketched, chosen by a {@link QuantileOption}.
 *
 * - `"exact"` (the default everywhere): every value is kept in a growable Float64Array, 8 bytes
 *   per value; quantiles are R-7 (R's default, numpy, Excel `PERCENTILE.INC`), the total is
 *   the correctly rounded exact sum, so results do not depend on the order of the values or
 *   on where the input was split.
 * - `{ relativeError: α }`: a mergeable relative-error sketch (quantileSketch.ts, after DDSketch)
 *   whose memory follows the spread of the values, not their count (about 10.6 KB of counts for
 *   1 ms … 10 years at α = 1 %). Count, total, mean, min, max and Σ(x − mean)² stay exact; each
 *   quantile is within relative error α of the R-7 quantile (the precise statement is in
 *   quantileSketch.ts).
 *
 * Values must be finite and non-negative (callers check; the store does not).
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "./errors.ts";
import { exactSum, exactAdd, exactValue, type ExactSum } from "./exactSum.ts";
import { quantilesBySelection, type Selected } from "./quantile.ts";
import { noNegativeZero } from "./guards.ts";
import {
  sketchAdd,
  sketchBytes,
  sketchFromJSON,
  sketchMerge,
  sketchQuantiles,
  sketchSquaredDeviations,
  sketchStore,
  sketchToJSON,
  type SketchJson,
  type SketchStore,
} from "./quantileSketch.ts";

export type { SketchStore, SketchJson } from "./quantileSketch.ts";

/**
 * How quantiles are computed: `"exact"` (every value kept, 8 bytes each) or a sketch with a
 * stated relative error.
 *
 * @category Engine
 */
export type QuantileOption =
  | "exact"
  | {
      /** The sketch's relative error α, strictly between 0 and 1 (e.g. 0.01: every quantile within 1 % of a true value). */
      readonly relativeError: number;
    };

/** The exact store: every value. @internal */
export interface ExactStore {
  readonly kind: "exact";
  data: Float64Array;
  length: number;
}

/** A store of values: every value, or a sketch. @internal */
export type ValueStore = ExactStore | SketchStore;

/** The JSON form of an exact store. @internal */
export interface ExactJson {
  readonly kind: "exact";
  readonly values: number[];
}

/** The JSON form of a store. @internal */
export type StoreJson = ExactJson | SketchJson;

/** The summary of a store: as `summarizeDurations` (without the target). @internal */
export interface StoreSummary {
  readonly count: number;
  readonly total: number;
  readonly mean: number;
  readonly median: number;
  readonly p: readonly { readonly p: number; readonly value: number }[];
  readonly min: number;
  readonly max: number;
}

/** The first two moments: count, mean and the sum of squared deviations from the mean. @internal */
export interface StoreMoments {
  readonly n: number;
  readonly mean: number;
  readonly m2: number;
}

/**
 * Checks a quantile option.
 *
 * @throws `E_OPTION_VALUE` unless `"exact"` or `{ relativeError }` with 0 < relativeError < 1.
 * @internal
 */
export function checkQuantileOption(fn: string, option: unknown): QuantileOption {
  if (option === undefined || option === "exact") return "exact";
  if (option !== null && typeof option === "object" && !Array.isArray(option)) {
    const e = (option as { relativeError?: unknown }).relativeError;
    if (typeof e === "number" && e > 0 && e < 1) return { relativeError: e };
  }
  throw new MetricRangeError(
    "E_OPTION_VALUE",
    `${fn}: quantiles must be "exact" or { relativeError } with 0 < relativeError < 1, got ${JSON.stringify(option) ?? String(option)}`,
  );
}

/** A new empty store. @internal */
export function valueStore(option: QuantileOption): ValueStore {
  if (option !== "exact") return sketchStore(option.relativeError);
  return { kind: "exact", data: new Float64Array(16), length: 0 };
}

function reserve(s: ExactStore, extra: number): void {
  const need = s.length + extra;
  if (need <= s.data.length) return;
  let size = s.data.length * 2;
  while (size < need) size *= 2;
  const next = new Float64Array(size);
  next.set(s.data.subarray(0, s.length));
  s.data = next;
}

/** Adds one value (finite, ≥ 0). @internal */
export function storeAdd(s: ValueStore, x: number): void {
  if (s.kind === "sketch") return sketchAdd(s, x);
  if (s.length === s.data.length) reserve(s, 1);
  s.data[s.length++] = x;
}

function optionOf(s: ValueStore): string {
  return s.kind === "exact" ? '"exact"' : `{ relativeError: ${String(s.relativeError)} }`;
}

/**
 * Merges `b` into `a` and returns `a`.
 *
 * @param fn - The function named in the error (default `storeMerge`).
 * @throws `E_STATE_FORMAT` unless both were made with the same option (both exact, or sketches of the same α).
 * @internal
 */
export function storeMerge(a: ValueStore, b: ValueStore, fn = "storeMerge"): ValueStore {
  if (a.kind === "sketch" && b.kind === "sketch" && a.relativeError === b.relativeError) return sketchMerge(a, b);
  if (a.kind !== "exact" || b.kind !== "exact") {
    throw new MetricRangeError(
      "E_STATE_FORMAT",
      `${fn}: both stores must be made with the same quantiles option, got ${optionOf(a)} and ${optionOf(b)}`,
    );
  }
  reserve(a, b.length);
  a.data.set(b.data.subarray(0, b.length), a.length);
  a.length += b.length;
  return a;
}

/** The number of values added. @internal */
export function storeCount(s: ValueStore): number {
  return s.kind === "exact" ? s.length : s.count;
}

/** The values (exact stores only; a view, do not keep it across adds). @internal */
export function storeValues(s: ValueStore): Float64Array | undefined {
  if (s.kind === "sketch") return undefined;
  return s.data.subarray(0, s.length);
}

/**
 * Count, total, mean, median, the `percentiles` (R-7), min and max; `undefined` for no values.
 * The total is the correctly rounded exact sum; the mean is kept inside [min, max]. A sketch's
 * median and percentiles are its estimates (within relative error α of R-7's), the rest is exact.
 *
 * @internal
 */
export function storeSummary(s: ValueStore, percentiles: readonly number[]): StoreSummary | undefined {
  if (s.kind === "sketch") return sketchSummary(s, percentiles);
  const n = s.length;
  if (n === 0) return undefined;
  const values = s.data.subarray(0, n);
  const selected = quantilesBySelection(values, [0.5, ...percentiles]) as Selected;
  const sum: ExactSum = exactSum();
  for (let i = 0; i < n; i++) exactAdd(sum, values[i] as number);
  const total = noNegativeZero(exactValue(sum));
  const min = noNegativeZero(selected.min);
  const max = noNegativeZero(selected.max);
  return {
    count: n,
    total,
    mean: noNegativeZero(Math.min(max, Math.max(min, total / n))),
    median: noNegativeZero(selected.quantiles[0] as number),
    p: percentiles.map((p, i) => ({ p, value: noNegativeZero(selected.quantiles[i + 1] as number) })),
    min,
    max,
  };
}

function sketchSummary(s: SketchStore, percentiles: readonly number[]): StoreSummary | undefined {
  const n = s.count;
  if (n === 0) return undefined;
  const quantiles = sketchQuantiles(s, [0.5, ...percentiles]);
  const total = noNegativeZero(exactValue(s.sum));
  const min = noNegativeZero(s.min);
  const max = noNegativeZero(s.max);
  return {
    count: n,
    total,
    mean: noNegativeZero(Math.min(max, Math.max(min, total / n))),
    median: noNegativeZero(quantiles[0] as number),
    p: percentiles.map((p, i) => ({ p, value: noNegativeZero(quantiles[i + 1] as number) })),
    min,
    max,
  };
}

/**
 * Count, mean (as {@link storeSummary}'s) and Σ(x − mean)², summed exactly and rounded once;
 * `undefined` for no values. An exact store sums each (x − mean)²; a sketch computes
 * Σx² − 2·mean·Σx + n·mean² from its exact sums, exactly (see `sketchSquaredDeviations`).
 *
 * @internal
 */
export function storeMoments(s: ValueStore, mean: number): StoreMoments | undefined {
  if (s.kind === "sketch") return s.count === 0 ? undefined : { n: s.count, mean, m2: sketchSquaredDeviations(s, mean) };
  const n = s.length;
  if (n === 0) return undefined;
  const sum = exactSum();
  for (let i = 0; i < n; i++) {
    const d = (s.data[i] as number) - mean;
    exactAdd(sum, d * d);
  }
  return { n, mean, m2: exactValue(sum) };
}

/** An estimate of the bytes a store holds (8 per kept value; a sketch's counts and sums). @internal */
export function storeBytes(s: ValueStore): number {
  return s.kind === "exact" ? s.data.byteLength : sketchBytes(s);
}

/**
 * The JSON form of a store, a plain object: `{ kind: "exact", values: [...] }`, or a sketch's
 * `{ kind: "sketch", relativeError, count, zero, min, max, offset, counts, sum, sumSquares }`.
 *
 * @internal
 */
export function storeToJSON(s: ValueStore): StoreJson {
  if (s.kind === "sketch") return sketchToJSON(s);
  return { kind: "exact", values: Array.from(s.data.subarray(0, s.length)) };
}

/**
 * A store read back from {@link storeToJSON}'s output, for the accumulator `owner`'s field `field`.
 *
 * @throws `E_STATE_FORMAT` naming `owner` and `field` when it is not one.
 * @internal
 */
export function storeFromJSON(owner: string, field: string, json: unknown): ValueStore {
  const fail = (what: string, got: unknown): MetricRangeError =>
    new MetricRangeError("E_STATE_FORMAT", `${owner}.fromJSON: ${field}${what}, got ${JSON.stringify(got) ?? String(got)}`);
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw fail(" must be a value store object", json);
  const o = json as Record<string, unknown>;
  if (o.kind === "sketch") return sketchFromJSON(o, fail);
  if (o.kind !== "exact") throw fail('.kind must be "exact" or "sketch"', o.kind);
  const list = o.values;
  if (!Array.isArray(list)) throw fail(".values must be an array", list);
  const data = new Float64Array(Math.max(16, list.length));
  for (let i = 0; i < list.length; i++) {
    const x: unknown = list[i];
    if (typeof x !== "number" || !Number.isFinite(x) || x < 0) throw fail(`.values[${String(i)}] must be a finite non-negative number`, x);
    data[i] = x;
  }
  return { kind: "exact", data, length: list.length };
}
