/**
 * Parsers for the values written on the command line and in the JSON config files:
 * durations (`4h`, `1h30m`), instants (`--as-of`), periods (`from..to`).
 *
 * @internal
 * @module
 */
import { parseTimestamp } from "../_lib/timestamp.ts";
import { CliError } from "./errors.ts";

/** Milliseconds per duration unit of the command line. */
export const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  sec: 1_000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const PART = /(\d+(?:\.\d+)?|\.\d+)\s*(ms|sec|min|s|m|h|d|w)/gy;

/**
 * Reads a duration such as `45s`, `30m`, `4h`, `2d`, `1w`, `1h30m` or `1.5h` (units: ms, s,
 * m/min, h, d = 24 h, w = 7 d) as milliseconds; `undefined` when the text is not one.
 */
export function parseDuration(text: string): number | undefined {
  const source = text.trim();
  if (source === "") return undefined;
  PART.lastIndex = 0;
  let ms = 0;
  let at = 0;
  while (at < source.length) {
    PART.lastIndex = at;
    const match = PART.exec(source);
    if (match === null) return undefined;
    ms += Number(match[1]) * (DURATION_UNITS[match[2] as string] as number);
    at = PART.lastIndex;
    while (source[at] === " ") at++;
  }
  return ms;
}

/**
 * Reads an instant for `--as-of`, `--period` and `--compare-to`: ISO 8601 with `Z` or an
 * offset, or a naive date/time read in `timeZone`.
 */
export function parseInstant(option: string, text: string, timeZone: string): Date {
  const result = parseTimestamp(text.trim(), { timeZone });
  if (!result.ok) {
    throw new CliError("E_CLI_OPTION_VALUE", `${option} ${result.reason}, got ${JSON.stringify(text)}`);
  }
  return result.value;
}

/** A half-open period `[from, to)`. */
export interface Period {
  readonly from: Date;
  readonly to: Date;
}

/**
 * Reads `from..to` (each an instant or a date, naive ones in `timeZone`) as the half-open
 * period `[from, to)`: `2026-10-01..2026-11-01` is October.
 */
export function parsePeriod(option: string, text: string, timeZone: string): Period {
  const at = text.indexOf("..");
  if (at <= 0 || at === text.length - 2) {
    throw new CliError(
      "E_CLI_OPTION_VALUE",
      `${option} must look like from..to (e.g. 2026-10-01..2026-11-01), got ${JSON.stringify(text)}`,
    );
  }
  const from = parseInstant(option, text.slice(0, at), timeZone);
  const to = parseInstant(option, text.slice(at + 2), timeZone);
  if (to.getTime() <= from.getTime()) {
    throw new CliError("E_CLI_OPTION_VALUE", `${option} must end after it starts, got ${JSON.stringify(text)}`);
  }
  return { from, to };
}

/** Splits `a,b , c` into `["a", "b", "c"]`, dropping blanks. */
export function parseList(text: string): string[] {
  return text
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}
