/**
 * The `markdown` format: GitHub-flavoured Markdown for pull-request comments and
 * `$GITHUB_STEP_SUMMARY`.
 *
 * @internal
 * @module
 */
import { formatValue, type CellValue } from "../format.ts";
import type { Block, Column } from "./blocks.ts";

/** Escapes text for a Markdown table cell or line: `|`, `\`, backticks, `<`, and line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/`/g, "\\`")
    .replace(/</g, "&lt;")
    .replace(/\*/g, "\\*")
    .replace(/_/g, "\\_")
    .replace(/[\r\n]+/g, " ");
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
        out.push(escapeMarkdown(block.text), "");
        break;
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}
