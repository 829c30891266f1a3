/**
 * The summary every summarised metric reports (durations, reply counts): count, exact total,
 * mean, R-7 median and percentiles each with its distribution-free order-statistic interval, min,
 * max and the log-scale interval of the mean, read from a value store (exact or sketched).
 *
 * @internal
 * @module
 */
import { logMeanInterval, type LogMeanInterval } from "./logMeanInterval.ts";
import { ORDER_STATISTICS_METHOD, quantileRanks, type QuantileRanks } from "./orderStatistics.ts";
import { storeMoments, storeSummary, type ValueStore } from "./quantileStore.ts";

/**
 * The distribution-free confidence interval of a median or percentile: two order statistics
 * of the values (so never below the smallest value, and never below 0 for durations).
 *
 * @category Time
 */
export interface QuantileBounds {
  /** The value of rank `lowerRank` in ascending order (a sketch's estimate of it). */
  readonly lower: number;
  /** The value of rank `upperRank`. */
  readonly upper: number;
  /**
   * The exact coverage P(lowerRank ≤ B < upperRank), B ~ Binomial(n, p): at least the
   * confidence level, unless there are too few values for it (then the ranks are 1 and n).
   */
  readonly coverage: number;
  /** The confidence level asked for. */
  readonly confidenceLevel: number;
  /** How the interval was computed. */
  readonly method: typeof ORDER_STATISTICS_METHOD;
}

/**
 * A summary of non-negative values with the intervals of their median, percentiles and mean.
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
  /** The order-statistic interval of the median. */
  readonly medianInterval: QuantileBounds;
  /** The requested percentiles, as `{ p, value, interval }`. */
  readonly p: readonly {
    /** The probability asked for, 0 to 1. */
    readonly p: number;
    /** Its R-7 quantile. */
    readonly value: number;
    /** Its order-statistic interval. */
    readonly interval: QuantileBounds;
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
  const probabilities = [0.5, ...percentiles];
  let ranks: QuantileRanks[] = [];
  const s = storeSummary(store, percentiles, (n) => {
    ranks = probabilities.map((p) => quantileRanks(n, p, level));
    return ranks.flatMap((r) => [r.lowerRank, r.upperRank]);
  });
  if (s === undefined) return undefined;
  const bounds = (i: number): QuantileBounds => ({
    lower: s.ranked[2 * i] as number,
    upper: s.ranked[2 * i + 1] as number,
    coverage: (ranks[i] as QuantileRanks).coverage,
    confidenceLevel: level,
    method: ORDER_STATISTICS_METHOD,
  });
  return {
    count: s.count,
    total: s.total,
    mean: s.mean,
    median: s.median,
    medianInterval: bounds(0),
    p: s.p.map((q, i) => ({ ...q, interval: bounds(i + 1) })),
    min: s.min,
    max: s.max,
    meanInterval: logMeanInterval(storeMoments(store, s.mean), level),
  };
}
