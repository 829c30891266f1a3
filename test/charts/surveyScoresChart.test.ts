import { describe, expect, test } from "vitest";
import { surveyScoresChart } from "../../src/charts/index.ts";
import { surveyResponsesAccumulator } from "../../src/metrics/survey/index.ts";
import { checkedSvg, markCount } from "./_render.ts";
import { exampleData, exampleReport, OPTIONS } from "./_reports.ts";

describe("surveyScoresChart", () => {
  test("NPS by channel with the report's intervals", async () => {
    const r = await exampleReport();
    const spec = surveyScoresChart(r);
    const segments = (r.segments[0]?.segments ?? []).filter((s) => s.survey?.nps != null);
    expect(r.survey?.nps).not.toBeNull();
    expect(spec.data.values).toHaveLength(1 + segments.length);
    expect(spec.data.values[0]).toEqual({
      segment: "All responses",
      score: r.survey?.nps?.score,
      lower: r.survey?.nps?.interval.lower,
      upper: r.survey?.nps?.interval.upper,
      responses: r.survey?.nps?.total,
    });
    expect(spec.title).toBe("NPS by channel (points) with 95 % intervals");
    const svg = await checkedSvg(spec, ["NPS (points)", "All responses", "\u2212100", "100"]);
    expect(markCount(svg, "symbol")).toBe(spec.data.values.length);
    expect(markCount(svg, "rule")).toBe(spec.data.values.length);
  });

  test("CSAT, as a percentage", async () => {
    const r = await exampleReport({ ...OPTIONS, confidenceLevel: 0.9 });
    const spec = surveyScoresChart(r, { score: "csat", segmentation: 1 });
    expect(spec.title).toBe("CSAT by assignee (% satisfied) with 90 % intervals");
    expect(spec.data.values[0]?.["score"]).toBe(r.survey?.csat?.score);
    await checkedSvg(spec, ["CSAT (% satisfied)", "100%"]);
  });

  test("from metric results: surveyResponsesAccumulator per channel; groups without NPS are left out", async () => {
    const { responses } = await exampleData();
    const acc = surveyResponsesAccumulator();
    const rows = ["chat", "email", "phone", "fax"].map((channel) => {
      const state = acc.create();
      for (const response of responses) if (response.channel === channel) acc.add(state, response);
      return { label: channel, survey: acc.result(state) };
    });
    const spec = surveyScoresChart(rows);
    expect(spec.data.values.map((d) => d["segment"])).toEqual(rows.filter((row) => row.survey.nps !== undefined).map((row) => row.label));
    expect(spec.data.values.length).toBeGreaterThan(0);
    expect(spec.data.values.length).toBeLessThan(4);
    await checkedSvg(spec, ["NPS (points)"]);
  });

  test("no answers of that kind anywhere: an empty chart; a bad score option: E_OPTION_VALUE", async () => {
    const spec = surveyScoresChart([{ label: "x", survey: null }], { score: "csat" });
    expect(spec.data.values).toEqual([]);
    await checkedSvg(spec);
    expect(() => surveyScoresChart([], { score: "ces" as never })).toThrow(expect.objectContaining({ code: "E_OPTION_VALUE" }));
  });
});
