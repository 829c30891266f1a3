/**
 * Where a metric keeps the values it summarises (durations in ms, reply counts): a
 * {@link ValueStore}, exact or sketched, chosen by a {@link QuantileOption}.
 *
 * - `"exact"` (the default everywhere): every value is kept in a growable Float64Array, 8 bytes
 *   per value; quantiles are R-7 (R's default, numpy, Excel `PERCENTILE.INC`), the total is
 *   the correctly rounded exact sum, so results do not depend on the order of the values or
 *   on where the input was split.
 * - `{ relativeError: α }`: a mergeable relative-error sketch (see the sketch section below) whose
 *   memory does not grow with the count.
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

/** A store of values. @internal */
export type ValueStore = ExactStore;

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
  if (option !== "exact") throw new MetricRangeError("E_OPTION_VALUE", "valueStore: sketch quantiles are not available yet");
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
  if (s.length === s.data.length) reserve(s, 1);
  s.data[s.length++] = x;
}

/** Merges `b` into `a` and returns `a`; both must have been made with the same option. @internal */
export function storeMerge(a: ValueStore, b: ValueStore): ValueStore {
  reserve(a, b.length);
  a.data.set(b.data.subarray(0, b.length), a.length);
  a.length += b.length;
  return a;
}

/** The number of values added. @internal */
export function storeCount(s: ValueStore): number {
  return s.length;
}

/** The values (exact stores only; a view, do not keep it across adds). @internal */
export function storeValues(s: ValueStore): Float64Array | undefined {
  return s.data.subarray(0, s.length);
}

/**
 * Count, total, mean, median, the `percentiles`, min and max; `undefined` for no values.
 * The total is the correctly rounded exact sum; the mean is kept inside [min, max].
 *
 * @internal
 */
export function storeSummary(s: ValueStore, percentiles: readonly number[]): StoreSummary | undefined {
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

/**
 * Count, mean (as {@link storeSummary}'s) and Σ(x − mean)², summed exactly and rounded once;
 * `undefined` for no values.
 *
 * @internal
 */
export function storeMoments(s: ValueStore, mean: number): StoreMoments | undefined {
  const n = s.length;
  if (n === 0) return undefined;
  const sum = exactSum();
  for (let i = 0; i < n; i++) {
    const d = (s.data[i] as number) - mean;
    exactAdd(sum, d * d);
  }
  return { n, mean, m2: exactValue(sum) };
}

/** An estimate of the bytes a store holds (8 per kept value). @internal */
export function storeBytes(s: ValueStore): number {
  return s.data.byteLength;
}

/** The JSON form of a store (a plain object: `{ kind: "exact", values: [...] }`). @internal */
export function storeToJSON(s: ValueStore): { readonly kind: "exact"; readonly values: number[] } {
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
  if (o.kind !== "exact") throw fail('.kind must be "exact"', o.kind);
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
