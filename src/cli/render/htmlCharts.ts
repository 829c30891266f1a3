/**
 * The charts of the `html` format: the report's Vega-Lite specs (src/charts) compiled with
 * vega-lite and rendered to SVG strings with vega, in the command (no browser, no script in the
 * page). vega and vega-lite are loaded here only, on demand, so the other formats never load them.
 *
 * @internal
 * @module
 */
import {
  firstResponseChart,
  peakHoursChart,
  resolutionTimeChart,
  retentionCurvesChart,
  retentionMatrixChart,
  surveyScoresChart,
  volumeChart,
  type ChartSpec,
} from "../../charts/index.ts";
import type { Report } from "../../report/types.ts";

/** A rendered chart: its title, the spec's description (accessible text) and the SVG markup as vega wrote it. */
export interface ChartFigure {
  readonly kind: "chart";
  readonly title: string;
  readonly description: string;
  readonly svg: string;
}

/** A chart the report cannot draw, and why. */
export interface ChartNote {
  readonly kind: "note";
  readonly text: string;
}

/** One entry of the page's charts section. */
export type ChartEntry = ChartFigure | ChartNote;

/** A chart to draw (a spec), or the reason there is none. */
type Planned = { readonly spec: ChartSpec } | ChartNote;

const note = (text: string): ChartNote => ({ kind: "note", text });

/**
 * The charts the report supports, in reading order: volume, peak hours, first response and
 * resolution time (by the first segmentation when there is one), survey scores (NPS, CSAT) when
 * there are answers, retention when there are cohorts. A chart whose section is `null` becomes a note.
 */
export function plannedCharts(report: Report): Planned[] {
  const out: Planned[] = [];
  out.push(report.volume === null ? note("No volume chart: no ticket has a valid creation time.") : { spec: volumeChart(report) });
  out.push(report.peaks === null ? note("No peak hours chart: no ticket has a valid creation time.") : { spec: peakHoursChart(report) });
  const segmentation = report.segments.length > 0 ? 0 : undefined;
  const measured = (metric: "firstResponse" | "resolutionFinal"): boolean =>
    report.time[metric].calendar !== null || report.segments.some((s) => s.segments.some((x) => x.time[metric].calendar !== null));
  out.push(
    measured("firstResponse")
      ? { spec: firstResponseChart(report, { segmentation }) }
      : note("No first response chart: no ticket has a measured first response."),
  );
  out.push(
    measured("resolutionFinal")
      ? { spec: resolutionTimeChart(report, { segmentation }) }
      : note("No resolution time chart: no ticket has a measured resolution."),
  );
  const survey = report.survey;
  if (survey?.nps === null || survey?.nps === undefined) out.push(note("No NPS chart: no NPS answers in scope."));
  else out.push({ spec: surveyScoresChart(report, { score: "nps", segmentation }) });
  if (survey?.csat === null || survey?.csat === undefined) out.push(note("No CSAT chart: no CSAT answers in scope."));
  else out.push({ spec: surveyScoresChart(report, { score: "csat", segmentation }) });
  if (report.customers === null) out.push(note("No retention charts: no cohorts (give them with --cohorts)."));
  else out.push({ spec: retentionMatrixChart(report) }, { spec: retentionCurvesChart(report) });
  return out;
}

/**
 * The SVG with its element ids (clip paths, gradients) and the references to them prefixed:
 * vega numbers them from 1 in every SVG, and one page holds several, whose ids must not clash.
 */
export function scopeIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}${id})`)
    .replace(/\bhref="#([^"]+)"/g, (_, id: string) => `href="#${prefix}${id}"`);
}

/** Renders the report's charts to SVG (vega's "none" renderer, then `toSVG`: no canvas, no DOM). */
export async function renderCharts(report: Report): Promise<ChartEntry[]> {
  const planned = plannedCharts(report);
  const [{ compile }, { parse, View }] = await Promise.all([import("vega-lite"), import("vega")]);
  const out: ChartEntry[] = [];
  for (const entry of planned) {
    if (!("spec" in entry)) {
      out.push(entry);
      continue;
    }
    const { spec } = entry;
    const view = new View(parse(compile(spec as never).spec), { renderer: "none" });
    try {
      const svg = scopeIds(await view.toSVG(), `cx-chart${String(out.length + 1)}-`);
      out.push({ kind: "chart", title: spec.title, description: spec.description, svg });
    } finally {
      view.finalize();
    }
  }
  return out;
}
