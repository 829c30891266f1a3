import { toMilliseconds, type DurationInput } from "../../_lib/duration.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { assertFraction, noNegativeZero } from "../../_lib/guards.ts";
import { quantilesBySelection, type Selected } from "../../_lib/quantile.ts";
import { assertFiniteResult } from "../../_lib/moments.ts";
import { exactSumOf } from "../../_lib/exactSum.ts";

/**
 * Options of {@link summarizeDurations}.
 *
 * @category Time
 */
export interface SummarizeDurationsOptions {
  /** Probabilities from 0 to 1 whose R-7 quantiles to report in `p`, e.g. `[0.9, 0.95]`. Default: none (`p` is empty). */
  readonly percentiles?: readonly number[] | undefined;
  /** A target duration (ms or a date-fns `Duration`); when given, `withinTarget` is reported. Default: none. */
  readonly target?: DurationInput | undefined;
}

/**
 * One requested percentile.
 *
 * @category Time
 */
export interface DurationPercentile {
  /** The probability asked for, from 0 to 1. */
  readonly p: number;
  /** Its R-7 quantile, in milliseconds. */
  readonly value: number;
}

/**
 * The summary of a set of durations, all in milliseconds.
 *
 * @category Time
 */
export interface DurationSummary {
  /** How many durations. */
  readonly count: number;
  /** Their sum, exact then rounded once. */
  readonly total: number;
  /** `total / count`. */
  readonly mean: number;
  /** The R-7 median (the 0.5 quantile). */
  readonly median: number;
  /** The requested percentiles, in the order asked. */
  readonly p: readonly DurationPercentile[];
  /** The shortest duration. */
  readonly min: number;
  /** The longest duration. */
  readonly max: number;
  /** The target used, in milliseconds; `undefined` when none was given. */
  readonly target: number | undefined;
  /** The share of durations at or below `target`, from 0 to 1; `undefined` when no target was given. */
  readonly withinTarget: number | undefined;
}

/**
 * Summary of durations: count, compensated total, mean (total / count), R-7 median and
 * percentiles, min, max and the share within a target.
 *
 * @param values - Durations in milliseconds (e.g. the `values` of `firstResponseTimes`).
 * @param options - {@link SummarizeDurationsOptions}: `percentiles` (default none) and `target` (default none).
 * @returns The summary, or `undefined` when there are no values.
 * @throws {@link MetricRangeError} `E_NOT_FINITE` if a value is not a finite number;
 * `E_NEGATIVE_DURATION` if a value is negative; `E_FRACTION_RANGE` if a percentile is not
 * from 0 to 1; `E_DURATION` if `target` is negative, not finite, or uses months or years;
 * `E_OVERFLOW` if the total exceeds the largest double (1.8e308).
 * @remarks The mean is the compensated sum divided by the count, the formula of the source
 * (total first response time / number of first responses); floating-point rounding is kept
 * inside `[min, max]`. Quantiles are R-7 (R's default, numpy, Excel `PERCENTILE.INC`). A
 * duration exactly equal to the target is within it. Nothing is rounded.
 * @example
 * ```ts
 * const s = summarizeDurations([60_000, 120_000, 180_000, 600_000], { percentiles: [0.75], target: { minutes: 3 } });
 * s?.mean;         // => 240000
 * s?.median;       // => 150000
 * s?.p;            // => [{ p: 0.75, value: 285000 }]
 * s?.withinTarget; // => 0.75
 * summarizeDurations([]); // => undefined
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (average FRT: 54,000 s / 800 first responses = 67.5 s)
 * @category Time
 */
export function summarizeDurations(
  values: readonly number[] | Float64Array,
  options?: SummarizeDurationsOptions,
): DurationSummary | undefined {
  const fn = "summarizeDurations";
  const probabilities = options?.percentiles ?? [];
  for (const p of probabilities) assertFraction(fn, "percentile", p);
  const target = options?.target === undefined ? undefined : toMilliseconds(fn, "target", options.target);
  checkDurations(fn, values);
  const count = values.length;
  if (count === 0) return undefined;
  // Selection, not a sort: the same order statistics in a few linear passes.
  const selected = quantilesBySelection(values, [0.5, ...probabilities]) as Selected;
  const min = noNegativeZero(selected.min);
  const max = noNegativeZero(selected.max);
  const total = noNegativeZero(assertFiniteResult(fn, "the total", exactSumOf(values)));
  const mean = noNegativeZero(Math.min(max, Math.max(min, total / count)));
  const p = probabilities.map((q, i) => ({ p: q, value: selected.quantiles[i + 1] as number }));
  const withinTarget = target === undefined ? undefined : countAtMost(values, target) / count;
  return { count, total, mean, median: selected.quantiles[0] as number, p, min, max, target, withinTarget };
}

/** Throws `E_NOT_FINITE` / `E_NEGATIVE_DURATION` unless every value is a finite non-negative number. @internal */
export function checkDurations(fn: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new MetricRangeError("E_NOT_FINITE", `${fn}: values[${String(i)}] must be a finite number, got ${String(value)}`);
    }
    if (value < 0) {
      throw new MetricRangeError(
        "E_NEGATIVE_DURATION",
        `${fn}: values[${String(i)}] must be a non-negative duration, got ${String(value)}`,
      );
    }
  }
}

/** The number of values at or below `limit`. */
function countAtMost(values: ArrayLike<number>, limit: number): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) <= limit) n++;
  return n;
}
