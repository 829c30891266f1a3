import { openState, readCount, stateJson, type MetricAccumulator, type StateJson } from "../../_lib/accumulator.ts";
import { isNpsScore, npsGroup, npsScoreError, PASSIVE, PROMOTER } from "./npsGroup.ts";
import type { NpsBreakdown } from "./npsBreakdown.ts";

/**
 * The running state of {@link npsAccumulator}: the answers counted per NPS group.
 *
 * @category Survey
 */
export interface NpsState {
  /** Answers of 9 or 10. */
  promoters: number;
  /** Answers of 7 or 8. */
  passives: number;
  /** Answers from 0 to 6. */
  detractors: number;
}

const KIND = "nps";

/** A new empty NPS state. @internal */
export function npsState(): NpsState {
  return { promoters: 0, passives: 0, detractors: 0 };
}

/**
 * Counts one answer, throwing `E_SCORE_RANGE` (naming `fn`) unless it is an integer from 0 to 10.
 *
 * @internal
 */
export function addNpsScore(fn: string, state: NpsState, score: number): void {
  if (!isNpsScore(score)) throw npsScoreError(fn, "score must be an integer", score);
  const group = npsGroup(score);
  if (group === PROMOTER) state.promoters++;
  else if (group === PASSIVE) state.passives++;
  else state.detractors++;
}

/**
 * Counts a list of answers into `state` (the bulk `add` of the array functions: counters in
 * local variables, several times faster than one `add` per answer), throwing `E_SCORE_RANGE`
 * as `${fn}: ${subject} from 0 to 10, got …` for the first answer that is not an integer from
 * 0 to 10. Used by `nps`, `npsBreakdown` and the stats area (`npsInterval`, `npsDifferenceTest`).
 *
 * @internal
 */
export function addNpsScores(fn: string, state: NpsState, scores: readonly number[], subject = "score must be an integer"): void {
  state.promoters += countNpsGroups(fn, scores, subject);
  state.passives += lastPassives;
  state.detractors += lastDetractors;
}

/** The passives and detractors counted by the last {@link countNpsGroups} call (module variables, not properties: see there). */
let lastPassives = 0;
let lastDetractors = 0;

/**
 * The promoters among `scores`, each checked; passives and detractors are left in
 * `lastPassives` / `lastDetractors`. The loop counts answers per score (0 to 10) and the groups
 * are summed from those 11 counts after it: the answers' order is random, and an increment
 * chosen by comparisons mispredicts a branch on most answers, where an indexed increment has no
 * branch to mispredict. It touches no object after the loop, so V8 keeps one optimised copy for
 * every call (updating the state after the loop deoptimised it on each call).
 */
function countNpsGroups(fn: string, scores: readonly number[], subject: string): number {
  // Per call, not shared: a score read through a getter may itself call nps.
  const perScore = new Float64Array(11);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i] as number;
    if (!isNpsScore(score)) throw npsScoreError(fn, subject, score);
    perScore[score] = (perScore[score] as number) + 1;
  }
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let score = 0; score <= 10; score++) {
    const n = perScore[score] as number;
    const group = npsGroup(score);
    if (group === PROMOTER) promoters += n;
    else if (group === PASSIVE) passives += n;
    else detractors += n;
  }
  lastPassives = passives;
  lastDetractors = detractors;
  return promoters;
}

/**
 * The breakdown of a state (the result of {@link npsAccumulator}): `undefined` without answers.
 *
 * @internal
 */
export function npsResult(state: NpsState): NpsBreakdown | undefined {
  const { promoters, passives, detractors } = state;
  const total = promoters + passives + detractors;
  if (total === 0) return undefined;
  const nps = ((promoters - detractors) / total) * 100;
  return {
    total,
    promoters,
    passives,
    detractors,
    promoterShare: promoters / total,
    passiveShare: passives / total,
    detractorShare: detractors / total,
    nps: nps === 0 ? 0 : nps,
  };
}

/** Adds the counts of `b` to `a` and returns `a`. @internal */
export function mergeNps(a: NpsState, b: NpsState): NpsState {
  a.promoters += b.promoters;
  a.passives += b.passives;
  a.detractors += b.detractors;
  return a;
}

/** The counts of an NPS state read from a JSON object (`E_STATE_FORMAT` naming `kind` otherwise). @internal */
export function readNpsCounts(o: Readonly<Record<string, unknown>>, kind: string): NpsState {
  return {
    promoters: readCount(o, kind, "promoters"),
    passives: readCount(o, kind, "passives"),
    detractors: readCount(o, kind, "detractors"),
  };
}

/**
 * The NPS accumulator under the name `fn` (the name its errors carry): `nps` and `npsBreakdown`
 * are folds of it.
 *
 * @internal
 */
export function npsAccumulatorFor(fn: string): MetricAccumulator<number, NpsState, NpsBreakdown | undefined> {
  return {
    name: KIND,
    create: npsState,
    add: (state, score) => addNpsScore(fn, state, score),
    merge: mergeNps,
    result: npsResult,
    toJSON: (state: NpsState): StateJson =>
      stateJson(KIND, 1, { promoters: state.promoters, passives: state.passives, detractors: state.detractors }),
    fromJSON: (json: unknown): NpsState => readNpsCounts(openState(json, KIND, 1), KIND),
  };
}

/**
 * Net Promoter Score as an accumulator: promoters (9–10), passives (7–8) and detractors (0–6)
 * counted one answer at a time; the result is the {@link npsBreakdown} of the answers added,
 * with NPS = 100 × (promoters − detractors) / total.
 *
 * @returns A {@link MetricAccumulator} of 0–10 scores whose result is an {@link NpsBreakdown},
 * or `undefined` when no answer was added.
 * @throws {@link MetricRangeError} `E_SCORE_RANGE` from `add` if a score is not an integer from
 * 0 to 10; `E_STATE_FORMAT` from `fromJSON` if the value is not the JSON form of a state
 * (`{ kind: "nps", v: 1, promoters, passives, detractors }`, non-negative integers).
 * @remarks {@link nps} and {@link npsBreakdown} are folds of this accumulator, so the three
 * always agree. States merge by adding counts: fold parts of a survey anywhere, ship
 * `toJSON` of each, read them back with `fromJSON` and `merge` them.
 * @example
 * ```ts
 * const acc = npsAccumulator();
 * const a = acc.create();
 * for (const score of [10, 9, 8]) acc.add(a, score);
 * const b = acc.fromJSON(JSON.parse(JSON.stringify(acc.toJSON(acc.create()))));
 * acc.add(b, 7);
 * acc.add(b, 6);
 * acc.add(b, 0);
 * acc.result(acc.merge(a, b))?.nps; // => 0
 * acc.result(acc.create());         // => undefined
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Net_promoter_score}
 * @category Survey
 */
export function npsAccumulator(): MetricAccumulator<number, NpsState, NpsBreakdown | undefined> {
  return npsAccumulatorFor("npsAccumulator");
}
