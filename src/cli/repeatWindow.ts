/**
 * `--repeat-window DURATION`: the window of the repeat-contact rate (`contacts.repeatRate`).
 *
 * @internal
 * @module
 */
import { CliError } from "./errors.ts";
import { parseDuration } from "./values.ts";

/** Reads `--repeat-window` (`7d`, `72h`, `1w`) as milliseconds; `undefined` when not given (the report's default, 7 days). */
export function repeatWindowOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === undefined || !Number.isFinite(ms) || ms <= 0) {
    throw new CliError(
      "E_CLI_OPTION_VALUE",
      `--repeat-window must be a positive duration such as 7d, 72h or 1w, got ${JSON.stringify(text)}`,
      "Give the window after a ticket in which another ticket of the same requester counts as a repeat contact, e.g. --repeat-window 7d",
    );
  }
  return ms;
}
