/**
 * What the command tells people on stderr: the per-file summary line, the first rejected
 * rows, and (when the report is not printed as text) the gates' results.
 *
 * @internal
 * @module
 */
import type { ReportArgs } from "./args.ts";
import type { GateResult } from "./gates.ts";
import type { FileSummary, InputSection } from "./inputs.ts";

const NAIVE = "has no UTC offset";

function fileLines(role: string, file: FileSummary, args: ReportArgs): string[] {
  const name = file.path === "-" ? "(standard input)" : file.path;
  const lines = [`${role} ${name}: rows read ${String(file.read)}, used ${String(file.used)}, rejected ${String(file.rejected)}`];
  if (file.invalidUtf8 > 0) {
    const columns = Object.entries(file.invalidUtf8ByColumn).map(([column, n]) => `${JSON.stringify(column)} ${String(n)}`);
    lines.push(`  warning: ${String(file.invalidUtf8)} invalid UTF-8 sequence${file.invalidUtf8 === 1 ? "" : "s"} read as U+FFFD (${columns.join(", ")}); is the file UTF-8?`);
  }
  for (const r of file.rejects) {
    const where = `record ${String(r.record)}${r.line === undefined ? "" : ` (line ${String(r.line)})`}`;
    const value = r.value === "" ? "" : ` (value ${JSON.stringify(r.value.length > 60 ? `${r.value.slice(0, 57)}...` : r.value)})`;
    lines.push(`  ${where}, column ${JSON.stringify(r.column)}: ${r.reason}${value}`);
  }
  const more = file.problems - file.rejects.length;
  if (more > 0) {
    lines.push(`  ... and ${String(more)} more problem${more === 1 ? "" : "s"}; ${args.rejects === undefined ? "write them all with --rejects rejects.csv" : `all are in ${args.rejects}`}`);
  }
  if (args.timeZone === undefined && file.rejects.some((r) => r.reason.includes(NAIVE))) {
    lines.push("  hint: timestamps without a UTC offset need --timezone ZONE (the zone they were written in)");
  }
  return lines;
}

/** The summary lines of every input file and their first rejected rows. */
export function describeRejects(input: InputSection, args: ReportArgs): string {
  const lines: string[] = [];
  lines.push(...fileLines("tickets", input.tickets, args));
  for (const w of input.tickets.warnings) {
    const more = w.count > w.records.length ? ", ..." : "";
    lines.push(`  warning: ${String(w.count)} ticket${w.count === 1 ? "" : "s"} ${w.description}: records ${w.records.join(", ")}${more}${args.rejects === undefined ? " (all with --rejects)" : ""}`);
  }
  if (input.messages !== null) lines.push(...fileLines("messages", input.messages, args));
  if (input.responses !== null) lines.push(...fileLines("responses", input.responses, args));
  if (input.cohorts !== null) lines.push(...fileLines("cohorts", input.cohorts, args));
  return `${lines.join("\n")}\n`;
}

/** One line per gate: `PASS nps >= 30: nps = 42.5; target >= 30`. */
export function gateLines(results: readonly GateResult[]): string {
  const failed = results.filter((r) => r.status === "fail" || r.status === "missing").length;
  const lines = results.map((r) => `${r.status.toUpperCase().padEnd(7)} ${r.gate}: ${r.message}`);
  lines.push(failed === 0 ? `gates: all ${String(results.length)} passed` : `gates: ${String(failed)} of ${String(results.length)} failed`);
  return `${lines.join("\n")}\n`;
}
