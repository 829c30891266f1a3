/**
 * The `markdown` format: GitHub-flavoured Markdown for pull-request comments and
 * `$GITHUB_STEP_SUMMARY`.
 *
 * @internal
 * @module
 */
import { formatValue, type CellValue } from "../format.ts";
import type { Block, Column } from "./blocks.ts";
import { safeCell } from "./safe.ts";

/**
 * The one escaping function of the Markdown format, for every table cell and line: control
 * characters become visible escapes (see ./safe.ts), line breaks spaces; `\`, `|`, backticks,
 * `*`, `_`, `~`, `$`, `[` and `]` are backslash-escaped (so no link, image, emphasis, code, math
 * or table cell can be made from the data), and `&` and `<` become entities (no HTML, entity or
 * autolink).
 */
export function escapeMarkdown(text: string): string {
  return safeCell(text)
    .replace(/\\/g, "\\\\")
    .replace(/[|`*_~$[\]]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;");
}

/** {@link escapeMarkdown} for a line of its own: a leading `#`, `>`, `-`, `+`, `=` or `1.` is escaped too (no heading, quote or list). */
function escapeLine(text: string): string {
  return escapeMarkdown(text).replace(
    /^(\s*)([#>+=-]|\d+[.)])/,
    (_, space: string, mark: string) => `${space}${mark.replace(/([#>+=.)-])$/, "\\$1")}`,
  );
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function table(columns: readonly Column[], rows: readonly (readonly CellValue[])[]): string[] {
  return [
    row(columns.map((c) => escapeMarkdown(c.label))),
    row(columns.map((c) => (c.kind === undefined ? "---" : "---:"))),
    ...rows.map((r) => row(columns.map((c, i) => escapeMarkdown(formatValue(r[i] ?? null, c.kind))))),
  ];
}

/** Renders the blocks as Markdown. */
export function renderMarkdown(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case "title":
        out.push(`# ${escapeMarkdown(block.text)}`, "");
        break;
      case "heading":
        out.push(`## ${escapeMarkdown(block.text)}`, "");
        break;
      case "facts":
        out.push(
          ...table(
            [{ label: "Metric" }, { label: "Value", kind: "number" }, { label: "Notes" }],
            block.facts.map((f) => [f.label, formatValue(f.value, f.kind), f.note ?? ""]),
          ),
          "",
        );
        break;
      case "table":
        if (block.caption !== undefined) out.push(`**${escapeMarkdown(block.caption)}**`, "");
        out.push(...table(block.columns, block.rows), "");
        break;
      case "heatmap":
        out.push(`**${escapeMarkdown(block.caption)}**`, "");
        out.push(
          ...table(
            [{ label: "" }, ...block.columnLabels.map((label) => ({ label, kind: "count" as const }))],
            block.values.map((values, r) => [block.rowLabels[r] as string, ...values]),
          ),
          "",
        );
        break;
      case "note":
        out.push(escapeLine(block.text), "");
        break;
      case "chart":
        out.push(...mermaidChart(block), "");
        break;
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/**
 * Text inside a Mermaid string: only letters, digits, spaces and `-_.:/()+,'` are kept (others
 * become a space), so no data can close the string, the code fence or inject a directive.
 */
function mermaidText(text: string): string {
  return text.replace(/[^\p{L}\p{N} \-_.:/()+,']/gu, " ");
}

/** A number as Mermaid reads it (finite; at most 4 decimals). */
function mermaidNumber(value: number): string {
  return String(Math.round(value * 10_000) / 10_000);
}

/** A `chart` block as a Mermaid `xychart-beta` in a fenced block, with a line naming its series. */
function mermaidChart(block: Extract<Block, { type: "chart" }>): string[] {
  return [
    "```mermaid",
    "xychart-beta",
    `    title "${mermaidText(block.title)}"`,
    `    x-axis [${block.x.map((x) => `"${mermaidText(x)}"`).join(", ")}]`,
    `    y-axis "${mermaidText(block.yLabel)}"`,
    ...block.series.map((s) => `    ${s.kind} [${s.values.map(mermaidNumber).join(", ")}]`),
    "```",
    "",
    escapeLine(block.series.map((s) => `${s.kind === "bar" ? "Bars" : "Line"}: ${s.name}`).join("; ")),
  ];
}
