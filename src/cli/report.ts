/**
 * `cx-metrics report`: read → fold → gates → render.
 *
 * @internal
 * @module
 */
import { isValidTimeZone } from "../_lib/zone.ts";
import { isThreadPreset } from "../io/readThreads.ts";
import { NAIVE_PRESETS, parseReportArgs, resolveFormat, type ReportArgs } from "./args.ts";
import { loadSchedule, loadSlaPolicy } from "./config.ts";
import { CliError, EXIT } from "./errors.ts";
import { eventsSummary } from "./events.ts";
import { finish, parseChecks } from "./finish.ts";
import { foldInputs, type Folded } from "./fold.ts";
import { reportHelp } from "./help.ts";
import { fileSummary, latestInstantBound, openFiles, type FileRejects, type InputSection, type OpenedFiles } from "./inputs.ts";
import type { CliIo } from "./io.ts";
import { checkPartialArgs, writePartialRun } from "./partialReport.ts";
import { parseSegments } from "./segments.ts";
import { checkTicketTableArgs, openTicketTable, writesTicketTable, type TicketTableSink } from "./ticketTable.ts";
import { leaderboardAndBots } from "./argsResponders.ts";
import { parseInstant, parsePeriod } from "./values.ts";

/** The percentiles of every duration summary (the gate names p90 and p95 read them). */
export const PERCENTILES = [0.9, 0.95];

/**
 * A thread preset (`threads`, `twcs`) reads conversations, their messages and statuses from the
 * reply links of its one file: `--messages`, `--events` and `--status-map` would be ignored, so they are
 * refused here, naming the option (the reader refuses them too, from code).
 */
function checkThreadPresetArgs(args: ReportArgs): void {
  if (!isThreadPreset(args.preset)) return;
  const given =
    args.messages !== undefined
      ? "--messages"
      : args.events !== undefined
        ? "--events"
        : args.statusMap.length > 0
          ? "--status-map"
          : undefined;
  if (given === undefined) return;
  throw new CliError(
    "E_CLI_USAGE",
    `${given} cannot be used with --preset ${args.preset}: its conversations, their messages and statuses come from the reply links in the file`,
    `Leave out ${given}`,
  );
}

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

/** Runs `cx-metrics report` with the arguments after `report`; returns the exit code. */
export async function reportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseReportArgs(argv);
  if (args === "help") {
    io.stdout.write(reportHelp());
    return EXIT.OK;
  }
  // Everything that can be checked before reading is checked first.
  if (args.partial !== undefined) checkPartialArgs(args);
  checkThreadPresetArgs(args);
  const timeZone = checkTimeZone(args);
  const format = resolveFormat(args, io.stdout.isTTY === true);
  if (args.mermaid && format !== "markdown") {
    throw new CliError("E_CLI_USAGE", `--mermaid draws charts in the Markdown output: it needs --format markdown, got --format ${format}`);
  }
  checkTicketTableArgs(format, args.table, args.partial);
  // The first-response trend reads the period segments: --mermaid adds them.
  const segments = parseSegments(args.mermaid ? [...args.by, "period"] : args.by);
  const asOf = args.asOf === undefined ? undefined : parseInstant("--as-of", args.asOf, timeZone);
  const period = args.period === undefined ? undefined : parsePeriod("--period", args.period, timeZone);
  const compareTo = args.compareTo === undefined ? undefined : parsePeriod("--compare-to", args.compareTo, timeZone);
  if (compareTo !== undefined && period === undefined)
    throw new CliError("E_CLI_USAGE", "--compare-to needs --period (the period to compare)");
  const schedule = args.schedule === undefined ? undefined : await loadSchedule(args.schedule);
  const slaPolicy = args.sla === undefined ? undefined : await loadSlaPolicy(args.sla, schedule);
  const checks = await parseChecks(args, segments.dimensions);

  const first = await openFiles(args, io);
  const fromStdin = [args.tickets, args.messages, args.events, args.responses, args.cohorts].includes("-");
  const quiet = args.quiet;
  const showProgress = !quiet && io.stderr.isTTY === true;
  let lastProgress = 0;
  const started = Date.now();
  // --table tickets: the rows are written as the tickets are folded, once asOf is final.
  let table: TicketTableSink | undefined;
  const onTickets = writesTicketTable(format, args.table)
    ? (final: Date) => (table = openTicketTable(args.output, io, { asOf: final, schedule, slaPolicy, period })).row
    : undefined;
  const folded = await foldInputs(
    first,
    {
      asOf,
      ...(onTickets === undefined ? {} : { onTickets }),
      collectIds: args.partial !== undefined,
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
      ...(args.repeatWindow === undefined ? {} : { repeatWindow: args.repeatWindow }),
      ...leaderboardAndBots(args),
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
  ).finally(() => table?.close());
  if (showProgress && lastProgress !== 0) io.stderr.write("\r\x1b[K");
  const { input, rejects } = describeInput(args, timeZone, folded, folded.files);
  if (args.partial !== undefined)
    return writePartialRun(args, io, {
      timeZone,
      asOf: asOf as Date,
      segments: segments.keys,
      slaPolicy,
      schedule,
      folded,
      input,
      rejects,
    });
  return finish(args, io, format, checks, {
    report: folded.report,
    helpdesk: folded.helpdesk,
    input,
    rejects,
    ticketRejects: folded.files.tickets.rejects,
    slaMetrics: slaPolicy?.targets.map((t) => t.metric) ?? [],
    dimensions: segments.dimensions,
  });
}

/** The `input` section of a run, and every problem by file (rejected records, then the warnings). */
function describeInput(
  args: ReportArgs,
  timeZone: string,
  folded: Folded,
  files: OpenedFiles,
): { readonly input: InputSection; readonly rejects: FileRejects[] } {
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
    events: eventsSummary(args, files.tickets.events, files.eventsPreset ?? "generic"),
  };
  const rejects: FileRejects[] = [
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
    ...(files.tickets.events === undefined || args.events === undefined
      ? []
      : [{ role: "events" as const, path: args.events, rejects: files.tickets.events.rejects }]),
  ];
  return { input, rejects };
}
