/**
 * The log-scale interval of a mean of non-negative values (durations, reply counts):
 * mean · exp(∓ t·(s/√n)/mean), with t = t_{(1 + level)/2, n − 1} and s the sample standard
 * deviation. This is the delta-method interval for log(mean) (se(log x̄) ≈ se(x̄)/x̄), transformed
 * back: it never goes below 0 (the Student t interval of `meanInterval`, mean ± t·s/√n, gave
 * "-1d 08h to 5d 11h" for skewed durations), it is wider above the mean than below as skewed
 * durations are, it accepts zero durations (unlike Cox's log-normal method), and it needs only
 * the count, the mean and Σ(x − mean)², which every value store gives exactly (see
 * `storeMoments`), so the result does not depend on the order of the values or on where the
 * input was split. It tends to the t interval as se/mean → 0.
 *
 * @internal
 * @module
 */
import { studentTUpperQuantile } from "./special.ts";
import type { StoreMoments } from "./quantileStore.ts";

/** The `method` of the log-scale mean intervals. @internal */
export const LOG_MEAN_METHOD = "log-scale t (delta method)";

/**
 * A confidence interval of a mean, in the unit of the values.
 *
 * @category Time
 */
export interface LogMeanInterval {
  /** The lower bound (never below 0). */
  readonly lower: number;
  /** The upper bound. */
  readonly upper: number;
  /** The confidence level, e.g. 0.95. */
  readonly confidenceLevel: number;
  /** How it was computed: `"log-scale t (delta method)"`. */
  readonly method: string;
}

/**
 * The log-scale interval of the mean of `m` at `level`; `undefined` for fewer than two values;
 * `[0, 0]` when the mean is 0 (every value is 0). An upper bound past the largest double is
 * reported as `Number.MAX_VALUE` (only at levels within 1e−12 of 1 with two or three values).
 *
 * @internal
 */
export function logMeanInterval(m: StoreMoments | undefined, level: number): LogMeanInterval | undefined {
  if (m === undefined || m.n < 2) return undefined;
  const { n, mean } = m;
  if (!(mean > 0)) return { lower: 0, upper: 0, confidenceLevel: level, method: LOG_MEAN_METHOD };
  const standardError = Math.sqrt(m.m2 / (n - 1)) / Math.sqrt(n);
  const factor = Math.exp((studentTUpperQuantile((1 - level) / 2, n - 1) * standardError) / mean);
  const upper = mean * factor;
  return {
    lower: Math.min(mean, mean / factor),
    upper: Number.isFinite(upper) ? Math.max(mean, upper) : Number.MAX_VALUE,
    confidenceLevel: level,
    method: LOG_MEAN_METHOD,
  };
}
