/**
 * The Kaplan–Meier curve as parallel typed arrays (no object per step), its quantiles and
 * restricted mean read from them, and its steps as objects only when a caller wants the curve:
 * a report needs the median, percentiles and restricted mean of many scopes, not their curves.
 *
 * @module
 */
import { exactSumOf } from "../../_lib/exactSum.ts";
import { noNegativeZero } from "../../_lib/guards.ts";
import { sortNumbers } from "../../_lib/sortNumbers.ts";
import type { RestrictedMean, SurvivalQuantile, SurvivalStep } from "./kaplanMeier.ts";

/** R's `quantile.survfit` tolerance, √ε: a level this close to 1 − p is "exactly" at it. */
const TOLERANCE = Math.sqrt(Number.EPSILON);

/** The steps of a curve, one index per distinct time; `NaN` where a step's value is undefined (once S = 0). */
export interface Curve {
  readonly length: number;
  readonly time: Float64Array;
  readonly atRisk: Float64Array;
  readonly events: Float64Array;
  readonly censored: Float64Array;
  readonly survival: Float64Array;
  readonly standardError: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/** The arrays of a curve and of the sorted times, reusable by the next curve of the same job. */
interface Scratch {
  readonly capacity: number;
  readonly sorted: Float64Array;
  readonly curve: Omit<Curve, "length">;
}

/**
 * The scratch arrays of the last curve, held weakly: a report computes many curves one after
 * the other in one synchronous job (a WeakRef's target lives at least until the job ends), so
 * they reuse one set of arrays instead of stacking a set per curve until the collector runs;
 * after the job, the set is the collector's.
 */
let lastScratch: WeakRef<Scratch> | undefined;

function scratchFor(n: number): Scratch {
  const held = lastScratch?.deref();
  if (held !== undefined && held.capacity >= n) return held;
  const capacity = Math.max(n, Math.min(2 * (held?.capacity ?? 0), 2 * n));
  const f64 = (): Float64Array => new Float64Array(capacity);
  const scratch: Scratch = {
    capacity,
    sorted: f64(),
    curve: {
      time: f64(),
      atRisk: f64(),
      events: f64(),
      censored: f64(),
      survival: f64(),
      standardError: f64(),
      lower: f64(),
      upper: f64(),
    },
  };
  lastScratch = new WeakRef(scratch);
  return scratch;
}

/**
 * The product-limit curve of `ms[i]` (finite, ≥ 0) with `flags[i]` 1 for an event, 0 for a
 * censoring: one step per distinct time, events before censorings at a tie. The event times and
 * the censoring times are sorted apart and walked together. The curve's arrays may be longer
 * than its `length` and are reused by the next curve computed in the same job: read it (or copy
 * it) before computing another.
 */
export function productLimit(ms: ArrayLike<number>, flags: ArrayLike<number>, z: number): Curve {
  const n = ms.length;
  const scratch = scratchFor(n);
  let eventCount = 0;
  for (let k = 0; k < n; k++) eventCount += flags[k] === 1 ? 1 : 0;
  const eventTimes = scratch.sorted.subarray(0, eventCount);
  const censorTimes = scratch.sorted.subarray(eventCount, n);
  let e = 0;
  let c = 0;
  for (let k = 0; k < n; k++) {
    // −0 is 0 here: a sort puts −0 before 0, and equal times must be one step.
    const t = noNegativeZero(ms[k] as number);
    if (flags[k] === 1) eventTimes[e++] = t;
    else censorTimes[c++] = t;
  }
  sortNumbers(eventTimes);
  sortNumbers(censorTimes);
  const walk = startCurve(scratch, n, z);
  let i = 0;
  let j = 0;
  while (i < eventTimes.length || j < censorTimes.length) {
    const nextEvent = i < eventTimes.length ? (eventTimes[i] as number) : Number.POSITIVE_INFINITY;
    const nextCensor = j < censorTimes.length ? (censorTimes[j] as number) : Number.POSITIVE_INFINITY;
    const time = Math.min(nextEvent, nextCensor);
    let events = 0;
    let censored = 0;
    for (; i < eventTimes.length && eventTimes[i] === time; i++) events++;
    for (; j < censorTimes.length && censorTimes[j] === time; j++) censored++;
    addStep(walk, time, events, censored);
  }
  return walk.curve;
}

/**
 * The product-limit curve of grouped observations: at `time[k]` (ascending, distinct, finite,
 * ≥ 0) `events[k]` events and `censored[k]` censorings, for k below `length` (a group may have
 * neither: it adds no step). The same steps as {@link productLimit} of the observations listed
 * one by one; reused like its curves.
 */
export function productLimitGrouped(
  time: ArrayLike<number>,
  events: ArrayLike<number>,
  censored: ArrayLike<number>,
  length: number,
  z: number,
): Curve {
  let n = 0;
  let steps = 0;
  for (let k = 0; k < length; k++) {
    const size = (events[k] as number) + (censored[k] as number);
    n += size;
    if (size > 0) steps++;
  }
  const walk = startCurve(scratchFor(steps), n, z);
  for (let k = 0; k < length; k++) {
    const e = events[k] as number;
    const c = censored[k] as number;
    if (e + c > 0) addStep(walk, noNegativeZero(time[k] as number), e, c);
  }
  return walk.curve;
}

/** A curve being built step by step, with the running product-limit and Greenwood sums. */
interface Walk {
  readonly curve: { length: number } & Omit<Curve, "length">;
  readonly z: number;
  atRisk: number;
  survival: number;
  greenwood: number;
}

function startCurve(scratch: Scratch, n: number, z: number): Walk {
  return { curve: { length: 0, ...scratch.curve }, z, atRisk: n, survival: 1, greenwood: 0 };
}

/**
 * The step at `time` with `events` events and `censored` censorings: S ← S·(1 − d/n), Greenwood's
 * Σ d/(n(n − d)) grows (not once S = 0), the log-transformed band S·exp(±z·σ); the events come
 * before the censorings, which leave the risk set after the step.
 */
function addStep(w: Walk, time: number, events: number, censored: number): void {
  const atRisk = w.atRisk;
  if (events > 0) {
    w.survival *= 1 - events / atRisk;
    if (events < atRisk) w.greenwood += events / (atRisk * (atRisk - events));
  }
  const survival = w.survival;
  const sigma = Math.sqrt(w.greenwood);
  const positive = survival > 0;
  const curve = w.curve;
  const s = curve.length;
  curve.time[s] = time;
  curve.atRisk[s] = atRisk;
  curve.events[s] = events;
  curve.censored[s] = censored;
  curve.survival[s] = noNegativeZero(survival);
  curve.standardError[s] = positive ? survival * sigma : Number.NaN;
  curve.lower[s] = positive ? survival * Math.exp(-w.z * sigma) : Number.NaN;
  curve.upper[s] = positive ? Math.min(1, survival * Math.exp(w.z * sigma)) : Number.NaN;
  w.atRisk = atRisk - events - censored;
  curve.length = s + 1;
}

const orUndefined = (x: number): number | undefined => (Number.isNaN(x) ? undefined : x);

/** The curve's steps as objects. */
export function stepsOf(curve: Curve): SurvivalStep[] {
  const steps: SurvivalStep[] = new Array<SurvivalStep>(curve.length);
  for (let s = 0; s < curve.length; s++) {
    steps[s] = {
      time: curve.time[s] as number,
      atRisk: curve.atRisk[s] as number,
      events: curve.events[s] as number,
      censored: curve.censored[s] as number,
      survival: curve.survival[s] as number,
      standardError: orUndefined(curve.standardError[s] as number),
      lower: orUndefined(curve.lower[s] as number),
      upper: orUndefined(curve.upper[s] as number),
    };
  }
  return steps;
}

/** The p-quantile of the curve and of its bands (Brookmeyer–Crowley limits). */
export function curveQuantiles(curve: Curve, p: number): SurvivalQuantile {
  const last = curve.time[curve.length - 1] as number;
  return {
    p,
    value: curveQuantile(curve, p, last, curve.survival),
    lower: curveQuantile(curve, p, last, curve.lower),
    upper: curveQuantile(curve, p, last, curve.upper),
  };
}

/**
 * The p-quantile of the step curve `levels` (S, or one of its bands): the first event time
 * where the level is at most 1 − p; where it equals 1 − p within {@link TOLERANCE}, the midpoint
 * to the next event time (or to `last` at the end of the curve). Steps without a level (a band
 * once S = 0, `NaN`) are passed over, as R drops them.
 */
function curveQuantile(curve: Curve, p: number, last: number, levels: Float64Array): number | undefined {
  const target = 1 - p;
  // The curve starts at level 1 at time 0.
  let at = 0;
  let level = 1;
  let found = level <= target + TOLERANCE;
  let i = 0;
  for (; !found && i < curve.length; i++) {
    const next = levels[i] as number;
    if (curve.events[i] === 0 || Number.isNaN(next) || next === level) continue;
    at = curve.time[i] as number;
    level = next;
    found = level <= target + TOLERANCE;
  }
  if (!found) return undefined;
  if (p === 0 || level < target - TOLERANCE) return at;
  // A flat exactly at 1 − p: the midpoint to the next change of level.
  for (; i < curve.length; i++) {
    const next = levels[i] as number;
    if ((curve.events[i] as number) > 0 && !Number.isNaN(next) && next !== level) return (at + (curve.time[i] as number)) / 2;
  }
  return (at + last) / 2;
}

/**
 * ∫₀^τ S(t) dt of the step curve (S constant after the last step) and its standard error
 * √Σ Aᵢ² dᵢ/(nᵢ(nᵢ − dᵢ)) over the steps at or before τ, Aᵢ the area from tᵢ to τ.
 */
export function restrictedMean(curve: Curve, tau: number): RestrictedMean {
  // rect[k] is the area of the rectangle from the k-th step (or 0 for k = 0) to the next one or τ.
  const rects: number[] = [];
  let from = 0;
  let level = 1;
  let used = 0;
  for (let s = 0; s < curve.length; s++) {
    const time = curve.time[s] as number;
    if (time > tau) break;
    rects.push(level * (time - from));
    from = time;
    level = curve.survival[s] as number;
    used++;
  }
  rects.push(level * (tau - from));
  let after = 0;
  let variance = 0;
  for (let k = used; k >= 1; k--) {
    after += rects[k] as number;
    const events = curve.events[k - 1] as number;
    const atRisk = curve.atRisk[k - 1] as number;
    if (events > 0 && events < atRisk) variance += (after * after * events) / (atRisk * (atRisk - events));
  }
  return { horizon: tau, value: noNegativeZero(exactSumOf(rects)), standardError: noNegativeZero(Math.sqrt(variance)) };
}
