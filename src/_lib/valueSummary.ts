/**
 * The summary every summarised metric reports (durations, reply counts): count, exact total,
 * mean, R-7 median and percentiles, min, max and the log-scale interval of the mean, read from
 * a value store (exact or sketched).
 *
 * @internal
 * @module
 */
import { logMeanInterval, type LogMeanInterval } from "./logMeanInterval.ts";
import { storeMoments, storeSummary, type ValueStore } from "./quantileStore.ts";

/**
 * A summary of non-negative values with the interval of their mean.
 *
 * @category Time
 */
export interface ValueSummary {
  /** How many values. */
  readonly count: number;
  /** Their exact sum, correctly rounded. */
  readonly total: number;
  /** `total / count` (kept inside [min, max]). */
  readonly mean: number;
  /** The R-7 median (within the sketch's relative error when quantiles are sketched). */
  readonly median: number;
  /** The requested percentiles, as `{ p, value }`. */
  readonly p: readonly {
    /** The probability asked for, 0 to 1. */
    readonly p: number;
    /** Its R-7 quantile. */
    readonly value: number;
  }[];
  /** The smallest. */
  readonly min: number;
  /** The largest. */
  readonly max: number;
  /** The log-scale t interval of `mean`; `undefined` for fewer than two values. */
  readonly meanInterval: LogMeanInterval | undefined;
}

/** The summary of a store, `undefined` when it is empty. @internal */
export function valueSummary(store: ValueStore, percentiles: readonly number[], level: number): ValueSummary | undefined {
  const s = storeSummary(store, percentiles);
  if (s === undefined) return undefined;
  return { ...s, meanInterval: logMeanInterval(storeMoments(store, s.mean), level) };
}
