/**
 * Folds the opened inputs into the report accumulator as they are read, keeping the counts
 * the command reports (latest timestamp for the default `--as-of`, helpdesk durations).
 *
 * @internal
 * @module
 */
import type { ReadResult } from "../io/index.ts";
import { recordBatches } from "../io/recordBatches.ts";
import { summarizeDurations } from "../metrics/time/summarizeDurations.ts";
import type { Cohort } from "../models/cohort.ts";
import type { SurveyResponse } from "../models/survey.ts";
import type { Ticket } from "../models/ticket.ts";
import { reportAccumulator, type Report, type ReportAccumulator, type ReportOptions, type ReportState } from "../report/index.ts";
import { MetricRangeError } from "../_lib/errors.ts";
import { stateFor } from "../_lib/group.ts";
import { sortNumbers } from "../_lib/sortNumbers.ts";
import type { HelpdeskDurations } from "./document.ts";
import { CliError } from "./errors.ts";
import type { OpenedFiles } from "./inputs.ts";
import type { Period } from "./values.ts";

/** A new empty list (for {@link stateFor}). */
const newList = <T>(): T[] => [];

/** Progress callback: the role and the rows read so far. */
export type Progress = (role: string, rows: number) => void;

/** What {@link foldInputs} returns. */
export interface Folded {
  readonly report: Report;
  /** The `asOf` used and where it came from. */
  readonly asOf: Date;
  readonly asOfSource: "option" | "data" | "none";
  /** Helpdesk-computed durations of the tickets in scope; `null` without any. */
  readonly helpdesk: HelpdeskDurations | null;
  /** Tickets carrying helpdesk-computed durations (in scope). */
  readonly precomputedTickets: number;
  /** The cohorts read. */
  readonly cohorts: readonly Cohort[];
  /** Tickets kept as exported whose timestamps contradict each other in a way no metric reports, by reason. */
  readonly warnings: readonly TicketWarning[];
  /** The accumulator and its state, for `report --partial` (./partial.ts). */
  readonly accumulator: ReportAccumulator;
  readonly state: ReportState;
  /** The helpdesk-computed durations by field, unsummarised, for `report --partial`. */
  readonly helpdeskValues: ReadonlyMap<string, readonly number[]>;
  /** The ids of the tickets used, in reading order, when `collectIds` was set (`report --partial`). */
  readonly ticketIds: readonly string[] | undefined;
}

/** Tickets whose data contradicts itself in a way the metrics do not report themselves. */
export interface TicketWarning {
  /** The reason: `solvedBeforeFirstResponse` (solvedAt earlier than firstResponseAt). */
  readonly reason: "solvedBeforeFirstResponse";
  /** What it means, for people. */
  readonly description: string;
  /** The tickets' record numbers in the tickets file (all of them). */
  readonly records: number[];
  /** The tickets' ids, in the same order. */
  readonly ids: string[];
}

const DATE_FIELDS = ["createdAt", "assignedAt", "firstResponseAt", "firstSolvedAt", "solvedAt", "closedAt"] as const;

/** The latest valid instant on a ticket (its dates, messages, status and field changes), or -Infinity. */
function latestOf(ticket: Ticket): number {
  let latest = -Infinity;
  const see = (date: Date | undefined): void => {
    const ms = date?.getTime();
    if (ms !== undefined && !Number.isNaN(ms) && ms > latest) latest = ms;
  };
  for (const field of DATE_FIELDS) see(ticket[field]);
  for (const m of ticket.messages ?? []) see(m.at);
  for (const s of ticket.statusHistory ?? []) see(s.at);
  for (const f of ticket.fieldHistory ?? []) see(f.at);
  return latest;
}

/** Collects helpdesk durations per field for the tickets in scope. */
class HelpdeskTally {
  readonly values = new Map<string, number[]>();
  tickets = 0;
  constructor(private readonly period: Period | undefined) {}
  add(ticket: Ticket): void {
    const pre = ticket.helpdesk;
    if (pre === undefined) return;
    const created = ticket.createdAt.getTime();
    if (this.period !== undefined && !(created >= this.period.from.getTime() && created < this.period.to.getTime())) return;
    this.tickets++;
    for (const [key, ms] of Object.entries(pre)) {
      if (typeof ms !== "number" || !Number.isFinite(ms)) continue;
      stateFor(this.values, key, newList).push(ms);
    }
  }
  result(percentiles: readonly number[]): HelpdeskDurations | null {
    return helpdeskDurations(this.values, percentiles);
  }
}

/** The summaries of helpdesk-computed durations by field (fields in code-unit order); `null` without any. */
export function helpdeskDurations(
  values: ReadonlyMap<string, readonly number[]>,
  percentiles: readonly number[],
): HelpdeskDurations | null {
  if (values.size === 0) return null;
  const out: Record<string, ReturnType<typeof toJson>> = {};
  for (const [key, list] of [...values].sort(([a], [b]) => (a < b ? -1 : 1)))
    out[key] = toJson(sortNumbers(Float64Array.from(list)), percentiles);
  return out;
}

function toJson(sorted: Float64Array, percentiles: readonly number[]): HelpdeskDurations[string] {
  const s = summarizeDurations(sorted, { percentiles });
  if (s === undefined) throw new Error("unreachable: empty helpdesk durations");
  return {
    count: s.count,
    total: s.total,
    mean: s.mean,
    median: s.median,
    p: s.p.map((q) => ({ p: q.p, value: q.value })),
    min: s.min,
    max: s.max,
  };
}

/** Options of {@link foldInputs}: the report options with an optional `asOf`. */
export type FoldOptions = Omit<ReportOptions, "asOf"> & {
  readonly asOf: Date | undefined;
  readonly period: Period | undefined;
  /** Keep the ids of the tickets used (`Folded.ticketIds`). */
  readonly collectIds?: boolean;
  /**
   * Called once `asOf` is final, before the fold that makes the report; the function it returns
   * sees every ticket folded (`--table tickets` writes its rows). With it, files are never
   * folded on a guessed `asOf`.
   */
  readonly onTickets?: (asOf: Date) => (ticket: Ticket) => void;
};

/** Records held until `asOf` is known (standard input): tickets with their record numbers, responses. */
interface Held {
  readonly tickets: Ticket[];
  readonly records: number[];
  readonly responses: SurveyResponse[];
}

/**
 * Calls `fn` for every model of `result` with its record number, a batch at a time where the
 * reader offers batches (one await per batch, not per record).
 */
async function forEachRecord<T>(result: ReadResult<T>, fn: (record: T, read: number) => void): Promise<void> {
  const batches = recordBatches(result);
  if (batches === undefined) {
    for await (const record of result.records) fn(record, result.stats.read);
    return;
  }
  for await (const { models, records } of batches) {
    for (let i = 0; i < models.length; i++) fn(models[i] as T, records[i] as number);
  }
}

/** The latest instant in the tickets and responses of `files` (iterating them to the end), or -Infinity. */
async function latestIn(files: OpenedFiles, progress: Progress, keep?: Held): Promise<number> {
  let latest = -Infinity;
  let rows = 0;
  await forEachRecord(files.tickets, (ticket, record) => {
    keep?.tickets.push(ticket);
    keep?.records.push(record);
    const t = latestOf(ticket);
    if (t > latest) latest = t;
    if (++rows % 10_000 === 0) progress("tickets (finding the latest timestamp)", files.tickets.stats.read);
  });
  if (files.responses !== undefined) {
    await forEachRecord(files.responses, (response) => {
      keep?.responses.push(response);
      const t = response.answeredAt.getTime();
      if (t > latest) latest = t;
    });
  }
  return latest;
}

/** `asOf` (and where it came from) from the latest instant of the data: just after it, so that events at that instant count as having happened (the report's windows are half-open: a ticket created at `asOf` is not yet created); the epoch without data. */
function asOfAfter(latest: number): { readonly asOf: Date; readonly source: Folded["asOfSource"] } {
  return latest === -Infinity ? { asOf: new Date(0), source: "none" } : { asOf: new Date(latest + 1), source: "data" };
}

/**
 * Reads every input to the end and computes the report. With `asOf` the records stream
 * straight into the accumulator. Without it, `asOf` is 1 ms after the latest timestamp in the
 * data (tickets, their messages and status changes, responses). When the inputs are files
 * (`reopen` given) and `bound` gives an upper bound of that instant read cheaply (the
 * timestamp columns of every record, no tickets built), the files are folded once with it and
 * the bound checked against the latest instant folded: equal, it is the answer; larger (its
 * record was rejected or excluded, or a message matched no ticket), the files are reopened and
 * folded again with the true one. Without a bound, a first pass over the reopened files
 * finds it (memory stays constant); on standard input the records are held until the end.
 *
 * @returns The report and the accounting, and `files`: the readers whose counts are final
 *   (the reopened ones after a first pass).
 */
export async function foldInputs(
  opened: OpenedFiles,
  options: FoldOptions,
  progress: Progress,
  reopen?: () => Promise<OpenedFiles>,
  bound?: () => Promise<number | undefined>,
): Promise<Folded & { readonly files: OpenedFiles }> {
  const done = (
    { latest: _, ...folded }: Folded & { readonly latest: number },
    files: OpenedFiles,
  ): Folded & { readonly files: OpenedFiles } => ({
    ...folded,
    files,
  });
  if (options.asOf !== undefined)
    return done(await foldOpened(opened, options, { asOf: options.asOf, source: "option" }, progress, false), opened);
  // A bound only for CSV tickets (the files are opened, so their layout is known): a JSON
  // document would be parsed whole only to learn that it has none.
  const candidate =
    reopen === undefined || opened.tickets.input.format !== "csv" || options.onTickets !== undefined ? undefined : await bound?.();
  if (reopen !== undefined && candidate !== undefined) {
    const once = await foldOpened(opened, options, asOfAfter(candidate), progress, true);
    if (once.latest === candidate) return done(once, opened);
    const files = await reopen();
    return done(await foldOpened(files, options, asOfAfter(once.latest), progress, false), files);
  }
  let files = opened;
  let held: Held | undefined;
  if (reopen === undefined) held = { tickets: [], records: [], responses: [] };
  const latest = await latestIn(files, progress, held);
  if (reopen !== undefined) files = await reopen();
  return done(await foldOpened(files, options, asOfAfter(latest), progress, false, held), files);
}

/**
 * Folds `files` (or the records `held` from them) into a report as of `asOf`; with `track`,
 * also the latest instant of the tickets and responses folded (`latest`, else -Infinity).
 */
async function foldOpened(
  files: OpenedFiles,
  options: FoldOptions,
  { asOf, source: asOfSource }: { readonly asOf: Date; readonly source: Folded["asOfSource"] },
  progress: Progress,
  track: boolean,
  held?: Held,
): Promise<Folded & { readonly latest: number }> {
  let latest = -Infinity;
  const helpdesk = new HelpdeskTally(options.period);
  const solvedFirst: TicketWarning = {
    reason: "solvedBeforeFirstResponse",
    description: "solved before the first response (kept as exported; response and resolution times are still measured from creation)",
    records: [],
    ids: [],
  };
  const { collectIds, onTickets, ...reportOptions } = options;
  // Only the fold that makes the report sees the tickets: the first of a bound's two never does (foldInputs).
  const onTicket = track ? undefined : onTickets?.(asOf);
  const ticketIds: string[] | undefined = collectIds === true ? [] : undefined;
  const acc = reportAccumulator({ ...reportOptions, asOf });
  const state = acc.create();
  let rows = 0;
  const addTicket = (ticket: Ticket, record: number): void => {
    acc.add(state, ticket);
    onTicket?.(ticket);
    ticketIds?.push(ticket.id);
    if (track === true) latest = Math.max(latest, latestOf(ticket));
    const solved = ticket.solvedAt?.getTime();
    const first = ticket.firstResponseAt?.getTime();
    if (solved !== undefined && first !== undefined && solved < first) {
      solvedFirst.records.push(record);
      solvedFirst.ids.push(ticket.id);
    }
    helpdesk.add(ticket);
    if (++rows % 10_000 === 0) progress("tickets", files.tickets.stats.read);
  };
  const addResponse = (response: SurveyResponse): void => {
    acc.addResponse(state, response);
    if (track === true) latest = Math.max(latest, response.answeredAt.getTime());
  };
  // Responses before tickets: a response joins its ticket's segments when the ticket is added.
  if (held !== undefined) {
    const records = held.records;
    for (const response of held.responses) addResponse(response);
    held.tickets.forEach((ticket, i) => addTicket(ticket, records[i] as number));
  } else {
    if (files.responses !== undefined) await forEachRecord(files.responses, addResponse);
    await forEachRecord(files.tickets, addTicket);
  }
  const cohorts: Cohort[] = [];
  if (files.cohorts !== undefined) for await (const cohort of files.cohorts.records) cohorts.push(cohort);
  const report = resultOrBucketError(() => acc.result(state, cohorts), options.bucket ?? "day");
  const percentiles = options.percentiles ?? [0.9];
  return {
    report,
    asOf,
    asOfSource,
    helpdesk: helpdesk.result(percentiles),
    precomputedTickets: helpdesk.tickets,
    cohorts,
    warnings: solvedFirst.records.length === 0 ? [] : [solvedFirst],
    latest,
    accumulator: acc,
    state,
    helpdeskValues: helpdesk.values,
    ticketIds,
  };
}

/**
 * The report, or, when its buckets over the data's range would be too many (one accepted row
 * from 1900 beside 2026 data with `--bucket hour`), a usage error that names the option and
 * the way out instead of the report function.
 */
export function resultOrBucketError(result: () => Report, bucket: string): Report {
  try {
    return result();
  } catch (error) {
    if (error instanceof MetricRangeError && error.code === "E_BUCKET_LIMIT" && /buckets of one/.test(error.message)) {
      throw new CliError(
        "E_CLI_OPTION_VALUE",
        `--bucket ${bucket}: the data's ${error.message.replace(/^\w+: the range /, "range ")}`,
        "Use a longer --bucket (day, week, month), or narrow the range with --period",
      );
    }
    throw error;
  }
}
