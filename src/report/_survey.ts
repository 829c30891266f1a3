/**
 * TRANSITIONAL: the report's survey section as a response metric, moved out of the former
 * one-pass core until the survey metrics' own `surveyResponsesAccumulator` replaces it.
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import { openState, readArray, readNumbers, stateJson, type MetricAccumulator, type StateJson } from "../_lib/accumulator.ts";

const KIND = "survey";
import { npsInterval } from "../metrics/stats/npsInterval.ts";
import { wilsonInterval } from "../metrics/stats/wilsonInterval.ts";
import type { SurveyResponse } from "../models/survey.ts";
import type { IntervalJson, SurveyJson } from "./types.ts";

interface CesState {
  min: number;
  max: number;
  count: number;
  sum: number;
  easy: number;
}

/** @internal */
export interface SurveyState {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  satisfied: number;
  csatTotal: number;
  readonly ces: Map<string, CesState>;
}

/**
 * Whether a response is usable, and if not why. @internal
 */
export function responseProblem(r: SurveyResponse): string | undefined {
  if (r.kind !== "nps" && r.kind !== "csat" && r.kind !== "ces") return "unknownKind";
  const scale = r.scale;
  if (
    scale === null ||
    typeof scale !== "object" ||
    !Number.isInteger(scale.min) ||
    !Number.isInteger(scale.max) ||
    scale.min >= scale.max
  ) {
    return "invalidScale";
  }
  if (!Number.isInteger(r.score) || r.score < scale.min || r.score > scale.max) return "scoreOutOfScale";
  if (r.kind === "nps" && (r.score < 0 || r.score > 10)) return "scoreOutOfScale";
  return undefined;
}

function add(v: SurveyState, r: SurveyResponse): void {
  v.responses++;
  const { min, max } = r.scale;
  if (r.kind === "nps") {
    if (r.score >= 9) v.promoters++;
    else if (r.score >= 7) v.passives++;
    else v.detractors++;
  } else if (r.kind === "csat") {
    v.csatTotal++;
    const threshold = max - min + 1 >= 5 ? max - 1 : max;
    if (r.score >= threshold) v.satisfied++;
  } else {
    const key = `${String(min)}..${String(max)}`;
    let c = v.ces.get(key);
    if (c === undefined) {
      c = { min, max, count: 0, sum: 0, easy: 0 };
      v.ces.set(key, c);
    }
    c.count++;
    c.sum += r.score;
    if (r.score >= Math.floor((min + max) / 2) + 1) c.easy++;
  }
}

function result(level: number, v: SurveyState): SurveyJson {
  const npsTotal = v.promoters + v.passives + v.detractors;
  const score = npsTotal === 0 ? 0 : ((v.promoters - v.detractors) / npsTotal) * 100;
  const ni =
    npsTotal === 0
      ? undefined
      : npsInterval({ promoters: v.promoters, passives: v.passives, detractors: v.detractors }, { confidenceLevel: level });
  const wi = wilsonInterval(v.satisfied, v.csatTotal, { confidenceLevel: level });
  const iv = (w: { lower: number; upper: number; confidenceLevel: number; method: string }): IntervalJson => ({
    lower: w.lower,
    upper: w.upper,
    confidenceLevel: w.confidenceLevel,
    method: w.method,
  });
  return {
    nps:
      npsTotal === 0 || ni === undefined
        ? null
        : {
            score: score === 0 ? 0 : score,
            total: npsTotal,
            promoters: v.promoters,
            passives: v.passives,
            detractors: v.detractors,
            promoterShare: v.promoters / npsTotal,
            passiveShare: v.passives / npsTotal,
            detractorShare: v.detractors / npsTotal,
            interval: iv(ni),
          },
    csat:
      v.csatTotal === 0 || wi === undefined
        ? null
        : { score: v.satisfied / v.csatTotal, satisfied: v.satisfied, total: v.csatTotal, interval: iv(wi) },
    ces: [...v.ces.values()]
      .sort((a, b) => b.count - a.count || a.min - b.min || a.max - b.max)
      .map((c) => ({ scale: { min: c.min, max: c.max }, count: c.count, mean: c.sum / c.count, easyShare: c.easy / c.count })),
    responses: v.responses,
  };
}

/** The transitional survey response metric. @internal */
export function surveyMetric(level: number): MetricAccumulator<SurveyResponse, SurveyState, SurveyJson> {
  return {
    name: "survey",
    create: () => ({ responses: 0, promoters: 0, passives: 0, detractors: 0, satisfied: 0, csatTotal: 0, ces: new Map() }),
    add,
    merge(v, w) {
      v.responses += w.responses;
      v.promoters += w.promoters;
      v.passives += w.passives;
      v.detractors += w.detractors;
      v.satisfied += w.satisfied;
      v.csatTotal += w.csatTotal;
      for (const [k, c] of w.ces) {
        const x = v.ces.get(k);
        if (x === undefined) v.ces.set(k, c);
        else {
          x.count += c.count;
          x.sum += c.sum;
          x.easy += c.easy;
        }
      }
      return v;
    },
    result: (v) => result(level, v),
    toJSON: (v): StateJson =>
      stateJson(KIND, 1, {
        counts: [v.responses, v.promoters, v.passives, v.detractors, v.satisfied, v.csatTotal],
        ces: [...v.ces.values()].map((c) => [c.min, c.max, c.count, c.sum, c.easy]),
      }),
    fromJSON(json) {
      const o = openState(json, KIND, 1);
      const counts = Array.from(readNumbers(o, KIND, "counts"));
      if (counts.length !== 6 || !counts.every((x) => Number.isSafeInteger(x) && x >= 0)) {
        throw new MetricRangeError(
          "E_STATE_FORMAT",
          `${KIND}.fromJSON: counts must be 6 non-negative integers, got ${JSON.stringify(counts)}`,
        );
      }
      const [responses, promoters, passives, detractors, satisfied, csatTotal] = counts as [number, number, number, number, number, number];
      const ces = new Map<string, CesState>();
      for (const entry of readArray(o, KIND, "ces")) {
        if (!Array.isArray(entry) || entry.length !== 5 || !entry.every((x) => Number.isSafeInteger(x))) {
          throw new MetricRangeError("E_STATE_FORMAT", `${KIND}.fromJSON: ces entries must be 5 integers, got ${JSON.stringify(entry)}`);
        }
        const [min, max, count, sum, easy] = entry as [number, number, number, number, number];
        ces.set(`${String(min)}..${String(max)}`, { min, max, count, sum, easy });
      }
      return { responses, promoters, passives, detractors, satisfied, csatTotal, ces };
    },
  };
}
