/**
 * `cx-metrics merge PART.json ...`: the report of partial reports (./partial.ts), with the gates,
 * output and exit codes of `cx-metrics report` (./finish.ts).
 *
 * @internal
 * @module
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { MetricRangeError } from "../_lib/errors.ts";
import { stateFor } from "../_lib/group.ts";
import type { SlaPolicy } from "../models/sla.ts";
import { reportAccumulator, type SegmentDimension } from "../report/index.ts";
import { OUTPUT_OPTIONS, outputArgs, resolveFormat, usageError, type OutputArgs } from "./args.ts";
import { CliError, EXIT } from "./errors.ts";
import { finish, parseChecks } from "./finish.ts";
import { helpdeskDurations, resultOrBucketError } from "./fold.ts";
import { mergeHelp } from "./help.ts";
import type { CliIo } from "./io.ts";
import { readPartial, reportOptionsOf, type PartialFile } from "./partial.ts";
import { checkPartial } from "./partialCheck.ts";
import { checkSameOptions, mergeInputSections, mergeRejects, ticketRejects } from "./partialMerge.ts";

const USAGE_HINT = 'Run "cx-metrics merge --help" for the options';

/** The parsed arguments of `cx-metrics merge`. */
interface MergeArgs extends OutputArgs {
  readonly partials: readonly string[];
}

function parseMergeArgs(argv: readonly string[]): MergeArgs | "help" {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OUTPUT_OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(error, USAGE_HINT);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return "help";
  if (positionals.length === 0)
    throw new CliError("E_CLI_USAGE", "merge needs one or more partial files (written by cx-metrics report --partial FILE)", USAGE_HINT);
  return { partials: positionals, ...outputArgs(values) };
}

/** Runs `cx-metrics merge` with the arguments after `merge`; returns the exit code. */
/** The hint of a partial that cannot be read. */
const REWRITE = "Write the partials again with the version of cx-metrics that merges them";

/**
 * Refuses parts that share a ticket id: the whole run would have rejected the second record as
 * a duplicate, and states cannot take a ticket back out (E_CLI_PARTIAL_OVERLAP).
 */
function checkDisjoint(parts: readonly { readonly path: string; readonly partial: PartialFile }[]): void {
  const partOf = new Map<string, string>();
  for (const { path, partial } of parts) {
    for (const id of partial.ticketIds) {
      const other = partOf.get(id);
      if (other !== undefined && other !== path) {
        throw new CliError(
          "E_CLI_PARTIAL_OVERLAP",
          `ticket id ${JSON.stringify(id)} is in ${other} and in ${path}: a ticket must be in one part only (the whole run would reject its second record as a duplicate id)`,
          "Split the tickets by a key that puts each in one part, such as its creation month (examples/ci/split-by-month.mjs)",
        );
      }
      partOf.set(id, path);
    }
  }
}

export async function mergeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseMergeArgs(argv);
  if (args === "help") {
    io.stdout.write(mergeHelp());
    return EXIT.OK;
  }
  const format = resolveFormat(args, io.stdout.isTTY === true);
  if (args.table === "tickets") {
    throw new CliError(
      "E_CLI_USAGE",
      "merge: --table tickets needs the tickets, and partials hold only the accumulator state",
      "Write the tickets table of each part with cx-metrics report PART --format csv --table tickets",
    );
  }
  if (args.mermaid && format !== "markdown") {
    throw new CliError("E_CLI_USAGE", `--mermaid draws charts in the Markdown output: it needs --format markdown, got --format ${format}`);
  }
  // The same file twice would count its tickets twice.
  const twice = args.partials.find((path, i) => args.partials.findIndex((p) => resolve(p) === resolve(path)) !== i);
  if (twice !== undefined) throw new CliError("E_CLI_USAGE", `merge: ${twice} is given twice; each part must be merged once`, USAGE_HINT);
  const parts: { path: string; partial: PartialFile }[] = [];
  for (const path of args.partials) parts.push({ path, partial: checkPartial(path, await readPartial(path)) });
  checkSameOptions(parts);
  const first = (parts[0] as { partial: PartialFile }).partial;
  const options = first.options;
  if (args.mermaid && !options.segments.includes("period")) {
    throw new CliError(
      "E_CLI_USAGE",
      "--mermaid charts the period segments: make the partials with --by period (what report --mermaid adds)",
    );
  }
  const dimensions = options.segments.map((k) => (typeof k === "string" ? [k] : [...k]) as SegmentDimension[]);
  const checks = await parseChecks(args, dimensions);

  let accumulator: ReturnType<typeof reportAccumulator>;
  try {
    accumulator = reportAccumulator(reportOptionsOf(options));
  } catch (error) {
    // The options are the same in every part (checked): refused ones were written by no report.
    if (!(error instanceof MetricRangeError)) throw error;
    throw new CliError("E_CLI_PARTIAL", `${args.partials[0] ?? ""}: options: ${error.message.replace(/^[\w.]+: /, "")}`, REWRITE);
  }
  checkDisjoint(parts);
  const state = accumulator.create();
  for (const { path, partial } of parts) {
    let part;
    try {
      part = accumulator.fromJSON(partial.state);
    } catch (error) {
      if (!(error instanceof MetricRangeError)) throw error;
      throw new CliError("E_CLI_PARTIAL", `${path}: state: ${error.message.replace(/^[\w.]+: /, "")}`, REWRITE);
    }
    // Every ticket used was added to the state: the two counts of a part agree (with a thread
    // preset `used` counts messages, and the tickets are its conversations).
    const added = (partial.state as { input?: { tickets?: unknown } }).input?.tickets;
    const threads = partial.input.tickets.threads;
    const [name, used] =
      threads === undefined
        ? ["input.tickets.used", partial.input.tickets.used]
        : ["input.tickets.threads.conversations", threads.conversations];
    if (added !== used) {
      throw new CliError(
        "E_CLI_PARTIAL",
        `${path}: ${name} (${String(used)}) must equal the tickets in its state (${String(added)})`,
        REWRITE,
      );
    }
    if (partial.ticketIds.length !== added) {
      throw new CliError(
        "E_CLI_PARTIAL",
        `${path}: ticketIds must list the ${String(added)} tickets of its state, got ${String(partial.ticketIds.length)}`,
        REWRITE,
      );
    }
    accumulator.merge(state, part);
  }
  // Every part read the same cohorts (checked): once.
  const cohorts = first.cohorts.map((c) => ({ ...c, start: new Date(c.start) }));
  const report = resultOrBucketError(() => accumulator.result(state, cohorts), options.bucket);
  const helpdeskValues = new Map<string, number[]>();
  for (const { partial } of parts) {
    for (const [key, list] of Object.entries(partial.helpdesk)) {
      const values = stateFor(helpdeskValues, key, (): number[] => []);
      for (const ms of list) values.push(ms);
    }
  }
  const input = mergeInputSections(
    parts.map((p) => p.partial.input),
    options.maxRejects,
  );
  const slaPolicy = options.slaPolicy as SlaPolicy | null;
  return finish(
    {
      ...args,
      tickets: input.tickets.path,
      messages: options.files.messages ? input.messages?.path : undefined,
      responses: options.files.responses ? input.responses?.path : undefined,
      rejects: undefined,
      timeZone: options.timeZoneSource === "option" ? options.timeZone : undefined,
    },
    io,
    format,
    checks,
    {
      report,
      helpdesk: helpdeskDurations(helpdeskValues, options.percentiles),
      input,
      rejects: mergeRejects(parts.map((p) => p.partial)),
      ticketRejects: ticketRejects(parts.map((p) => p.partial)),
      slaMetrics: (slaPolicy?.targets ?? []).map((t) => t.metric),
      dimensions,
    },
  );
}
