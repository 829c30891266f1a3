import { openState, readCount, stateJson, type MetricAccumulator, type StateJson } from "../../_lib/accumulator.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import type { SurveyScale } from "../../models/survey.ts";
import { checkScale, checkScore, checkThreshold, FIVE_POINT, twoBoxThreshold } from "./_scale.ts";
import type { CsatOptions } from "./csat.ts";
import { csatSatisfied } from "./csatSatisfied.ts";
import { expectSetting, type BulkAccumulator } from "./_state.ts";

/**
 * The running state of {@link csatAccumulator} (and of the CSAT part of
 * {@link surveyResponsesAccumulator}): satisfied answers among all answers.
 *
 * @category Survey
 */
export interface CsatState {
  /** Satisfied answers. */
  satisfied: number;
  /** All answers. */
  total: number;
}

/**
 * The result of {@link csatAccumulator}: CSAT with the counts behind it.
 *
 * @category Survey
 */
export interface CsatSummary {
  /** `satisfied / total`, from 0 to 1: what {@link csat} returns for the same answers. */
  readonly score: number;
  /** Satisfied answers. */
  readonly satisfied: number;
  /** All answers. */
  readonly total: number;
}

const KIND = "csat";

/** CSAT and its counts, `undefined` without answers. @internal */
export function csatResult(state: CsatState): CsatSummary | undefined {
  return state.total === 0 ? undefined : { score: state.satisfied / state.total, satisfied: state.satisfied, total: state.total };
}

/** Counts one valid answer on `scale` (satisfied by {@link csatSatisfied}). @internal */
export function addCsatScore(state: CsatState, score: number, scale: SurveyScale, threshold?: number): void {
  state.total++;
  if (csatSatisfied(score, scale, threshold)) state.satisfied++;
}

/** Adds the counts of `b` to `a` and returns `a`. @internal */
export function mergeCsat(a: CsatState, b: CsatState): CsatState {
  a.satisfied += b.satisfied;
  a.total += b.total;
  return a;
}

/** The counts of a CSAT state read from a JSON object (`E_STATE_FORMAT` naming `kind` otherwise). @internal */
export function readCsatCounts(o: Readonly<Record<string, unknown>>, kind: string): CsatState {
  const satisfied = readCount(o, kind, "satisfied");
  const total = readCount(o, kind, "total");
  if (satisfied > total) {
    throw new MetricRangeError(
      "E_STATE_FORMAT",
      `${kind}.fromJSON: satisfied must be at most total (${String(total)}), got ${String(satisfied)}`,
    );
  }
  return { satisfied, total };
}

/**
 * The satisfied answers among `scores`, each checked as `add` checks it. A module-level function
 * that touches no state object: V8 keeps one optimised copy of its loop for every call (a loop
 * in a closure per accumulator, or one that updates the state after it, was deoptimised on each
 * call's first run; `csat` was several times slower than a plain loop).
 */
function countSatisfied(fn: string, scores: readonly number[], scale: SurveyScale, threshold: number): number {
  const min = scale.min;
  const max = scale.max;
  let satisfied = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number;
    if (!(Number.isInteger(score) && score >= min && score <= max)) checkScore(fn, score, scale);
    if (csatSatisfied(score, scale, threshold)) satisfied++;
  }
  return satisfied;
}

/**
 * The CSAT accumulator under the name `fn` (the name its errors carry), with a bulk `addAll`:
 * `csat` is a fold of it.
 * Checks the scale and the threshold at once, in `csat`'s order.
 *
 * @internal
 */
export function csatAccumulatorFor(fn: string, options: CsatOptions): BulkAccumulator<CsatState, CsatSummary | undefined> {
  const scale = options.scale ?? FIVE_POINT;
  checkScale(fn, scale);
  const threshold = options.threshold ?? twoBoxThreshold(fn, scale, "top");
  checkThreshold(fn, threshold, scale);
  const settings = { scale: { min: scale.min, max: scale.max }, threshold };
  return {
    name: KIND,
    addAll(state, scores) {
      state.satisfied += countSatisfied(fn, scores, scale, threshold);
      state.total += scores.length;
    },
    create: () => ({ satisfied: 0, total: 0 }),
    add(state, score) {
      checkScore(fn, score, scale);
      addCsatScore(state, score, scale, threshold);
    },
    merge: mergeCsat,
    result: csatResult,
    toJSON: (state: CsatState): StateJson => stateJson(KIND, 1, { ...settings, satisfied: state.satisfied, total: state.total }),
    fromJSON(json: unknown): CsatState {
      const o = openState(json, KIND, 1);
      expectSetting(o, KIND, "scale", settings.scale);
      expectSetting(o, KIND, "threshold", threshold);
      return readCsatCounts(o, KIND);
    },
  };
}

/**
 * Customer Satisfaction Score as an accumulator: satisfied answers (score at or above the
 * threshold; top-2-box by default) divided by all answers, counted one answer at a time.
 *
 * @param options - {@link CsatOptions}: the scale (default 1–5) and the satisfied threshold (default top-2-box).
 * @returns A {@link MetricAccumulator} of scores whose result is a {@link CsatSummary}, or
 * `undefined` when no answer was added.
 * @throws {@link MetricRangeError} at creation: `E_SCALE` if the scale's bounds are not integers
 * with `min < max`; `E_THRESHOLD` if the threshold is not an integer on the scale, or is left out
 * on a scale with fewer than 5 points. From `add`: `E_SCORE_RANGE` if a score is not an integer
 * on the scale. From `fromJSON`: `E_STATE_FORMAT` if the value is not the JSON form of a state
 * of this accumulator (`{ kind: "csat", v: 1, scale, threshold, satisfied, total }`, with the
 * same scale and threshold).
 * @remarks {@link csat} is a fold of this accumulator: `result(…).score` equals `csat` of the
 * same answers, with the same errors. The state's JSON carries the scale and threshold, so a
 * state made under other settings is refused rather than merged.
 * @example
 * ```ts
 * const acc = csatAccumulator({ scale: { min: 1, max: 5 } });
 * const s = acc.create();
 * for (const score of [5, 4, 3, 2]) acc.add(s, score);
 * acc.result(s); // => { score: 0.5, satisfied: 2, total: 4 }
 * ```
 * @see "8 valori ale serviciului clienți pe care fiecare companie trebuie să le urmărească în 2022" (CSAT = satisfied / all × 100)
 * @category Survey
 */
export function csatAccumulator(options: CsatOptions = {}): MetricAccumulator<number, CsatState, CsatSummary | undefined> {
  const { addAll: _addAll, ...acc } = csatAccumulatorFor("csatAccumulator", options);
  return acc;
}
