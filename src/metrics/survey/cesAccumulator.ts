import { openState, readCount, stateJson, type MetricAccumulator, type StateJson } from "../../_lib/accumulator.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import type { SurveyScale } from "../../models/survey.ts";
import { checkScale, checkScore, checkThreshold, SEVEN_POINT } from "./_scale.ts";
import { cesEasy, cesEasyThreshold } from "./cesEasy.ts";
import type { CesEasyShareOptions } from "./cesEasyShare.ts";
import { expectSetting, type BulkAccumulator } from "./_state.ts";

/**
 * The running state of {@link cesAccumulator} (and of one scale of
 * {@link surveyResponsesAccumulator}): answers, their sum and the easy ones.
 *
 * @category Survey
 */
export interface CesState {
  /** Answers. */
  count: number;
  /** The sum of the (integer) answers: exact while below 2^53. */
  sum: number;
  /** Easy answers. */
  easy: number;
}

/**
 * The result of {@link cesAccumulator}: the answers, their mean ({@link ces}) and the share of
 * easy ones ({@link cesEasyShare}).
 *
 * @category Survey
 */
export interface CesSummary {
  /** Answers. */
  readonly count: number;
  /** The mean score on the scale: what {@link ces} returns for the same answers. */
  readonly mean: number;
  /** Easy answers / all answers, from 0 to 1: what {@link cesEasyShare} returns with the same options. */
  readonly easyShare: number;
}

const KIND = "ces";

/** A new empty CES state. @internal */
export function cesState(): CesState {
  return { count: 0, sum: 0, easy: 0 };
}

/** The mean of `count` (> 0) answers summing to `sum` (never −0). */
function meanOf(count: number, sum: number): number {
  const mean = sum / count;
  return mean === 0 ? 0 : mean;
}

/** The mean and easy share of a state, `undefined` without answers. @internal */
export function cesResult(state: CesState): CesSummary | undefined {
  if (state.count === 0) return undefined;
  return { count: state.count, mean: meanOf(state.count, state.sum), easyShare: state.easy / state.count };
}

/** Counts one valid answer on `scale` (easy by {@link cesEasy}). @internal */
export function addCesScore(state: CesState, score: number, scale: SurveyScale, higherIsEasier?: boolean, threshold?: number): void {
  state.count++;
  state.sum += score;
  if (cesEasy(score, scale, higherIsEasier, threshold)) state.easy++;
}

/** Adds the counts of `b` to `a` and returns `a`. @internal */
export function mergeCes(a: CesState, b: CesState): CesState {
  a.count += b.count;
  a.sum += b.sum;
  a.easy += b.easy;
  return a;
}

/**
 * The counts of a CES state on `scale` read from a JSON object: `E_STATE_FORMAT` naming `kind`
 * unless `count` and `easy ≤ count` are non-negative integers and `sum` an integer
 * between `count·min` and `count·max`.
 *
 * @internal
 */
export function readCesCounts(o: Readonly<Record<string, unknown>>, kind: string, scale: SurveyScale): CesState {
  const count = readCount(o, kind, "count");
  const easy = readCount(o, kind, "easy");
  const sum = o.sum;
  const fail = (what: string, got: unknown): MetricRangeError =>
    new MetricRangeError("E_STATE_FORMAT", `${kind}.fromJSON: ${what}, got ${JSON.stringify(got) ?? String(got)}`);
  if (easy > count) throw fail(`easy must be at most count (${String(count)})`, easy);
  if (typeof sum !== "number" || !Number.isSafeInteger(sum) || sum < count * scale.min || sum > count * scale.max) {
    throw fail(
      `sum must be an integer from count × min to count × max (${String(count * scale.min)} to ${String(count * scale.max)})`,
      sum,
    );
  }
  return { count, sum, easy };
}

/** The easy answers counted by the last {@link sumCesScores} call (a module variable, not a property: see there). */
let lastEasy = 0;

/**
 * The sum of `scores`, each checked as `add` checks it; the easy answers among them are left in
 * `lastEasy`. A module-level loop that touches no object after it: V8 keeps one optimised copy
 * for every call, where a loop in a closure per accumulator, or one updating the state after
 * it, was deoptimised on each call (`ces` was several times slower than a plain loop).
 */
function sumCesScores(fn: string, scores: readonly number[], scale: SurveyScale, higherIsEasier: boolean, threshold: number): number {
  const min = scale.min;
  const max = scale.max;
  let sum = 0;
  let easy = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number;
    if (!(Number.isInteger(score) && score >= min && score <= max)) checkScore(fn, score, scale);
    sum += score;
    easy += Number(cesEasy(score, scale, higherIsEasier, threshold)); // no branch: random answers would mispredict it
  }
  lastEasy = easy;
  return sum;
}

/** The sum of `scores`, each checked as `add` checks it: {@link sumCesScores} without the easy count. */
function sumCesScoresOnly(fn: string, scores: readonly number[], scale: SurveyScale): number {
  const min = scale.min;
  const max = scale.max;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number;
    if (!(Number.isInteger(score) && score >= min && score <= max)) checkScore(fn, score, scale);
    sum += score;
  }
  return sum;
}

/**
 * The mean the CES accumulator's result would give for `scores` (checked as `add` checks them,
 * errors named `fn`), from its count and sum alone: what {@link ces} returns. Leaving out the
 * easy count `ces` does not return makes the loop a third cheaper (issue 13's scalar bench).
 *
 * @internal
 */
export function cesMeanOf(fn: string, scores: readonly number[], scale: SurveyScale = SEVEN_POINT): number | undefined {
  checkScale(fn, scale);
  const sum = sumCesScoresOnly(fn, scores, scale);
  return scores.length === 0 ? undefined : meanOf(scores.length, sum);
}

/**
 * The CES accumulator under the name `fn` (the name its errors carry), with a bulk `addAll`:
 * `ces` and `cesEasyShare` are folds of it. Checks the options at once, in `cesEasyShare`'s order.
 *
 * @internal
 */
export function cesAccumulatorFor(fn: string, options: CesEasyShareOptions): BulkAccumulator<CesState, CesSummary | undefined> {
  const scale = options.scale ?? SEVEN_POINT;
  checkScale(fn, scale);
  const higherIsEasier = options.higherIsEasier ?? true;
  if (typeof higherIsEasier !== "boolean") {
    throw new MetricRangeError("E_OPTION", `${fn}: higherIsEasier must be a boolean, got ${String(higherIsEasier)}`);
  }
  const threshold = options.threshold ?? cesEasyThreshold(scale, higherIsEasier);
  checkThreshold(fn, threshold, scale);
  const settings = { scale: { min: scale.min, max: scale.max }, higherIsEasier, threshold };
  return {
    name: KIND,
    addAll(state, scores) {
      state.sum += sumCesScores(fn, scores, scale, higherIsEasier, threshold);
      state.easy += lastEasy;
      state.count += scores.length;
    },
    create: cesState,
    add(state, score) {
      checkScore(fn, score, scale);
      addCesScore(state, score, scale, higherIsEasier, threshold);
    },
    merge: mergeCes,
    result: cesResult,
    toJSON: (state: CesState): StateJson => stateJson(KIND, 1, { ...settings, count: state.count, sum: state.sum, easy: state.easy }),
    fromJSON(json: unknown): CesState {
      const o = openState(json, KIND, 1);
      expectSetting(o, KIND, "scale", settings.scale);
      expectSetting(o, KIND, "higherIsEasier", higherIsEasier);
      expectSetting(o, KIND, "threshold", threshold);
      return readCesCounts(o, KIND, scale);
    },
  };
}

/**
 * Customer Effort Score as an accumulator: the answers' mean (as {@link ces}) and the share of
 * easy answers (as {@link cesEasyShare}: by default past the middle of the scale, higher is
 * easier), counted one answer at a time.
 *
 * @param options - {@link CesEasyShareOptions}: scale (default 1–7), direction (default higher is easier), threshold (default past the midpoint).
 * @returns A {@link MetricAccumulator} of scores whose result is a {@link CesSummary}, or
 * `undefined` when no answer was added.
 * @throws {@link MetricRangeError} at creation: `E_SCALE` if the scale's bounds are not integers
 * with `min < max`; `E_OPTION` if `higherIsEasier` is not a boolean; `E_THRESHOLD` if the
 * threshold is not an integer on the scale. From `add`: `E_SCORE_RANGE` if a score is not an
 * integer on the scale. From `fromJSON`: `E_STATE_FORMAT` if the value is not the JSON form of a
 * state of this accumulator (`{ kind: "ces", v: 1, scale, higherIsEasier, threshold, count, sum,
 * easy }`, with the same settings, `easy ≤ count` and `sum` possible on the scale).
 * @remarks {@link ces} and {@link cesEasyShare} are folds of this accumulator, with the same
 * results and errors. The mean is the exact integer sum divided by the count (exact while the
 * sum stays below 2^53), reported in the scale's own direction, never flipped.
 * @example
 * ```ts
 * const acc = cesAccumulator();
 * const s = acc.create();
 * for (const score of [7, 6, 5, 4, 1]) acc.add(s, score);
 * acc.result(s); // => { count: 5, mean: 4.6, easyShare: 0.6 }
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Customer_effort_score}
 * @category Survey
 */
export function cesAccumulator(options: CesEasyShareOptions = {}): MetricAccumulator<number, CesState, CesSummary | undefined> {
  const { addAll: _addAll, ...acc } = cesAccumulatorFor("cesAccumulator", options);
  return acc;
}
