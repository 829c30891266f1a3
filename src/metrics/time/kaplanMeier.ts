import { toMilliseconds, type DurationInput } from "../../_lib/duration.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { assertFraction } from "../../_lib/guards.ts";
import { confidenceLevelOf, twoSidedZ } from "../stats/confidence.ts";
import { curveQuantiles, productLimit, productLimitGrouped, restrictedMean, stepsOf, type Curve } from "./_kaplanMeierCurve.ts";

/**
 * One subject of a survival estimate: how long it was followed, and whether the event
 * happened then (`event: true`) or it was still waiting then (`event: false`, censored).
 *
 * @category Time
 */
export interface SurvivalObservation {
  /** The time from the origin to the event or to the censoring, in milliseconds (≥ 0). */
  readonly ms: number;
  /** `true` when the event happened at `ms`; `false` when the subject was still waiting at `ms` (censored). */
  readonly event: boolean;
}

/**
 * Options of {@link kaplanMeier}.
 *
 * @category Time
 */
export interface KaplanMeierOptions {
  /** Probabilities from 0 to 1 whose quantiles to report in `percentiles`, e.g. `[0.9]`. Default: none (the median is always reported). */
  readonly percentiles?: readonly number[] | undefined;
  /** The level of the pointwise intervals of S(t) and of the quantiles, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number | undefined;
  /** The horizon τ of the restricted mean (ms or a date-fns `Duration`). Default: the largest observed time. */
  readonly horizon?: DurationInput | undefined;
}

/**
 * One step of a Kaplan–Meier curve: a distinct observed time, with S(t) just after it.
 *
 * @category Time
 */
export interface SurvivalStep {
  /** The time, in milliseconds. */
  readonly time: number;
  /** Subjects at risk at `time` (followed at least that long; censorings at `time` included). */
  readonly atRisk: number;
  /** Events at `time`. */
  readonly events: number;
  /** Censorings at `time`. */
  readonly censored: number;
  /** S(time), from 0 to 1: the estimated share still waiting after `time`. */
  readonly survival: number;
  /** Greenwood standard error of S(time); `undefined` once S is 0. */
  readonly standardError: number | undefined;
  /** Lower limit of the log-transformed interval of S(time); `undefined` once S is 0. */
  readonly lower: number | undefined;
  /** Upper limit of the log-transformed interval of S(time), at most 1; `undefined` once S is 0. */
  readonly upper: number | undefined;
}

/**
 * A quantile of a Kaplan–Meier curve with its interval.
 *
 * @category Time
 */
export interface SurvivalQuantile {
  /** The probability, from 0 to 1 (0.5 for the median). */
  readonly p: number;
  /** The quantile in ms; `undefined` when S(t) never gets to 1 − p (R prints `NA`). */
  readonly value: number | undefined;
  /** Lower confidence limit (the quantile of the lower band); `undefined` when that band never gets to 1 − p. */
  readonly lower: number | undefined;
  /** Upper confidence limit (the quantile of the upper band); `undefined` when that band never gets to 1 − p. */
  readonly upper: number | undefined;
}

/**
 * The restricted mean time to the event, with its horizon.
 *
 * @category Time
 */
export interface RestrictedMean {
  /** The horizon τ, in milliseconds. */
  readonly horizon: number;
  /** ∫₀^τ S(t) dt, in milliseconds: the mean time to the event with every wait capped at τ. */
  readonly value: number;
  /**
   * Its standard error, in milliseconds: √Σ_{tᵢ ≤ τ} Aᵢ² dᵢ/(nᵢ(nᵢ − dᵢ)) with Aᵢ = ∫_{tᵢ}^τ S(t) dt
   * (the terms with nᵢ = dᵢ are 0), as R's `print.survfit` computes `se(rmean)`.
   */
  readonly standardError: number;
}

/**
 * The result of {@link kaplanMeier}.
 *
 * @category Time
 */
export interface KaplanMeierEstimate {
  /** Observations used. */
  readonly count: number;
  /** Observations with the event. */
  readonly events: number;
  /** Censored observations. */
  readonly censored: number;
  /** The confidence level of every interval. */
  readonly confidenceLevel: number;
  /** The curve: one step per distinct observed time, ascending. */
  readonly steps: readonly SurvivalStep[];
  /** The median (p = 0.5) with its interval. */
  readonly median: SurvivalQuantile;
  /** The requested quantiles, in the order asked. */
  readonly percentiles: readonly SurvivalQuantile[];
  /** The restricted mean up to the horizon. */
  readonly restrictedMean: RestrictedMean;
}

/**
 * Kaplan–Meier (product-limit) estimate of the survival function S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ)
 * from right-censored durations, with Greenwood log-transformed intervals, the median and
 * other quantiles (smallest t with S(t) ≤ 1 − p) and the restricted mean ∫₀^τ S(t) dt.
 *
 * @param observations - One `{ ms, event }` per subject: the time followed (ms) and whether the event happened then.
 * @param options - {@link KaplanMeierOptions}: `percentiles` (default none), `confidenceLevel` (default 0.95), `horizon` (default the largest time).
 * @returns The estimate, or `undefined` when there are no observations.
 * @throws {@link MetricRangeError} `E_NOT_FINITE` if an `ms` is not a finite number;
 * `E_NEGATIVE_DURATION` if an `ms` is negative; `E_VALUE_RANGE` if an `event` is not a boolean
 * (each naming the index); `E_FRACTION_RANGE` if a percentile is not from 0 to 1;
 * `E_CONFIDENCE_LEVEL` if the level is not strictly between 0 and 1; `E_DURATION` for a bad horizon.
 * @remarks At a time with both events and censorings, the events come first: the censored
 * subjects are still at risk then (as R's `survival` does). Greenwood: Var(log S) =
 * Σ dᵢ/(nᵢ(nᵢ − dᵢ)); SE(S) = S·√Var; the interval is S·exp(±z·√Var) (R's default
 * `conf.type = "log"`), its upper limit cut at 1, and undefined once S = 0. A quantile is the
 * smallest event time with S ≤ 1 − p; where S equals 1 − p exactly (within √ε) on a flat, the
 * midpoint of the flat (R's `quantile.survfit`), so without censoring the median equals the
 * R-7 median. The quantile's limits apply the same rule to the lower and upper bands
 * (Brookmeyer–Crowley, as R). The restricted mean keeps S at its last value beyond the last
 * time. Nothing is rounded.
 * @example
 * ```ts
 * // aml, "Maintained" group (Miller 1981; R survival): weeks, + = censored
 * const weeks = [[9, true], [13, true], [13, false], [18, true], [23, true], [28, false], [31, true], [34, true], [45, false], [48, true], [161, false]] as const;
 * const km = kaplanMeier(weeks.map(([ms, event]) => ({ ms, event })));
 * km?.median.value;       // => 31
 * km?.median.lower;       // => 18
 * km?.median.upper;       // => undefined
 * km?.steps[0]?.survival; // => 0.9090909090909091
 * kaplanMeier([]);        // => undefined
 * ```
 * @see E. L. Kaplan, P. Meier, "Nonparametric estimation from incomplete observations", JASA 53 (1958); R `survival`: {@link https://github.com/therneau/survival}
 * @category Time
 */
export function kaplanMeier(observations: readonly SurvivalObservation[], options?: KaplanMeierOptions): KaplanMeierEstimate | undefined {
  return estimateSurvival("kaplanMeier", observations, options);
}

/** {@link kaplanMeier} with the caller's name for error messages. @internal */
export function estimateSurvival(
  fn: string,
  observations: readonly SurvivalObservation[],
  options?: KaplanMeierOptions,
): KaplanMeierEstimate | undefined {
  const settings = settingsOf(fn, options);
  checkObservations(fn, observations);
  const ms = new Float64Array(observations.length);
  const events = new Uint8Array(observations.length);
  observations.forEach((o, i) => {
    ms[i] = o.ms;
    events[i] = o.event ? 1 : 0;
  });
  return estimate(ms, events, settings);
}

/**
 * {@link kaplanMeier} of observations given as two parallel lists (no object per subject, for
 * the accumulators): `ms[i]` the time followed, finite and ≥ 0 (not checked), `events[i]` 1 for
 * an event, 0 for a censoring. @internal
 */
export function estimateSurvivalOf(
  fn: string,
  ms: ArrayLike<number>,
  events: ArrayLike<number>,
  options?: KaplanMeierOptions,
): KaplanMeierEstimate | undefined {
  return estimate(ms, events, settingsOf(fn, options));
}

interface Settings {
  readonly probabilities: readonly number[];
  readonly level: number;
  readonly horizon: number | undefined;
}

/** The options checked, with their defaults. */
function settingsOf(fn: string, options: KaplanMeierOptions | undefined): Settings {
  const probabilities = options?.percentiles ?? [];
  probabilities.forEach((p, i) => assertFraction(fn, `percentiles[${String(i)}]`, p));
  const level = confidenceLevelOf(fn, options?.confidenceLevel);
  const horizon = options?.horizon === undefined ? undefined : toMilliseconds(fn, "horizon", options.horizon);
  return { probabilities, level, horizon };
}

/**
 * A Kaplan–Meier estimate without its curve's steps: what a report shows of many scopes. @internal
 */
export type KaplanMeierSummary = Omit<KaplanMeierEstimate, "steps">;

/**
 * {@link estimateSurvivalOf} without building the curve's steps (the quantiles and the
 * restricted mean are read from the curve's typed arrays). @internal
 */
export function survivalSummaryOf(
  fn: string,
  ms: ArrayLike<number>,
  events: ArrayLike<number>,
  options?: KaplanMeierOptions,
): KaplanMeierSummary | undefined {
  const settings = settingsOf(fn, options);
  if (ms.length === 0) return undefined;
  return summaryOf(productLimit(ms, events, twoSidedZ(settings.level)), ms.length, settings);
}

/**
 * {@link survivalSummaryOf} and {@link estimateSurvivalOf} of grouped observations: at `time[k]`
 * (ascending, distinct, finite, ≥ 0) `events[k]` events and `censored[k]` censorings, for k
 * below `length`; `steps` says whether the result keeps the curve's steps. The same estimate as
 * the observations listed one by one. `undefined` without any. @internal
 */
export function estimateGrouped(
  fn: string,
  grouped: {
    readonly time: ArrayLike<number>;
    readonly events: ArrayLike<number>;
    readonly censored: ArrayLike<number>;
    readonly length: number;
  },
  options: KaplanMeierOptions | undefined,
  steps: boolean,
): KaplanMeierEstimate | KaplanMeierSummary | undefined {
  const settings = settingsOf(fn, options);
  let count = 0;
  for (let k = 0; k < grouped.length; k++) count += (grouped.events[k] as number) + (grouped.censored[k] as number);
  if (count === 0) return undefined;
  const curve = productLimitGrouped(grouped.time, grouped.events, grouped.censored, grouped.length, twoSidedZ(settings.level));
  const summary = summaryOf(curve, count, settings);
  return steps ? withSteps(curve, summary) : summary;
}

/** The estimate of `curve` (its steps as objects) with its summary's figures. */
function withSteps(curve: Curve, summary: KaplanMeierSummary): KaplanMeierEstimate {
  const { count, events, censored, confidenceLevel, median, percentiles, restrictedMean: mean } = summary;
  return { count, events, censored, confidenceLevel, steps: stepsOf(curve), median, percentiles, restrictedMean: mean };
}

function summaryOf(curve: Curve, count: number, { probabilities, level, horizon }: Settings): KaplanMeierSummary {
  let events = 0;
  for (let s = 0; s < curve.length; s++) events += curve.events[s] as number;
  return {
    count,
    events,
    censored: count - events,
    confidenceLevel: level,
    median: curveQuantiles(curve, 0.5),
    percentiles: probabilities.map((p) => curveQuantiles(curve, p)),
    restrictedMean: restrictedMean(curve, horizon ?? (curve.time[curve.length - 1] as number)),
  };
}

function estimate(ms: ArrayLike<number>, flags: ArrayLike<number>, settings: Settings): KaplanMeierEstimate | undefined {
  if (ms.length === 0) return undefined;
  const curve = productLimit(ms, flags, twoSidedZ(settings.level));
  return withSteps(curve, summaryOf(curve, ms.length, settings));
}

/** Throws unless every observation has a finite non-negative `ms` and a boolean `event`. */
function checkObservations(fn: string, observations: readonly SurvivalObservation[]): void {
  for (let i = 0; i < observations.length; i++) {
    const o = observations[i] as SurvivalObservation;
    const ms = o.ms;
    if (typeof ms !== "number" || !Number.isFinite(ms)) {
      throw new MetricRangeError("E_NOT_FINITE", `${fn}: observations[${String(i)}].ms must be a finite number, got ${String(ms)}`);
    }
    if (ms < 0) {
      throw new MetricRangeError(
        "E_NEGATIVE_DURATION",
        `${fn}: observations[${String(i)}].ms must be a non-negative duration, got ${String(ms)}`,
      );
    }
    if (typeof o.event !== "boolean") {
      throw new MetricRangeError("E_VALUE_RANGE", `${fn}: observations[${String(i)}].event must be a boolean, got ${String(o.event)}`);
    }
  }
}
