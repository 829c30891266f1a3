import { MetricRangeError } from "../../_lib/errors.ts";
import { assertFinite } from "../../_lib/guards.ts";
import { normalCdf } from "../../_lib/normal.ts";
import { confidenceLevelOf, twoSidedZ } from "./confidence.ts";

/**
 * A median or percentile with its order-statistic confidence interval, as every duration
 * summary of the report gives it (`median` with `medianInterval`, or a `p` entry's `value`
 * with its `interval`), or as {@link quantileInterval} returns it.
 *
 * @category Stats
 */
export interface QuantileEstimate {
  /** The estimate (e.g. milliseconds). */
  readonly value: number;
  /** The interval's lower bound, at most `value`. */
  readonly lower: number;
  /** The interval's upper bound, at least `value`. */
  readonly upper: number;
  /** The interval's exact coverage, from 0 to 1 (its `coverage` field). */
  readonly coverage: number;
}

/**
 * Options of {@link quantileChange}.
 *
 * @category Stats
 */
export interface QuantileChangeOptions {
  /** Confidence level of the interval of the difference, strictly between 0 and 1. Default: 0.95. */
  readonly confidenceLevel?: number;
}

/**
 * The change of a median or percentile between two independent samples, with its interval
 * and a one-sided test of "it got larger".
 *
 * @category Stats
 */
export interface QuantileChange {
  /** The baseline's estimate. */
  readonly baseline: number;
  /** The current estimate. */
  readonly current: number;
  /** `current − baseline`, in the unit of the values. */
  readonly difference: number;
  /** `current / baseline`; `undefined` when the baseline is 0. */
  readonly ratio: number | undefined;
  /** The standard error of the difference: √(se₀² + se₁²), each se = (upper − lower) / (2·z_coverage). */
  readonly standardError: number;
  /** The interval of the difference: difference ± z·standardError at `confidenceLevel`. */
  readonly lower: number;
  /** Upper bound of the difference's interval. */
  readonly upper: number;
  /**
   * One-sided p-value of "current > baseline": 1 − Φ(difference / standardError). With a zero
   * standard error (both intervals a single value), 0 for a positive difference, 1 otherwise.
   */
  readonly pValue: number;
  /** The confidence level of the interval. */
  readonly confidenceLevel: number;
  /** How it was computed. */
  readonly method: "difference of order-statistic quantiles (Price & Bonett 2002)";
}

/** Checks an estimate and returns its standard error; `undefined` for a zero coverage (one value). */
function standardErrorOf(fn: string, name: string, e: QuantileEstimate): number | undefined {
  for (const field of ["value", "lower", "upper", "coverage"] as const) assertFinite(fn, `${name}.${field}`, e[field]);
  if (!(e.lower <= e.value && e.value <= e.upper)) {
    throw new MetricRangeError(
      "E_VALUE_RANGE",
      `${fn}: ${name} must have lower ≤ value ≤ upper, got ${String(e.lower)} ≤ ${String(e.value)} ≤ ${String(e.upper)}`,
    );
  }
  if (e.coverage < 0 || e.coverage > 1) {
    throw new MetricRangeError("E_VALUE_RANGE", `${fn}: ${name}.coverage must be from 0 to 1, got ${String(e.coverage)}`);
  }
  if (e.coverage === 0) return undefined;
  // A coverage of 1 (to rounding) would make z infinite: 1 − 1e-12 bounds it at about 7.
  const z = twoSidedZ(Math.min(e.coverage, 1 - 1e-12));
  return (e.upper - e.lower) / (2 * z);
}

/**
 * The change of a median or percentile from `baseline` to `current` (two independent samples:
 * two periods, two exports): the difference, its interval and a one-sided p-value of an
 * increase, from each estimate's order-statistic interval alone, so two reports are enough.
 *
 * Each estimate's standard error is read off its interval, se = (upper − lower) / (2·z_c) with
 * z_c = Φ⁻¹((1 + coverage)/2): the McKean–Schrader estimate Price and Bonett use for the
 * difference of medians. Then d = current − baseline, SE = √(se₀² + se₁²), the interval
 * d ± z_γ·SE and the one-sided p-value 1 − Φ(d / SE).
 *
 * @param baseline - The earlier estimate with its interval (`{ value, lower, upper, coverage }`).
 * @param current - The later estimate, in the same unit.
 * @param options - {@link QuantileChangeOptions}: `confidenceLevel` (default 0.95).
 * @returns The change, or `undefined` when either interval has coverage 0 (a single value:
 * no spread to judge from).
 * @throws {@link MetricRangeError} `E_NOT_FINITE` if a field is not a finite number;
 * `E_VALUE_RANGE` unless lower ≤ value ≤ upper and 0 ≤ coverage ≤ 1; `E_CONFIDENCE_LEVEL`
 * if the level is not strictly between 0 and 1.
 * @remarks The samples must be independent. The normal approximation needs a few dozen
 * values per sample; with heavy ties the intervals, and so the standard error, shrink (a
 * difference between two runs of identical integer minutes can look significant). As a gate
 * ("fail when worse and significant"), the false-alarm rate under no change is at most
 * (1 − confidenceLevel) / 2 per run, 2.5 % at 95 % (docs/guide/cli.md, "Regression gates").
 * @example
 * ```ts
 * const before = { value: 3_600_000, lower: 3_000_000, upper: 4_200_000, coverage: 0.95 };
 * const after = { value: 5_400_000, lower: 4_800_000, upper: 6_000_000, coverage: 0.95 };
 * const c = quantileChange(before, after);
 * c?.difference;  // => 1800000 (30 minutes longer)
 * c?.ratio;       // => 1.5
 * c?.pValue;      // => 0.0000161 (one-sided: a significant increase)
 * ```
 * @see "Price, R. M. & Bonett, D. G. (2002). Distribution-free confidence intervals for difference and ratio of medians. Journal of Statistical Computation and Simulation 72(2), 119–124."
 * @see "McKean, J. W. & Schrader, R. M. (1984). A comparison of methods for studentizing the sample median. Communications in Statistics – Simulation and Computation 13(6), 751–773."
 * @category Stats
 */
export function quantileChange(
  baseline: QuantileEstimate,
  current: QuantileEstimate,
  options?: QuantileChangeOptions,
): QuantileChange | undefined {
  const fn = "quantileChange";
  const confidenceLevel = confidenceLevelOf(fn, options?.confidenceLevel);
  const se0 = standardErrorOf(fn, "baseline", baseline);
  const se1 = standardErrorOf(fn, "current", current);
  if (se0 === undefined || se1 === undefined) return undefined;
  const difference = current.value - baseline.value;
  const standardError = Math.hypot(se0, se1);
  const z = twoSidedZ(confidenceLevel);
  const pValue = standardError === 0 ? (difference > 0 ? 0 : 1) : normalCdf(-difference / standardError);
  return {
    baseline: baseline.value,
    current: current.value,
    difference: difference === 0 ? 0 : difference,
    ratio: baseline.value === 0 ? undefined : current.value / baseline.value,
    standardError,
    lower: difference - z * standardError,
    upper: difference + z * standardError,
    pValue,
    confidenceLevel,
    method: "difference of order-statistic quantiles (Price & Bonett 2002)",
  };
}
