/**
 * The command's ticket history file (`--events FILE`, `--events-preset NAME`): which layout it
 * is read with when `--events-preset` is not given, and its `input.events` entry.
 *
 * @internal
 * @module
 */
import { InputFormatError, readEvents, type EventJoin, type EventPreset } from "../io/index.ts";
import type { ReportArgs } from "./args.ts";
import type { CliIo } from "./io.ts";
import { fileSummary, inputError, source, type FileSummary } from "./inputs.ts";

/** The `input.events` entry: the file's accounting, the layout read and the join's counts. */
export type EventsSummary = FileSummary & {
  /** The layout read (`--events-preset`, or detected). */
  readonly preset: EventPreset;
  /** `--events-preset` (`option`) or the first layout whose columns the file has (`detected`). */
  readonly presetSource: "option" | "detected";
  /** Changes attached to a returned ticket. */
  readonly attached: number;
  /** Valid changes whose ticket id matched no returned ticket. */
  readonly unmatched: number;
  /** Attached changes earlier than their ticket's creation (kept; the status metrics report them). */
  readonly beforeCreated: number;
};

/** The layouts tried, in order, when `--events-preset` is not given. */
const DETECTION_ORDER: readonly EventPreset[] = ["generic", "zendesk-json", "fivetran", "chatwoot"];

const detected = new WeakMap<ReportArgs, EventPreset>();

/**
 * The layout of the `--events` file: `--events-preset`, else the first of generic, zendesk-json,
 * fivetran, chatwoot whose required columns the file has (each try opens the file and reads its header or
 * first record, then stops). Standard input can be read once: generic unless `--events-preset`.
 * When none fits, the generic layout's `E_INPUT_COLUMNS`, naming the columns found.
 */
export async function eventsPreset(args: ReportArgs, io: CliIo): Promise<EventPreset> {
  if (args.eventsPreset !== undefined) return args.eventsPreset;
  const path = args.events;
  if (path === undefined || path === "-") return "generic";
  const known = detected.get(args);
  if (known !== undefined) return known;
  let first: unknown;
  for (const preset of DETECTION_ORDER) {
    try {
      const result = await readEvents(source(path, io), { preset });
      // Started, then stopped: the reader releases its input.
      const records = result.records[Symbol.asyncIterator]();
      await records.next();
      await records.return?.();
      detected.set(args, preset);
      return preset;
    } catch (error) {
      if (!(error instanceof InputFormatError && error.code === "E_INPUT_COLUMNS")) {
        // Errors other than the columns are the file's whatever the layout: report them once read.
        detected.set(args, preset);
        return preset;
      }
      first ??= error;
    }
  }
  throw inputError("events", path, first);
}

/** The `input.events` entry of a finished run, or `null` without `--events`. */
export function eventsSummary(args: ReportArgs, join: EventJoin | undefined, preset: EventPreset): EventsSummary | null {
  if (join === undefined || args.events === undefined) return null;
  return {
    ...fileSummary(args.events, join, args.maxRejects),
    preset,
    presetSource: args.eventsPreset === undefined ? "detected" : "option",
    attached: join.attached,
    unmatched: join.unmatched,
    beforeCreated: join.beforeCreated,
  };
}
