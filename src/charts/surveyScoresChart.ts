import { MetricRangeError } from "../_lib/errors.ts";
import { finite, plural, segmentationIndex, segmentLabel, specTop } from "./_common.ts";
import type { ChartDatum, ChartOptions, ChartSpec } from "./spec.ts";

/**
 * A survey score with its interval, as in `surveyResponsesAccumulator`'s result and the report's
 * `survey` section (`nps` in points, `csat` a fraction).
 *
 * @category Charts
 */
export interface SurveyChartScore {
  /** The score: NPS points from −100 to 100, or CSAT from 0 to 1. */
  readonly score: number;
  /** The answers counted. */
  readonly total: number;
  /** Its confidence interval, in the unit of the score. */
  readonly interval: {
    /** The lower bound. */
    readonly lower: number;
    /** The upper bound. */
    readonly upper: number;
    /** The confidence level, e.g. 0.95 (named in the title when present). */
    readonly confidenceLevel?: number | undefined;
  };
}

/**
 * The survey results {@link surveyScoresChart} reads: a `SurveySummary` or the report's `survey` section.
 *
 * @category Charts
 */
export interface SurveyChartSummary {
  /** NPS; `undefined` or `null` without NPS answers. */
  readonly nps: SurveyChartScore | null | undefined;
  /** CSAT; `undefined` or `null` without CSAT answers. */
  readonly csat: SurveyChartScore | null | undefined;
}

/**
 * One labelled survey result: a row of {@link surveyScoresChart} built from metric results.
 *
 * @category Charts
 */
export interface SurveyChartRow {
  /** The row's label, e.g. a brand. */
  readonly label: string;
  /** The survey result; `undefined` or `null` leaves the row out. */
  readonly survey: SurveyChartSummary | null | undefined;
}

/**
 * The parts of a report {@link surveyScoresChart} reads.
 *
 * @category Charts
 */
export interface SurveyChartReport {
  /** The whole scope's survey section. */
  readonly survey: SurveyChartSummary | null;
  /** The report's segmentations. */
  readonly segments: readonly {
    /** The dimension names. */
    readonly dimensions: readonly string[];
    /** The segments. */
    readonly segments: readonly {
      /** The segment's key. */
      readonly key: readonly string[];
      /** Its survey section. */
      readonly survey: SurveyChartSummary | null;
    }[];
  }[];
}

/**
 * Options of {@link surveyScoresChart}.
 *
 * @category Charts
 */
export interface SurveyScoresChartOptions extends ChartOptions {
  /** The score drawn: `"nps"` (default) or `"csat"`. */
  readonly score?: "nps" | "csat" | undefined;
  /** Which of the report's segmentations, by index in `report.segments`. Default 0 (the first); without any, only "All responses". */
  readonly segmentation?: number | undefined;
}

/**
 * Survey scores with their intervals: NPS (points, −100 to 100) or CSAT (0–100 %) for the whole
 * scope and each segment, a dot for the score and a horizontal bar for its confidence interval.
 *
 * @param source - A report (its `survey` section, as "All responses", and one segmentation's
 * segments), or labelled survey results (`{ label, survey }`, e.g. a
 * `surveyResponsesAccumulator` result per group).
 * @param options - {@link SurveyScoresChartOptions}: `score` (`"nps"`, default, or `"csat"`),
 * `segmentation` (default 0), title, width (560), height (24 px per row, at least 120).
 * @returns A Vega-Lite spec with one data row (`segment`, `score`, `lower`, `upper`,
 * `responses`) per row that has the score; rows without answers of that kind are left out
 * (an empty plot when none has).
 * @throws {@link MetricRangeError} `E_OPTION_VALUE` for an unknown `score`, a `segmentation`
 * that is not an index of `report.segments`, a bad width, height or title; `E_NOT_FINITE` if a
 * score, bound or count is not finite.
 * @remarks The intervals are the report's: NPS by `npsInterval` (Wald on +1/0/−1 scores), CSAT
 * by `wilsonInterval`, at the report's confidence level. A segmentation whose dimension the
 * responses do not carry has `survey: null` in its segments (see `SegmentationJson.surveySegmented`):
 * then only "All responses" is drawn. CES is not drawn (its means on different scales do not mix).
 * @example
 * ```ts
 * const r = report({ tickets, responses }, { asOf, timeZone: "UTC", segments: ["brand"] });
 * const spec = surveyScoresChart(r, { score: "csat" });
 * spec.title; // => "CSAT by brand (% satisfied) with 95 % intervals"
 * ```
 * @category Charts
 */
export function surveyScoresChart(source: SurveyChartReport | readonly SurveyChartRow[], options?: SurveyScoresChartOptions): ChartSpec {
  const fn = "surveyScoresChart";
  const kind = options?.score ?? "nps";
  if (kind !== "nps" && kind !== "csat") {
    throw new MetricRangeError("E_OPTION_VALUE", `${fn}: options.score must be "nps" or "csat", got ${String(kind)}`);
  }
  let rows: readonly SurveyChartRow[];
  let by = "";
  if (isRows(source)) rows = source;
  else {
    const index = segmentationIndex(fn, options?.segmentation, source.segments.length);
    const segmentation = index === undefined ? undefined : source.segments[index];
    rows = [
      { label: "All responses", survey: source.survey },
      ...(segmentation?.segments ?? []).map((s) => ({ label: segmentLabel(s.key), survey: s.survey })),
    ];
    if (segmentation !== undefined) by = ` by ${segmentation.dimensions.join(" × ")}`;
  }
  const values: ChartDatum[] = [];
  let level: number | undefined;
  rows.forEach((row, i) => {
    const s = row.survey?.[kind];
    if (s === null || s === undefined) return;
    const at = `rows[${String(i)}].survey.${kind}`;
    level ??= s.interval.confidenceLevel;
    values.push({
      segment: row.label,
      score: finite(fn, `${at}.score`, s.score),
      lower: finite(fn, `${at}.interval.lower`, s.interval.lower),
      upper: finite(fn, `${at}.interval.upper`, s.interval.upper),
      responses: finite(fn, `${at}.total`, s.total),
    });
  });
  const nps = kind === "nps";
  const unit = nps ? "points" : "% satisfied";
  const intervals = level === undefined ? "intervals" : `${String(Math.round(level * 1000) / 10)} % intervals`;
  const top = specTop(
    fn,
    { title: `${nps ? "NPS" : "CSAT"}${by} (${unit}) with ${intervals}`, width: 560, height: Math.max(120, 24 * values.length) },
    options,
    `Dot plot of ${nps ? "Net Promoter Score in points from −100 to 100" : "CSAT, the share of satisfied answers"} with confidence intervals, ${plural(values.length, "row")}.`,
    values,
  );
  const scale = nps ? { domain: [-100, 100] } : { domain: [0, 1] };
  const axis = nps ? { format: "d" } : { format: ".0%" };
  const format = nps ? ".1f" : ".1%";
  const y = { field: "segment", type: "nominal", title: "Segment", sort: null };
  return {
    ...top,
    layer: [
      {
        mark: { type: "rule", strokeWidth: 2, color: "#9ab", aria: false },
        encoding: { y, x: { field: "lower", type: "quantitative", scale, axis }, x2: { field: "upper" } },
      },
      {
        mark: { type: "point", filled: true, size: 70, color: "#246" },
        encoding: {
          y,
          x: { field: "score", type: "quantitative", title: nps ? "NPS (points)" : "CSAT (% satisfied)", scale, axis },
          tooltip: [
            { field: "segment", type: "nominal", title: "Segment" },
            { field: "score", type: "quantitative", title: nps ? "NPS" : "CSAT", format },
            { field: "lower", type: "quantitative", title: "Interval, lower", format },
            { field: "upper", type: "quantitative", title: "Interval, upper", format },
            { field: "responses", type: "quantitative", title: "Answers" },
          ],
        },
      },
    ],
  };
}

function isRows(source: SurveyChartReport | readonly SurveyChartRow[]): source is readonly SurveyChartRow[] {
  return Array.isArray(source);
}
