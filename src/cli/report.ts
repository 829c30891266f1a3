/**
 * `cx-metrics report`: read → fold → gates → render.
 *
 * @internal
 * @module
 */
import { writeFile } from "node:fs/promises";
import { isValidTimeZone } from "../_lib/zone.ts";
import { NAIVE_PRESETS, parseReportArgs, resolveFormat, type ReportArgs } from "./args.ts";
import { describeFsError, loadGates, loadSchedule, loadSlaPolicy } from "./config.ts";
import { csvLine } from "./csv.ts";
import type { CliDocument } from "./document.ts";
import { CliError, EXIT } from "./errors.ts";
import { foldInputs } from "./fold.ts";
import { evaluateGates, isAbsent, isFailure, parseGate, type GateResult } from "./gates.ts";
import { evaluateRegressions, loadBaseline, parseRegression } from "./regression.ts";
import { reportHelp } from "./help.ts";
import { fileSummary, latestInstantBound, openFiles, type FileRejects, type InputSection } from "./inputs.ts";
import { absentInputs, type InputFile } from "./inputsNeeded.ts";
import type { CliIo } from "./io.ts";
import { renderCsv, rejectsTable } from "./render/csv.ts";
import { renderHtml } from "./render/html.ts";
import { renderCharts } from "./render/htmlCharts.ts";
import { renderMarkdown } from "./render/markdown.ts";
import { trendBlocks } from "./trendCharts.ts";
import { safeLines } from "./render/safe.ts";
import { renderText } from "./render/text.ts";
import { documentBlocks } from "./sections.ts";
import { parseSegments } from "./segments.ts";
import { absentLine, describeRejects, gateLines, noRowsError, rejectedShareWarnings, shareText } from "./stderr.ts";
import { parseInstant, parsePeriod } from "./values.ts";
import { packageVersion } from "./version.ts";

/** The percentiles of every duration summary (the gate names p90 and p95 read them). */
const PERCENTILES = [0.9, 0.95];

function checkTimeZone(args: ReportArgs): string {
  if (args.timeZone === undefined) {
    if (NAIVE_PRESETS.includes(args.preset)) {
      throw new CliError(
        "E_CLI_TIME_ZONE_REQUIRED",
        `--timezone is required with --preset ${args.preset}: its dates have no UTC offset (they are in the helpdesk account's time zone)`,
        "Give the account's zone, e.g. --timezone Europe/Bucharest (Zendesk: Admin Center > Account > Localization)",
      );
    }
    return "UTC";
  }
  if (!isValidTimeZone(args.timeZone)) {
    throw new CliError(
      "E_CLI_OPTION_VALUE",
      `--timezone must be an IANA time zone such as Europe/Bucharest or UTC, got ${JSON.stringify(args.timeZone)}`,
    );
  }
  return args.timeZone;
}

/** Writes text to a file or to stdout. */
async function emit(text: string, args: ReportArgs, io: CliIo): Promise<void> {
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

/** Runs `cx-metrics report` with the arguments after `report`; returns the exit code. */
export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseReportArgs(argv);
  if (args === "help") {
    io.stdout.write(reportHelp());
    return EXIT.OK;
  }
  // Everything that can be checked before reading is checked first.
  const timeZone = checkTimeZone(args);
  const format = resolveFormat(args, io.stdout.isTTY === true);
  if (args.mermaid && format !== "markdown") {
    throw new CliError("E_CLI_USAGE", `--mermaid draws charts in the Markdown output: it needs --format markdown, got --format ${format}`);
  }
  // The first-response trend reads the period segments: --mermaid adds them.
  const segments = parseSegments(args.mermaid ? [...args.by, "period"] : args.by);
  const asOf = args.asOf === undefined ? undefined : parseInstant("--as-of", args.asOf, timeZone);
  const period = args.period === undefined ? undefined : parsePeriod("--period", args.period, timeZone);
  const compareTo = args.compareTo === undefined ? undefined : parsePeriod("--compare-to", args.compareTo, timeZone);
  if (compareTo !== undefined && period === undefined)
    throw new CliError("E_CLI_USAGE", "--compare-to needs --period (the period to compare)");
  const schedule = args.schedule === undefined ? undefined : await loadSchedule(args.schedule);
  const slaPolicy = args.sla === undefined ? undefined : await loadSlaPolicy(args.sla, schedule);
  const gateArgs = [...args.gates, ...(args.gatesFile === undefined ? [] : await loadGates(args.gatesFile))];
  // --max-rejected is a data-quality gate: above it, exit 1 like any failed gate.
  if (args.maxRejected !== undefined)
    gateArgs.push({ text: `rejected.share <= ${shareText(args.maxRejected)}`, kind: "gate", source: "--max-rejected" });
  const gates = gateArgs.map((g) => parseGate(g, segments.dimensions));
  const regressions = args.failIfWorse.map((g) => parseRegression(g, segments.dimensions));
  if (regressions.length > 0 && args.baseline === undefined)
    throw new CliError(
      "E_CLI_USAGE",
      "--fail-if-worse compares with an earlier run: it needs --baseline FILE (that run's --format json output)",
    );
  if (regressions.length === 0 && args.baseline !== undefined)
    throw new CliError("E_CLI_USAGE", '--baseline is read by --fail-if-worse only; add one, e.g. --fail-if-worse "frt.median 10%"');
  const baseline = args.baseline === undefined ? undefined : await loadBaseline(args.baseline);

  const first = await openFiles(args, io);
  const fromStdin = [args.tickets, args.messages, args.responses, args.cohorts].includes("-");
  const quiet = args.quiet;
  const showProgress = !quiet && io.stderr.isTTY === true;
  let lastProgress = 0;
  const started = Date.now();
  const folded = await foldInputs(
    first,
    {
      asOf,
      timeZone,
      schedule,
      slaPolicy,
      segments: segments.keys,
      period,
      compareTo,
      bucket: args.bucket,
      percentiles: PERCENTILES,
      ...(args.confidenceLevel === undefined ? {} : { confidenceLevel: args.confidenceLevel }),
      ...(args.valuePerCustomer === undefined ? {} : { valuePerCustomer: args.valuePerCustomer }),
      ...(args.quantiles === undefined ? {} : { quantiles: args.quantiles }),
      ...(args.rankBy === undefined && args.minSample === undefined
        ? {}
        : { leaderboard: { by: args.rankBy ?? "tickets", ...(args.minSample === undefined ? {} : { minSample: args.minSample }) } }),
    },
    (role, rows) => {
      const now = Date.now();
      if (!showProgress || now - lastProgress < 500) return;
      lastProgress = now;
      const rate = rows / Math.max(0.001, (now - started) / 1000);
      io.stderr.write(`\r\x1b[K${role}: ${String(rows)} rows read (${String(Math.round(rate))} rows/s)`);
    },
    // Without --as-of, files are read twice (first for the latest timestamp); stdin is held.
    fromStdin ? undefined : () => openFiles(args, io),
    // Without --as-of: an upper bound of the latest timestamp, read cheaply, checked while folding.
    fromStdin ? undefined : () => latestInstantBound(args, io),
  );
  if (showProgress && lastProgress !== 0) io.stderr.write("\r\x1b[K");
  const files = folded.files;

  const messages = files.tickets.messages;
  const input: InputSection = {
    preset: args.preset,
    timeZone,
    timeZoneSource: args.timeZone === undefined ? "default" : "option",
    asOf: folded.asOf.toISOString(),
    asOfSource: folded.asOfSource,
    tickets: {
      ...fileSummary(args.tickets, files.tickets, args.maxRejects),
      fields: files.tickets.input.fields,
      blankFields: files.tickets.input.blankFields,
      precomputed: folded.precomputedTickets,
      ...(files.tickets.threads === undefined ? {} : { threads: files.tickets.threads }),
      warnings: folded.warnings.map((w) => ({
        reason: w.reason,
        description: w.description,
        count: w.records.length,
        records: w.records.slice(0, args.maxRejects),
      })),
    },
    messages:
      messages === undefined || args.messages === undefined
        ? null
        : {
            ...fileSummary(args.messages, messages, args.maxRejects),
            attached: messages.attached,
            unmatched: messages.unmatched,
          },
    responses:
      files.responses === undefined || args.responses === undefined ? null : fileSummary(args.responses, files.responses, args.maxRejects),
    cohorts: files.cohorts === undefined || args.cohorts === undefined ? null : fileSummary(args.cohorts, files.cohorts, args.maxRejects),
  };
  const allRejects: FileRejects[] = [
    {
      role: "tickets",
      path: args.tickets,
      rejects: [
        ...files.tickets.rejects,
        ...folded.warnings.flatMap((w) =>
          w.records.map((record, i) => ({
            kind: "warning" as const,
            record,
            column: "(record)",
            value: w.ids[i] ?? "",
            reason: `${w.reason}: ${w.description}`,
          })),
        ),
      ],
    },
    ...(messages === undefined || args.messages === undefined
      ? []
      : [{ role: "messages" as const, path: args.messages, rejects: messages.rejects }]),
    ...(files.responses === undefined || args.responses === undefined
      ? []
      : [{ role: "responses" as const, path: args.responses, rejects: files.responses.rejects }]),
    ...(files.cohorts === undefined || args.cohorts === undefined
      ? []
      : [{ role: "cohorts" as const, path: args.cohorts, rejects: files.cohorts.rejects }]),
  ];
  const rejected = [input.tickets, input.messages, input.responses, input.cohorts].reduce((n, f) => n + (f?.rejected ?? 0), 0);

  if (args.rejects !== undefined) {
    try {
      await writeFile(args.rejects, rejectsTable(allRejects).map(csvLine).join(""));
    } catch (error) {
      throw new CliError("E_CLI_FILE", `--rejects ${args.rejects}: ${describeFsError(error)}`);
    }
  }
  // A run that used no ticket row has nothing to report: never an empty report "as of 1970".
  if (input.tickets.used === 0) throw noRowsError(input.tickets, files.tickets.rejects, args);

  const absent = absentInputs({
    fields: input.tickets.fields,
    json: files.tickets.input.format !== "csv",
    // A thread preset's tickets carry their messages: as good as a --messages file.
    files: (["messages", "responses"] as const).filter(
      (role): role is InputFile => args[role] !== undefined || (role === "messages" && files.tickets.threads !== undefined),
    ),
    slaMetrics: slaPolicy?.targets.map((t) => t.metric) ?? [],
    dimensions: segments.dimensions.flat(),
  });
  const current = { report: folded.report, input };
  const results: GateResult[] = [
    ...evaluateGates(gates, current, args.allowMissing, absent),
    ...evaluateRegressions(regressions, current, baseline, {
      confidenceLevel: folded.report.parameters.confidenceLevel,
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
    report: folded.report,
    helpdesk: folded.helpdesk,
    absent,
    gates: results,
    exitCode,
  };

  // What goes to stderr quotes the data (values, column names): control characters are escaped.
  if (!quiet) io.stderr.write(safeLines(describeRejects(input, args) + absentLine(absent)));
  // Loud even with --quiet: a large share of rows was dropped. --max-rejected turns it into a gate.
  if (args.maxRejected === undefined) io.stderr.write(rejectedShareWarnings(input));
  const text =
    format === "html"
      ? renderHtml(doc, documentBlocks(doc), { charts: await renderCharts(doc.report), generator: `cx-metrics ${doc.generator.version}` })
      : format === "json"
        ? `${JSON.stringify(doc, null, 2)}\n`
        : format === "csv"
          ? renderCsv(doc, args.table, allRejects)
          : format === "markdown"
            ? renderMarkdown(args.mermaid ? [...documentBlocks(doc), ...trendBlocks(doc.report)] : documentBlocks(doc))
            : renderText(documentBlocks(doc));
  await emit(text, args, io);
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
