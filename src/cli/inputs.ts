/**
 * Opens the command's input files with the readers of src/io and describes what was read
 * (the `input` section of the output).
 *
 * @internal
 * @module
 */
import { MetricRangeError } from "../_lib/errors.ts";
import {
  EVENT_PRESETS,
  InputFormatError,
  readCohorts,
  readSurveyResponses,
  readTickets,
  type InputFormat,
  type ReadResult,
  type Reject,
  type TicketPreset,
  type EventPreset,
  type NamedSource,
  type ReadTicketsOptions,
  type ThreadStats,
  type TicketReadResult,
} from "../io/index.ts";
import { latestTicketInstant } from "../io/readTickets.ts";
import { openFile } from "../io/node/index.ts";
import type { Cohort } from "../models/cohort.ts";
import type { SurveyResponse } from "../models/survey.ts";
import type { ReportArgs } from "./args.ts";
import { describeFsError } from "./config.ts";
import { CliError } from "./errors.ts";
import type { CliIo } from "./io.ts";
import { eventsPreset, type EventsSummary } from "./events.ts";

/** The role of an input file. */
export type FileRole = "tickets" | "messages" | "responses" | "cohorts" | "calls" | "events";

/** The readers, opened (headers checked) but not yet iterated. */
export interface OpenedFiles {
  readonly tickets: TicketReadResult;
  readonly responses: ReadResult<SurveyResponse> | undefined;
  readonly cohorts: ReadResult<Cohort> | undefined;
  /** The layout the history file (`--events`) is read with, when there is one. */
  readonly eventsPreset?: EventPreset;
}

/** How one file was read: the `input.<role>` entries of the JSON output. */
export interface FileSummary {
  /** The path as given (`-` for standard input). */
  readonly path: string;
  /** The layout read; `null` when not known (the messages file, read inside the tickets reader). */
  readonly format: InputFormat | null;
  /** `true` when the file was gzip-compressed; `null` when not known. */
  readonly gzip: boolean | null;
  /** The CSV delimiter; `null` for JSON. */
  readonly delimiter: string | null;
  /** Records read. */
  readonly read: number;
  /** Records used. */
  readonly used: number;
  /** Records rejected. */
  readonly rejected: number;
  /** `rejected / read`; `null` when nothing was read. */
  readonly rejectedShare: number | null;
  /** Records excluded on purpose (deleted or spam tickets): `read = used + rejected + excluded`. */
  readonly excluded: number;
  /** {@link FileSummary.excluded} by reason (`deleted`, `spam`). */
  readonly excludedBy: Readonly<Record<string, number>>;
  /** Blank lines skipped (not records). */
  readonly blankLines: number;
  /** Invalid UTF-8 sequences read as U+FFFD (the records were kept). */
  readonly invalidUtf8: number;
  /** {@link FileSummary.invalidUtf8} by column (`"(other)"` outside the columns); absent columns had none. */
  readonly invalidUtf8ByColumn: Readonly<Record<string, number>>;
  /** Problems found in the rejected records (a record may have several). */
  readonly problems: number;
  /** The first problems (`--max-rejects`, default 20); all of them go to `--rejects`. */
  readonly rejects: readonly Reject[];
}

/** The `input` section of the output. */
export interface InputSection {
  /** The ticket preset. */
  readonly preset: TicketPreset;
  /** The report's time zone. */
  readonly timeZone: string;
  /** `option` (`--timezone`) or `default` (UTC, when not given). */
  readonly timeZoneSource: "option" | "default";
  /** The moment the report is judged at (ISO-8601). */
  readonly asOf: string;
  /** `option` (`--as-of`), `data` (1 ms after the latest timestamp in the data) or `none` (no timestamps: the Unix epoch). */
  readonly asOfSource: "option" | "data" | "none";
  /**
   * The tickets file, plus the number of tickets carrying helpdesk-computed durations and the
   * warnings: tickets kept as exported whose timestamps contradict each other in a way no
   * metric reports (`solvedBeforeFirstResponse`), with the first record numbers.
   */
  readonly tickets: FileSummary & {
    /** The ticket fields the file provides (`InputInfo.fields`: `assignee`, `helpdesk.firstReply`); see the document's `absent`. */
    readonly fields: readonly string[];
    /** The provided fields with no value in any row (`InputInfo.blankFields`): their figures count every ticket as without one. */
    readonly blankFields: readonly string[];
    readonly precomputed: number;
    /** With a thread preset (`threads`, `twcs`): the conversations and the reply links' cross-check (`readThreads`). */
    readonly threads?: ThreadStats;
    readonly warnings: readonly {
      readonly reason: string;
      readonly description: string;
      readonly count: number;
      readonly records: readonly number[];
    }[];
  };
  /** The messages file, plus how many messages were attached to a ticket and how many matched none. */
  readonly messages: (FileSummary & { readonly attached: number; readonly unmatched: number }) | null;
  /** The survey responses file. */
  readonly responses: FileSummary | null;
  /** The cohorts file. */
  readonly cohorts: FileSummary | null;
  /** The ticket history file (`--events`), with its layout and how many changes were attached (./events.ts). */
  readonly events: EventsSummary | null;
}

/** The problems of a file, with the file it belongs to; `warning` rows were kept. */
export interface FileRejects {
  readonly role: FileRole;
  readonly path: string;
  readonly rejects: readonly (Reject & { readonly kind?: "rejected" | "warning" })[];
}

/** The file at `path`, or the command's standard input for `-` (the readers' Node source). */
export function source(path: string, io: CliIo): NamedSource {
  if (path !== "-") return openFile(path);
  if (io.stdin === undefined) throw new CliError("E_CLI_USAGE", "- reads standard input, which is not available here");
  return openFile(path, { stdin: io.stdin });
}

/** The message of a reader's error without its function name and, when it starts with it, the input's name. */
function inputMessage(error: InputFormatError): string {
  const text = error.message.replace(/^\w+: /, "");
  return error.input !== undefined && text.startsWith(`${error.input}: `) ? text.slice(error.input.length + 2) : text;
}

/** Turns the readers' errors into the command's: file errors, input format errors, bad options. */
export function inputError(role: FileRole, path: string, error: unknown): unknown {
  const where = `${role} file ${path === "-" ? "(standard input)" : path}`;
  if (error instanceof InputFormatError) {
    if (error.code !== "E_INPUT_COLUMNS") return new CliError(error.code, `${where}: ${inputMessage(error)}`);
    const list = (names: readonly string[]): string => names.map((n) => JSON.stringify(n)).join(", ");
    return new CliError(
      "E_INPUT_COLUMNS",
      `${where} does not fit the ${error.preset} ${role === "tickets" || role === "calls" ? "preset" : "layout"}: missing column${error.missing.length === 1 ? "" : "s"} ${list(error.missing)}\n` +
        `  expected: ${list(error.expected)}\n` +
        `  found:    ${error.found.length === 0 ? "(no columns)" : list(error.found)}`,
      role === "events"
        ? `Choose the layout of your history file (--events-preset ${EVENT_PRESETS.join("|")}) or rename the columns; docs/guide/cli.md lists them`
        : role === "calls"
          ? "Choose the preset of your log (--preset call-log|anonymous-bank, or a ticket preset) or map columns with --map field=Column"
          : role === "tickets"
            ? "Choose the preset of your export (--preset generic|zendesk-csv|zendesk-json|freshdesk-csv|intercom-json|chatwoot-json|helpscout-json|zammad-json|gorgias-json|threads|twcs) or map columns with --map field=Column"
            : "Map columns with --map field=Column (tickets only) or rename the columns; docs/guide/cli.md lists them",
    );
  }
  if (error instanceof MetricRangeError) return new CliError("E_CLI_OPTION_VALUE", `${where}: ${error.message.replace(/^\w+: /, "")}`);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && /^E[A-Z]+$/.test(code)) return new CliError("E_CLI_FILE", `${where}: ${describeFsError(error)}`);
  return error;
}

async function attempt<T>(role: FileRole, path: string, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    throw inputError(role, path, error);
  }
}

/** The time zone and date layout of every input. */
function zoneOptions(args: ReportArgs): { timeZone?: string; dateFormat?: string } {
  return {
    ...(args.timeZone === undefined ? {} : { timeZone: args.timeZone }),
    ...(args.dateFormat === undefined ? {} : { dateFormat: args.dateFormat }),
  };
}

/**
 * The options of the tickets reader; the messages and history files inherit the time zone and
 * the date layout, the history file also the status map (and is read with `history`, its layout).
 */
function ticketOptions(args: ReportArgs, io: CliIo, history: EventPreset): ReadTicketsOptions {
  return {
    preset: args.preset,
    ...zoneOptions(args),
    ...(args.inputFormat === undefined ? {} : { format: args.inputFormat }),
    ...(args.map.length === 0 ? {} : { map: args.map }),
    ...(args.statusMap.length === 0 ? {} : { statusMap: args.statusMap }),
    ...(args.messages === undefined ? {} : { messages: source(args.messages, io) }),
    ...(args.events === undefined
      ? {}
      : {
          events: source(args.events, io),
          eventsOptions: {
            preset: history,
            ...zoneOptions(args),
            ...(args.statusMap.length === 0 ? {} : { statusMap: args.statusMap }),
          },
        }),
  };
}

/**
 * An upper bound of the latest instant of the inputs (tickets with their messages, responses)
 * read cheaply: every timestamp column of every record, without building tickets
 * (`latestTicketInstant`). `undefined` when the tickets file is not CSV. The files are
 * opened anew; errors are left to the real read (this returns `undefined` on any).
 */
export async function latestInstantBound(args: ReportArgs, io: CliIo): Promise<number | undefined> {
  try {
    let latest = await latestTicketInstant(source(args.tickets, io), ticketOptions(args, io, await eventsPreset(args, io)));
    if (latest === undefined || args.responses === undefined) return latest;
    const responses = await readSurveyResponses(source(args.responses, io), zoneOptions(args));
    for await (const response of responses.records) latest = Math.max(latest, response.answeredAt.getTime());
    return latest;
  } catch {
    return undefined;
  }
}

/**
 * Opens every input of `args` (which checks their columns at once, so a wrong preset fails
 * before anything is computed). Standard input (`-`) may be used by one file only.
 */
export async function openFiles(args: ReportArgs, io: CliIo): Promise<OpenedFiles> {
  const paths = [args.tickets, args.messages, args.events, args.responses, args.cohorts].filter((p) => p === "-");
  if (paths.length > 1) throw new CliError("E_CLI_USAGE", "only one input can be read from standard input (-)");
  const tz = zoneOptions(args);
  const history = await eventsPreset(args, io);
  let tickets: TicketReadResult;
  try {
    tickets = await readTickets(source(args.tickets, io), ticketOptions(args, io, history));
  } catch (error) {
    // The messages and history files are read inside readTickets: tell their errors apart.
    const from = (path: string | undefined, preset: (p: string) => boolean): path is string =>
      path !== undefined &&
      ((error instanceof InputFormatError && preset(error.preset)) || (error as { path?: unknown } | null)?.path === path);
    if (from(args.messages, (p) => p === "messages")) throw inputError("messages", args.messages, error);
    if (from(args.events, (p) => p.endsWith(" events"))) throw inputError("events", args.events, error);
    if (error instanceof MetricRangeError && /^readEvents: /.test(error.message) && args.events !== undefined)
      throw inputError("events", args.events, error);
    throw inputError("tickets", args.tickets, error);
  }
  const responses =
    args.responses === undefined
      ? undefined
      : await attempt("responses", args.responses, () => readSurveyResponses(source(args.responses as string, io), tz));
  const cohorts =
    args.cohorts === undefined
      ? undefined
      : await attempt("cohorts", args.cohorts, () => readCohorts(source(args.cohorts as string, io), tz));
  return { tickets, responses, cohorts, eventsPreset: history };
}

/** The summary of one finished read. */
export function fileSummary(
  path: string,
  result: Pick<ReadResult<unknown>, "stats" | "rejects"> & { readonly input?: ReadResult<unknown>["input"] },
  maxRejects: number,
): FileSummary {
  const { stats, rejects, input } = result;
  return {
    path,
    format: input?.format ?? null,
    gzip: input?.gzip ?? null,
    delimiter: input?.delimiter ?? null,
    read: stats.read,
    used: stats.used,
    rejected: stats.rejected,
    rejectedShare: stats.read === 0 ? null : stats.rejected / stats.read,
    excluded: stats.excluded,
    excludedBy: stats.excludedBy,
    blankLines: stats.blankLines,
    invalidUtf8: stats.invalidUtf8,
    invalidUtf8ByColumn: stats.invalidUtf8ByColumn,
    problems: rejects.length,
    rejects: rejects.slice(0, maxRejects),
  };
}
