/**
 * The log-scale interval of a mean of non-negative values (durations, reply counts), read from
 * the report's arrays without copying or sorting them: mean · exp(∓ t·(s/√n)/mean), with
 * t = t_{(1 + level)/2, n − 1} and s the sample standard deviation by the two-pass formula.
 * This is the delta-method interval for log(mean) (se(log x̄) ≈ se(x̄)/x̄), transformed back: it
 * never goes below 0 (the Student t interval of `meanInterval`, mean ± t·s/√n, gave
 * "-1d 08h to 5d 11h" for skewed durations), it is wider above the mean than below as skewed
 * durations are, it accepts zero durations (unlike Cox's log-normal method), and it costs one
 * pass. It tends to the t interval as se/mean → 0. The sum of squared deviations is summed
 * exactly and rounded once (Shewchuk's expansion, as Python's `math.fsum`), so the result does
 * not depend on the order of the values or on where the input was split.
 *
 * @internal
 * @module
 */
import { studentTUpperQuantile } from "../_lib/special.ts";

/** The `method` of the report's mean intervals. @internal */
export const LOG_MEAN_METHOD = "log-scale t (delta method)";
import type { IntervalJson } from "./types.ts";

/**
 * An exact sum as non-overlapping partials, smallest first. Doubles span about 2,100 binary
 * orders, so at most ~40 partials of 53 bits are ever needed; 64 slots are plenty.
 */
interface Expansion {
  readonly partials: Float64Array;
  count: number;
}

/** Adds `value` to an exact sum (Shewchuk's grow-expansion, as Python's `msum`). */
function grow(sum: Expansion, value: number): void {
  const p = sum.partials;
  let x = value;
  let j = 0;
  for (let i = 0; i < sum.count; i++) {
    let y = p[i] as number;
    if (Math.abs(x) < Math.abs(y)) {
      const t = x;
      x = y;
      y = t;
    }
    const hi = x + y;
    const lo = y - (hi - x);
    if (lo !== 0) p[j++] = lo;
    x = hi;
  }
  p[j] = x;
  sum.count = j + 1;
}

/** The correctly rounded value of an exact sum (Python's `fsum` final step, half-way cases included). */
function rounded(sum: Expansion): number {
  const p = sum.partials;
  let n = sum.count;
  if (n === 0) return 0;
  let hi = p[--n] as number;
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = p[--n] as number;
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  if (n > 0 && ((lo < 0 && (p[n - 1] as number) < 0) || (lo > 0 && (p[n - 1] as number) > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}

/**
 * The log-scale interval of `mean` over the non-negative `values[0 .. length)`, at `level`;
 * `null` for fewer than two values; `[0, 0]` when the mean is 0 (every value is 0). `mean` is
 * the summary's mean of the same values. An upper bound past the largest double is reported as
 * `Number.MAX_VALUE` (only at levels within 1e−12 of 1 with two or three values).
 *
 * @internal
 */
export function meanIntervalJson(values: Float64Array, length: number, mean: number, level: number): IntervalJson | null {
  if (length < 2) return null;
  const sum: Expansion = { partials: new Float64Array(64), count: 0 };
  for (let i = 0; i < length; i++) {
    const d = (values[i] as number) - mean;
    grow(sum, d * d);
  }
  if (!(mean > 0)) return { lower: 0, upper: 0, confidenceLevel: level, method: LOG_MEAN_METHOD };
  const standardError = Math.sqrt(rounded(sum) / (length - 1)) / Math.sqrt(length);
  const factor = Math.exp((studentTUpperQuantile((1 - level) / 2, length - 1) * standardError) / mean);
  const upper = mean * factor;
  return {
    lower: Math.min(mean, mean / factor),
    upper: Number.isFinite(upper) ? Math.max(mean, upper) : Number.MAX_VALUE,
    confidenceLevel: level,
    method: LOG_MEAN_METHOD,
  };
}
