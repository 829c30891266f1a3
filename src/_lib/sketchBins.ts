/**
 * The buckets of two relative-error sketches of the same α walked together, lowest first: what
 * a Kaplan–Meier estimate reads from sketched event and censoring times (each time replaced by
 * its bucket's representative, so that an event and a censoring in one bucket tie).
 *
 * @internal
 * @module
 */
import { bucketOf, floorOf, MIN_INDEXABLE, representative, type SketchStore } from "./quantileSketch.ts";

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
 * representative γ^i·(1 − α). The two are read against one floor, that of the higher of their
 * highest buckets: a bucket below it counts in it, as a sketch that reached that highest bucket
 * would have merged it (so that an event and a censoring merged into the floor tie, as in one
 * sketch). No bucket is below the floor unless the values span a factor of γ^786432 (never for
 * α ≥ 0.1 %). The walk and the lists follow the buckets used, not the distance between them.
 *
 * @internal
 */
export function pairedBins(a: SketchStore, b: SketchStore): PairedBins {
  const top = Math.max(a.lowest <= a.highest ? a.highest : -Infinity, b.lowest <= b.highest ? b.highest : -Infinity);
  const floor = top === -Infinity ? 0 : floorOf(top);
  const ba = bucketsOf(a, floor);
  const bb = bucketsOf(b, floor);
  const size = 1 + ba.length + bb.length;
  const time = new Float64Array(size);
  const countA = new Float64Array(size);
  const countB = new Float64Array(size);
  let k = 0;
  if (a.zero + b.zero > 0) {
    countA[0] = a.zero;
    countB[0] = b.zero;
    k = 1;
  }
  let i = 0;
  let j = 0;
  while (i < ba.length || j < bb.length) {
    const ia = i < ba.length ? (ba.index[i] as number) : Infinity;
    const ib = j < bb.length ? (bb.index[j] as number) : Infinity;
    const index = Math.min(ia, ib);
    time[k] = representative(a, index);
    if (ia === index) countA[k] = ba.count[i++] as number;
    if (ib === index) countB[k] = bb.count[j++] as number;
    k++;
  }
  return { time, a: countA, b: countB, length: k };
}

/** The non-empty buckets of `s`, ascending, those below `floor` counted in `floor`. */
function bucketsOf(s: SketchStore, floor: number): { index: Float64Array; count: Float64Array; length: number } {
  let used = 0;
  for (let i = s.lowest; i <= s.highest; i++) if ((s.counts[i - s.offset] as number) > 0) used++;
  const index = new Float64Array(used);
  const count = new Float64Array(used);
  let n = 0;
  for (let i = s.lowest; i <= s.highest; i++) {
    const c = s.counts[i - s.offset] as number;
    if (c === 0) continue;
    const at = Math.max(i, floor);
    if (n > 0 && index[n - 1] === at) count[n - 1] = (count[n - 1] as number) + c;
    else {
      index[n] = at;
      count[n] = c;
      n++;
    }
  }
  return { index, count, length: n };
}

/**
 * `x` (finite, ≥ 0) as a sketch of relative error α holds it: 0 below 2^−1022, else its bucket's
 * representative (within relative error α of `x`). What {@link pairedBins} times are. @internal
 */
export function sketchRound(s: SketchStore, x: number): number {
  return x < MIN_INDEXABLE ? 0 : representative(s, bucketOf(s, x));
}
