import { MetricRangeError } from "../../_lib/errors.ts";
import { openState, readCount, stateJson, type MetricAccumulator, type StateJson } from "../../_lib/accumulator.ts";

/**
 * One Help Scout satisfaction rating: `"great"`, `"okay"` or `"not good"`, or the same as the
 * points cx-metrics' readers give them on a 1–3 scale (`3` great, `2` okay, `1` not good).
 *
 * @category Survey
 */
export type HappinessRating = "great" | "okay" | "not good" | 3 | 2 | 1;

/**
 * The counts and shares of a set of Help Scout ratings, and their happiness score.
 *
 * @category Survey
 */
export interface HappinessBreakdown {
  /** Ratings counted. */
  readonly total: number;
  /** "Great" ratings. */
  readonly great: number;
  /** "Okay" ratings. */
  readonly okay: number;
  /** "Not good" ratings. */
  readonly notGood: number;
  /** `great / total`, from 0 to 1. */
  readonly greatShare: number;
  /** `okay / total`, from 0 to 1. */
  readonly okayShare: number;
  /** `notGood / total`, from 0 to 1. */
  readonly notGoodShare: number;
  /** 100 × (great − not good) / total, in points from −100 to 100. */
  readonly score: number;
}

/**
 * The running state of {@link happinessScoreAccumulator}: the ratings counted per answer.
 *
 * @category Survey
 */
export interface HappinessState {
  /** "Great" ratings. */
  great: number;
  /** "Okay" ratings. */
  okay: number;
  /** "Not good" ratings. */
  notGood: number;
}

const KIND = "happinessScore";
const GREAT = 3;
const OKAY = 2;
const NOT_GOOD = 1;

/** The point of a rating (3 great, 2 okay, 1 not good); throws `E_UNKNOWN_LABEL` naming `fn` otherwise. @internal */
export function happinessPoint(fn: string, rating: HappinessRating): number {
  switch (rating) {
    case "great":
    case GREAT:
      return GREAT;
    case "okay":
    case OKAY:
      return OKAY;
    case "not good":
    case NOT_GOOD:
      return NOT_GOOD;
    default:
      throw new MetricRangeError(
        "E_UNKNOWN_LABEL",
        `${fn}: rating must be "great", "okay", "not good" or 3, 2, 1, got ${typeof rating === "string" ? JSON.stringify(rating) : String(rating as unknown)}`,
      );
  }
}

/** A new empty state. @internal */
export function happinessState(): HappinessState {
  return { great: 0, okay: 0, notGood: 0 };
}

/** Counts a list of ratings into `state` (throwing `E_UNKNOWN_LABEL` naming `fn`). @internal */
export function addHappinessRatings(fn: string, state: HappinessState, ratings: readonly HappinessRating[]): void {
  let great = 0;
  let okay = 0;
  let notGood = 0;
  for (const rating of ratings) {
    const point = happinessPoint(fn, rating);
    if (point === GREAT) great++;
    else if (point === OKAY) okay++;
    else notGood++;
  }
  state.great += great;
  state.okay += okay;
  state.notGood += notGood;
}

/** The breakdown of a state: `undefined` without ratings. @internal */
export function happinessResult(state: HappinessState): HappinessBreakdown | undefined {
  const { great, okay, notGood } = state;
  const total = great + okay + notGood;
  if (total === 0) return undefined;
  const score = ((great - notGood) / total) * 100;
  return {
    total,
    great,
    okay,
    notGood,
    greatShare: great / total,
    okayShare: okay / total,
    notGoodShare: notGood / total,
    score: score === 0 ? 0 : score,
  };
}

/**
 * Help Scout's happiness score as an accumulator: "great", "okay" and "not good" ratings counted
 * one at a time; the result is the {@link HappinessBreakdown} of the ratings added, with
 * score = 100 × (great − not good) / total.
 *
 * @returns A {@link MetricAccumulator} of {@link HappinessRating}s whose result is a
 * {@link HappinessBreakdown}, or `undefined` when no rating was added.
 * @throws {@link MetricRangeError} `E_UNKNOWN_LABEL` from `add` for a rating that is not a
 * {@link HappinessRating}; `E_STATE_FORMAT` from `fromJSON` if the value is not the JSON form of a
 * state (`{ kind: "happinessScore", v: 1, great, okay, notGood }`, non-negative integers).
 * @remarks {@link happinessScore} is a fold of this accumulator. States merge by adding counts:
 * fold parts of the ratings anywhere, ship `toJSON` of each, read them back with `fromJSON` and
 * `merge` them.
 * @example
 * ```ts
 * const acc = happinessScoreAccumulator();
 * const a = acc.create();
 * acc.add(a, "great");
 * acc.add(a, "great");
 * const b = acc.fromJSON(JSON.parse(JSON.stringify(acc.toJSON(acc.create()))));
 * acc.add(b, "okay");
 * acc.add(b, "not good");
 * acc.result(acc.merge(a, b))?.score; // => 25
 * acc.result(acc.create());           // => undefined
 * ```
 * @see {@link https://developer.helpscout.com/help-desk-api/reports/happiness/happiness/ | Help Scout: Happiness Report}
 * @category Survey
 */
export function happinessScoreAccumulator(): MetricAccumulator<HappinessRating, HappinessState, HappinessBreakdown | undefined> {
  const fn = "happinessScoreAccumulator";
  return {
    name: KIND,
    create: happinessState,
    add: (state, rating) => {
      const point = happinessPoint(fn, rating);
      if (point === GREAT) state.great++;
      else if (point === OKAY) state.okay++;
      else state.notGood++;
    },
    merge: (a, b) => {
      a.great += b.great;
      a.okay += b.okay;
      a.notGood += b.notGood;
      return a;
    },
    result: happinessResult,
    toJSON: (state: HappinessState): StateJson => stateJson(KIND, 1, { great: state.great, okay: state.okay, notGood: state.notGood }),
    fromJSON: (json: unknown): HappinessState => {
      const o = openState(json, KIND, 1);
      return { great: readCount(o, KIND, "great"), okay: readCount(o, KIND, "okay"), notGood: readCount(o, KIND, "notGood") };
    },
  };
}
