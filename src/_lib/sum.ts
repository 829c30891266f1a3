/**
 * Compensated (Neumaier) summation: the sum of `values` with the rounding error of each
 * addition carried, so that long sums of durations or money do not drift.
 *
 * @internal
 */
export function compensatedSum(values: Iterable<number>): number {
  let sum = 0;
  let compensation = 0;
  for (const value of values) {
    const t = sum + value;
    if (Math.abs(sum) >= Math.abs(value)) compensation += sum - t + value;
    else compensation += value - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/**
 * A running compensated sum for accumulators (create / add / merge / result).
 *
 * @internal
 */
export class KahanSum {
  private sum = 0;
  private compensation = 0;

  add(value: number): void {
    const t = this.sum + value;
    if (Math.abs(this.sum) >= Math.abs(value)) this.compensation += this.sum - t + value;
    else this.compensation += value - t + this.sum;
    this.sum = t;
  }

  merge(other: KahanSum): void {
    this.add(other.sum);
    this.add(other.compensation);
  }

  get value(): number {
    return this.sum + this.compensation;
  }
}

/**
 * Mean by compensated summation, `undefined` for no values.
 *
 * @internal
 */
export function compensatedMean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return compensatedSum(values) / values.length;
}
