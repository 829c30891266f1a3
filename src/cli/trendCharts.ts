/**
 * `--mermaid`: the trend charts of the Markdown output (GitHub renders Mermaid `xychart-beta`
 * in pull-request comments and `$GITHUB_STEP_SUMMARY`): tickets created and resolved per volume
 * bucket, and the median first response per period (the `period` segmentation, which
 * `--mermaid` adds to `--by`).
 *
 * @internal
 * @module
 */
import type { Report } from "../report/types.ts";
import type { Block } from "./render/blocks.ts";

/** The most categories a chart shows: the latest ones (a chart of hundreds of bars is unreadable). */
export const MAX_CHART_POINTS = 60;

const HOUR_MS = 3_600_000;

/** The last {@link MAX_CHART_POINTS} items, and a note when some were left out. */
function latest<T>(items: readonly T[], what: string): { items: readonly T[]; notes: Block[] } {
  if (items.length <= MAX_CHART_POINTS) return { items, notes: [] };
  return {
    items: items.slice(-MAX_CHART_POINTS),
    notes: [{ type: "note", text: `The chart shows the latest ${String(MAX_CHART_POINTS)} of ${String(items.length)} ${what}.` }],
  };
}

/** The trend charts of a report, under a "Trends" heading; a note instead of a chart that has nothing to show. */
export function trendBlocks(report: Report): Block[] {
  const out: Block[] = [{ type: "heading", text: "Trends" }];
  const buckets = report.volume?.buckets ?? [];
  if (buckets.length === 0) out.push({ type: "note", text: "No volume buckets: no volume chart." });
  else {
    const shown = latest(buckets, `${report.volume?.unit ?? "day"} buckets`);
    out.push(
      {
        type: "chart",
        title: `Tickets per ${report.volume?.unit ?? "day"}`,
        x: shown.items.map((b) => b.label),
        yLabel: "Tickets",
        series: [
          { kind: "bar", name: "created", values: shown.items.map((b) => b.created) },
          { kind: "line", name: "resolved", values: shown.items.map((b) => b.resolved) },
        ],
      },
      ...shown.notes,
    );
  }
  const byPeriod = report.segments.find((s) => s.dimensions.length === 1 && s.dimensions[0] === "period");
  // A period without an answered ticket has no median: it is left out of the line, not drawn as 0.
  const points = (byPeriod?.segments ?? []).flatMap((s) => {
    const median = s.time.firstResponse.calendar?.median;
    return median === undefined || median === null ? [] : [{ label: s.key[0] as string, hours: median / HOUR_MS }];
  });
  if (points.length === 0) out.push({ type: "note", text: "No period has a measured first response: no first-response chart." });
  else {
    const shown = latest(points, "periods with a measured first response");
    const left = (byPeriod?.segments.length ?? 0) - points.length;
    out.push(
      {
        type: "chart",
        title: "First response, median per period",
        x: shown.items.map((p) => p.label),
        yLabel: "Hours",
        series: [{ kind: "line", name: "median first response (calendar hours)", values: shown.items.map((p) => p.hours) }],
      },
      ...shown.notes,
    );
    if (left > 0) {
      out.push({
        type: "note",
        text: `${String(left)} period${left === 1 ? "" : "s"} without a measured first response left out of the chart.`,
      });
    }
  }
  return out;
}
