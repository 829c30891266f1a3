/**
 * The `table` format: plain text for a terminal, columns aligned, no colours.
 *
 * @internal
 * @module
 */
import { formatValue, type CellValue } from "../format.ts";
import type { Block, Column } from "./blocks.ts";
import { safeCell } from "./safe.ts";

const SHADES = [" ", "░", "▒", "▓", "█"] as const;

/** The display width of a string (code points; the report uses no wide characters). */
const width = (text: string): number => [...text].length;
const padEnd = (text: string, n: number): string => text + " ".repeat(Math.max(0, n - width(text)));
const padStart = (text: string, n: number): string => " ".repeat(Math.max(0, n - width(text))) + text;

/** The one escaping function of the table format: every text written goes through it. */
const t = safeCell;

function cell(value: CellValue, column: Column): string {
  return t(formatValue(value, column.kind));
}

function table(columns: readonly Column[], rows: readonly (readonly CellValue[])[]): string[] {
  const texts = rows.map((row) => columns.map((column, i) => cell(row[i] ?? null, column)));
  const widths = columns.map((column, i) => Math.max(width(t(column.label)), ...texts.map((row) => width(row[i] as string))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((text, i) =>
        (columns[i] as Column).kind === undefined ? padEnd(text, widths[i] as number) : padStart(text, widths[i] as number),
      )
      .join("  ")
      .trimEnd();
  return [line(columns.map((c) => t(c.label))), widths.map((w) => "─".repeat(w)).join("  "), ...texts.map(line)];
}

function heatmap(block: Extract<Block, { type: "heatmap" }>): string[] {
  const max = Math.max(0, ...block.values.flat());
  const rowLabels = block.rowLabels.map(t);
  const labelWidth = Math.max(...rowLabels.map(width));
  const head = `${" ".repeat(labelWidth)} ${block.columnLabels.map((label) => padStart(t(label), 3)).join("")}`;
  const rows = block.values.map((row, r) => {
    const cells = row.map((v) => {
      const level = max === 0 || v === 0 ? 0 : Math.max(1, Math.ceil((v / max) * (SHADES.length - 1)));
      return ` ${(SHADES[level] as string).repeat(2)}`;
    });
    return `${padEnd(rowLabels[r] as string, labelWidth)} ${cells.join("")}  ${String(row.reduce((a, b) => a + b, 0))}`;
  });
  const legend = `${" ".repeat(labelWidth)}  scale: ${SHADES.slice(1)
    .map((s, i) => `${s} ≤${String(Math.ceil((max * (i + 1)) / (SHADES.length - 1)))}`)
    .join("  ")} (tickets per slot; row total at the right)`;
  return [t(block.caption), head, ...rows, legend];
}

/** Renders the blocks as plain text. */
export function renderText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case "title":
        out.push(t(block.text), "═".repeat(Math.min(78, width(t(block.text)))));
        break;
      case "heading":
        out.push("", t(block.text), "─".repeat(Math.min(78, width(t(block.text)))));
        break;
      case "facts": {
        const labelWidth = Math.max(...block.facts.map((f) => width(t(f.label))));
        for (const fact of block.facts) {
          const value = t(formatValue(fact.value, fact.kind));
          out.push(`${padEnd(t(fact.label), labelWidth)}  ${value}${fact.note === undefined ? "" : `  ${t(fact.note)}`}`.trimEnd());
        }
        break;
      }
      case "table":
        if (block.caption !== undefined) out.push("", t(block.caption));
        out.push(...table(block.columns, block.rows));
        break;
      case "heatmap":
        out.push("", ...heatmap(block));
        break;
      case "note":
        out.push(t(block.text));
        break;
      case "chart":
        break; // charts are for Markdown (--mermaid); the tables carry the same figures
    }
  }
  return `${out.join("\n")}\n`;
}
