/**
 * Absent, not zero: the one table from each report figure to the ticket fields (and input
 * files) it is computed from, and the list of figures the run's input cannot give. A figure
 * whose every source is missing from the export is reported as "not in this export" in every
 * format, and its gates as `absent` (exit 2), never as 0 % or 100 %. A field whose column is
 * present but blank in every row is provided: its figures are computed, and the report says
 * the column was empty.
 *
 * The gate side is derived from the report paths of each entry: a gate (an alias of
 * ./gateAliases.ts, a scoped alias or a raw path) is absent when the path it reads belongs to
 * an absent entry, or when it is scoped to a segment of a dimension the export lacks.
 *
 * @internal
 * @module
 */
import type { SlaMetric } from "../models/sla.ts";
import type { SegmentDimension } from "../report/index.ts";
import { GATE_ALIASES, type PathStep } from "./gateAliases.ts";
import { pathText } from "./gatePaths.ts";

/** An input file that can stand in for a ticket field (`--messages`, `--responses`, `--events`). */
export type InputFile = "messages" | "responses" | "events";

/** One figure and what it is computed from. */
export interface InputNeed {
  /** The figure's id (`absent[].metric` in the JSON output). */
  readonly metric: string;
  /** Its name for people, as the table and Markdown formats show it. */
  readonly label: string;
  /** Ticket fields, any one of which is enough (`InputInfo.fields` names: `helpdesk.firstReply`). */
  readonly fields: readonly string[];
  /** Input files, any one of which is enough instead of the fields. */
  readonly files: readonly InputFile[];
  /** What the export lacks (`assignee {col}`: "no assignee column in this export"), `{col}` standing for "column" (CSV) or "field" (JSON). */
  readonly lacks: string;
  /** Report paths (relative to the report or one metric set, as text) whose values this figure gives. */
  readonly paths: readonly RegExp[];
  /** For an SLA target metric: needed only when the policy (`--sla`) times it. */
  readonly sla?: SlaMetric;
}

// The helpdesk's durations stand in for timestamps by their calendar value (src/metrics/time/
// events.ts and its neighbours); a business-hours value alone gives no figure.
const FIRST_RESPONSE = ["firstResponseAt", "helpdesk.firstReply"];
const RESOLUTION = ["solvedAt", "helpdesk.fullResolution"];
const FIRST_RESOLUTION = ["firstSolvedAt", "solvedAt", "helpdesk.firstResolution", "helpdesk.fullResolution"];
const FRT_LACKS = "first-response time in this export (no first-reply {col}, no helpdesk first-reply time, no --messages file)";
const RESOLUTION_LACKS = "resolution time in this export (no solved-at {col}, no helpdesk resolution time)";

const need = (
  metric: string,
  label: string,
  fields: readonly string[],
  lacks: string,
  paths: readonly RegExp[],
  files: readonly InputFile[] = [],
  sla?: SlaMetric,
): InputNeed => ({ metric, label, fields, files, lacks, paths, ...(sla === undefined ? {} : { sla }) });

/**
 * Every figure that depends on an optional ticket field, in report order. Figures computed
 * from the required fields (id, creation time, status) are never absent; figures that need a
 * command option (`--responses` for NPS and CES, `--sla`, `--cohorts`) have no data without
 * it (gate status `missing`), since no ticket export carries them.
 */
export const INPUT_NEEDS: readonly InputNeed[] = [
  need("csat", "CSAT", ["satisfaction"], "satisfaction {col} in this export, and no --responses file", [/^survey\.csat\b/], ["responses"]),
  need("ratings", "Survey response rate", ["satisfaction", "satisfactionOffered"], "satisfaction {col}", [/^ratings\b/]),
  need("unassigned", "Unassigned", ["assignee"], "assignee {col}", [
    /^counts\.statuses\.unassigned$/,
    /^volume\.statuses\..*\.unassigned$/,
  ]),
  need("channelMix", "Channel mix", ["channel"], "channel {col}", [/^counts\.channelMix\b/]),
  need("reopens", "Reopens", ["reopens"], "reopens {col}", [/reopen/i]),
  need("firstResponse", "First response", FIRST_RESPONSE, FRT_LACKS, [/^time\.firstResponse\b/], ["messages"]),
  need("resolutionFirst", "First resolution", FIRST_RESOLUTION, RESOLUTION_LACKS, [/^time\.resolutionFirst\b/]),
  need("resolutionFinal", "Resolution (final)", RESOLUTION, RESOLUTION_LACKS, [/^time\.resolutionFinal\b/]),
  need(
    "firstResponseSurvival",
    "First response (Kaplan–Meier)",
    FIRST_RESPONSE,
    FRT_LACKS,
    [/^time\.firstResponseSurvival\b/],
    ["messages"],
  ),
  need("resolutionSurvival", "Resolution (Kaplan–Meier)", RESOLUTION, RESOLUTION_LACKS, [/^time\.resolutionSurvival\b/]),
  need(
    "assignment",
    "Assignment",
    ["assignedAt", "helpdesk.assignment"],
    "assignment time in this export (no assigned-at {col}, no helpdesk assignment time)",
    [/^time\.assignment\b/],
  ),
  need(
    "requesterWait",
    "Requester wait",
    ["statusHistory", "helpdesk.requesterWait"],
    "requester wait time in this export (no status history, no helpdesk requester wait time, no --events file)",
    [/^time\.requesterWait\b/],
    ["events"],
  ),
  need(
    "agentWork",
    "Agent work",
    ["statusHistory"],
    "status history in this export (no --events file)",
    [/^time\.agentWork\b/],
    ["events"],
  ),
  need(
    "agentWait",
    "Agent wait",
    ["statusHistory"],
    "status history in this export (no --events file)",
    [/^time\.agentWait\b/],
    ["events"],
  ),
  need("onHold", "On hold", ["statusHistory"], "status history in this export (no --events file)", [/^time\.onHold\b/], ["events"]),
  need(
    "oneTouch",
    "One-touch resolution",
    ["replies"],
    "reply count in this export (no replies {col}, no --messages file)",
    [/^time\.oneTouch\b/, /^time\.repliesToResolve\b/],
    ["messages"],
  ),
  need("leaderboard", "Agents", ["assignee"], "assignee {col}", [/^leaderboard\b/]),
  need("contacts", "Customers and repeat contacts", ["requesterId"], "requester {col}", [/^contacts\b/]),
  need("types", "Ticket types", ["type"], "ticket type {col}", [/^types\b/]),
  need(
    "sla.firstResponse",
    "SLA first response",
    FIRST_RESPONSE,
    FRT_LACKS,
    [/^sla\.byMetric\.firstResponse\b/],
    ["messages"],
    "firstResponse",
  ),
  need(
    "sla.nextResponse",
    "SLA next response",
    [],
    "conversation in this export (no --messages file)",
    [/^sla\.byMetric\.nextResponse\b/],
    ["messages"],
    "nextResponse",
  ),
  need("sla.resolution", "SLA resolution", RESOLUTION, RESOLUTION_LACKS, [/^sla\.byMetric\.resolution\b/], [], "resolution"),
];

/** The ticket field of each `--by` dimension. */
export const DIMENSION_FIELDS: Readonly<Record<SegmentDimension, string>> = {
  assignee: "assignee",
  group: "group",
  channel: "channel",
  type: "type",
  priority: "priority",
  brand: "brand",
  tag: "tags",
  period: "createdAt",
};

/** A figure the run's input cannot give: the JSON output's `absent` entries. */
export interface AbsentInput {
  /** The figure's id: an {@link INPUT_NEEDS} metric, `sla` (every target of the policy), or `segments.<dimension>`. */
  readonly metric: string;
  /** Its name for people. */
  readonly label: string;
  /** The ticket fields it can be computed from (any one), none of which the export has. */
  readonly fields: readonly string[];
  /** The input files that could stand in (`messages`, `responses`, `events`), none of which was given. */
  readonly files: readonly InputFile[];
  /** `no assignee column in this export`. */
  readonly message: string;
}

/** What the run had: the fields the tickets input provides, its layout, the files given, and what was asked for. */
export interface RunInputs {
  /** `InputInfo.fields` of the tickets input. */
  readonly fields: readonly string[];
  /** `true` for JSON and NDJSON inputs (their message says "field" rather than "column"). */
  readonly json: boolean;
  /** The input files given. */
  readonly files: readonly InputFile[];
  /** The SLA policy's target metrics (`--sla`); none without a policy. */
  readonly slaMetrics: readonly SlaMetric[];
  /** The `--by` dimensions. */
  readonly dimensions: readonly SegmentDimension[];
}

const message = (lacks: string, json: boolean): string => {
  const text = lacks.replaceAll("{col}", json ? "field" : "column");
  return `no ${text}${text.includes(" in this export") ? "" : " in this export"}`;
};

/** Every figure of the run that its input cannot give, in report order. */
export function absentInputs(run: RunInputs): AbsentInput[] {
  const has = new Set(run.fields);
  const out: AbsentInput[] = [];
  const lacking = (n: InputNeed): boolean => !n.fields.some((f) => has.has(f)) && !n.files.some((f) => run.files.includes(f));
  for (const n of INPUT_NEEDS) {
    if (n.sla !== undefined && !run.slaMetrics.includes(n.sla)) continue;
    if (!lacking(n)) continue;
    out.push({ metric: n.metric, label: n.label, fields: n.fields, files: n.files, message: message(n.lacks, run.json) });
  }
  const timed = [...new Set(run.slaMetrics)];
  if (timed.length > 0 && timed.every((m) => out.some((a) => a.metric === `sla.${m}`))) {
    const parts = out.filter((a) => a.metric.startsWith("sla."));
    out.push({
      metric: "sla",
      label: "SLA compliance",
      fields: [...new Set(parts.flatMap((a) => a.fields))],
      files: [...new Set(parts.flatMap((a) => a.files))],
      message: `no input for any target of the SLA policy in this export (${parts.map((a) => a.message.replace(/^no /, "").replace(" in this export", "")).join("; ")})`,
    });
  }
  for (const dim of [...new Set(run.dimensions)]) {
    const field = DIMENSION_FIELDS[dim];
    if (has.has(field)) continue;
    out.push({
      metric: `segments.${dim}`,
      label: `By ${dim}`,
      fields: [field],
      files: [],
      message: message(`${field} {col}`, run.json),
    });
  }
  return out;
}

/** The absent entry of `metric`, if it is absent. */
export function absentEntry(absent: readonly AbsentInput[], metric: string): AbsentInput | undefined {
  return absent.find((a) => a.metric === metric);
}

/** The selection steps `[dimensions=…]` / `[key=…]` of a segment path. */
const selects = (step: PathStep | undefined, key: string): step is { key: string; equals: string } =>
  typeof step === "object" && step.key === key;

/**
 * The absent entry a gate reads, if any: the path (from `report`) with its segment or
 * comparison prefix removed is matched against each entry's paths, and a segment scope names
 * its dimensions' fields. Input gates (`input.…`) are never absent.
 */
export function absentForPath(absent: readonly AbsentInput[], path: readonly PathStep[]): AbsentInput | undefined {
  if (absent.length === 0 || path[0] !== "report") return undefined;
  let rest = path.slice(1);
  if (rest[0] === "segments" && selects(rest[1], "dimensions")) {
    for (const dim of rest[1].equals.split(",")) {
      const entry = absentEntry(absent, `segments.${dim}`);
      if (entry !== undefined) return entry;
    }
    rest = rest[2] === "segments" && selects(rest[3], "key") ? rest.slice(4) : [];
  } else if (rest[0] === "comparison" && rest[1] === "previous") rest = rest.slice(2);
  const text = pathText(rest);
  if (text === "") return undefined;
  for (const n of INPUT_NEEDS) {
    if (!n.paths.some((re) => re.test(text))) continue;
    const entry = absentEntry(absent, n.metric);
    if (entry !== undefined) return entry;
  }
  return /^sla\b/.test(text) ? absentEntry(absent, "sla") : undefined;
}

/** The gate names ({@link GATE_ALIASES}) that read a figure of `need`: for the docs and tests. */
export function gateNamesOf(need: InputNeed): string[] {
  return GATE_ALIASES.filter((a) => a.root === "report" && need.paths.some((re) => re.test(pathText(a.path)))).map((a) => a.name);
}
