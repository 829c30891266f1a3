/**
 * What `cx-metrics merge` does with the partials besides merging their states: checks that they
 * were made with the same options (naming the first that differs, and which file has which), and
 * adds up their input accounting into the `input` section the whole run would have written.
 *
 * @internal
 * @module
 */
import type { Reject, ThreadStats } from "../io/index.ts";
import { CliError } from "./errors.ts";
import type { FileRejects, FileSummary, InputSection } from "./inputs.ts";
import type { PartialFile, PartialOptions } from "./partial.ts";
import { THREAD_COUNTS } from "./partialCheck.ts";

/** Each option of {@link PartialOptions} as the command line spells it. */
const OPTION_NAMES: Readonly<Record<keyof PartialOptions, string>> = {
  preset: "--preset",
  timeZone: "--timezone",
  timeZoneSource: "--timezone (given, or the default UTC)",
  asOf: "--as-of",
  period: "--period",
  compareTo: "--compare-to",
  bucket: "--bucket",
  segments: "--by (segments)",
  schedule: "--schedule (the file's contents)",
  slaPolicy: "--sla (the file's contents)",
  percentiles: "the percentiles",
  confidenceLevel: "--confidence",
  valuePerCustomer: "--value-per-customer",
  quantiles: "--quantiles",
  leaderboard: "--rank-by / --min-sample / --leaderboard-by",
  bots: "--bot-first-response / --exclude-bot-time",
  maxRejects: "--max-rejects",
  files: "the companion files given (--messages, --responses, --cohorts, --events)",
  repeatWindow: "--repeat-window",
};

function shown(value: unknown): string {
  const text = value === null || value === undefined ? "none" : (JSON.stringify(value) ?? String(value));
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}

/**
 * Refuses partials whose options differ from the first one's (`E_CLI_PARTIAL_MISMATCH`): the
 * message names the option and both values with their files, since states computed under other
 * options cannot be added up.
 */
export function checkSameOptions(parts: readonly { readonly path: string; readonly partial: PartialFile }[]): void {
  const [first, ...rest] = parts;
  if (first === undefined) return;
  const mismatch = (name: string, other: string, a: unknown, b: unknown): CliError =>
    new CliError(
      "E_CLI_PARTIAL_MISMATCH",
      `the partials were made with different ${name}: ${first.path} has ${shown(a)}, ${other} has ${shown(b)}`,
      "Make every partial with the same options (only the input files differ), then merge them",
    );
  for (const other of rest) {
    for (const key of Object.keys(OPTION_NAMES) as (keyof PartialOptions)[]) {
      const a = first.partial.options[key];
      const b = other.partial.options[key];
      if (JSON.stringify(a) !== JSON.stringify(b)) throw mismatch(OPTION_NAMES[key], other.path, a, b);
    }
    // The cohorts are not split with the tickets: every part reads the same file, merge takes it once.
    if (JSON.stringify(first.partial.cohorts) !== JSON.stringify(other.partial.cohorts))
      throw mismatch(
        "--cohorts contents (give every part the same cohorts file)",
        other.path,
        first.partial.cohorts,
        other.partial.cohorts,
      );
  }
}

/** The value every part agrees on, else `null` (mixed). */
function agreed<T>(values: readonly T[]): T | null {
  const [first] = values;
  return first !== undefined && values.every((v) => v === first) ? first : null;
}

/** Adds count records key by key, keys in order of first appearance (as one file read whole lists them). */
function sumCounts(records: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) for (const [key, n] of Object.entries(r)) out[key] = (out[key] ?? 0) + n;
  return out;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * One file's summary from the parts' summaries of it: counts added up, the first `maxRejects`
 * problems in part order (each keeps its record number in its own part's file, and gains that
 * file's `path`), the paths joined with " + ", the layout where all parts agree (`null` when they
 * differ).
 */
export function mergeSummaries(files: readonly FileSummary[], maxRejects: number): FileSummary {
  const read = sum(files.map((f) => f.read));
  const rejected = sum(files.map((f) => f.rejected));
  return {
    path: files.map((f) => f.path).join(" + "),
    format: agreed(files.map((f) => f.format)),
    gzip: agreed(files.map((f) => f.gzip)),
    delimiter: agreed(files.map((f) => f.delimiter)),
    read,
    used: sum(files.map((f) => f.used)),
    rejected,
    rejectedShare: read === 0 ? null : rejected / read,
    excluded: sum(files.map((f) => f.excluded)),
    excludedBy: sumCounts(files.map((f) => f.excludedBy)),
    blankLines: sum(files.map((f) => f.blankLines)),
    invalidUtf8: sum(files.map((f) => f.invalidUtf8)),
    invalidUtf8ByColumn: sumCounts(files.map((f) => f.invalidUtf8ByColumn)),
    problems: sum(files.map((f) => f.problems)),
    // Each problem says which part's file its record number belongs to.
    rejects: files.flatMap((f) => f.rejects.map((r) => ({ ...r, path: f.path }))).slice(0, maxRejects),
  };
}

type TicketsSummary = InputSection["tickets"];

function mergeTickets(files: readonly TicketsSummary[], maxRejects: number): TicketsSummary {
  // Fields in the order the parts list them; blank when blank in every part that has them.
  const fields: string[] = [];
  for (const f of files) for (const name of f.fields) if (!fields.includes(name)) fields.push(name);
  const blankFields = fields.filter((name) => files.every((f) => !f.fields.includes(name) || f.blankFields.includes(name)));
  const warnings: TicketsSummary["warnings"][number][] = [];
  for (const f of files) {
    for (const w of f.warnings) {
      const i = warnings.findIndex((x) => x.reason === w.reason);
      const before = warnings[i];
      if (before === undefined) warnings.push({ ...w, records: w.records.slice(0, maxRejects) });
      else warnings[i] = { ...before, count: before.count + w.count, records: [...before.records, ...w.records].slice(0, maxRejects) };
    }
  }
  // A thread preset's counts add up over the parts (each part's conversations are its own).
  const threads = files.some((f) => f.threads !== undefined)
    ? Object.fromEntries(THREAD_COUNTS.map((key) => [key, sum(files.map((f) => f.threads?.[key] ?? 0))]))
    : undefined;
  return {
    ...mergeSummaries(files, maxRejects),
    fields,
    blankFields,
    precomputed: sum(files.map((f) => f.precomputed)),
    ...(threads === undefined ? {} : { threads: threads as unknown as ThreadStats }),
    warnings,
  };
}

/** The parts' summaries of one companion file: `null` when no part has one. */
function companions<T extends FileSummary>(files: readonly (T | null)[]): T[] | null {
  const present = files.filter((f): f is T => f !== null);
  return present.length === 0 ? null : present;
}

/** The `input` section of the whole from the parts' (their options already checked equal). */
export function mergeInputSections(inputs: readonly InputSection[], maxRejects: number): InputSection {
  const [first] = inputs;
  if (first === undefined) throw new Error("unreachable: merge of no partials");
  const messages = companions(inputs.map((i) => i.messages));
  const responses = companions(inputs.map((i) => i.responses));
  const events = companions(inputs.map((i) => i.events));
  return {
    preset: first.preset,
    timeZone: first.timeZone,
    timeZoneSource: first.timeZoneSource,
    asOf: first.asOf,
    asOfSource: first.asOfSource,
    tickets: mergeTickets(
      inputs.map((i) => i.tickets),
      maxRejects,
    ),
    messages:
      messages === null
        ? null
        : {
            ...mergeSummaries(messages, maxRejects),
            attached: sum(messages.map((m) => m.attached)),
            unmatched: sum(messages.map((m) => m.unmatched)),
          },
    responses: responses === null ? null : mergeSummaries(responses, maxRejects),
    // The same cohorts file in every part (checked), read once.
    cohorts: first.cohorts,
    events:
      events === null
        ? null
        : {
            ...mergeSummaries(events, maxRejects),
            preset: events[0]?.preset ?? "generic",
            presetSource: events[0]?.presetSource ?? "detected",
            attached: sum(events.map((e) => e.attached)),
            unmatched: sum(events.map((e) => e.unmatched)),
            beforeCreated: sum(events.map((e) => e.beforeCreated)),
          },
  };
}

/** The parts' problem lists, one entry per part and file (each with its own path); the cohorts file's once. */
export function mergeRejects(parts: readonly PartialFile[]): FileRejects[] {
  return parts.flatMap((p, i) => p.rejects.filter((r) => i === 0 || r.role !== "cohorts"));
}

/** The rejected records of the tickets files, in part order (for the message when no row could be used). */
export function ticketRejects(parts: readonly PartialFile[]): Reject[] {
  return parts.flatMap((p) => p.rejects.filter((r) => r.role === "tickets").flatMap((r) => r.rejects.filter((x) => x.kind !== "warning")));
}
