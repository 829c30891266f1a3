/**
 * The buckets of two relative-error sketches of the same α walked together, lowest first: what
 * a Kaplan–Meier estimate reads from sketched event and censoring times (each time replaced by
 * its bucket's representative, so that an event and a censoring in one bucket tie).
 *
 * @internal
 * @module
 */
import { bucketOf, MIN_INDEXABLE, representative, type SketchStore } from "./quantileSketch.ts";

/** Parallel lists: at `time[k]`, `a[k]` values of the first sketch and `b[k]` of the second. @internal */
export interface PairedBins {
  readonly time: Float64Array;
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly length: number;
}

/**
 * The non-empty bins of `a` and `b` (the same α, checked by the caller), ascending: first the
 * zeros (time 0: zeros and values below 2^−1022), then each bucket used by either, at its
 * representative γ^i·(1 − α). Buckets merged by a sketch at its cap (never for α ≥ 0.1 %) are
 * read as they were kept.
 *
 * @internal
 */
export function pairedBins(a: SketchStore, b: SketchStore): PairedBins {
  const used = (s: SketchStore): boolean => s.lowest <= s.highest;
  const lo = Math.min(used(a) ? a.lowest : Infinity, used(b) ? b.lowest : Infinity);
  const hi = Math.max(used(a) ? a.highest : -Infinity, used(b) ? b.highest : -Infinity);
  const span = lo > hi ? 0 : hi - lo + 1;
  const time = new Float64Array(span + 1);
  const countA = new Float64Array(span + 1);
  const countB = new Float64Array(span + 1);
  let k = 0;
  if (a.zero + b.zero > 0) {
    countA[0] = a.zero;
    countB[0] = b.zero;
    k = 1;
  }
  const at = (s: SketchStore, i: number): number => (used(s) && i >= s.lowest && i <= s.highest ? (s.counts[i - s.offset] as number) : 0);
  for (let i = lo; i <= hi; i++) {
    const ca = at(a, i);
    const cb = at(b, i);
    if (ca + cb === 0) continue;
    time[k] = representative(a, i);
    countA[k] = ca;
    countB[k] = cb;
    k++;
  }
  return { time, a: countA, b: countB, length: k };
}

/**
 * `x` (finite, ≥ 0) as a sketch of relative error α holds it: 0 below 2^−1022, else its bucket's
 * representative (within relative error α of `x`). What {@link pairedBins} times are. @internal
 */
export function sketchRound(s: SketchStore, x: number): number {
  return x < MIN_INDEXABLE ? 0 : representative(s, bucketOf(s, x));
}
