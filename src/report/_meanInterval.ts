/**
 * The Student t interval of a mean, read from the report's duration arrays without copying or
 * sorting them: the same formula and critical value as `meanInterval` (mean ± t·s/√n with
 * t = t_{(1 + level)/2, n − 1}, s the sample standard deviation by the two-pass formula), but
 * the sum of squared deviations is summed exactly and rounded once (Shewchuk's expansion, as
 * Python's `math.fsum`), so the result does not depend on the order of the values or on where
 * the input was split — the report's split / merge and order properties hold with no
 * tolerance. `meanInterval` over the same values agrees to the last bits of its compensated
 * sum (measured: a copy, a sort and `meanInterval` per summary would triple the cost of the
 * report's `result`).
 *
 * @internal
 * @module
 */
import { studentTUpperQuantile } from "../_lib/special.ts";
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
 * The Student t interval of `mean` over `values[0 .. length)`, at `level`; `null` for fewer
 * than two values. `mean` is the summary's mean of the same values.
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
  const standardError = Math.sqrt(rounded(sum) / (length - 1)) / Math.sqrt(length);
  const half = studentTUpperQuantile((1 - level) / 2, length - 1) * standardError;
  const lower = mean - half;
  const upper = mean + half;
  return { lower: lower === 0 ? 0 : lower, upper: upper === 0 ? 0 : upper, confidenceLevel: level, method: "Student t" };
}
