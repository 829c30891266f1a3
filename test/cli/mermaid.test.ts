/**
 * `--mermaid` (issue 16: "the Markdown output gains Mermaid xychart-beta charts for volume and
 * first-response trend, behind an option"): on the example export, the charts' categories and
 * values are the JSON report's volume buckets and period segments; a bucket count over the cap
 * shows the latest buckets with a note; data never reaches the chart text unfiltered; other
 * formats refuse the option. Syntax: https://mermaid.js.org/syntax/xyChart.html
 */
import { describe, expect, it } from "vitest";
import type { CliDocument } from "../../src/cli/document.ts";
import { MAX_CHART_POINTS } from "../../src/cli/trendCharts.ts";
import { renderMarkdown } from "../../src/cli/render/markdown.ts";
import { cli, DATA } from "./_run.ts";

const BASE = ["report", DATA.tickets, "--messages", DATA.messages, "--timezone", "Europe/Bucharest", "--bucket", "week"];

/** The Mermaid blocks of a Markdown text, each as its lines. */
function charts(markdown: string): string[][] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => (m[1] as string).split("\n").map((l) => l.trim()));
}

/** The values of a `bar [..]`, `line [..]` or `x-axis [..]` line. */
function list(line: string | undefined): unknown[] {
  return JSON.parse((line ?? "").replace(/^[a-z-]+ /, "")) as unknown[];
}

describe("--mermaid", () => {
  it("charts created and resolved per bucket, and the median first response per period, from the report's own figures", async () => {
    const md = await cli([...BASE, "--format", "markdown", "--mermaid"]);
    const json = await cli([...BASE, "--format", "json", "--by", "period"]);
    expect(md.code).toBe(0);
    const doc = JSON.parse(json.stdout) as CliDocument;
    const buckets = doc.report.volume?.buckets ?? [];
    expect(buckets.length).toBeGreaterThan(1);
    const [volume, frt] = charts(md.stdout);
    expect(volume?.[0]).toBe("xychart-beta");
    expect(volume?.[1]).toBe('title "Tickets per week"');
    expect(list(volume?.[2])).toEqual(buckets.map((b) => b.label));
    expect(list(volume?.find((l) => l.startsWith("bar ")))).toEqual(buckets.map((b) => b.created));
    expect(list(volume?.find((l) => l.startsWith("line ")))).toEqual(buckets.map((b) => b.resolved));
    const periods = doc.report.segments.find((s) => s.dimensions[0] === "period")?.segments ?? [];
    const measured = periods.filter((s) => s.time.firstResponse.calendar !== null);
    expect(list(frt?.[2])).toEqual(measured.map((s) => s.key[0]));
    const hours = list(frt?.find((l) => l.startsWith("line "))) as number[];
    measured.forEach((s, i) => expect(hours[i]).toBeCloseTo((s.time.firstResponse.calendar?.median ?? NaN) / 3_600_000, 4));
    expect(md.stdout).toContain("Bars: created; Line: resolved");
  });

  it("without --mermaid the Markdown has no chart", async () => {
    const md = await cli([...BASE, "--format", "markdown"]);
    expect(md.code).toBe(0);
    expect(charts(md.stdout)).toEqual([]);
  });

  it("is refused with another format, naming the format", async () => {
    const r = await cli([...BASE, "--format", "json", "--mermaid"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--mermaid draws charts in the Markdown output: it needs --format markdown, got --format json");
  });

  it("shows the latest buckets when there are more than the cap, and says so", async () => {
    const md = await cli([...BASE.slice(0, -1), "hour", "--format", "markdown", "--mermaid"]);
    expect(md.code).toBe(0);
    const [volume] = charts(md.stdout);
    expect(list(volume?.[2])).toHaveLength(MAX_CHART_POINTS);
    expect(md.stdout).toMatch(new RegExp(`The chart shows the latest ${String(MAX_CHART_POINTS)} of \\d+ hour buckets`));
  });

  it("keeps data from closing the chart's strings or its code fence", () => {
    const text = renderMarkdown([
      {
        type: "chart",
        title: 'Evil "title"```',
        x: ['a"]\n```', "b%%{init}"],
        yLabel: "y",
        series: [{ kind: "bar", name: "n", values: [1, 2] }],
      },
    ]);
    const [chart] = charts(text);
    expect(chart?.[1]).toBe('title "Evil  title    "');
    expect(chart?.[2]).toBe('x-axis ["a      ", "b   init "]');
    expect(text.match(/```/g)).toHaveLength(2);
  });
});
