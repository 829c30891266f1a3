/**
 * The `csv` format: one rectangular table per run, chosen with `--table` (default
 * `segments`). Raw values: durations in milliseconds, rates as fractions, instants ISO-8601.
 * The report's tables (segments, buckets, heatmap, cohorts, responders) are the library's `toRows` rows;
 * gates, absent and rejects are the command's own.
 *
 * @internal
 * @module
 */
import type { CsvTable } from "../args.ts";
import { csvLine } from "../csv.ts";
import type { CliDocument } from "../document.ts";
import type { FileRejects } from "../inputs.ts";
import { segmentColumns } from "../sectionsDetail.ts";
import { REPORT_TABLE_COLUMNS, segmentFigures, toRows } from "../../report/toRows.ts";

type Cell = string | number | boolean | null | undefined;

/** A header and the rows' values in its order. */
function rowsTable(columns: readonly string[], rows: readonly Readonly<Record<string, Cell>>[]): Cell[][] {
  return [[...columns], ...rows.map((row) => columns.map((c) => row[c]))];
}

/**
 * The report's `segments` rows (`toRows`), after an `(all)` row of the whole report, with the
 * columns this run shows (those of metrics it has input for; see segmentColumns).
 */
function segmentsTable(doc: CliDocument): Cell[][] {
  const report = doc.report;
  const columns = ["dimension", "segment", ...segmentColumns(report).map((c) => c.column)];
  // A segmentation by a dimension the export lacks is left out (the `absent` table lists it): all its tickets would be one "(none)" segment.
  const lacking = (d: string): boolean => doc.absent.some((a) => a.metric === `segments.${d}`);
  const shown = { ...report, segments: report.segments.filter((g) => !g.dimensions.some(lacking)) };
  return rowsTable(columns, [{ dimension: "(all)", segment: "(all)", ...segmentFigures(report) }, ...toRows(shown, "segments")]);
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

/**
 * Renders one table of the document as CSV (formula-like text escaped; see ../csv.ts); nothing
 * for `tickets`, whose rows are written while the tickets are read (../ticketTable.ts).
 */
export function renderCsv(doc: CliDocument, table: CsvTable, rejects: readonly FileRejects[]): string {
  if (table === "tickets") return "";
  const rows =
    table === "segments"
      ? segmentsTable(doc)
      : table === "gates"
        ? gatesTable(doc)
        : table === "absent"
          ? absentTable(doc)
          : table === "rejects"
            ? rejectsTable(rejects)
            : rowsTable(REPORT_TABLE_COLUMNS[table], toRows(doc.report, table));
  return rows.map(csvLine).join("");
}
