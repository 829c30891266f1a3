/**
 * The end of `cx-metrics report` and `cx-metrics merge`, shared: once the report and the input
 * accounting are known, write the rejects, check the gates, render and print, and return the
 * exit code. Both commands end here, so their output, gates and exit codes cannot differ.
 *
 * @internal
 * @module
 */
import { writeFile } from "node:fs/promises";
import type { SlaMetric } from "../models/sla.ts";
import type { Report, SegmentDimension } from "../report/index.ts";
import type { ReportArgs } from "./args.ts";
import { describeFsError, loadGates } from "./config.ts";
import { csvLine } from "./csv.ts";
import type { CliDocument, HelpdeskDurations } from "./document.ts";
import { CliError, EXIT } from "./errors.ts";
import { evaluateGates, isAbsent, isFailure, parseGate, type Gate, type GateResult } from "./gates.ts";
import type { FileRejects, InputSection } from "./inputs.ts";
import { absentInputs } from "./inputsNeeded.ts";
import type { CliIo } from "./io.ts";
import { evaluateRegressions, loadBaseline, parseRegression, type RegressionGate } from "./regression.ts";
import { renderCsv, rejectsTable } from "./render/csv.ts";
import { renderHtml } from "./render/html.ts";
import { renderCharts } from "./render/htmlCharts.ts";
import { renderMarkdown } from "./render/markdown.ts";
import { safeLines } from "./render/safe.ts";
import { renderText } from "./render/text.ts";
import { documentBlocks } from "./sections.ts";
import { absentLine, describeRejects, gateLines, noRowsError, rejectedShareWarnings, shareText } from "./stderr.ts";
import { trendBlocks } from "./trendCharts.ts";
import type { OutputFormat } from "./args.ts";
import { packageVersion } from "./version.ts";

/** The arguments the end of a run reads. */
export type FinishArgs = Pick<
  ReportArgs,
  | "tickets"
  | "messages"
  | "responses"
  | "rejects"
  | "timeZone"
  | "strict"
  | "mermaid"
  | "table"
  | "output"
  | "quiet"
  | "allowMissing"
  | "maxRejected"
  | "gates"
  | "gatesFile"
  | "failIfWorse"
  | "baseline"
>;

/** The gates and regression gates of a run, parsed, with the baseline they compare with. */
export interface Checks {
  readonly gates: readonly Gate[];
  readonly regressions: readonly RegressionGate[];
  readonly baseline: unknown;
}

/**
 * Parses `--gate`, `--fail-if`, `--gates`, `--max-rejected`, `--fail-if-worse` and reads
 * `--baseline`, against the run's segmentations (their dimensions).
 */
export async function parseChecks(
  args: Pick<FinishArgs, "gates" | "gatesFile" | "maxRejected" | "failIfWorse" | "baseline">,
  dimensions: readonly (readonly string[])[],
): Promise<Checks> {
  const gateArgs = [...args.gates, ...(args.gatesFile === undefined ? [] : await loadGates(args.gatesFile))];
  // --max-rejected is a data-quality gate: above it, exit 1 like any failed gate.
  if (args.maxRejected !== undefined)
    gateArgs.push({ text: `rejected.share <= ${shareText(args.maxRejected)}`, kind: "gate", source: "--max-rejected" });
  const gates = gateArgs.map((g) => parseGate(g, dimensions));
  const regressions = args.failIfWorse.map((g) => parseRegression(g, dimensions));
  if (regressions.length > 0 && args.baseline === undefined)
    throw new CliError(
      "E_CLI_USAGE",
      "--fail-if-worse compares with an earlier run: it needs --baseline FILE (that run's --format json output)",
    );
  if (regressions.length === 0 && args.baseline !== undefined)
    throw new CliError("E_CLI_USAGE", '--baseline is read by --fail-if-worse only; add one, e.g. --fail-if-worse "frt.median 10%"');
  const baseline = args.baseline === undefined ? undefined : await loadBaseline(args.baseline);
  return { gates, regressions, baseline };
}

/** What a run computed: the report and the accounting of what was read. */
export interface Outcome {
  readonly report: Report;
  readonly helpdesk: HelpdeskDurations | null;
  readonly input: InputSection;
  /** Every problem, by file (the `--rejects` file, `--format csv --table rejects`). */
  readonly rejects: readonly FileRejects[];
  /** The rejected records of the tickets file(s), for the message when none could be used. */
  readonly ticketRejects: FileRejects["rejects"];
  /** The SLA policy's timed metrics (what the `absent` list checks). */
  readonly slaMetrics: readonly SlaMetric[];
  /** The dimensions of every segmentation. */
  readonly dimensions: readonly (readonly SegmentDimension[])[];
}

/** Writes text to a file or to stdout. */
async function emit(text: string, args: FinishArgs, io: CliIo): Promise<void> {
  if (args.output === undefined) {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFile(args.output, text);
  } catch (error) {
    throw new CliError("E_CLI_FILE", `--output ${args.output}: ${describeFsError(error)}`);
  }
}

/** Writes every problem to the `--rejects` file, when given. */
export async function writeRejects(path: string | undefined, rejects: readonly FileRejects[]): Promise<void> {
  if (path === undefined) return;
  try {
    await writeFile(path, rejectsTable(rejects).map(csvLine).join(""));
  } catch (error) {
    throw new CliError("E_CLI_FILE", `--rejects ${path}: ${describeFsError(error)}`);
  }
}

/**
 * Checks the gates on the outcome, renders it in `format`, prints it and the summary on stderr,
 * and returns the exit code (0, 1 a gate failed, 2 a gate on an absent metric or `--strict`).
 */
export async function finish(args: FinishArgs, io: CliIo, format: OutputFormat, checks: Checks, outcome: Outcome): Promise<number> {
  const { input, report } = outcome;
  const rejected = [input.tickets, input.messages, input.responses, input.cohorts, input.events].reduce(
    (n, f) => n + (f?.rejected ?? 0),
    0,
  );
  await writeRejects(args.rejects, outcome.rejects);
  // A run that used no ticket row has nothing to report: never an empty report "as of 1970".
  if (input.tickets.used === 0) throw noRowsError(input.tickets, outcome.ticketRejects, args);

  const absent = absentInputs({
    fields: input.tickets.fields,
    json: input.tickets.format !== "csv",
    // A thread preset's tickets carry their messages: as good as a --messages file.
    files: [
      ...(["messages", "responses"] as const).filter(
        (role) => args[role] !== undefined || (role === "messages" && input.tickets.threads !== undefined),
      ),
      // A history file gives the status history (merged runs know it from the parts' input).
      ...(input.events === null ? [] : (["events"] as const)),
    ],
    slaMetrics: outcome.slaMetrics,
    dimensions: outcome.dimensions.flat(),
  });
  const current = { report, input };
  const results: GateResult[] = [
    ...evaluateGates(checks.gates, current, args.allowMissing, absent),
    ...evaluateRegressions(checks.regressions, current, checks.baseline, {
      confidenceLevel: report.parameters.confidenceLevel,
      allowMissing: args.allowMissing,
      absent,
    }),
  ];
  const strictFailed = args.strict && rejected > 0;
  // A gate on a metric the export cannot give is exit 2, like a bad input: no figure to judge.
  const exitCode = strictFailed || results.some(isAbsent) ? EXIT.BAD_INPUT : results.some(isFailure) ? EXIT.GATE_FAILED : EXIT.OK;
  const doc: CliDocument = {
    version: 1,
    generator: { name: "cx-metrics", version: packageVersion() },
    input,
    report,
    helpdesk: outcome.helpdesk,
    absent,
    gates: results,
    exitCode,
  };

  // What goes to stderr quotes the data (values, column names): control characters are escaped.
  if (!args.quiet) io.stderr.write(safeLines(describeRejects(input, args) + absentLine(absent)));
  // Loud even with --quiet: a large share of rows was dropped. --max-rejected turns it into a gate.
  if (args.maxRejected === undefined) io.stderr.write(rejectedShareWarnings(input));
  const text =
    format === "html"
      ? renderHtml(doc, documentBlocks(doc), { charts: await renderCharts(doc.report), generator: `cx-metrics ${doc.generator.version}` })
      : format === "json"
        ? `${JSON.stringify(doc, null, 2)}\n`
        : format === "csv"
          ? renderCsv(doc, args.table, outcome.rejects)
          : format === "markdown"
            ? renderMarkdown(args.mermaid ? [...documentBlocks(doc), ...trendBlocks(doc.report)] : documentBlocks(doc))
            : renderText(documentBlocks(doc));
  // The tickets table is already written, row by row, while the tickets were read.
  if (!(format === "csv" && args.table === "tickets")) await emit(text, args, io);
  // Gate results also go to stderr when the report itself is not printed as text on stdout.
  if (results.length > 0 && (format === "json" || format === "csv" || format === "html" || args.output !== undefined))
    io.stderr.write(safeLines(gateLines(results)));
  const absentGates = results.filter(isAbsent).length;
  if (absentGates > 0) {
    io.stderr.write(
      `cx-metrics: ${String(absentGates)} gate${absentGates === 1 ? "" : "s"} on a metric not in this export; failing (exit 2; --allow-missing skips ${absentGates === 1 ? "it" : "them"})\n`,
    );
  }
  if (strictFailed) {
    io.stderr.write(`cx-metrics: --strict: ${String(rejected)} rejected row${rejected === 1 ? "" : "s"}; failing (exit 2)\n`);
  }
  return exitCode;
}
