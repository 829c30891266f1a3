/**
 * The gates section of the text, Markdown and HTML outputs: one row per gate (plain, fail-if
 * and regression gates) and the one-line summary.
 *
 * @internal
 * @module
 */
import type { CliDocument } from "./document.ts";
import { formatValue, type CellValue } from "./format.ts";
import { summaryText } from "./gates.ts";
import { notInExport } from "./gatesAbsent.ts";
import type { Block } from "./render/blocks.ts";

/** The gates table, or nothing without gates. */
export function gateBlocks(doc: CliDocument): Block[] {
  if (doc.gates.length === 0) return [];
  const rows = doc.gates.map((g): CellValue[] => [
    g.status.toUpperCase(),
    g.gate,
    g.actual === null ? (notInExport(g) ? "not in this export" : "no data") : formatValue(g.actual, g.unit),
    g.kind === "fail-if-worse"
      ? `fail if > ${formatValue(g.target, g.unit)}, significantly`
      : `${g.kind === "fail-if" ? "fail if " : ""}${g.op} ${formatValue(g.target, g.unit)}`,
  ]);
  return [
    { type: "heading", text: "Gates" },
    { type: "table", columns: [{ label: "result" }, { label: "gate" }, { label: "actual" }, { label: "target" }], rows },
    { type: "note", text: `Gates: ${summaryText(doc.gates)}.` },
  ];
}
