/**
 * The JSON form of a report state: the input counts, the scope of the period, the segments of
 * each segmentation, the comparison period and the whole-input metrics (volume, heatmap), each
 * in its metrics' own JSON forms, plus a fingerprint of the options so that a state is only read
 * back by an accumulator of the same options.
 *
 * @internal
 * @module
 */
import { openState, readArray, readCounts, readObject, readString, stateJson, type StateJson } from "../_lib/accumulator.ts";
import { MetricRangeError } from "../_lib/errors.ts";
import { scopeFromJSON, scopeToJSON, type AnyPlan, type ScopeState } from "./_engine.ts";
import { segmentsFromJSON, segmentsToJSON, type SegmentsState } from "./_segments.ts";
import { volumeFromJSON, volumeToJSON, type VolumeSettings, type VolumeState } from "./_volume.ts";
import { joinFromJSON, joinToJSON, type JoinState } from "./_join.ts";

/** The kind of a report state's JSON form. @internal */
export const REPORT_STATE_KIND = "report";

/**
 * The format version written and read: 4. Format 2 added `join` (responses waiting for their
 * ticket); format 3 is the first with the survival metrics (`resolutionSurvival`,
 * `firstResponseSurvival`) in every scope, and the first written by `cx-metrics report --partial`;
 * format 4 adds `agentWork`, `agentWait`, `onHold`, `contacts`, `responders` and `bots` (issue 17).
 * Older states lack metrics the report now computes, so they are refused with a message that
 * names the version found and says to recompute them (docs/guide/cli.md, "Partial reports and
 * merge"). @internal
 */
export const REPORT_STATE_VERSION = 4;

/** The parts of a report state that serialise. @internal */
export interface ReportStateParts {
  readonly input: {
    tickets: number;
    responses: number;
    readonly ticketSkips: Record<string, number>;
    readonly responseSkips: Record<string, number>;
  };
  readonly main: ScopeState;
  readonly segments: SegmentsState[];
  readonly previous: ScopeState | undefined;
  readonly volume: VolumeState;
  readonly join: JoinState;
}

/** What reading and writing a state needs: the plans and the options' fingerprint. @internal */
export interface StateCodecContext {
  readonly fingerprint: string;
  readonly main: AnyPlan;
  readonly previous: AnyPlan | undefined;
  readonly volume: VolumeSettings;
  readonly segmentations: number;
}

/** The JSON form of a (flushed) report state. @internal */
export function reportStateToJSON(ctx: StateCodecContext, s: ReportStateParts): StateJson {
  return stateJson(REPORT_STATE_KIND, REPORT_STATE_VERSION, {
    options: ctx.fingerprint,
    input: {
      tickets: s.input.tickets,
      responses: s.input.responses,
      ticketSkips: { ...s.input.ticketSkips },
      responseSkips: { ...s.input.responseSkips },
    },
    main: scopeToJSON(ctx.main, s.main),
    segments: s.segments.map((seg) => segmentsToJSON(ctx.main, seg)),
    previous: s.previous === undefined || ctx.previous === undefined ? null : scopeToJSON(ctx.previous, s.previous),
    volume: volumeToJSON(s.volume),
    join: joinToJSON(s.join),
  });
}

/** A report state read back from {@link reportStateToJSON}'s output. @internal */
export function reportStateFromJSON(ctx: StateCodecContext, json: unknown): ReportStateParts {
  const kind = "reportAccumulator";
  const found = json !== null && typeof json === "object" ? (json as { v?: unknown }).v : undefined;
  if ((json as { kind?: unknown } | null)?.kind === REPORT_STATE_KIND && typeof found === "number" && found < REPORT_STATE_VERSION) {
    throw new MetricRangeError(
      "E_STATE_FORMAT",
      `${kind}.fromJSON: v must be ${String(REPORT_STATE_VERSION)} (the state format this version reads), got ${String(found)}, a state of an earlier version without the metrics added since (survival in 3; time in status, contacts, responders and bots in 4); compute it again with this version`,
    );
  }
  const o = openState(json, REPORT_STATE_KIND, REPORT_STATE_VERSION);
  const options = readString(o, kind, "options");
  if (options !== ctx.fingerprint) {
    throw new MetricRangeError(
      "E_STATE_FORMAT",
      `${kind}.fromJSON: the state must come from an accumulator of the same options (${ctx.fingerprint}), got one of ${options}`,
    );
  }
  const input = readObject(o, kind, "input");
  const count = (field: string): number => {
    const x = input[field];
    if (typeof x !== "number" || !Number.isSafeInteger(x) || x < 0) {
      throw new MetricRangeError(
        "E_STATE_FORMAT",
        `${kind}.fromJSON: input.${field} must be a non-negative integer, got ${JSON.stringify(x)}`,
      );
    }
    return x;
  };
  const segments = readArray(o, kind, "segments");
  if (segments.length !== ctx.segmentations) {
    throw new MetricRangeError(
      "E_STATE_FORMAT",
      `${kind}.fromJSON: segments must hold ${String(ctx.segmentations)} segmentations, got ${String(segments.length)}`,
    );
  }
  const previous = o.previous;
  if ((previous === null) !== (ctx.previous === undefined)) {
    throw new MetricRangeError(
      "E_STATE_FORMAT",
      `${kind}.fromJSON: previous must be ${ctx.previous === undefined ? "null" : "a scope state"}, got ${JSON.stringify(previous)}`,
    );
  }
  return {
    input: {
      tickets: count("tickets"),
      responses: count("responses"),
      ticketSkips: { ...readCounts(input, kind, "ticketSkips") },
      responseSkips: { ...readCounts(input, kind, "responseSkips") },
    },
    main: scopeFromJSON(ctx.main, kind, "main", o.main),
    segments: segments.map((seg, i) => segmentsFromJSON(ctx.main, kind, `segments[${String(i)}]`, seg)),
    previous: ctx.previous === undefined ? undefined : scopeFromJSON(ctx.previous, kind, "previous", previous),
    volume: volumeFromJSON(ctx.volume, o.volume),
    join: joinFromJSON(kind, "join", o.join),
  };
}
