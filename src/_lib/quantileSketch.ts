/**
 * The mergeable relative-error quantile sketch behind `quantiles: { relativeError: α }`, after
 * DDSketch (Masson, Rim, Lee, "DDSketch: A Fast and Fully-Mergeable Quantile Sketch with
 * Relative-Error Guarantees", VLDB 2019, arXiv:1908.10693), written here from the paper.
 *
 * - Buckets: with γ = (1 + α)/(1 − α), a value x ≥ 2^−1022 goes to bucket i = ⌈log_γ x⌉, which
 *   holds (γ^(i−1), γ^i]; its representative γ^i·(1 − α) = γ^(i−1)·(1 + α) is within relative
 *   error α of every value in it. Zeros, and the values below 2^−1022 (subnormal doubles), are
 *   counted apart as zeros.
 * - Counts: a dense Float64Array over the buckets between the lowest and highest used, grown by
 *   doubling. Memory follows the spread of the values, not their count: 1 ms … 10 years needs
 *   ln(3.16e11)/ln γ ≈ 1 324 buckets at α = 1 % (10.6 KB of counts; 2 048 allocated, 16 KB),
 *   13 240 at α = 0.1 %. At most 2^20 buckets (8 MB) are kept: the buckets more than 786 432 to
 *   1 048 576 below the highest (by blocks of 2^18) are merged into the lowest kept one (the paper's
 *   "collapsing lowest" store), and the low quantiles lose the guarantee. That needs values
 *   spanning a factor of γ^786432: never for α ≥ 0.1 % (beyond the range of doubles), 10^68 at
 *   α = 0.01 %. Which buckets merge depends on the highest bucket alone, so a state is a function
 *   of the multiset of its values.
 * - Exact besides the buckets: count, min, max, Σx (Shewchuk expansion, so the total and mean are
 *   those of the exact store) and Σx² (each x² split exactly in two doubles), from which
 *   Σ(x − mean)² is computed exactly and rounded once.
 *
 * Guarantee (quantiles): the R-7 quantile of p interpolates the order statistics x₍lo₎ and x₍hi₎
 * (0-based ranks lo = ⌊(n − 1)p⌋ and hi = min(lo + 1, n − 1)) with weight t. The sketch uses the
 * same ranks and weight, estimating each order statistic by its bucket's representative (the
 * exact min and max at ranks 0 and n − 1), and clamps into [min, max]. Both estimates lie within
 * relative error α of the order statistics, so their interpolation lies within relative error α of
 * the R-7 quantile itself — up to floating-point rounding (about 1e−13 relative), for order
 * statistics that are 0 or ≥ 2^−1022 (a smaller one is estimated as 0, clamped into [min, max]: an
 * absolute error below 2^−1022), and while no buckets were merged.
 *
 * @see {@link https://arxiv.org/abs/1908.10693}
 * @internal
 * @module
 */
import { MetricRangeError } from "./errors.ts";
import { exactAdd, exactFrom, exactMerge, exactPartials, exactSum, exactValue, type ExactSum } from "./exactSum.ts";
import { interpolate } from "./quantile.ts";

/** The smallest value given a bucket (the smallest normal double); smaller ones count as zeros. @internal */
export const MIN_INDEXABLE = 2 ** -1022;
/** The most buckets a sketch keeps (8 MB of counts). @internal */
export const MAX_BUCKETS = 2 ** 20;
/** Merged buckets move in blocks of this many, so a sketch that keeps growing upward shifts rarely. */
const BLOCK = MAX_BUCKETS / 4;
/** Σx² is kept exactly for values up to this (x² and n·mean·Σx stay finite up to 2^53 values). */
const SQUARES_LIMIT = 2 ** 480;
/** 2^27 + 1: Veltkamp's splitter for doubles. */
const SPLITTER = 134_217_729;

/** A relative-error quantile sketch. @internal */
export interface SketchStore {
  readonly kind: "sketch";
  /** α, strictly between 0 and 1. */
  readonly relativeError: number;
  /** ln γ = ln(1 + α) − ln(1 − α). */
  readonly lnGamma: number;
  /** Bucket counts: `counts[j]` is bucket `offset + j`. */
  counts: Float64Array;
  offset: number;
  /** The lowest and highest non-empty buckets; `lowest > highest` when there are none. */
  lowest: number;
  highest: number;
  /** Zeros and values below {@link MIN_INDEXABLE}. */
  zero: number;
  count: number;
  /** Exact; ±Infinity when empty. */
  min: number;
  max: number;
  readonly sum: ExactSum;
  readonly sumSquares: ExactSum;
}

/** The JSON form of a sketch. @internal */
export interface SketchJson {
  readonly kind: "sketch";
  readonly relativeError: number;
  readonly count: number;
  readonly zero: number;
  /** `null` when empty. */
  readonly min: number | null;
  readonly max: number | null;
  /** The bucket of `counts[0]`. */
  readonly offset: number;
  /** The bucket counts from the lowest non-empty bucket to the highest. */
  readonly counts: number[];
  /** Σx and Σx² as exact-sum partials. */
  readonly sum: number[];
  readonly sumSquares: number[];
}

/** A new empty sketch with relative error `relativeError` (0 < α < 1, checked by the caller). @internal */
export function sketchStore(relativeError: number): SketchStore {
  return {
    kind: "sketch",
    relativeError,
    lnGamma: Math.log1p(relativeError) - Math.log1p(-relativeError),
    counts: new Float64Array(0),
    offset: 0,
    lowest: 1,
    highest: 0,
    zero: 0,
    count: 0,
    min: Infinity,
    max: -Infinity,
    sum: exactSum(),
    sumSquares: exactSum(),
  };
}

/** The bucket of `x` ≥ {@link MIN_INDEXABLE}. @internal */
export function bucketOf(s: SketchStore, x: number): number {
  return Math.ceil(Math.log(x) / s.lnGamma) + 0; // + 0: bucket −0 is bucket 0
}

/** The representative of bucket `i`: γ^i·(1 − α). @internal */
export function representative(s: SketchStore, i: number): number {
  return Math.exp(i * s.lnGamma + Math.log1p(-s.relativeError));
}

/** The lowest bucket kept while `highest` is the highest: lower ones are merged into it. @internal */
export function floorOf(highest: number): number {
  return Math.ceil((highest + 1) / BLOCK) * BLOCK - MAX_BUCKETS;
}

/** The rounding error of `a·b = p` (Dekker's two-product): a·b = p + error exactly, barring overflow and underflow. */
function productError(a: number, b: number, p: number): number {
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** Adds `a·b` to `sum`, exactly (barring overflow and underflow). */
function addProduct(sum: ExactSum, a: number, b: number): void {
  const p = a * b;
  exactAdd(sum, p);
  const e = productError(a, b, p);
  if (e !== 0) exactAdd(sum, e);
}

/** Makes the counts array cover buckets [lo, hi] (hi − lo < MAX_BUCKETS), keeping the counts. */
function cover(s: SketchStore, lo: number, hi: number): void {
  const old = s.counts;
  if (lo >= s.offset && hi < s.offset + old.length) return;
  const span = hi - lo + 1;
  // At least half the span again as room (so re-placing is amortised), in powers of two.
  let size = 64;
  while (size < span + (span >> 1)) size *= 2;
  size = Math.min(Math.max(size, old.length), MAX_BUCKETS);
  // The room on both sides; at the cap, all of it on the side that grew (the lowest kept bucket
  // then moves a block at a time, so the window moves rarely).
  const offset = size < MAX_BUCKETS ? lo - ((size - span) >> 1) : lo < s.offset ? hi - size + 1 : lo;
  const next = new Float64Array(size);
  const from = Math.max(s.offset, offset);
  const to = Math.min(s.offset + old.length, offset + size);
  if (from < to) next.set(old.subarray(from - s.offset, to - s.offset), from - offset);
  s.counts = next;
  s.offset = offset;
}

/** Adds `c` values to bucket `index` (or to the lowest kept bucket, if it is below). */
function addToBucket(s: SketchStore, index: number, c: number): void {
  let i = index;
  if (s.lowest > s.highest) {
    cover(s, i, i);
    s.lowest = s.highest = i;
  } else if (i > s.highest) {
    const f = floorOf(i);
    let moved = 0;
    if (f > s.lowest) {
      const top = Math.min(f - 1, s.highest);
      for (let j = s.lowest; j <= top; j++) {
        moved += s.counts[j - s.offset] as number;
        s.counts[j - s.offset] = 0;
      }
      s.lowest = f;
    }
    cover(s, s.lowest, i);
    s.highest = i;
    if (moved > 0) s.counts[f - s.offset] = (s.counts[f - s.offset] as number) + moved;
  } else {
    i = Math.max(i, floorOf(s.highest));
    if (i < s.lowest) {
      cover(s, i, s.highest);
      s.lowest = i;
    }
  }
  s.counts[i - s.offset] = (s.counts[i - s.offset] as number) + c;
}

/** Adds one value (finite, ≥ 0). @internal */
export function sketchAdd(s: SketchStore, x: number): void {
  s.count++;
  if (x < s.min) s.min = x;
  if (x > s.max) s.max = x;
  exactAdd(s.sum, x);
  if (x <= SQUARES_LIMIT) addProduct(s.sumSquares, x, x);
  if (x < MIN_INDEXABLE) s.zero++;
  else addToBucket(s, bucketOf(s, x), 1);
}

/** Merges `b` into `a` (same α, checked by the caller) and returns `a`. @internal */
export function sketchMerge(a: SketchStore, b: SketchStore): SketchStore {
  a.count += b.count;
  a.zero += b.zero;
  a.min = Math.min(a.min, b.min);
  a.max = Math.max(a.max, b.max);
  exactMerge(a.sum, b.sum);
  exactMerge(a.sumSquares, b.sumSquares);
  // Highest first: the buckets that merge are settled once.
  for (let j = b.highest; j >= b.lowest; j--) {
    const c = b.counts[j - b.offset] as number;
    if (c > 0) addToBucket(a, j, c);
  }
  return a;
}

/**
 * The R-7 quantile estimates of `probabilities` for a non-empty sketch (see the module's
 * guarantee), each within [min, max].
 *
 * @internal
 */
export function sketchQuantiles(s: SketchStore, probabilities: readonly number[]): number[] {
  const n = s.count;
  const clamp = (v: number): number => Math.min(s.max, Math.max(s.min, v));
  const ranks = [...new Set(probabilities.flatMap((p) => [Math.floor((n - 1) * p), Math.min(Math.floor((n - 1) * p) + 1, n - 1)]))];
  ranks.sort((x, y) => x - y);
  const at = new Map<number, number>();
  let k = 0;
  for (; k < ranks.length && (ranks[k] as number) < s.zero; k++) at.set(ranks[k] as number, clamp(0));
  let below = s.zero;
  for (let j = s.lowest; j <= s.highest && k < ranks.length; j++) {
    below += s.counts[j - s.offset] as number;
    for (; k < ranks.length && (ranks[k] as number) < below; k++) at.set(ranks[k] as number, clamp(representative(s, j)));
  }
  at.set(0, s.min);
  at.set(n - 1, s.max);
  return probabilities.map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    return clamp(interpolate(at.get(lo) as number, at.get(hi) as number, h - lo));
  });
}

/**
 * Σ(x − mean)² for a non-empty sketch: Σx² − 2·mean·Σx + n·mean², every product split exactly
 * and summed exactly, rounded once (so never negative). Exact for values in [2^−480, 2^480] and
 * zeros; smaller values add absolute errors below 2^−1074 each (their squares underflow). When the
 * maximum is above 2^480 (Σx² would overflow), an estimate from the buckets instead: each value
 * replaced by its bucket's representative (within α of it), clamped into [min, max].
 *
 * @internal
 */
export function sketchSquaredDeviations(s: SketchStore, mean: number): number {
  if (s.max > SQUARES_LIMIT) {
    let m2 = 0;
    const term = (v: number, c: number): number => {
      const d = Math.min(s.max, Math.max(s.min, v)) - mean;
      return c * d * d;
    };
    if (s.zero > 0) m2 += term(0, s.zero);
    for (let j = s.lowest; j <= s.highest; j++) {
      const c = s.counts[j - s.offset] as number;
      if (c > 0) m2 += term(representative(s, j), c);
    }
    return m2;
  }
  const total = exactFrom(exactPartials(s.sumSquares));
  for (const partial of exactPartials(s.sum)) addProduct(total, -2 * mean, partial);
  const square = mean * mean;
  addProduct(total, s.count, square);
  addProduct(total, s.count, productError(mean, mean, square));
  return Math.max(0, exactValue(total));
}

/** The bytes a sketch holds: its counts and the partials of its two sums. @internal */
export function sketchBytes(s: SketchStore): number {
  return s.counts.byteLength + s.sum.partials.byteLength + s.sumSquares.partials.byteLength;
}

/** A typed array's values as a plain array (pushed: `Array.from` walks an iterator, and a large `new Array(n)` starts sparse). */
function plainArray(values: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) out.push(values[i] as number);
  return out;
}

/** The JSON form of a sketch. @internal */
export function sketchToJSON(s: SketchStore): SketchJson {
  const empty = s.count === 0;
  const used = s.lowest <= s.highest;
  return {
    kind: "sketch",
    relativeError: s.relativeError,
    count: s.count,
    zero: s.zero,
    min: empty ? null : s.min === 0 ? 0 : s.min,
    max: empty ? null : s.max === 0 ? 0 : s.max,
    offset: used ? s.lowest : 0,
    counts: used ? plainArray(s.counts.subarray(s.lowest - s.offset, s.highest - s.offset + 1)) : [],
    sum: exactPartials(s.sum),
    sumSquares: exactPartials(s.sumSquares),
  };
}

/**
 * A sketch read back from {@link sketchToJSON}'s output (its `kind` already checked); `fail`
 * makes the `E_STATE_FORMAT` error for a field (a path such as `".counts[3]"`) and the value found.
 *
 * @internal
 */
export function sketchFromJSON(o: Readonly<Record<string, unknown>>, fail: (what: string, got: unknown) => MetricRangeError): SketchStore {
  const count = (field: string): number => {
    const x = o[field];
    if (typeof x !== "number" || !Number.isSafeInteger(x) || x < 0) throw fail(`.${field} must be a non-negative integer`, x);
    return x;
  };
  const partials = (field: string): number[] => {
    const list = o[field];
    if (!Array.isArray(list)) throw fail(`.${field} must be an array`, list);
    for (let i = 0; i < list.length; i++) {
      if (typeof list[i] !== "number" || !Number.isFinite(list[i])) throw fail(`.${field}[${String(i)}] must be a finite number`, list[i]);
    }
    return list as number[];
  };
  const alpha = o.relativeError;
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) throw fail(".relativeError must be a number strictly between 0 and 1", alpha);
  const s = sketchStore(alpha);
  const n = count("count");
  const zero = count("zero");
  const offset = o.offset;
  if (typeof offset !== "number" || !Number.isSafeInteger(offset)) throw fail(".offset must be an integer", offset);
  const list = o.counts;
  if (!Array.isArray(list)) throw fail(".counts must be an array", list);
  let lowest = 1;
  let highest = 0;
  let total = zero;
  for (let j = 0; j < list.length; j++) {
    const c: unknown = list[j];
    if (typeof c !== "number" || !Number.isSafeInteger(c) || c < 0) throw fail(`.counts[${String(j)}] must be a non-negative integer`, c);
    if (c > 0) {
      if (lowest > highest) lowest = offset + j;
      highest = offset + j;
    }
    total += c;
  }
  if (total !== n) throw fail(".count must be zero plus the sum of the counts", n);
  if (lowest <= highest && (lowest < bucketOf(s, MIN_INDEXABLE) || highest > bucketOf(s, Number.MAX_VALUE)))
    throw fail(`.offset must put the counts within the buckets of α = ${String(alpha)}`, offset);
  if (lowest <= highest && lowest < floorOf(highest))
    throw fail(`.counts must span at most ${String(highest - floorOf(highest) + 1)} buckets`, list.length);
  const bound = (field: "min" | "max"): number => {
    const x = o[field];
    if (n === 0 ? x !== null : typeof x !== "number" || !(x >= 0) || !Number.isFinite(x))
      throw fail(n === 0 ? `.${field} must be null for no values` : `.${field} must be a finite non-negative number`, x);
    return n === 0 ? (field === "min" ? Infinity : -Infinity) : (x as number);
  };
  const min = bound("min");
  const max = bound("max");
  if (n > 0) {
    if (min > max) throw fail(".min must not exceed .max", min);
    // Below the lowest bucket only when the lowest buckets were merged.
    const low =
      zero > 0
        ? min < MIN_INDEXABLE
        : min >= MIN_INDEXABLE && (bucketOf(s, min) === lowest || (bucketOf(s, min) < lowest && lowest === floorOf(highest)));
    if (!low) throw fail(zero > 0 ? ".min must be below 2^-1022 when there are zeros" : ".min must be in the lowest non-empty bucket", min);
    if (lowest <= highest ? max < MIN_INDEXABLE || bucketOf(s, max) !== highest : max >= MIN_INDEXABLE)
      throw fail(".max must be in the highest non-empty bucket", max);
  }
  const sum = partials("sum");
  const squares = partials("sumSquares");
  for (let j = list.length - 1; j >= 0; j--) if ((list[j] as number) > 0) addToBucket(s, offset + j, list[j] as number);
  s.count = n;
  s.zero = zero;
  s.min = min;
  s.max = max;
  exactMerge(s.sum, exactFrom(sum));
  exactMerge(s.sumSquares, exactFrom(squares));
  return s;
}
