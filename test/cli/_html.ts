/**
 * Shared by the HTML format's tests: one run of the full demo report as HTML and as JSON, and
 * the key figures the page must show.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { formatValue, type ValueKind } from "../../src/cli/format.ts";
import { cli, FULL, json, tempDir } from "./_run.ts";

/** A key figure as the JSON output gives it, and as the page must show it. */
export interface ExpectedFigure {
  readonly key: string;
  readonly value: number | null;
  readonly text: string;
}

/** The key figures of a JSON document: tickets in scope, median first response, CSAT, resolution rate. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function expectedFigures(doc: any): ExpectedFigure[] {
  const figure = (key: string, value: number | null, kind: ValueKind): ExpectedFigure => ({ key, value, text: formatValue(value, kind) });
  return [
    figure("ticketsInScope", doc.report.input.ticketsInScope, "count"),
    figure("firstResponseMedian", doc.report.time.firstResponse.calendar?.median ?? null, "duration"),
    figure("csat", doc.report.survey?.csat?.score ?? null, "fraction"),
    figure("resolutionRate", doc.report.counts.resolutionRate.value, "fraction"),
  ];
}

/** The full demo report written with `--output report.html`, and the JSON document of the same run. */
export async function fullHtmlRun(extra: readonly string[] = []): Promise<{ path: string; html: string; code: number; doc: unknown }> {
  const path = join(tempDir(), "report.html");
  const r = await cli([...FULL, ...extra, "-q", "--output", path]);
  const j = await cli([...FULL, ...extra, "-q", "--format", "json"]);
  return { path, html: readFileSync(path, "utf8"), code: r.code, doc: json(j) as unknown };
}
