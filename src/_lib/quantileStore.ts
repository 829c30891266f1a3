/**
 * Where a metric keeps the values it summarises (durations in ms, reply counts): a
 * {@link ValueStore}, exact or sketched, chosen by a {@link QuantileOption}.
 *
 * - `"exact"` (the default everywhere): every value is kept in Float64Array pages (no copy on growth), 8 bytes
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
import { quantilesInPlace, type Selected } from "./quantile.ts";
import { noNegativeZero } from "./guards.ts";
import { addIntegerSquares, integerSquaredDeviations, integerSquares } from "./integerSquares.ts";
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

/**
 * The exact store: every value, in pages. The first page doubles from 16 values up to
 * {@link PAGE} values; after that each new page holds {@link PAGE} values and nothing is ever
 * copied on growth, so a store of n values holds n·8 bytes (plus at most one page) and leaves no
 * discarded buffers behind. (Doubling one array would leave about as many bytes again of
 * discarded buffers per store; V8 counts typed-array memory as external memory and starts a full
 * collection of the whole heap for each 64 MB of it, which over a heap of a million tickets cost
 * seconds per report.)
 *
 * @internal
 */
export interface ExactStore {
  readonly kind: "exact";
  /** Full pages, then the page being filled (last). */
  readonly pages: Float64Array[];
  /** Values in the last page. */
  fill: number;
  /** Values in all. */
  length: number;
}

/** Values per page once the first page has grown (64 KB). @internal */
export const PAGE = 8192;

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
  /** The values of the asked 1-based ranks (a sketch's estimates of them), in the order asked. */
  readonly ranked: readonly number[];
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

/** A new empty exact store. @internal */
export function exactStore(): ExactStore {
  return { kind: "exact", pages: [new Float64Array(16)], fill: 0, length: 0 };
}

/** A new empty store. @internal */
export function valueStore(option: QuantileOption): ValueStore {
  return option === "exact" ? exactStore() : sketchStore(option.relativeError);
}

/** Room for one more value: the first page doubles up to {@link PAGE}; then a new page. */
function makeRoom(s: ExactStore): Float64Array {
  const pages = s.pages;
  const last = pages[pages.length - 1] as Float64Array;
  if (pages.length === 1 && last.length < PAGE) {
    const next = new Float64Array(Math.min(PAGE, last.length * 2));
    next.set(last);
    pages[0] = next;
    return next;
  }
  const page = new Float64Array(PAGE);
  pages.push(page);
  s.fill = 0;
  return page;
}

/** Adds one value (finite, ≥ 0). @internal */
export function storeAdd(s: ValueStore, x: number): void {
  if (s.kind === "sketch") return sketchAdd(s, x);
  const pages = s.pages;
  let last = pages[pages.length - 1] as Float64Array;
  if (s.fill === last.length) last = makeRoom(s);
  last[s.fill++] = x;
  s.length++;
}

/** Calls `f` with each page's filled part, in order. */
function eachPart(s: ExactStore, f: (part: Float64Array) => void): void {
  const last = s.pages.length - 1;
  for (let i = 0; i < last; i++) f(s.pages[i] as Float64Array);
  f((s.pages[last] as Float64Array).subarray(0, s.fill));
}

/**
 * Where {@link allValues} gathers the values of a store of several pages: one buffer for the
 * whole module, grown to the largest store summarised so far and kept (8 bytes per value of
 * that store), so summarising allocates no new typed-array memory after the first time (see
 * {@link ExactStore} on why that matters).
 */
let gathered = new Float64Array(0);

/**
 * Every value in one array: the first page's own memory when it is the only one and `scratch`
 * is false, else {@link gathered} (valid until the next call; the callers use it at once), which
 * the caller may reorder.
 */
function allValues(s: ExactStore, scratch = false): Float64Array {
  if (!scratch && s.pages.length === 1) return (s.pages[0] as Float64Array).subarray(0, s.fill);
  if (gathered.length < s.length) gathered = new Float64Array(Math.ceil(s.length / PAGE) * PAGE);
  const out = gathered.subarray(0, s.length);
  let at = 0;
  eachPart(s, (part) => {
    out.set(part, at);
    at += part.length;
  });
  return out;
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
  eachPart(b, (part) => {
    for (let i = 0; i < part.length; i++) storeAdd(a, part[i] as number);
  });
  return a;
}

/** The number of values added. @internal */
export function storeCount(s: ValueStore): number {
  return s.kind === "exact" ? s.length : s.count;
}

/** The values (exact stores only; a view valid until the next add or summary of any store: copy it to keep it). @internal */
export function storeValues(s: ExactStore): Float64Array;
export function storeValues(s: ValueStore): Float64Array | undefined;
export function storeValues(s: ValueStore): Float64Array | undefined {
  if (s.kind === "sketch") return undefined;
  return allValues(s);
}

/**
 * Count, total, mean, median, the `percentiles` (R-7), min and max; `undefined` for no values.
 * The total is the correctly rounded exact sum; the mean is kept inside [min, max]. A sketch's
 * median and percentiles are its estimates (within relative error α of R-7's), the rest is exact.
 *
 * @internal
 */
export function storeSummary(
  s: ValueStore,
  percentiles: readonly number[],
  ranks: (n: number) => readonly number[] = () => [],
): StoreSummary | undefined {
  if (s.kind === "sketch") return sketchSummary(s, percentiles, ranks);
  const n = s.length;
  if (n === 0) return undefined;
  // The store's own copy, reordered by the selection (no second copy).
  const values = allValues(s, true);
  const selected = quantilesInPlace(values, [0.5, ...percentiles], ranks(n)) as Selected;
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
    ranked: selected.ranked,
  };
}

function sketchSummary(s: SketchStore, percentiles: readonly number[], ranks: (n: number) => readonly number[]): StoreSummary | undefined {
  const n = s.count;
  if (n === 0) return undefined;
  // Rank r is the R-7 quantile at (r − 1)/(n − 1); one value has only rank 1.
  const rankProbabilities = ranks(n).map((r) => (n === 1 ? 0 : (r - 1) / (n - 1)));
  const quantiles = sketchQuantiles(s, [0.5, ...percentiles, ...rankProbabilities]);
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
    ranked: rankProbabilities.map((_, i) => noNegativeZero(quantiles[i + 1 + percentiles.length] as number)),
  };
}

/**
 * Count, mean (as {@link storeSummary}'s) and Σ(x − mean)², summed exactly and rounded once;
 * `undefined` for no values. A sketch computes Σx² − 2·mean·Σx + n·mean² from its exact sums,
 * exactly (see `sketchSquaredDeviations`); so does an exact store of integers below 2^53 (the
 * durations in ms and counts it holds: integerSquares.ts); an exact store of other values sums
 * each (x − mean)², rounded, exactly.
 *
 * @internal
 */
export function storeMoments(s: ValueStore, mean: number): StoreMoments | undefined {
  if (s.kind === "sketch") return s.count === 0 ? undefined : { n: s.count, mean, m2: sketchSquaredDeviations(s, mean) };
  const n = s.length;
  if (n === 0) return undefined;
  // Integers in [0, 2^53) (durations in ms, counts): the exact Σ(x − mean)², rounded once, as a sketch gives it.
  const integers = integerSquares();
  const last = s.pages.length - 1;
  let whole = true;
  for (let i = 0; i <= last && whole; i++) whole = addIntegerSquares(integers, s.pages[i] as Float64Array, i === last ? s.fill : PAGE);
  if (whole) return { n, mean, m2: integerSquaredDeviations(integers, mean) };
  const sum = exactSum();
  eachPart(s, (part) => {
    for (let i = 0; i < part.length; i++) {
      const d = (part[i] as number) - mean;
      exactAdd(sum, d * d);
    }
  });
  return { n, mean, m2: exactValue(sum) };
}

/** An estimate of the bytes a store holds (8 per kept value; a sketch's counts and sums). @internal */
export function storeBytes(s: ValueStore): number {
  return s.kind === "exact" ? s.pages.reduce((bytes, page) => bytes + page.byteLength, 0) : sketchBytes(s);
}

/**
 * The JSON form of a store, a plain object: `{ kind: "exact", values: [...] }`, or a sketch's
 * `{ kind: "sketch", relativeError, count, zero, min, max, offset, counts, sum, sumSquares }`.
 *
 * @internal
 */
export function storeToJSON(s: ValueStore): StoreJson {
  if (s.kind === "sketch") return sketchToJSON(s);
  const values: number[] = [];
  eachPart(s, (part) => {
    for (let i = 0; i < part.length; i++) values.push(part[i] as number);
  });
  return { kind: "exact", values };
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
  const store = exactStore();
  for (let i = 0; i < list.length; i++) {
    const x: unknown = list[i];
    if (typeof x !== "number" || !Number.isFinite(x) || x < 0) throw fail(`.values[${String(i)}] must be a finite non-negative number`, x);
    storeAdd(store, x);
  }
  return store;
}
