/**
 * What the command tells people on stderr: the per-file summary line, the first rejected
 * rows, and (when the report is not printed as text) the gates' results.
 *
 * @internal
 * @module
 */
import type { Reject } from "../io/index.ts";
import { stateFor } from "../_lib/group.ts";
import type { ReportArgs } from "./args.ts";
import { CliError } from "./errors.ts";
import { summaryText, type GateResult } from "./gates.ts";
import type { FileSummary, InputSection } from "./inputs.ts";
import type { AbsentInput } from "./inputsNeeded.ts";

const NAIVE = "has no UTC offset";

/** The arguments the rejects' messages read: `--rejects` (where all of them are) and `--timezone` (the hint). */
type RejectsArgs = Pick<ReportArgs, "rejects" | "timeZone">;

function fileLines(role: string, file: FileSummary, args: RejectsArgs): string[] {
  const name = file.path === "-" ? "(standard input)" : file.path;
  const excluded = Object.entries(file.excludedBy)
    .map(([reason, n]) => `${String(n)} ${reason}`)
    .join(", ");
  const lines = [
    `${role} ${name}: rows read ${String(file.read)}, used ${String(file.used)}, rejected ${String(file.rejected)}` +
      (file.excluded > 0 ? `, excluded ${String(file.excluded)} (${excluded})` : ""),
  ];
  if (file.invalidUtf8 > 0) {
    const columns = Object.entries(file.invalidUtf8ByColumn).map(([column, n]) => `${JSON.stringify(column)} ${String(n)}`);
    lines.push(
      `  warning: ${String(file.invalidUtf8)} invalid UTF-8 sequence${file.invalidUtf8 === 1 ? "" : "s"} read as U+FFFD (${columns.join(", ")}); is the file UTF-8?`,
    );
  }
  for (const r of file.rejects) {
    // Merged partials (./partialMerge.ts) name each problem's own file: record numbers are per file.
    const file = (r as { readonly path?: unknown }).path;
    const where = `${typeof file === "string" ? `${file} ` : ""}record ${String(r.record)}${r.line === undefined ? "" : ` (line ${String(r.line)})`}`;
    const value = r.value === "" ? "" : ` (value ${JSON.stringify(r.value.length > 60 ? `${r.value.slice(0, 57)}...` : r.value)})`;
    lines.push(`  ${where}, column ${JSON.stringify(r.column)}: ${r.reason}${value}`);
  }
  const more = file.problems - file.rejects.length;
  if (more > 0) {
    lines.push(
      `  ... and ${String(more)} more problem${more === 1 ? "" : "s"}; ${args.rejects === undefined ? "write them all with --rejects rejects.csv" : `all are in ${args.rejects}`}`,
    );
  }
  if (args.timeZone === undefined && file.rejects.some((r) => r.reason.includes(NAIVE))) {
    lines.push("  hint: timestamps without a UTC offset need --timezone ZONE (the zone they were written in)");
  }
  return lines;
}

/** The summary lines of every input file and their first rejected rows. */
export function describeRejects(input: InputSection, args: RejectsArgs): string {
  const lines: string[] = [];
  lines.push(...fileLines("tickets", input.tickets, args));
  for (const w of input.tickets.warnings) {
    const more = w.count > w.records.length ? ", ..." : "";
    lines.push(
      `  warning: ${String(w.count)} ticket${w.count === 1 ? "" : "s"} ${w.description}: records ${w.records.join(", ")}${more}${args.rejects === undefined ? " (all with --rejects)" : ""}`,
    );
  }
  if (input.messages !== null) lines.push(...fileLines("messages", input.messages, args));
  if (input.responses !== null) lines.push(...fileLines("responses", input.responses, args));
  if (input.cohorts !== null) lines.push(...fileLines("cohorts", input.cohorts, args));
  if (input.events !== null) lines.push(...fileLines("events", input.events, args));
  return `${lines.join("\n")}\n`;
}

/** `  2 figures not in this export:` and one line each (`    Unassigned: no assignee column`); `""` when nothing is absent. */
export function absentLine(absent: readonly AbsentInput[]): string {
  if (absent.length === 0) return "";
  const lines = absent.map((a) => `    ${a.label}: ${a.message.replace(" in this export", "")}`);
  return `  ${String(absent.length)} figure${absent.length === 1 ? "" : "s"} not in this export:\n${lines.join("\n")}\n`;
}

/** One line per gate: `PASS nps >= 30: nps = 42.5; target >= 30`. */
export function gateLines(results: readonly GateResult[]): string {
  const lines = results.map((r) => `${r.status.toUpperCase().padEnd(7)} ${r.gate}: ${r.message}`);
  lines.push(`gates: ${summaryText(results)}`);
  return `${lines.join("\n")}\n`;
}

/** The rejected share above which a warning is printed when `--max-rejected` is not given. */
export const WARN_REJECTED_SHARE = 0.05;

/** A share as a short percentage: `5%`, `12.5%`, `0.1%`. */
export function shareText(share: number): string {
  return `${String(Number((share * 100).toPrecision(6)))}%`;
}

/** `WARNING: 12.3% of ticket rows were rejected …`, one line per file above {@link WARN_REJECTED_SHARE}; `""` when none is. */
export function rejectedShareWarnings(input: InputSection): string {
  const files: [string, FileSummary | null][] = [
    ["ticket", input.tickets],
    ["message", input.messages],
    ["response", input.responses],
    ["cohort", input.cohorts],
    ["event", input.events],
  ];
  let out = "";
  for (const [role, file] of files) {
    if (file === null || file.rejectedShare === null || file.rejectedShare <= WARN_REJECTED_SHARE) continue;
    out +=
      `cx-metrics: WARNING: ${shareText(file.rejectedShare)} of ${role} rows were rejected (${String(file.rejected)} of ${String(file.read)}); ` +
      `the report leaves them out. Check --preset and --map; fail the run above a share with --max-rejected 5%\n`;
  }
  return out;
}

/** The `count` commonest problems of `rejects` (by column and reason), each with its first record. */
export function commonReasons(rejects: readonly Reject[], count = 3): string[] {
  const groups = new Map<string, { n: number; first: Reject }>();
  for (const r of rejects) {
    const key = `${r.column}\u0000${r.reason}`;
    stateFor(groups, key, () => ({ n: 0, first: r })).n++;
  }
  return [...groups.values()]
    .sort((a, b) => b.n - a.n)
    .slice(0, count)
    .map(({ n, first }) => {
      const where = `record ${String(first.record)}${first.line === undefined ? "" : `, line ${String(first.line)}`}`;
      const value =
        first.value === "" ? "" : `, value ${JSON.stringify(first.value.length > 60 ? `${first.value.slice(0, 57)}...` : first.value)}`;
      return `  ${String(n)} × column ${JSON.stringify(first.column)}: ${first.reason} (e.g. ${where}${value})`;
    });
}

/** The error of a run that used no ticket row (`E_CLI_NO_ROWS`, exit 2): the commonest reasons and a hint. */
export function noRowsError(file: FileSummary, rejects: readonly Reject[], args: RejectsArgs): CliError {
  const name = file.path === "-" ? "(standard input)" : file.path;
  if (file.read === 0) {
    return new CliError(
      "E_CLI_NO_ROWS",
      `tickets ${name}: no ticket rows to report on (the file has no records)`,
      "Export a period with tickets, or check the file",
    );
  }
  const lines = [
    `tickets ${name}: no ticket row could be used (rows read ${String(file.read)}, used 0, rejected ${String(file.rejected)}); the commonest problems:`,
    ...commonReasons(rejects),
  ];
  return new CliError(
    "E_CLI_NO_ROWS",
    lines.join("\n"),
    `Check --preset (the helpdesk the export comes from) and --map field=Column for renamed columns${args.timeZone === undefined ? ", and --timezone for dates without a UTC offset" : ""}; ${args.rejects === undefined ? "--rejects rejects.csv writes every problem" : `every problem is in ${args.rejects}`}`,
  );
}
