import { toMilliseconds, type DurationInput } from "../../_lib/duration.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { exactSumOf } from "../../_lib/exactSum.ts";
import { assertFraction, noNegativeZero } from "../../_lib/guards.ts";
import { confidenceLevelOf, twoSidedZ } from "../stats/confidence.ts";

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

/** R's `quantile.survfit` tolerance, √ε: a level this close to 1 − p is "exactly" at it. */
const TOLERANCE = Math.sqrt(Number.EPSILON);

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
  const probabilities = options?.percentiles ?? [];
  probabilities.forEach((p, i) => assertFraction(fn, `percentiles[${String(i)}]`, p));
  const level = confidenceLevelOf(fn, options?.confidenceLevel);
  const horizon = options?.horizon === undefined ? undefined : toMilliseconds(fn, "horizon", options.horizon);
  checkObservations(fn, observations);
  const count = observations.length;
  if (count === 0) return undefined;
  const steps = productLimit(observations, twoSidedZ(level));
  let events = 0;
  for (const step of steps) events += step.events;
  const last = (steps[steps.length - 1] as SurvivalStep).time;
  const quantile = (p: number): SurvivalQuantile => ({
    p,
    value: curveQuantile(steps, p, last, (s) => s.survival),
    lower: curveQuantile(steps, p, last, (s) => s.lower),
    upper: curveQuantile(steps, p, last, (s) => s.upper),
  });
  const tau = horizon ?? last;
  return {
    count,
    events,
    censored: count - events,
    confidenceLevel: level,
    steps,
    median: quantile(0.5),
    percentiles: probabilities.map(quantile),
    restrictedMean: restrictedMean(steps, tau),
  };
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

/** The curve's steps: one per distinct time, events before censorings at a tie. */
function productLimit(observations: readonly SurvivalObservation[], z: number): SurvivalStep[] {
  const order = observations.map((o) => ({ ms: noNegativeZero(o.ms), event: o.event }));
  order.sort((a, b) => a.ms - b.ms);
  const steps: SurvivalStep[] = [];
  let atRisk = order.length;
  let survival = 1;
  let greenwood = 0;
  for (let i = 0; i < order.length;) {
    const time = (order[i] as SurvivalObservation).ms;
    let events = 0;
    let censored = 0;
    for (; i < order.length && (order[i] as SurvivalObservation).ms === time; i++) {
      if ((order[i] as SurvivalObservation).event) events++;
      else censored++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      if (events < atRisk) greenwood += events / (atRisk * (atRisk - events));
    }
    const sigma = Math.sqrt(greenwood);
    const positive = survival > 0;
    steps.push({
      time,
      atRisk,
      events,
      censored,
      survival: noNegativeZero(survival),
      standardError: positive ? survival * sigma : undefined,
      lower: positive ? survival * Math.exp(-z * sigma) : undefined,
      upper: positive ? Math.min(1, survival * Math.exp(z * sigma)) : undefined,
    });
    atRisk -= events + censored;
  }
  return steps;
}

/**
 * The p-quantile of the step curve `levelOf` (S, or one of its bands): the first event time
 * where the level is at most 1 − p; where it equals 1 − p within {@link TOLERANCE}, the midpoint
 * to the next event time (or to `last` at the end of the curve). Steps without a level (a band
 * once S = 0) are passed over, as R drops them.
 */
function curveQuantile(
  steps: readonly SurvivalStep[],
  p: number,
  last: number,
  levelOf: (step: SurvivalStep) => number | undefined,
): number | undefined {
  const target = 1 - p;
  // The curve starts at level 1 at time 0.
  let at = 0;
  let level = 1;
  let found = level <= target + TOLERANCE;
  let i = 0;
  for (; !found && i < steps.length; i++) {
    const step = steps[i] as SurvivalStep;
    const next = levelOf(step);
    if (step.events === 0 || next === undefined || next === level) continue;
    at = step.time;
    level = next;
    found = level <= target + TOLERANCE;
  }
  if (!found) return undefined;
  if (p === 0 || level < target - TOLERANCE) return at;
  // A flat exactly at 1 − p: the midpoint to the next change of level.
  for (; i < steps.length; i++) {
    const step = steps[i] as SurvivalStep;
    const next = levelOf(step);
    if (step.events > 0 && next !== undefined && next !== level) return (at + step.time) / 2;
  }
  return (at + last) / 2;
}

/**
 * ∫₀^τ S(t) dt of the step curve (S constant after the last step) and its standard error
 * √Σ Aᵢ² dᵢ/(nᵢ(nᵢ − dᵢ)) over the steps at or before τ, Aᵢ the area from tᵢ to τ.
 */
function restrictedMean(steps: readonly SurvivalStep[], tau: number): RestrictedMean {
  // rect[k] is the area of the rectangle from the k-th step (or 0 for k = 0) to the next one or τ.
  const rects: number[] = [];
  let from = 0;
  let level = 1;
  let used = 0;
  for (const step of steps) {
    if (step.time > tau) break;
    rects.push(level * (step.time - from));
    from = step.time;
    level = step.survival;
    used++;
  }
  rects.push(level * (tau - from));
  let after = 0;
  let variance = 0;
  for (let k = used; k >= 1; k--) {
    after += rects[k] as number;
    const step = steps[k - 1] as SurvivalStep;
    if (step.events > 0 && step.events < step.atRisk)
      variance += (after * after * step.events) / (step.atRisk * (step.atRisk - step.events));
  }
  return { horizon: tau, value: noNegativeZero(exactSumOf(rects)), standardError: noNegativeZero(Math.sqrt(variance)) };
}
