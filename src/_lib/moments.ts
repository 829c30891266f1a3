import { MetricRangeError } from "./errors.ts";
import { exactSumOf } from "./exactSum.ts";

/**
 * The mean and the sum of squared deviations Σ(x − mean)² of finite values (n ≥ 1), by
 * the two-pass formula with exact sums. When a sum overflows (values near ±1.8e308:
 * `[1e308, 1e308]` summed to ∞ and the mean became NaN), both passes are redone on the
 * values divided by a power of two at least max |x| (exact), and scaled back. The mean is
 * then always finite; `squares` is `Infinity` only when the true value exceeds the largest
 * double.
 *
 * @internal
 */
export function meanAndSquares(values: readonly number[]): { readonly mean: number; readonly squares: number } {
  const n = values.length;
  const mean = exactSumOf(values) / n;
  if (Number.isFinite(mean)) {
    const squares = exactSumOf(values.map((v) => (v - mean) * (v - mean)));
    if (Number.isFinite(squares)) return { mean, squares };
  }
  let largest = 0;
  for (const v of values) largest = Math.max(largest, Math.abs(v));
  const scale = 2 ** Math.min(1023, Math.ceil(Math.log2(largest)));
  const scaledMean = exactSumOf(values.map((v) => v / scale)) / n;
  const scaledSquares = exactSumOf(values.map((v) => (v / scale - scaledMean) ** 2));
  return { mean: scaledMean * scale, squares: scaledSquares * scale * scale };
}

/**
 * The standard deviation √(squares / (n − 1)) of finite values (n ≥ 2), computed on scaled
 * values when the sum of squares overflows, so it is finite whenever the true value is.
 *
 * @internal
 */
export function standardDeviationOf(values: readonly number[]): { readonly mean: number; readonly standardDeviation: number } {
  const n = values.length;
  const { mean, squares } = meanAndSquares(values);
  if (Number.isFinite(squares)) return { mean, standardDeviation: Math.sqrt(squares / (n - 1)) };
  let largest = 0;
  for (const v of values) largest = Math.max(largest, Math.abs(v));
  const scale = 2 ** Math.min(1023, Math.ceil(Math.log2(largest)));
  const scaledMean = mean / scale;
  const scaledSquares = exactSumOf(values.map((v) => (v / scale - scaledMean) ** 2));
  return { mean, standardDeviation: Math.sqrt(scaledSquares / (n - 1)) * scale };
}

/**
 * Throws `E_OVERFLOW` unless `value` is finite: a result whose true value is larger than the
 * largest double (1.8e308) is refused rather than returned as ∞ or NaN.
 *
 * @internal
 */
export function assertFiniteResult(fn: string, name: string, value: number): number {
  if (!Number.isFinite(value)) {
    throw new MetricRangeError(
      "E_OVERFLOW",
      `${fn}: ${name} must be representable as a finite number (at most 1.8e308 in size), got ${String(value)}`,
    );
  }
  return value;
}

/**
 * Throws `E_OVERFLOW` unless the sample size `n` is at most 2^53 − 1: a margin so small that
 * the answer is not a safe integer (`sampleSizeForMargin(5e-324)` gave NaN) is refused.
 *
 * @internal
 */
export function assertSafeSampleSize(fn: string, n: number): number {
  if (!(n <= Number.MAX_SAFE_INTEGER)) {
    throw new MetricRangeError(
      "E_OVERFLOW",
      `${fn}: the sample size must be at most ${String(Number.MAX_SAFE_INTEGER)} (a larger margin is needed), got ${String(n)}`,
    );
  }
  return n;
}
