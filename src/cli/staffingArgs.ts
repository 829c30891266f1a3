/**
 * The arguments of `cx-metrics staffing`, parsed with `node:util` `parseArgs`.
 *
 * @internal
 * @module
 */
import { parseArgs } from "node:util";
import { CALL_PRESETS, TICKET_PRESETS, type CallPreset, type InputFormat, type TicketPreset } from "../io/index.ts";
import { CliError } from "./errors.ts";
import { parseDuration } from "./values.ts";

/** The output formats of `staffing`. */
export const STAFFING_FORMATS = ["table", "json", "csv"] as const;
/** The queue models. */
export const MODELS = ["erlang-c", "erlang-a"] as const;
/** Every preset `staffing` reads: the call logs first, then the ticket exports. */
export const STAFFING_PRESETS: readonly (CallPreset | TicketPreset)[] = [...CALL_PRESETS, ...TICKET_PRESETS];

/** The parsed arguments of `cx-metrics staffing`. Times in seconds. */
export interface StaffingArgs {
  readonly file: string;
  readonly preset: CallPreset | TicketPreset;
  readonly inputFormat: InputFormat | undefined;
  readonly timeZone: string | undefined;
  readonly dateFormat: string | undefined;
  readonly map: readonly string[];
  readonly interval: number;
  readonly serviceLevel: number | undefined;
  readonly within: number;
  readonly asa: number | undefined;
  readonly model: (typeof MODELS)[number];
  readonly shrinkage: number | undefined;
  readonly maxOccupancy: number | undefined;
  readonly aht: number | undefined;
  readonly patience: number | undefined;
  readonly clockSkewTolerance: number | undefined;
  readonly format: (typeof STAFFING_FORMATS)[number] | undefined;
  readonly output: string | undefined;
  readonly chart: string | undefined;
  readonly quiet: boolean;
}

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  preset: { type: "string", short: "p" },
  "input-format": { type: "string" },
  timezone: { type: "string" },
  "time-zone": { type: "string" },
  "date-format": { type: "string" },
  map: { type: "string", multiple: true },
  interval: { type: "string" },
  "service-level": { type: "string" },
  within: { type: "string" },
  asa: { type: "string" },
  model: { type: "string" },
  shrinkage: { type: "string" },
  "max-occupancy": { type: "string" },
  aht: { type: "string" },
  patience: { type: "string" },
  "clock-skew-tolerance": { type: "string" },
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  chart: { type: "string" },
  quiet: { type: "boolean", short: "q" },
} as const;

const HINT = 'Run "cx-metrics staffing --help" for the options';
const DECIMAL_RE = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

function usage(message: string): CliError {
  return new CliError("E_CLI_OPTION_VALUE", message, HINT);
}

function choice<T extends string>(name: string, text: string | undefined, allowed: readonly T[]): T | undefined {
  if (text === undefined) return undefined;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw usage(`--${name} must be one of ${allowed.join(", ")}, got ${JSON.stringify(text)}`);
}

/** A share: `0.8` or `80%`, within the bounds `lo` (inclusive or not) and `hi`. */
function shareOf(name: string, text: string | undefined, ok: (x: number) => boolean, range: string): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  const percent = t.endsWith("%");
  const body = percent ? t.slice(0, -1).trim() : t;
  const value = DECIMAL_RE.test(body) ? Number(body) / (percent ? 100 : 1) : Number.NaN;
  if (!ok(value)) throw usage(`--${name} must be ${range} (0.8 or 80%), got ${JSON.stringify(text)}`);
  return value;
}

/** Seconds: a plain number (`180`) or a duration (`3m`, `20s`, `1m30s`), checked by `ok`. */
function secondsOf(name: string, text: string | undefined, ok: (x: number) => boolean, range: string): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  const value = DECIMAL_RE.test(t) ? Number(t) : (parseDuration(t) ?? Number.NaN) / 1000;
  if (!(Number.isFinite(value) && ok(value))) {
    throw usage(`--${name} must be ${range}, as seconds (20) or a duration (20s, 3m, 1m30s), got ${JSON.stringify(text)}`);
  }
  return value;
}

/** Parses the arguments after `staffing`; `"help"` for `--help`. */
export function parseStaffingArgs(argv: readonly string[]): StaffingArgs | "help" {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError("E_CLI_USAGE", (error as Error).message, HINT);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return "help";
  if (positionals.length !== 1) {
    throw new CliError(
      "E_CLI_USAGE",
      positionals.length === 0
        ? "staffing needs a file (a call log or a ticket export; a path, or - for standard input)"
        : `staffing takes one file, got ${String(positionals.length)}: ${positionals.join(" ")}`,
      HINT,
    );
  }
  if (values.timezone !== undefined && values["time-zone"] !== undefined && values.timezone !== values["time-zone"]) {
    throw new CliError("E_CLI_USAGE", "--timezone and --time-zone are the same option; give it once");
  }
  const interval = secondsOf(
    "interval",
    values.interval ?? "30m",
    (x) => Number.isInteger(x) && x >= 60 && 86_400 % x === 0,
    "a whole number of seconds from 1m to 24h that divides a day (15m, 30m, 1h)",
  );
  return {
    file: positionals[0] as string,
    preset: choice("preset", values.preset, STAFFING_PRESETS) ?? "call-log",
    inputFormat: choice("input-format", values["input-format"], ["csv", "json", "ndjson"] as const),
    timeZone: values.timezone ?? values["time-zone"],
    dateFormat: values["date-format"],
    map: values.map ?? [],
    interval: interval as number,
    serviceLevel: shareOf("service-level", values["service-level"], (x) => x >= 0 && x < 1, "a share from 0 up to, not including, 1"),
    within: secondsOf("within", values.within ?? "20", (x) => x >= 0, "a time ≥ 0") as number,
    asa: secondsOf("asa", values.asa, (x) => x > 0, "a time > 0"),
    model: choice("model", values.model, MODELS) ?? "erlang-c",
    shrinkage: shareOf("shrinkage", values.shrinkage, (x) => x >= 0 && x < 1, "a share from 0 up to, not including, 1"),
    maxOccupancy: shareOf("max-occupancy", values["max-occupancy"], (x) => x > 0 && x <= 1, "a share above 0 and at most 1"),
    aht: secondsOf("aht", values.aht, (x) => x > 0, "a time > 0"),
    patience: secondsOf("patience", values.patience, (x) => x > 0, "a time > 0"),
    clockSkewTolerance: secondsOf("clock-skew-tolerance", values["clock-skew-tolerance"], (x) => x >= 0, "a time ≥ 0"),
    format: choice("format", values.format, STAFFING_FORMATS),
    output: values.output,
    chart: values.chart,
    quiet: values.quiet === true,
  };
}
