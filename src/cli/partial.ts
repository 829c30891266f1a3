/**
 * `cx-metrics report --partial FILE`: the file a run writes instead of a report, and its reading
 * back by `cx-metrics merge`. A partial holds the report accumulator's state (its versioned JSON
 * form), the options every part must share, the input accounting the final output reports, the
 * helpdesk-computed durations unsummarised and the cohorts read. docs/guide/cli.md ("Partial
 * reports and merge") documents the format.
 *
 * @internal
 * @module
 */
import { writeFile } from "node:fs/promises";
import type { StateJson } from "../_lib/accumulator.ts";
import type { Cohort } from "../models/cohort.ts";
import type { QuantileOption, ReportOptions, SegmentKey } from "../report/index.ts";
import type { Schedule } from "../models/schedule.ts";
import type { SlaPolicy } from "../models/sla.ts";
import type { TicketPreset } from "../io/index.ts";
import { describeFsError, readJsonFile } from "./config.ts";
import { CliError } from "./errors.ts";
import type { FileRejects, InputSection } from "./inputs.ts";
import type { CliIo } from "./io.ts";
import { packageVersion } from "./version.ts";

/** The `kind` of a partial file. */
export const PARTIAL_KIND = "cx-metrics-partial";
/** The version of the partial file's format written and read. */
export const PARTIAL_VERSION = 1;

/**
 * The options that decide what a part computes: every partial given to `merge` must have the
 * same values (`merge` names the first that differs). Effective values, so `--bucket day` and
 * the default agree.
 */
export interface PartialOptions {
  /** `--preset`. */
  readonly preset: TicketPreset;
  /** `--timezone` (UTC when not given). */
  readonly timeZone: string;
  /** Whether `--timezone` was given. */
  readonly timeZoneSource: "option" | "default";
  /** `--as-of`, ISO 8601 (required with `--partial`). */
  readonly asOf: string;
  /** `--period` and `--compare-to`, ISO 8601 bounds, `null` when not given. */
  readonly period: { readonly from: string; readonly to: string } | null;
  readonly compareTo: { readonly from: string; readonly to: string } | null;
  /** `--bucket`. */
  readonly bucket: "hour" | "day" | "week" | "month";
  /** `--by` (with `period` added by `--mermaid`): each segmentation's dimensions. */
  readonly segments: readonly (string | readonly string[])[];
  /** `--schedule` and `--sla`: the files' contents as read, `null` when not given. */
  readonly schedule: unknown;
  readonly slaPolicy: unknown;
  /** The duration percentiles. */
  readonly percentiles: readonly number[];
  /** `--confidence`. */
  readonly confidenceLevel: number;
  /** `--value-per-customer`, `null` when not given. */
  readonly valuePerCustomer: number | null;
  /** `--quantiles`. */
  readonly quantiles: QuantileOption;
  /** `--rank-by`, `--min-sample` and `--leaderboard-by` (`of`, only when `responder`). */
  readonly leaderboard: { readonly by: string; readonly minSample: number; readonly of?: string };
  /** `--bot-first-response` and `--exclude-bot-time`; absent when neither was given. */
  readonly bots?: ReportOptions["bots"];
  /** `--max-rejects`: how many problems of each file the output lists. */
  readonly maxRejects: number;
  /** Which companion files were given (`--messages`, `--responses`, `--cohorts`, `--events`). */
  readonly files: { readonly messages: boolean; readonly responses: boolean; readonly cohorts: boolean; readonly events: boolean };
  /** `--repeat-window`, ms (7 days when not given; a partial written before it existed has none: the default). */
  readonly repeatWindow?: number;
}

/** A cohort as JSON (`start` in ISO 8601). */
export type CohortJson = Omit<Cohort, "start"> & { readonly start: string };

/** The JSON document `report --partial` writes. */
export interface PartialFile {
  readonly kind: typeof PARTIAL_KIND;
  readonly version: typeof PARTIAL_VERSION;
  /** The program that wrote it (informative: the state's own format version decides what reads it). */
  readonly generator: { readonly name: "cx-metrics"; readonly version: string };
  readonly options: PartialOptions;
  /** The `input` section this part alone would report. */
  readonly input: InputSection;
  /** The first `maxRejects` problems of each file (the `rejects` table), with the warnings. */
  readonly rejects: readonly FileRejects[];
  /** Helpdesk-computed durations (ms) of the tickets in scope, by field, unsummarised. */
  readonly helpdesk: Readonly<Record<string, readonly number[]>>;
  /** The cohorts read. */
  readonly cohorts: readonly CohortJson[];
  /**
   * The ids of the tickets this part used, in reading order: `merge` refuses parts that share
   * one (the whole run would have rejected the second as a duplicate).
   */
  readonly ticketIds: readonly string[];
  /** The report accumulator's state (`{ kind: "report", v: 3, … }`). */
  readonly state: StateJson;
}

/** The {@link ReportOptions} of a part's options (the same object on every side, so the same accumulator). */
export function reportOptionsOf(o: PartialOptions): ReportOptions {
  const range = (r: { from: string; to: string } | null): { from: Date; to: Date } | undefined =>
    r === null ? undefined : { from: new Date(r.from), to: new Date(r.to) };
  const period = range(o.period);
  const compareTo = range(o.compareTo);
  return {
    asOf: new Date(o.asOf),
    timeZone: o.timeZone,
    ...(o.schedule === null ? {} : { schedule: o.schedule as Schedule }),
    ...(o.slaPolicy === null ? {} : { slaPolicy: o.slaPolicy as SlaPolicy }),
    segments: o.segments as SegmentKey[],
    ...(period === undefined ? {} : { period }),
    ...(compareTo === undefined ? {} : { compareTo }),
    bucket: o.bucket,
    percentiles: o.percentiles,
    confidenceLevel: o.confidenceLevel,
    ...(o.valuePerCustomer === null ? {} : { valuePerCustomer: o.valuePerCustomer }),
    quantiles: o.quantiles,
    leaderboard: o.leaderboard as ReportOptions["leaderboard"] & object,
    ...(o.repeatWindow === undefined ? {} : { repeatWindow: o.repeatWindow }),
    ...(o.bots === undefined ? {} : { bots: o.bots }),
  };
}

/** The JSON form of the cohorts read. */
export function cohortsJson(cohorts: readonly Cohort[]): CohortJson[] {
  return cohorts.map((c) => ({ ...c, start: c.start.toISOString() }));
}

/** Writes a partial to `path` (`-`: standard output). */
export async function writePartial(path: string, partial: PartialFile, io: CliIo): Promise<void> {
  const text = `${JSON.stringify(partial)}\n`;
  if (path === "-") {
    io.stdout.write(text);
    return;
  }
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new CliError("E_CLI_FILE", `--partial ${path}: ${describeFsError(error)}`);
  }
}

/** A partial's header as read, before its parts are checked. */
function openPartial(path: string, json: unknown): Record<string, unknown> {
  const bad = (what: string): CliError =>
    new CliError("E_CLI_PARTIAL", `${path}: ${what}`, "Give the files written by cx-metrics report --partial FILE (docs/guide/cli.md)");
  if (json === null || typeof json !== "object" || Array.isArray(json)) throw bad("not a partial report (a JSON object is expected)");
  const o = json as Record<string, unknown>;
  if (o["kind"] !== PARTIAL_KIND) {
    const kind = o["kind"] === undefined ? "no kind" : `kind ${JSON.stringify(o["kind"])}`;
    const hint = o["version"] === 1 && o["report"] !== undefined ? " (it looks like a report's --format json output)" : "";
    throw bad(`not a partial report: expected kind ${JSON.stringify(PARTIAL_KIND)}, got ${kind}${hint}`);
  }
  if (o["version"] !== PARTIAL_VERSION) {
    const by = (o["generator"] as { version?: unknown } | null | undefined)?.version;
    throw bad(
      `partial format version ${JSON.stringify(o["version"])}${typeof by === "string" ? ` (written by cx-metrics ${by})` : ""}; this version (${packageVersion()}) reads version ${String(PARTIAL_VERSION)}: make the partials again with the same version as merge`,
    );
  }
  return o;
}

/** Reads and checks the envelope of a partial file (`E_CLI_PARTIAL`); its parts are checked by {@link checkPartial}. */
export async function readPartial(path: string): Promise<Record<string, unknown>> {
  let json: unknown;
  try {
    json = await readJsonFile("merge", path);
  } catch (error) {
    const prefix = `merge ${path}: `;
    if (error instanceof CliError && error.code === "E_CLI_CONFIG_FILE")
      throw new CliError(
        "E_CLI_PARTIAL",
        `${path}: ${error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message}`,
        "Give the files written by cx-metrics report --partial FILE, whole (a truncated file is not valid JSON)",
      );
    throw error;
  }
  return openPartial(path, json);
}
