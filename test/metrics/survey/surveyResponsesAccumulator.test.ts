/**
 * surveyResponsesAccumulator: the report's survey section as the survey metrics' own
 * accumulators. It agrees with today's report and with the array functions per kind and scale;
 * split / serialise / merge = whole; surveyResponseProblem is the one rule of unusable responses.
 */
import { fc, test } from "@fast-check/vitest";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  ces,
  cesEasyShare,
  csat,
  csatBinary,
  npsBreakdown,
  surveyResponseProblem,
  surveyResponsesAccumulator,
  type SurveySummary,
} from "../../../src/metrics/survey/index.ts";
import { npsInterval, wilsonInterval } from "../../../src/metrics/stats/index.ts";
import type { SurveyResponse, SurveyScale } from "../../../src/models/survey.ts";
import { report } from "../../../src/report/index.ts";
import { toJson, type Json } from "../../../src/report/json.ts";
import type { SurveyJson } from "../../../src/report/types.ts";
import { codeOf } from "../../_support/errors.ts";
import { cutsArb, foldAll, roundTrip, wholeAndParts } from "../../_support/accumulators.ts";

const at = new Date("2026-03-02T10:00:00Z");
const scales: readonly SurveyScale[] = [
  { min: 0, max: 10 },
  { min: 1, max: 10 },
  { min: 1, max: 7 },
  { min: 1, max: 5 },
  { min: 1, max: 4 },
  { min: 1, max: 3 },
  { min: 0, max: 1 },
  { min: -2, max: 2 },
];
const badScales = [{ min: 5, max: 1 }, { min: 1, max: 1 }, { min: 0.5, max: 5 }, null] as unknown as SurveyScale[];

/** Mostly valid responses of every kind on several scales, some unusable ones. */
const response: fc.Arbitrary<SurveyResponse> = fc
  .record({
    kind: fc.oneof({ weight: 12, arbitrary: fc.constantFrom("nps", "csat", "ces") }, { weight: 1, arbitrary: fc.constant("poll") }),
    scale: fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...scales) }, { weight: 1, arbitrary: fc.constantFrom(...badScales) }),
    offset: fc.integer({ min: -1, max: 11 }),
    off: fc.integer({ min: 0, max: 15 }),
  })
  .map(({ kind, scale, offset, off }) => {
    const min = scale === null ? 0 : scale.min;
    const max = scale === null ? 10 : scale.max;
    // One in sixteen is off its scale (or fractional); the rest on it.
    const score = off === 0 ? max + 1 : off === 1 ? min + 0.5 : Math.min(max, min + Math.max(0, offset));
    return {
      kind,
      score,
      scale: kind === "nps" && off > 2 && scale !== null && off % 2 === 0 ? { min: 0, max: 10 } : scale,
      answeredAt: at,
    };
  }) as fc.Arbitrary<SurveyResponse>;
const responses = fc.array(response, { maxLength: 120 });
const usable = (rs: readonly SurveyResponse[]): SurveyResponse[] => rs.filter((r) => surveyResponseProblem(r) === undefined);

describe("surveyResponsesAccumulator", () => {
  it("Json<SurveySummary> is exactly the report's SurveyJson, without the CSAT source the report adds", () => {
    expectTypeOf<Json<SurveySummary>>().toEqualTypeOf<Omit<SurveyJson, "csatSource">>();
  });

  test.prop([responses, fc.constantFrom(0.8, 0.95, 0.99)])("agrees with today's report over zero tickets", (rs, confidenceLevel) => {
    const r = report({ tickets: [], responses: rs }, { asOf: new Date("2026-05-01T00:00:00Z"), timeZone: "UTC", confidenceLevel });
    const acc = surveyResponsesAccumulator({ confidenceLevel });
    if (r.survey === null) throw new Error("the report's survey section is null");
    const { csatSource, ...survey } = r.survey;
    expect(toJson(acc.result(foldAll(acc, usable(rs))))).toEqual(survey);
    expect(csatSource).toBe(survey.csat === null ? null : "responses");
  });

  test.prop([responses])("agrees with the array functions per kind and scale, and the intervals with the stats area", (raw) => {
    const rs = usable(raw);
    const s = surveyResponsesAccumulator().result(foldAll(surveyResponsesAccumulator(), rs));
    const of = (kind: string): SurveyResponse[] => rs.filter((r) => r.kind === kind);
    const b = npsBreakdown(of("nps").map((r) => r.score));
    expect(s.nps === undefined ? undefined : { ...s.nps, nps: s.nps.score }).toMatchObject(b === undefined ? {} : b);
    if (b === undefined) expect(s.nps).toBeUndefined();
    else expect(s.nps?.interval).toMatchObject({ lower: npsInterval(of("nps").map((r) => r.score))?.lower });
    // CSAT: top two points of a 5+ point scale (csat's default), the top point of a smaller one.
    let satisfied = 0;
    for (const r of of("csat")) {
      const points = r.scale.max - r.scale.min + 1;
      const share =
        points >= 5
          ? csat([r.score], { scale: r.scale })
          : points === 2
            ? csatBinary([r.score === r.scale.max])
            : csat([r.score], { scale: r.scale, threshold: r.scale.max });
      satisfied += share ?? 0;
    }
    const total = of("csat").length;
    expect(s.csat === undefined ? undefined : [s.csat.satisfied, s.csat.total]).toEqual(total === 0 ? undefined : [satisfied, total]);
    if (s.csat !== undefined) expect(s.csat.interval.upper).toBe(wilsonInterval(satisfied, total)?.upper);
    // CES: one entry per scale, as ces and cesEasyShare on that scale; most answers first.
    const keys = [...new Set(of("ces").map((r) => `${String(r.scale.min)}..${String(r.scale.max)}`))];
    expect(s.ces.length).toBe(keys.length);
    for (const e of s.ces) {
      const scores = of("ces")
        .filter((r) => r.scale.min === e.scale.min && r.scale.max === e.scale.max)
        .map((r) => r.score);
      expect(e).toEqual({
        scale: e.scale,
        count: scores.length,
        mean: ces(scores, { scale: e.scale }),
        easyShare: cesEasyShare(scores, { scale: e.scale }),
      });
    }
    for (let i = 1; i < s.ces.length; i++) expect((s.ces[i - 1]?.count ?? 0) >= (s.ces[i]?.count ?? 0)).toBe(true);
    expect(s.responses).toBe(rs.length);
  });

  test.prop([responses, cutsArb(120)])("parts serialised and merged equal the whole", (raw, cuts) => {
    const { whole, parts } = wholeAndParts(surveyResponsesAccumulator(), usable(raw), cuts);
    expect(parts).toEqual(whole);
  });

  it("worked example: 30 promoters, 50 passives, 20 detractors → NPS 10 (Top 3 Statistieken …), with binary CSAT and two CES scales", () => {
    const acc = surveyResponsesAccumulator();
    const s = acc.create();
    const add = (kind: SurveyResponse["kind"], score: number, scale: SurveyScale, times = 1): void => {
      for (let i = 0; i < times; i++) acc.add(s, { kind, score, scale, answeredAt: at });
    };
    const nps10 = { min: 0, max: 10 };
    add("nps", 9, nps10, 30);
    add("nps", 8, nps10, 50);
    add("nps", 0, nps10, 20);
    add("csat", 1, { min: 0, max: 1 }, 3);
    add("csat", 0, { min: 0, max: 1 });
    add("ces", 5, { min: 1, max: 5 });
    add("ces", 4, { min: 1, max: 7 }, 2);
    add("ces", 5, { min: 1, max: 7 });
    const r = acc.result(roundTrip(acc, s));
    expect(r.nps?.score).toBeCloseTo(10, 12);
    expect(r.csat).toMatchObject({ score: 0.75, satisfied: 3, total: 4 });
    expect(r.ces).toEqual([
      { scale: { min: 1, max: 7 }, count: 3, mean: 13 / 3, easyShare: 1 / 3 },
      { scale: { min: 1, max: 5 }, count: 1, mean: 5, easyShare: 1 },
    ]);
    expect(r.responses).toBe(108);
  });

  it("surveyResponseProblem: unknown kind, then invalid scale, then score off the scale (NPS: also 0–10)", () => {
    const p = (kind: string, score: number, scale: unknown): string | undefined =>
      surveyResponseProblem({ kind, score, scale, answeredAt: at } as SurveyResponse);
    expect(p("poll", 99, null)).toBe("unknownKind");
    expect(p("csat", 99, { min: 5, max: 5 })).toBe("invalidScale");
    expect(p("ces", 3, { min: 1, max: 2.5 })).toBe("invalidScale");
    expect(p("ces", 3, undefined)).toBe("invalidScale");
    expect(p("csat", 6, { min: 1, max: 5 })).toBe("scoreOutOfScale");
    expect(p("csat", 2.5, { min: 1, max: 5 })).toBe("scoreOutOfScale");
    expect(p("nps", 11, { min: 0, max: 20 })).toBe("scoreOutOfScale");
    expect(p("nps", 10, { min: 1, max: 10 })).toBeUndefined();
    expect(p("csat", 0, { min: 0, max: 1 })).toBeUndefined();
  });

  it("refuses what surveyResponseProblem rejects, with the code of each reason", () => {
    const acc = surveyResponsesAccumulator();
    const add = (kind: string, score: number, scale: unknown): string =>
      codeOf(() => acc.add(acc.create(), { kind, score, scale, answeredAt: at } as SurveyResponse));
    expect(add("poll", 3, { min: 1, max: 5 })).toBe(
      'E_UNKNOWN_LABEL surveyResponsesAccumulator: kind must be "nps", "csat" or "ces", got "poll"',
    );
    expect(add("ces", 3, { min: 7, max: 1 })).toBe(
      "E_SCALE surveyResponsesAccumulator: scale must have integer bounds with min < max, got { min: 7, max: 1 }",
    );
    expect(add("csat", 6, { min: 1, max: 5 })).toBe(
      "E_SCORE_RANGE surveyResponsesAccumulator: score must be an integer from 1 to 5, got 6",
    );
    expect(add("nps", 11, { min: 0, max: 20 })).toBe(
      "E_SCORE_RANGE surveyResponsesAccumulator: score must be an integer from 0 to 10, got 11",
    );
    expect(codeOf(() => surveyResponsesAccumulator({ confidenceLevel: 1 }))).toMatch(/^E_CONFIDENCE_LEVEL surveyResponsesAccumulator: /);
  });

  const good = {
    kind: "surveyResponses",
    v: 1,
    responses: 6,
    nps: { promoters: 1, passives: 0, detractors: 1 },
    csat: { satisfied: 1, total: 2 },
    ces: [{ min: 1, max: 7, count: 2, sum: 9, easy: 1 }],
  };
  it("reads its own JSON back", () => {
    const acc = surveyResponsesAccumulator();
    expect(acc.toJSON(acc.fromJSON(good))).toEqual(good);
  });
  it.each([
    [{ ...good, kind: "nps" }, "kind must be"],
    [{ ...good, v: 2 }, "v must be 1"],
    [{ ...good, responses: 7 }, "responses must be the number of answers counted \\(6\\)"],
    [{ ...good, nps: [] }, "nps must be an object"],
    [{ ...good, nps: { promoters: 1, passives: 0 } }, "nps\\.detractors must be a non-negative integer"],
    [{ ...good, csat: { satisfied: 3, total: 2 } }, "csat\\.satisfied must be at most total"],
    [{ ...good, ces: {} }, "ces must be an array"],
    [{ ...good, ces: [{ min: 1, max: 7, count: 2, sum: 9, easy: 3 }] }, "ces\\[0\\]\\.easy must be at most count"],
    [{ ...good, ces: [{ min: 1, max: 7, sum: 9, easy: 1 }] }, "ces\\[0\\]\\.count must be a non-negative integer"],
    [{ ...good, ces: [5] }, "ces\\[0\\] must be an object"],
    [{ ...good, ces: [{ min: 7, max: 1, count: 2, sum: 9, easy: 1 }] }, "ces\\[0\\] min and max must be integers with min < max"],
    [
      { ...good, ces: [{ min: 1, max: 7, count: 2, sum: 20, easy: 1 }] },
      "ces\\[0\\]\\.sum must be an integer from count × min to count × max",
    ],
    [{ ...good, responses: 8, ces: [good.ces[0], good.ces[0]] }, "ces\\[1\\] must be the only entry of scale 1..7"],
  ])("E_STATE_FORMAT on %j", (json, what) => {
    expect(codeOf(() => surveyResponsesAccumulator().fromJSON(json))).toMatch(
      new RegExp(`^E_STATE_FORMAT surveyResponses\\.fromJSON: ${what}`),
    );
  });
});
