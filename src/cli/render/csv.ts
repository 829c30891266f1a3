/**
 * The `csv` format: one rectangular table per run, chosen with `--table` (default
 * `segments`). Raw values: durations in milliseconds, rates as fractions, instants ISO-8601.
 *
 * @internal
 * @module
 */
import type { CsvTable } from "../args.ts";
import { csvLine } from "../csv.ts";
import type { CliDocument } from "../document.ts";
import type { FileRejects } from "../inputs.ts";
import { segmentColumns } from "../sectionsDetail.ts";

type Cell = string | number | boolean | null | undefined;

function segmentsTable(doc: CliDocument): Cell[][] {
  const report = doc.report;
  const columns = segmentColumns(report);
  const rows: Cell[][] = [["dimension", "segment", ...columns.map((c) => c.csv)]];
  rows.push(["(all)", "(all)", ...columns.map((c) => c.value({ ...report, key: [] }, report))]);
  // A segmentation by a dimension the export lacks is left out (the `absent` table lists it): all its tickets would be one "(none)" segment.
  for (const seg of report.segments.filter((g) => !g.dimensions.some((d) => doc.absent.some((a) => a.metric === `segments.${d}`)))) {
    for (const s of seg.segments) rows.push([seg.dimensions.join("+"), s.key.join("+"), ...columns.map((c) => c.value(s, report))]);
  }
  return rows;
}

function bucketsTable(doc: CliDocument): Cell[][] {
  const rows: Cell[][] = [["bucket", "start", "end", "created", "resolved", "messages_in", "messages_out", "active", "backlog"]];
  for (const b of doc.report.volume?.buckets ?? [])
    rows.push([b.label, b.start, b.end, b.created, b.resolved, b.messagesIn, b.messagesOut, b.active, b.backlog]);
  return rows;
}

function heatmapTable(doc: CliDocument): Cell[][] {
  const rows: Cell[][] = [["weekday", "hour", "tickets", "occurrences", "average"]];
  const p = doc.report.peaks;
  if (p !== null)
    p.cells.forEach((row, d) => row.forEach((slot, h) => rows.push([p.weekdays[d], h, slot.sum, slot.occurrences, slot.average])));
  return rows;
}

function cohortsTable(doc: CliDocument): Cell[][] {
  const rows: Cell[][] = [["cohort", "start", "size", "period", "active", "retention"]];
  for (const r of doc.report.customers?.rows ?? [])
    r.counts.forEach((count, i) => rows.push([r.label, r.start, r.size, i + 1, count, r.fractions[i] ?? null]));
  return rows;
}

function gatesTable(doc: CliDocument): Cell[][] {
  return [
    ["gate", "kind", "metric", "path", "op", "target", "actual", "status", "message"],
    ...doc.gates.map((g) => [g.gate, g.kind, g.metric, g.path, g.op, g.target, g.actual, g.status, g.message]),
  ];
}

/** The figures not in this export: `metric,label,fields,files,message` (fields and files joined by `|`, any one would do). */
function absentTable(doc: CliDocument): Cell[][] {
  return [
    ["metric", "label", "fields", "files", "message"],
    ...doc.absent.map((a) => [a.metric, a.label, a.fields.join("|"), a.files.join("|"), a.message]),
  ];
}

/**
 * Rejects of every file: `file,kind,record,line,column,value,reason` (also the `--rejects`
 * file); `kind` is `rejected`, or `warning` for a row kept as exported.
 */
export function rejectsTable(files: readonly FileRejects[]): Cell[][] {
  const rows: Cell[][] = [["file", "kind", "record", "line", "column", "value", "reason"]];
  for (const f of files)
    for (const r of f.rejects) rows.push([f.role, r.kind ?? "rejected", r.record, r.line ?? null, r.column, r.value, r.reason]);
  return rows;
}

/** Renders one table of the document as CSV (formula-like text escaped; see ../csv.ts). */
export function renderCsv(doc: CliDocument, table: CsvTable, rejects: readonly FileRejects[]): string {
  const rows =
    table === "segments"
      ? segmentsTable(doc)
      : table === "buckets"
        ? bucketsTable(doc)
        : table === "heatmap"
          ? heatmapTable(doc)
          : table === "cohorts"
            ? cohortsTable(doc)
            : table === "gates"
              ? gatesTable(doc)
              : table === "absent"
                ? absentTable(doc)
                : rejectsTable(rejects);
  return rows.map(csvLine).join("");
}
