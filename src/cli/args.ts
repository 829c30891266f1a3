/**
 * The arguments of `cx-metrics report`, parsed with `node:util` `parseArgs`.
 *
 * @internal
 * @module
 */
import { REPORT_TABLES, type QuantileOption } from "../report/index.ts";
import { parseArgs } from "node:util";
import { EVENT_PRESETS, TICKET_PRESETS, type EventPreset, type InputFormat, type TicketPreset } from "../io/index.ts";
import { dateFormatProblem } from "../io/dateFormat.ts";
import { CliError } from "./errors.ts";
import type { RegressionArg } from "./regression.ts";
import { parseList } from "./values.ts";
import { repeatWindowOf } from "./repeatWindow.ts";
import { RANK_BY } from "./rankBy.ts";
import { RESPONDER_OPTIONS, responderArgsOf, type ResponderArgs } from "./argsResponders.ts";

/** The output formats. */
export const FORMATS = ["table", "markdown", "json", "csv", "html"] as const;
/** An output format. */
export type OutputFormat = (typeof FORMATS)[number];

/** The ticket presets (`--preset`). */
export const PRESETS = TICKET_PRESETS;
/** Presets whose timestamps are naive local times, so `--timezone` is required. */
export const NAIVE_PRESETS: readonly TicketPreset[] = ["zendesk-csv", "freshdesk-csv"];
/** The time buckets. */
export const BUCKETS = ["hour", "day", "week", "month"] as const;
/** The tables `--format csv` can write (`--table`): the report's own (`toRows`), then the command's. */
export const CSV_TABLES = [...REPORT_TABLES, "gates", "rejects", "absent", "tickets"] as const;
/** A table `--format csv` can write. */
export type CsvTable = (typeof CSV_TABLES)[number];
const INPUT_FORMATS: readonly InputFormat[] = ["csv", "json", "ndjson"];

/** One gate as written: `--gate` (must hold) or `--fail-if` (must not hold). */
export interface GateArg {
  readonly text: string;
  readonly kind: "gate" | "fail-if";
  /** Where it was written, for messages: `--gate`, `--fail-if` or `gates.json[2]`. */
  readonly source: string;
}

/** The parsed arguments of `cx-metrics report`. */
export interface ReportArgs extends ResponderArgs {
  readonly tickets: string;
  readonly preset: TicketPreset;
  readonly inputFormat: InputFormat | undefined;
  readonly messages: string | undefined;
  /** `--events`: a ticket history file, and `--events-preset` (undefined: detected, see ./events.ts). */
  readonly events: string | undefined;
  readonly eventsPreset: EventPreset | undefined;
  readonly responses: string | undefined;
  readonly cohorts: string | undefined;
  readonly timeZone: string | undefined;
  /** `--date-format`: the layout of timestamps that are not ISO 8601 (date-fns parse tokens), checked. */
  readonly dateFormat: string | undefined;
  readonly asOf: string | undefined;
  readonly map: readonly string[];
  readonly statusMap: readonly string[];
  readonly by: readonly string[];
  readonly period: string | undefined;
  readonly compareTo: string | undefined;
  readonly bucket: (typeof BUCKETS)[number] | undefined;
  readonly schedule: string | undefined;
  readonly sla: string | undefined;
  readonly format: OutputFormat | undefined;
  readonly table: CsvTable;
  readonly output: string | undefined;
  readonly rejects: string | undefined;
  readonly strict: boolean;
  /** `--mermaid`: trend charts (Mermaid `xychart-beta`) in the Markdown output. */
  readonly mermaid: boolean;
  readonly gates: readonly GateArg[];
  readonly gatesFile: string | undefined;
  /** `--baseline`: an earlier run's JSON output, for `--fail-if-worse`. */
  readonly baseline: string | undefined;
  /** `--fail-if-worse`: regression gates against `--baseline` (./regression.ts). */
  readonly failIfWorse: readonly RegressionArg[];
  readonly allowMissing: boolean;
  readonly quiet: boolean;
  readonly maxRejects: number;
  /** `--max-rejected`: the largest share of ticket rows that may be rejected (a fraction in [0, 1)); `undefined` when not given. */
  readonly maxRejected: number | undefined;
  readonly rankBy: (typeof RANK_BY)[number] | undefined;
  readonly minSample: number | undefined;
  /** `--confidence`: the confidence level of intervals and significance tests (0 < level < 1). */
  readonly confidenceLevel: number | undefined;
  /** `--value-per-customer`: money per lost customer, for revenue at risk. */
  readonly valuePerCustomer: number | undefined;
  /** `--quantiles`: `"exact"` or a sketch's relative error; `undefined` when not given (exact). */
  readonly quantiles: QuantileOption | undefined;
  /** `--repeat-window`: the repeat-contact window, ms; `undefined` when not given (7 days). */
  readonly repeatWindow: number | undefined;
  /** `--partial FILE`: write the accumulator state for `cx-metrics merge` instead of a report (./partial.ts). */
  readonly partial: string | undefined;
}

/** The options of the output and the gates: `report`'s, and all of `merge`'s (./merge.ts). */
export const OUTPUT_OPTIONS = {
  help: { type: "boolean", short: "h" },
  format: { type: "string", short: "f" },
  table: { type: "string" },
  output: { type: "string", short: "o" },
  quiet: { type: "boolean", short: "q" },
  strict: { type: "boolean" },
  mermaid: { type: "boolean" },
  "max-rejected": { type: "string" },
  gate: { type: "string", multiple: true },
  "fail-if": { type: "string", multiple: true },
  gates: { type: "string" },
  baseline: { type: "string" },
  "fail-if-worse": { type: "string", multiple: true },
  "allow-missing": { type: "boolean" },
} as const;

const OPTIONS = {
  ...OUTPUT_OPTIONS,
  preset: { type: "string", short: "p" },
  "input-format": { type: "string" },
  messages: { type: "string" },
  events: { type: "string" },
  "events-preset": { type: "string" },
  responses: { type: "string" },
  cohorts: { type: "string" },
  timezone: { type: "string" },
  "time-zone": { type: "string" },
  "date-format": { type: "string" },
  "as-of": { type: "string" },
  map: { type: "string", multiple: true },
  "status-map": { type: "string", multiple: true },
  status: { type: "string", multiple: true },
  by: { type: "string", multiple: true },
  period: { type: "string" },
  "compare-to": { type: "string" },
  bucket: { type: "string" },
  schedule: { type: "string" },
  sla: { type: "string" },
  rejects: { type: "string" },
  "max-rejects": { type: "string" },
  "rank-by": { type: "string" },
  "min-sample": { type: "string" },
  confidence: { type: "string" },
  "value-per-customer": { type: "string" },
  quantiles: { type: "string" },
  "repeat-window": { type: "string" },
  partial: { type: "string" },
  ...RESPONDER_OPTIONS,
} as const;

const USAGE_HINT = 'Run "cx-metrics report --help" for the options';

const DECIMAL_RE = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** `--date-format`: a date-fns parse layout that names a whole date (checked before anything is read). */
function dateFormatOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const problem = dateFormatProblem(text);
  if (problem !== undefined) {
    throw new CliError(
      "E_CLI_OPTION_VALUE",
      `--date-format must be a date layout in date-fns parse tokens, such as "dd/MM/yyyy HH:mm" or "EEE MMM dd HH:mm:ss xx yyyy", got ${JSON.stringify(text)}: it ${problem}`,
      USAGE_HINT,
    );
  }
  return text;
}

/** `--confidence`: a fraction strictly between 0 and 1 (`0.9`) or a percentage (`90%`). */
function confidenceOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  const percent = t.endsWith("%");
  const body = percent ? t.slice(0, -1).trim() : t;
  const value = DECIMAL_RE.test(body) ? Number(body) / (percent ? 100 : 1) : Number.NaN;
  if (!(value > 0 && value < 1)) {
    throw new CliError(
      "E_CLI_OPTION_VALUE",
      `--confidence must be a level strictly between 0 and 1 (0.9) or a percentage (90%), got ${JSON.stringify(text)}`,
      USAGE_HINT,
    );
  }
  return value;
}

/**
 * `--quantiles`: `exact` (every duration kept, 8 bytes each), `sketch` (relative error 1 %), or
 * `sketch:α` with α a fraction (`0.005`) or a percentage (`0.5%`) strictly between 0 and 1.
 */
function quantilesOf(text: string | undefined): QuantileOption | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t === "exact") return "exact";
  if (t === "sketch") return { relativeError: 0.01 };
  const m = /^sketch:(.+)$/.exec(t);
  if (m !== null) {
    const body = (m[1] as string).trim();
    const percent = body.endsWith("%");
    const digits = percent ? body.slice(0, -1).trim() : body;
    const value = DECIMAL_RE.test(digits) ? Number(digits) / (percent ? 100 : 1) : Number.NaN;
    if (value > 0 && value < 1) return { relativeError: value };
  }
  throw new CliError(
    "E_CLI_OPTION_VALUE",
    `--quantiles must be exact, sketch, or sketch:ERROR with ERROR strictly between 0 and 1 (0.01 or 1%), got ${JSON.stringify(text)}`,
    USAGE_HINT,
  );
}

/** `--max-rejected`: a share from 0 up to (not including) 1, as a fraction (`0.05`) or a percentage (`5%`). */
export function shareOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  const percent = t.endsWith("%");
  const body = percent ? t.slice(0, -1).trim() : t;
  const value = DECIMAL_RE.test(body) ? Number(body) / (percent ? 100 : 1) : Number.NaN;
  if (!(value >= 0 && value < 1)) {
    throw new CliError(
      "E_CLI_OPTION_VALUE",
      `--max-rejected must be a share from 0 up to 1 (0.05) or a percentage below 100 (5%), got ${JSON.stringify(text)}`,
      USAGE_HINT,
    );
  }
  return value;
}

/** `--value-per-customer`: a non-negative amount of money (`243`, `243.50`). */
function moneyOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = DECIMAL_RE.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isFinite(value)) {
    throw new CliError(
      "E_CLI_OPTION_VALUE",
      `--value-per-customer must be a non-negative amount such as 243 or 243.50, got ${JSON.stringify(text)}`,
      USAGE_HINT,
    );
  }
  return value;
}

export function choice<T extends string>(option: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliError("E_CLI_OPTION_VALUE", `--${option} must be one of ${allowed.join(", ")}, got ${JSON.stringify(value)}`, USAGE_HINT);
  }
  return value as T;
}

/** `parseArgs`' error (an unknown option, a missing value) as a usage error with `hint`. */
export function usageError(error: unknown, hint: string): CliError {
  const message = error instanceof Error ? error.message.replace(/\s+To specify a positional.*$/s, "") : String(error);
  return new CliError("E_CLI_USAGE", message.replace(/\.$/, ""), hint);
}

/** Turns `parseArgs`' errors (unknown option, missing value) into usage errors. */
function parse(argv: readonly string[]): ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(error, USAGE_HINT);
  }
}

/** The arguments of the output and the gates ({@link OUTPUT_OPTIONS}). */
export type OutputArgs = Pick<
  ReportArgs,
  | "format"
  | "table"
  | "output"
  | "quiet"
  | "strict"
  | "mermaid"
  | "maxRejected"
  | "gates"
  | "gatesFile"
  | "baseline"
  | "failIfWorse"
  | "allowMissing"
>;

/** The values of {@link OUTPUT_OPTIONS} as `parseArgs` gives them. */
type OutputValues = ReturnType<typeof parseArgs<{ options: typeof OUTPUT_OPTIONS; allowPositionals: true; strict: true }>>["values"];

/** Reads the values of {@link OUTPUT_OPTIONS}. */
export function outputArgs(values: OutputValues): OutputArgs {
  return {
    format: choice("format", values.format, FORMATS),
    table: choice("table", values.table, CSV_TABLES) ?? "segments",
    output: values.output,
    quiet: values.quiet === true,
    strict: values.strict === true,
    mermaid: values.mermaid === true,
    maxRejected: shareOf(values["max-rejected"]),
    gates: [
      ...(values.gate ?? []).map((text): GateArg => ({ text, kind: "gate", source: "--gate" })),
      ...(values["fail-if"] ?? []).map((text): GateArg => ({ text, kind: "fail-if", source: "--fail-if" })),
    ],
    gatesFile: values.gates,
    baseline: values.baseline,
    failIfWorse: (values["fail-if-worse"] ?? []).map((text): RegressionArg => ({ text, source: "--fail-if-worse" })),
    allowMissing: values["allow-missing"] === true,
  };
}

/**
 * Parses the arguments that follow `report`; `"help"` when `--help` was given.
 * Throws {@link CliError} (`E_CLI_USAGE`, `E_CLI_OPTION_VALUE`) for anything else wrong.
 */
export function parseReportArgs(argv: readonly string[]): ReportArgs | "help" {
  const { values, positionals } = parse(argv);
  if (values.help === true) return "help";
  if (positionals.length === 0) {
    throw new CliError("E_CLI_USAGE", "report needs a tickets file (a path, or - for standard input)", USAGE_HINT);
  }
  if (positionals.length > 1) {
    throw new CliError(
      "E_CLI_USAGE",
      `report takes one tickets file, got ${String(positionals.length)}: ${positionals.join(" ")}`,
      USAGE_HINT,
    );
  }
  if (values.timezone !== undefined && values["time-zone"] !== undefined && values.timezone !== values["time-zone"]) {
    throw new CliError("E_CLI_USAGE", "--timezone and --time-zone are the same option; give it once");
  }
  const maxRejectsText = values["max-rejects"];
  const maxRejects = maxRejectsText === undefined ? 20 : Number(maxRejectsText);
  if (!Number.isInteger(maxRejects) || maxRejects < 0) {
    throw new CliError(
      "E_CLI_OPTION_VALUE",
      `--max-rejects must be a non-negative integer, got ${JSON.stringify(maxRejectsText)}`,
      USAGE_HINT,
    );
  }
  const minSampleText = values["min-sample"];
  const minSample = minSampleText === undefined ? undefined : Number(minSampleText);
  if (minSample !== undefined && (!Number.isInteger(minSample) || minSample < 1)) {
    throw new CliError(
      "E_CLI_OPTION_VALUE",
      `--min-sample must be an integer of at least 1, got ${JSON.stringify(minSampleText)}`,
      USAGE_HINT,
    );
  }
  return {
    tickets: positionals[0] as string,
    preset: choice("preset", values.preset, PRESETS) ?? "generic",
    inputFormat: choice("input-format", values["input-format"], INPUT_FORMATS),
    messages: values.messages,
    events: values.events,
    eventsPreset: choice("events-preset", values["events-preset"], EVENT_PRESETS),
    responses: values.responses,
    cohorts: values.cohorts,
    timeZone: values.timezone ?? values["time-zone"],
    dateFormat: dateFormatOf(values["date-format"]),
    asOf: values["as-of"],
    map: values.map ?? [],
    statusMap: [...(values["status-map"] ?? []), ...(values.status ?? [])],
    by: (values.by ?? []).flatMap(parseList),
    period: values.period,
    compareTo: values["compare-to"],
    bucket: choice("bucket", values.bucket, BUCKETS),
    schedule: values.schedule,
    sla: values.sla,
    ...outputArgs(values),
    rejects: values.rejects,
    maxRejects,
    rankBy: choice("rank-by", values["rank-by"], RANK_BY),
    minSample,
    confidenceLevel: confidenceOf(values.confidence),
    valuePerCustomer: moneyOf(values["value-per-customer"]),
    quantiles: quantilesOf(values.quantiles),
    repeatWindow: repeatWindowOf(values["repeat-window"]),
    partial: values.partial,
    ...responderArgsOf(values, choice),
  };
}

/**
 * The output format: `--format`, else from the `--output` extension (`.json`, `.md`,
 * `.csv`, `.html`, anything else table), else `table` when stdout is a terminal and `json` when not.
 */
export function resolveFormat(args: Pick<ReportArgs, "format" | "output">, stdoutIsTty: boolean): OutputFormat {
  if (args.format !== undefined) return args.format;
  if (args.output !== undefined) {
    const name = args.output.toLowerCase();
    if (name.endsWith(".json")) return "json";
    if (name.endsWith(".md") || name.endsWith(".markdown")) return "markdown";
    if (name.endsWith(".csv")) return "csv";
    if (name.endsWith(".html") || name.endsWith(".htm")) return "html";
    return "table";
  }
  return stdoutIsTty ? "table" : "json";
}
