import type { NpsBreakdown } from "./npsBreakdown.ts";
import { openState, readArray, readCount, readObject, stateJson, type MetricAccumulator, type StateJson } from "../../_lib/accumulator.ts";
import { MetricRangeError } from "../../_lib/errors.ts";
import { stateFor } from "../../_lib/group.ts";
import type { SurveyResponse, SurveyScale } from "../../models/survey.ts";
import { confidenceLevelOf } from "../stats/confidence.ts";
import { npsInterval } from "../stats/npsInterval.ts";
import { wilsonInterval } from "../stats/wilsonInterval.ts";
import { checkScale, checkScore, isValidScale } from "./_scale.ts";
import { addCesScore, cesResult, cesState, mergeCes, readCesCounts, type CesState, type CesSummary } from "./cesAccumulator.ts";
import { addCsatScore, csatResult, mergeCsat, readCsatCounts, type CsatState, type CsatSummary } from "./csatAccumulator.ts";
import { addNpsScore, mergeNps, npsResult, npsState, readNpsCounts, type NpsState } from "./npsAccumulator.ts";
import { npsScoreError } from "./npsGroup.ts";
import { surveyResponseProblem } from "./surveyResponseProblem.ts";

/**
 * Options of {@link surveyResponsesAccumulator}.
 *
 * @category Survey
 */
export interface SurveyResponsesAccumulatorOptions {
  /** The confidence level of the NPS and CSAT intervals, strictly between 0 and 1. Default 0.95. */
  readonly confidenceLevel?: number | undefined;
}

/**
 * A confidence interval of a survey score.
 *
 * @category Survey
 */
export interface SurveyInterval {
  /** The lower bound, in the unit of the score (NPS points, a CSAT fraction). */
  readonly lower: number;
  /** The upper bound, in the same unit. */
  readonly upper: number;
  /** The confidence level, e.g. 0.95. */
  readonly confidenceLevel: number;
  /** How it was computed: the `method` of {@link npsInterval} or {@link wilsonInterval}. */
  readonly method: string;
}

/**
 * The NPS part of a {@link SurveySummary}: the {@link npsBreakdown} of the NPS answers (its `nps`
 * named `score`) with its interval.
 *
 * @category Survey
 */
export interface SurveyNpsSummary extends Omit<NpsBreakdown, "nps"> {
  /** The Net Promoter Score in points from −100 to 100. */
  readonly score: number;
  /** Confidence interval of `score` in points ({@link npsInterval} of the counts: Wald on +1/0/−1 scores, clamped to [−100, 100]). */
  readonly interval: SurveyInterval;
}

/**
 * The CSAT part of a {@link SurveySummary}.
 *
 * @category Survey
 */
export interface SurveyCsatSummary extends CsatSummary {
  /** Wilson score interval of `score` ({@link wilsonInterval}). */
  readonly interval: SurveyInterval;
}

/**
 * One scale's entry in the CES part of a {@link SurveySummary}.
 *
 * @category Survey
 */
export interface SurveyCesSummary extends CesSummary {
  /** The scale. */
  readonly scale: SurveyScale;
}

/**
 * The result of {@link surveyResponsesAccumulator}: NPS, CSAT and CES of a mixed set of survey
 * responses. Its JSON form (`Date` → string, `undefined` → `null`) is the report's survey section.
 *
 * @category Survey
 */
export interface SurveySummary {
  /** The NPS breakdown of `nps` responses (0–10); `undefined` without any. */
  readonly nps: SurveyNpsSummary | undefined;
  /** CSAT of `csat` responses, each judged on its own scale (top two points of a scale of 5 or more points, the top point of a smaller one); `undefined` without any. */
  readonly csat: SurveyCsatSummary | undefined;
  /** CES of `ces` responses, one entry per scale (means on different scales do not mix), most answers first, then by `min`, then by `max`. */
  readonly ces: readonly SurveyCesSummary[];
  /** Responses counted (all kinds). */
  readonly responses: number;
}

/**
 * The CES answers of one scale in a {@link SurveyResponsesState}.
 *
 * @category Survey
 */
export interface SurveyCesEntry {
  /** The scale. */
  readonly scale: SurveyScale;
  /** Its answers, as {@link cesAccumulator} counts them. */
  readonly state: CesState;
}

/**
 * The running state of {@link surveyResponsesAccumulator}: the states of the NPS, CSAT and (per
 * scale) CES accumulators.
 *
 * @category Survey
 */
export interface SurveyResponsesState {
  /** Responses counted (all kinds). */
  responses: number;
  /** The NPS answers, as {@link npsAccumulator} counts them. */
  readonly nps: NpsState;
  /** The CSAT answers of every scale, as {@link csatAccumulator} counts them. */
  readonly csat: CsatState;
  /** The CES answers per scale (key `"min..max"`), as {@link cesAccumulator} counts them. */
  readonly ces: Map<string, SurveyCesEntry>;
}

const KIND = "surveyResponses";

const scaleKey = (scale: SurveyScale): string => `${String(scale.min)}..${String(scale.max)}`;

function describeKind(kind: unknown): string {
  return typeof kind === "string" ? JSON.stringify(kind) : String(kind);
}

/** The error of a response with a problem (see {@link surveyResponseProblem}). */
function refuse(fn: string, r: SurveyResponse): never {
  const problem = surveyResponseProblem(r);
  if (problem === "unknownKind") {
    throw new MetricRangeError("E_UNKNOWN_LABEL", `${fn}: kind must be "nps", "csat" or "ces", got ${describeKind(r.kind)}`);
  }
  checkScale(fn, r.scale);
  checkScore(fn, r.score, r.scale);
  throw npsScoreError(fn, "score must be an integer", r.score);
}

function cesEntry(scale: SurveyScale): SurveyCesEntry {
  return { scale: { min: scale.min, max: scale.max }, state: cesState() };
}

function interval(r: { lower: number; upper: number; confidenceLevel: number; method: string }): SurveyInterval {
  return { lower: r.lower, upper: r.upper, confidenceLevel: r.confidenceLevel, method: r.method };
}

/** `read()`, its `E_STATE_FORMAT` messages naming the field inside `prefix` (e.g. `nps.promoters`). */
function within<T>(prefix: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof MetricRangeError) || error.code !== "E_STATE_FORMAT") throw error;
    throw new MetricRangeError("E_STATE_FORMAT", error.message.replace(`${KIND}.fromJSON: `, `${KIND}.fromJSON: ${prefix}`));
  }
}

function fail(what: string, got: unknown): MetricRangeError {
  return new MetricRangeError("E_STATE_FORMAT", `${KIND}.fromJSON: ${what}, got ${JSON.stringify(got) ?? String(got)}`);
}

/**
 * Survey responses of every kind as one accumulator: NPS of the `nps` responses, CSAT of the
 * `csat` responses (each judged on its own scale) and the CES mean and easy share per scale of
 * the `ces` responses, composed from {@link npsAccumulator}, {@link csatAccumulator} and
 * {@link cesAccumulator}, with confidence intervals.
 *
 * @param options - {@link SurveyResponsesAccumulatorOptions}: `confidenceLevel` (default 0.95).
 * @returns A {@link MetricAccumulator} of {@link SurveyResponse}s whose result is a {@link SurveySummary}.
 * @throws {@link MetricRangeError} at creation: `E_CONFIDENCE_LEVEL` if the level is not strictly
 * between 0 and 1. From `add`, for a response with a {@link surveyResponseProblem}:
 * `E_UNKNOWN_LABEL` (unknown kind), `E_SCALE` (invalid scale), `E_SCORE_RANGE` (score off its
 * scale, or an NPS score outside 0–10). From `fromJSON`: `E_STATE_FORMAT` if the value is not
 * the JSON form of a state (`{ kind: "surveyResponses", v: 1, responses, nps, csat, ces }`).
 * @remarks Rules, each written once in this folder: NPS groups 9–10 / 7–8 / 0–6; CSAT counts the
 * top two points of a scale of 5 or more points as satisfied, the top point of a smaller one
 * (a 0–1 good/bad scale); CES counts a score as easy when it is past the middle of its scale,
 * `score ≥ ⌊(min + max) / 2⌋ + 1` (higher is easier, as {@link cesEasyShare} by default). To
 * count unusable responses instead of refusing them, call {@link surveyResponseProblem} before
 * `add`, as the report does. `answeredAt` is not read. NPS interval: {@link npsInterval} of the
 * counts; CSAT interval: {@link wilsonInterval}.
 * @example
 * ```ts
 * const acc = surveyResponsesAccumulator();
 * const s = acc.create();
 * const at = new Date("2024-05-01T10:00:00Z");
 * acc.add(s, { kind: "nps", score: 10, scale: { min: 0, max: 10 }, answeredAt: at });
 * acc.add(s, { kind: "nps", score: 3, scale: { min: 0, max: 10 }, answeredAt: at });
 * acc.add(s, { kind: "csat", score: 1, scale: { min: 0, max: 1 }, answeredAt: at });
 * acc.add(s, { kind: "ces", score: 6, scale: { min: 1, max: 7 }, answeredAt: at });
 * const r = acc.result(s);
 * r.nps?.score;    // => 0
 * r.csat?.score;   // => 1
 * r.ces[0]?.mean;  // => 6
 * r.responses;     // => 4
 * ```
 * @see {@link https://en.wikipedia.org/wiki/Net_promoter_score}
 * @see {@link https://en.wikipedia.org/wiki/Customer_effort_score}
 * @category Survey
 */
export function surveyResponsesAccumulator(
  options: SurveyResponsesAccumulatorOptions = {},
): MetricAccumulator<SurveyResponse, SurveyResponsesState, SurveySummary> {
  const fn = "surveyResponsesAccumulator";
  const confidenceLevel = confidenceLevelOf(fn, options.confidenceLevel);

  function create(): SurveyResponsesState {
    return { responses: 0, nps: npsState(), csat: { satisfied: 0, total: 0 }, ces: new Map() };
  }

  function add(state: SurveyResponsesState, r: SurveyResponse): void {
    if (surveyResponseProblem(r) !== undefined) refuse(fn, r);
    state.responses++;
    if (r.kind === "nps") addNpsScore(fn, state.nps, r.score);
    else if (r.kind === "csat") addCsatScore(state.csat, r.score, r.scale);
    else addCesScore(stateFor(state.ces, scaleKey(r.scale), () => cesEntry(r.scale)).state, r.score, r.scale);
  }

  function merge(a: SurveyResponsesState, b: SurveyResponsesState): SurveyResponsesState {
    a.responses += b.responses;
    mergeNps(a.nps, b.nps);
    mergeCsat(a.csat, b.csat);
    for (const [key, entry] of b.ces) mergeCes(stateFor(a.ces, key, () => cesEntry(entry.scale)).state, entry.state);
    return a;
  }

  function result(state: SurveyResponsesState): SurveySummary {
    const b = npsResult(state.nps);
    const c = csatResult(state.csat);
    const nps: SurveyNpsSummary | undefined =
      b === undefined
        ? undefined
        : {
            score: b.nps,
            total: b.total,
            promoters: b.promoters,
            passives: b.passives,
            detractors: b.detractors,
            promoterShare: b.promoterShare,
            passiveShare: b.passiveShare,
            detractorShare: b.detractorShare,
            interval: interval(npsInterval(state.nps, { confidenceLevel }) as NonNullable<ReturnType<typeof npsInterval>>),
          };
    const csat: SurveyCsatSummary | undefined =
      c === undefined
        ? undefined
        : {
            ...c,
            interval: interval(wilsonInterval(c.satisfied, c.total, { confidenceLevel }) as NonNullable<ReturnType<typeof wilsonInterval>>),
          };
    const ces = [...state.ces.values()]
      .map(({ scale, state: s }) => ({ scale: { min: scale.min, max: scale.max }, ...(cesResult(s) as CesSummary) }))
      .filter((e) => e.count > 0)
      .sort((x, y) => y.count - x.count || x.scale.min - y.scale.min || x.scale.max - y.scale.max);
    return { nps, csat, ces, responses: state.responses };
  }

  function toJSON(state: SurveyResponsesState): StateJson {
    return stateJson(KIND, 1, {
      responses: state.responses,
      nps: { promoters: state.nps.promoters, passives: state.nps.passives, detractors: state.nps.detractors },
      csat: { satisfied: state.csat.satisfied, total: state.csat.total },
      ces: [...state.ces.values()].map(({ scale, state: s }) => ({
        min: scale.min,
        max: scale.max,
        count: s.count,
        sum: s.sum,
        easy: s.easy,
      })),
    });
  }

  function fromJSON(json: unknown): SurveyResponsesState {
    const o = openState(json, KIND, 1);
    const state = create();
    state.responses = readCount(o, KIND, "responses");
    const nps = readObject(o, KIND, "nps");
    Object.assign(
      state.nps,
      within("nps.", () => readNpsCounts(nps, KIND)),
    );
    const csat = readObject(o, KIND, "csat");
    Object.assign(
      state.csat,
      within("csat.", () => readCsatCounts(csat, KIND)),
    );
    let counted = state.nps.promoters + state.nps.passives + state.nps.detractors + state.csat.total;
    readArray(o, KIND, "ces").forEach((item, i) => {
      if (item === null || typeof item !== "object" || Array.isArray(item)) throw fail(`ces[${String(i)}] must be an object`, item);
      const e = item as Readonly<Record<string, unknown>>;
      const scale = { min: e.min, max: e.max } as SurveyScale;
      if (!isValidScale(scale)) throw fail(`ces[${String(i)}] min and max must be integers with min < max`, scale);
      const key = scaleKey(scale);
      if (state.ces.has(key)) throw fail(`ces[${String(i)}] must be the only entry of scale ${key}`, scale);
      const entry = { scale, state: within(`ces[${String(i)}].`, () => readCesCounts(e, KIND, scale)) };
      counted += entry.state.count;
      state.ces.set(key, entry);
    });
    if (counted !== state.responses) throw fail(`responses must be the number of answers counted (${String(counted)})`, state.responses);
    return state;
  }

  return { name: KIND, create, add, merge, result, toJSON, fromJSON };
}
