/**
 * Transitional names for the one exact sum (./exactSum.ts), kept only for the two files another
 * change is rewriting (src/report/_core.ts and src/metrics/survey/ces.ts). The former `KahanSum`
 * was Neumaier's compensated sum; both names now compute the exact sum. Use ./exactSum.ts.
 *
 * @internal
 * @module
 */
import { exactAdd, exactMerge, exactSum, exactSumOf, exactValue, type ExactSum } from "./exactSum.ts";

/**
 * The exact sum of `values`, rounded once: {@link exactSumOf}.
 *
 * @deprecated Use `exactSumOf` from ./exactSum.ts.
 * @internal
 */
export function compensatedSum(values: readonly number[]): number {
  return exactSumOf(values);
}

/**
 * A running exact sum wrapped as an object, for src/report/_core.ts until it is deleted.
 *
 * @deprecated Use `exactSum` / `exactAdd` / `exactMerge` / `exactValue` from ./exactSum.ts.
 * @internal
 */
export class KahanSum {
  private readonly state: ExactSum = exactSum();

  add(value: number): void {
    exactAdd(this.state, value);
  }

  merge(other: KahanSum): void {
    exactMerge(this.state, other.state);
  }

  get value(): number {
    return exactValue(this.state);
  }
}
