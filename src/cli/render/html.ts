/**
 * The `html` format: one self-contained HTML5 page (inline CSS, the charts as inline SVG, no
 * script, no external URL), readable on a phone (tables scroll sideways) and printable.
 *
 * @internal
 * @module
 */
import type { CliDocument } from "../document.ts";
import { formatValue, type CellValue, type ValueKind } from "../format.ts";
import type { Block, Column } from "./blocks.ts";
import type { ChartEntry } from "./htmlCharts.ts";
import { safeCell } from "./safe.ts";

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * The one escaping function of the HTML format, for every text and attribute value: control
 * characters become visible escapes and line breaks spaces (see ./safe.ts), then `&`, `<`, `>`,
 * `"` and `'` become entities, so no data can open a tag, an attribute or an entity.
 */
export function escapeHtml(text: string): string {
  return safeCell(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A key figure of the page's summary: the browser test reads `data-key` and `data-value`. */
export interface KeyFigure {
  /** A stable name, e.g. `ticketsInScope`. */
  readonly key: string;
  readonly label: string;
  /** The unrounded value as in the JSON output; `null` for no data. */
  readonly value: number | null;
  readonly kind: ValueKind;
}

/** The figures shown first: tickets in scope, median first response (calendar), CSAT, resolution rate. */
export function keyFigures(doc: CliDocument): KeyFigure[] {
  const r = doc.report;
  return [
    { key: "ticketsInScope", label: "Tickets in scope", value: r.input.ticketsInScope, kind: "count" },
    { key: "firstResponseMedian", label: "First response, median", value: r.time.firstResponse.calendar?.median ?? null, kind: "duration" },
    { key: "csat", label: "CSAT", value: r.survey?.csat?.score ?? null, kind: "fraction" },
    { key: "resolutionRate", label: "Resolution rate", value: r.counts.resolutionRate.value, kind: "fraction" },
  ];
}

const CSS = `
:root { color-scheme: light; --line: #d0d4da; --muted: #555b66; --head: #f2f4f7; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1f24; background: #fff; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--line); }
p.note { color: var(--muted); margin: 0.5rem 0 1rem; overflow-wrap: anywhere; }
.key-figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.75rem; margin: 0 0 1.5rem; padding: 0; }
.key-figures div { border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.8rem; }
.key-figures dt { font-size: 0.85rem; color: var(--muted); }
.key-figures dd { margin: 0.2rem 0 0; font-size: 1.5rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; margin: 0 0 1.25rem; -webkit-overflow-scrolling: touch; }
.scroll:focus { outline: 2px solid #2f6fdd; outline-offset: 2px; }
table { border-collapse: collapse; font-size: 0.92rem; min-width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0 0 0.4rem; }
caption.quiet { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.55rem; vertical-align: top; text-align: left; }
thead th { background: var(--head); }
tbody th { font-weight: 500; }
td:last-child:not(.num) { min-width: 12rem; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 0 0 1.75rem; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { margin: 0.4rem 0 0; color: var(--muted); font-size: 0.9rem; }
figcaption strong { display: block; color: #1b1f24; }
footer { margin: 2rem 0 1rem; color: var(--muted); font-size: 0.85rem; }
@media (max-width: 40rem) {
  main { padding: 0.6rem; }
  h1 { font-size: 1.35rem; }
  table { font-size: 0.85rem; }
  th, td { padding: 0.25rem 0.4rem; }
}
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .scroll { overflow: visible; }
  table { min-width: 0; width: 100%; font-size: 7.5pt; }
  th, td { padding: 0.1rem 0.25rem; }
  td.num, th.num { white-space: normal; }
  td:last-child:not(.num) { min-width: 0; }
  thead { display: table-header-group; }
  tr, figure, .key-figures div { break-inside: avoid; }
  h2 { break-after: avoid; }
  figure svg { max-height: 24cm; }
}
`;

/** The page's parts that the blocks do not carry. */
export interface HtmlExtras {
  /** The charts section (see ./htmlCharts.ts); empty for none. */
  readonly charts: readonly ChartEntry[];
  /** The `<meta name="generator">` and footer text, e.g. `cx-metrics 0.1.0`. */
  readonly generator: string;
}

/** A table in a keyboard-scrollable region (wide tables scroll sideways on a phone). */
function scrollTable(caption: string, quiet: boolean, head: string[], body: string[]): string[] {
  const label = escapeHtml(caption);
  return [
    `<div class="scroll" role="region" aria-label="${label}" tabindex="0">`,
    "<table>",
    `<caption${quiet ? ' class="quiet"' : ""}>${label}</caption>`,
    `<thead><tr>${head.join("")}</tr></thead>`,
    "<tbody>",
    ...body,
    "</tbody>",
    "</table>",
    "</div>",
  ];
}

const headCell = (column: Column): string =>
  `<th scope="col"${column.kind === undefined ? "" : ' class="num"'}>${escapeHtml(column.label)}</th>`;

/** A body row: the first cell is the row's header. */
function bodyRow(columns: readonly Column[], cells: readonly CellValue[]): string {
  const parts = columns.map((column, i) => {
    const text = escapeHtml(formatValue(cells[i] ?? null, column.kind));
    const cls = column.kind === undefined ? "" : ' class="num"';
    return i === 0 ? `<th scope="row"${cls}>${text}</th>` : `<td${cls}>${text}</td>`;
  });
  return `<tr>${parts.join("")}</tr>`;
}

function tableHtml(caption: string, quiet: boolean, columns: readonly Column[], rows: readonly (readonly CellValue[])[]): string[] {
  return scrollTable(
    caption,
    quiet,
    columns.map(headCell),
    rows.map((r) => bodyRow(columns, r)),
  );
}

function keyFiguresHtml(figures: readonly KeyFigure[]): string[] {
  return [
    '<dl class="key-figures" aria-label="Key figures">',
    ...figures.map(
      (f) =>
        `<div data-key="${escapeHtml(f.key)}" data-value="${f.value === null ? "null" : String(f.value)}"><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(formatValue(f.value, f.kind))}</dd></div>`,
    ),
    "</dl>",
  ];
}

/** vega's SVG with the chart's description as its accessible name. */
function figureHtml(chart: Extract<ChartEntry, { kind: "chart" }>): string[] {
  const svg = chart.svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(chart.description)}" focusable="false" `);
  return [
    "<figure>",
    svg,
    `<figcaption><strong>${escapeHtml(chart.title)}</strong>${escapeHtml(chart.description)}</figcaption>`,
    "</figure>",
  ];
}

function blockHtml(block: Block, context: { heading: string }): string[] {
  switch (block.type) {
    case "title":
      return [`<h1>${escapeHtml(block.text)}</h1>`];
    case "heading":
      context.heading = block.text;
      return [`<h2>${escapeHtml(block.text)}</h2>`];
    case "facts":
      return tableHtml(
        context.heading,
        true,
        [{ label: "Metric" }, { label: "Value", kind: "number" }, { label: "Notes" }],
        block.facts.map((f) => [f.label, formatValue(f.value, f.kind), f.note ?? ""]),
      );
    case "table":
      return tableHtml(block.caption ?? context.heading, block.caption === undefined, block.columns, block.rows);
    case "heatmap":
      return tableHtml(
        block.caption,
        false,
        [{ label: "" }, ...block.columnLabels.map((label): Column => ({ label, kind: "count" }))],
        block.values.map((values, r) => [block.rowLabels[r] ?? "", ...values]),
      );
    case "note":
      return [`<p class="note">${escapeHtml(block.text)}</p>`];
    case "chart":
      // The Markdown trend charts as a table of their values (the html format draws its own charts).
      return tableHtml(
        block.title,
        false,
        [{ label: "" }, ...block.series.map((s): Column => ({ label: s.name, kind: "number" }))],
        block.x.map((x, i) => [x, ...block.series.map((s) => s.values[i] ?? null)]),
      );
  }
}

/** Renders the document as a complete HTML5 page: the blocks, the key figures after the title, then the charts. */
export function renderHtml(doc: CliDocument, blocks: readonly Block[], extras: HtmlExtras): string {
  const context = { heading: "Report" };
  const body: string[] = [];
  for (const block of blocks) {
    body.push(...blockHtml(block, context));
    if (block.type === "title") body.push(...keyFiguresHtml(keyFigures(doc)));
  }
  if (extras.charts.length > 0) {
    body.push("<h2>Charts</h2>");
    for (const chart of extras.charts)
      body.push(...(chart.kind === "chart" ? figureHtml(chart) : [`<p class="note">${escapeHtml(chart.text)}</p>`]));
  }
  const p = doc.report.parameters;
  const title = `cx-metrics report, as of ${p.asOf} (${p.timeZone})`;
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(extras.generator)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    "<main>",
    ...body,
    `<footer>Written by ${escapeHtml(extras.generator)}. Self-contained: no script, nothing loaded from the network.</footer>`,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
