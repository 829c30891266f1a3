/**
 * `cx-metrics staffing FILE`: agents needed per interval of the week from a call log or a
 * ticket export (Erlang C or Erlang A), with the measured service figures of a call log.
 *
 * @internal
 * @module
 */
import { writeFile } from "node:fs/promises";
import { MetricRangeError } from "../_lib/errors.ts";
import { isValidTimeZone } from "../_lib/zone.ts";
import { CALL_PRESETS, readCalls, readTickets, type CallPreset, type ReadResult, type Reject } from "../io/index.ts";
import {
  weeklyStaffingAccumulator,
  type StaffingContact,
  type WeeklyStaffing,
  type WeeklyStaffingOptions,
} from "../metrics/staffing/index.ts";
import { describeFsError } from "./config.ts";
import { CliError, EXIT } from "./errors.ts";
import { inputError, source } from "./inputs.ts";
import type { CliIo } from "./io.ts";
import { safeLines } from "./render/safe.ts";
import { parseStaffingArgs, type StaffingArgs } from "./staffingArgs.ts";
import { staffingChartSpec, staffingCsv, staffingTable } from "./staffingRender.ts";
import { staffingHelp } from "./help.ts";
import { packageVersion } from "./version.ts";

/** The accounting of the file read, as the JSON output and the summary show it. */
export interface StaffingInput {
  readonly file: string;
  readonly preset: string;
  readonly timeZone: string;
  readonly read: number;
  readonly used: number;
  readonly rejected: number;
  readonly excluded: number;
  readonly excludedBy: Readonly<Record<string, number>>;
  /** The first problems of the rejected rows (at most 20). */
  readonly rejects: readonly Reject[];
  /** Every problem of the rejected rows (a row may have several). */
  readonly problems: number;
}

/** The most rejects listed on stderr and in the JSON output. */
const MAX_LISTED = 20;

const isCallPreset = (preset: string): preset is CallPreset => (CALL_PRESETS as readonly string[]).includes(preset);

/** What the staffing plan is folded from: the options, once the reader has said its time zone. */
type Sink = (zone: string | undefined) => (contact: StaffingContact) => void;

/**
 * Reads the file and adds each contact to the sink as it is read (calls: the log's fields;
 * tickets: their creation time), so memory grows with the intervals, not the rows.
 */
async function foldContacts(args: StaffingArgs, io: CliIo, sink: Sink): Promise<{ result: ReadResult<unknown>; zone: string | undefined }> {
  const common = {
    ...(args.timeZone === undefined ? {} : { timeZone: args.timeZone }),
    ...(args.dateFormat === undefined ? {} : { dateFormat: args.dateFormat }),
    ...(args.inputFormat === undefined ? {} : { format: args.inputFormat }),
    ...(args.map.length === 0 ? {} : { map: args.map }),
  };
  const preset = args.preset;
  if (isCallPreset(preset)) {
    let result;
    try {
      result = await readCalls(source(args.file, io), {
        ...common,
        preset,
        ...(args.clockSkewTolerance === undefined ? {} : { clockSkewTolerance: args.clockSkewTolerance }),
      });
    } catch (error) {
      throw inputError("calls", args.file, error);
    }
    const add = sink(result.timeZone);
    try {
      for await (const call of result.records) add(call);
    } catch (error) {
      throw inputError("calls", args.file, error);
    }
    return { result, zone: result.timeZone };
  }
  if (args.clockSkewTolerance !== undefined) {
    throw new CliError(
      "E_CLI_USAGE",
      `--clock-skew-tolerance applies to call logs (--preset ${CALL_PRESETS.join(" or ")}), got --preset ${preset}`,
    );
  }
  let result;
  try {
    result = await readTickets(source(args.file, io), { ...common, preset });
  } catch (error) {
    throw inputError("tickets", args.file, error);
  }
  const add = sink(args.timeZone);
  try {
    for await (const ticket of result.records) add({ arrivedAt: ticket.createdAt });
  } catch (error) {
    throw inputError("tickets", args.file, error);
  }
  return { result, zone: args.timeZone };
}

/** The library's refusals of stated or measured values, as the options to fix. */
function optionError(error: unknown): unknown {
  if (!(error instanceof MetricRangeError)) return error;
  const text = error.message.replace(/^\w+: /, "");
  if (error.code === "E_HANDLE_TIME")
    return new CliError("E_CLI_USAGE", `--aht SECONDS is needed: ${text}`, "State the average handle time, e.g. --aht 180");
  if (error.code === "E_PATIENCE_RANGE") return new CliError("E_CLI_USAGE", `--patience SECONDS is needed for --model erlang-a: ${text}`);
  return error;
}

async function writeTo(path: string, text: string, option: string): Promise<void> {
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new CliError("E_CLI_FILE", `${option} ${path}: ${describeFsError(error)}`);
  }
}

/** The one-line accounting of the file, and its first rejects, for stderr. */
function summaryLines(input: StaffingInput): string {
  const excluded = Object.entries(input.excludedBy)
    .map(([reason, n]) => `${reason} ${String(n)}`)
    .join(", ");
  const lines = [
    `${input.file} (${input.preset}, ${input.timeZone}): ${String(input.read)} rows read, ${String(input.used)} used, ${String(input.rejected)} rejected, ${String(input.excluded)} excluded${excluded === "" ? "" : ` (${excluded})`}`,
    ...input.rejects
      .slice(0, 5)
      .map(
        (r) =>
          `  rejected record ${String(r.record)}${r.line === undefined ? "" : ` (line ${String(r.line)})`}: ${r.column} ${JSON.stringify(r.value)} ${r.reason}`,
      ),
  ];
  if (input.problems > 5) lines.push(`  … ${String(input.problems - 5)} more problems (the first ${String(MAX_LISTED)} in --format json)`);
  return `${lines.join("\n")}\n`;
}

/** Runs `cx-metrics staffing` with the arguments after the command name; returns the exit code. */
export async function staffingCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseStaffingArgs(argv);
  if (args === "help") {
    io.stdout.write(staffingHelp());
    return EXIT.OK;
  }
  if (args.timeZone !== undefined && !isValidTimeZone(args.timeZone)) {
    throw new CliError(
      "E_CLI_OPTION_VALUE",
      `--timezone must be an IANA time zone such as Europe/Paris, got ${JSON.stringify(args.timeZone)}`,
    );
  }
  if (!isCallPreset(args.preset) && args.aht === undefined) {
    throw new CliError(
      "E_CLI_USAGE",
      `--aht SECONDS is needed with --preset ${args.preset}: tickets carry no handle time`,
      "State the average handle time, e.g. --aht 180",
    );
  }
  const options = (timeZone: string): WeeklyStaffingOptions => ({
    timeZone,
    intervalLength: args.interval,
    targetAnswerTime: args.within,
    model: args.model,
    ...(args.serviceLevel === undefined ? {} : { serviceLevel: args.serviceLevel }),
    ...(args.asa === undefined ? {} : { maxAverageSpeedOfAnswer: args.asa }),
    ...(args.shrinkage === undefined ? {} : { shrinkage: args.shrinkage }),
    ...(args.maxOccupancy === undefined ? {} : { maxOccupancy: args.maxOccupancy }),
    ...(args.aht === undefined ? {} : { averageHandleTime: args.aht }),
    ...(args.patience === undefined ? {} : { patience: args.patience }),
  });
  let finish: (() => WeeklyStaffing | undefined) | undefined;
  const { result, zone } = await foldContacts(args, io, (readerZone) => {
    const acc = weeklyStaffingAccumulator(options(readerZone ?? "UTC"));
    const state = acc.create();
    finish = () => acc.result(state);
    return (contact) => acc.add(state, contact);
  });
  const timeZone = zone ?? "UTC";
  const input: StaffingInput = {
    file: args.file,
    preset: args.preset,
    timeZone,
    read: result.stats.read,
    used: result.stats.used,
    rejected: result.stats.rejected,
    excluded: result.stats.excluded,
    excludedBy: result.stats.excludedBy,
    rejects: result.rejects.slice(0, MAX_LISTED),
    problems: result.rejects.length,
  };
  if (!args.quiet) io.stderr.write(safeLines(summaryLines(input)));
  let plan: WeeklyStaffing | undefined;
  try {
    plan = finish?.();
  } catch (error) {
    throw optionError(error);
  }
  if (plan === undefined) {
    throw new CliError(
      "E_CLI_NO_ROWS",
      `${args.file}: no arrival to staff for (rows read ${String(input.read)}, used ${String(input.used)}, rejected ${String(input.rejected)}, excluded ${String(input.excluded)})`,
      "Check the preset and the file; calls abandoned before the queue are not arrivals",
    );
  }
  const format =
    args.format ??
    (args.output?.toLowerCase().endsWith(".csv")
      ? "csv"
      : args.output?.toLowerCase().endsWith(".json")
        ? "json"
        : io.stdout.isTTY === true
          ? "table"
          : "json");
  const targets = {
    serviceLevel: args.serviceLevel ?? (args.asa === undefined ? 0.8 : null),
    within: args.within,
    asa: args.asa ?? null,
    shrinkage: args.shrinkage ?? 0,
    maxOccupancy: args.maxOccupancy ?? 1,
  };
  const text =
    format === "json"
      ? `${JSON.stringify({ command: "staffing", version: packageVersion(), input, targets, staffing: plan }, (_key, value: unknown) => (value === undefined ? null : value), 2)}\n`
      : format === "csv"
        ? staffingCsv(plan)
        : staffingTable(plan, targets);
  if (args.chart !== undefined) await writeTo(args.chart, `${JSON.stringify(staffingChartSpec(plan), null, 2)}\n`, "--chart");
  if (args.output === undefined) io.stdout.write(format === "table" ? safeLines(text) : text);
  else await writeTo(args.output, text, "--output");
  return EXIT.OK;
}
