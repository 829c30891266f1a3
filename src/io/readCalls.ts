import { MetricRangeError } from "../_lib/errors.ts";
import { DAY_MS, HOUR_MS, SECOND_MS, daysFromCivil } from "../_lib/time.ts";
import { wallToInstant } from "../_lib/zone.ts";
import type { Call, CallOutcome } from "../models/call.ts";
import { CALL_FIELDS, CALL_PRESET_SPECS, readClock, readLocalDate, TimeOfDay, type CallField } from "./_callPresets.ts";
import { applyColumnMap, readModel, type BuildIssue, type FieldSpec } from "./_engine.ts";
import { checkTimeZone, parseColumnMap } from "./_options.ts";
import { bad, interned, readId, readSeconds, readText, type Reader } from "./_values.ts";
import type { InputSource, ReadOptions, ReadResult } from "./types.ts";

/**
 * A layout of call-centre logs that {@link readCalls} reads:
 *
 * - `call-log`: this library's own columns: `call_id`, `date` (optional, `YYYY-MM-DD`),
 *   `arrived_at` (required), `queue_start`, `queue_exit`, `service_start`, `service_end`,
 *   `handle_time` (seconds), `outcome` (required: served / answered / handled, abandoned / hang
 *   / hangup, phantom), `queue` (or `type`), `agent`. Times are timestamps, or times of day
 *   `H:MM:SS` on the row's `date`. Clock skew tolerated by default: 0 s.
 * - `anonymous-bank`: the Technion SEE "Anonymous Bank" log (`vru+line, call_id, …, server`):
 *   arrival `vru_exit`, queue `q_start`/`q_exit` (`0:00:00` = never queued), service
 *   `ser_start`/`ser_exit`, outcome AGENT / HANG / PHANTOM, queue `type`, agent `server`
 *   (`NO_SERVER` = none); times of day in Asia/Jerusalem; clock skew tolerated by default: 2 s.
 *
 * @category Input
 */
export type CallPreset = "call-log" | "anonymous-bank";

/**
 * Every call-log preset {@link readCalls} reads.
 *
 * @example
 * ```ts
 * CALL_PRESETS.includes("anonymous-bank"); // => true
 * ```
 * @category Input
 */
export const CALL_PRESETS: readonly CallPreset[] = ["call-log", "anonymous-bank"];

/**
 * Options of {@link readCalls}.
 *
 * @category Input
 */
export interface ReadCallsOptions extends ReadOptions {
  /** The column layout; default `"call-log"`. */
  readonly preset?: CallPreset;
  /**
   * Seconds by which a call's service start may precede its queue exit (or, for a call that never
   * queued, its arrival) and the call still be read, as clock skew between the log's clocks; such
   * calls carry {@link Call.clockSkew}. Earlier than that rejects the call. A finite number ≥ 0;
   * default: the preset's (0 for `call-log`, 2 for `anonymous-bank`).
   */
  readonly clockSkewTolerance?: number;
}

/**
 * What {@link readCalls} returns: the shared {@link ReadResult} and the time zone the times were read in.
 *
 * @category Input
 */
export interface CallReadResult extends ReadResult<Call> {
  /** The time zone of naive and time-of-day values (the option's, else the preset's); absent when neither gives one. */
  readonly timeZone?: string;
}

/** Reasons of the rejects only this reader gives. */
const CALL_REASONS = {
  outcome: "must be an outcome: served (answered, handled), abandoned (hang, hangup) or phantom",
  needsDate: "is a time of day and needs a date column (or a full timestamp)",
  needsZone: "is a naive local time and needs timeZone",
  pair: "is required when the other end of the queue is given",
  beforeArrival: "must not be before the arrival (beyond clockSkewTolerance)",
  beforeQueueStart: "must not be before the queue entry",
  beforeQueueExit: "must not be earlier than the queue exit (or the arrival) by more than clockSkewTolerance",
  beforeServiceStart: "must not be before the service start",
  abandonedService: "must be blank for an abandoned call",
} as const;

type OutcomeValue = CallOutcome | { readonly excluded: string };

/** Half a day: a time of day this much earlier than the arrival's is on the next day. */
const HALF_DAY_MS = 12 * HOUR_MS;

/**
 * Reads a call-centre log (one row per call: arrival, queue entry and exit, service start and end
 * or a handle time, an outcome, optionally a queue and an agent) as a stream of {@link Call}s,
 * rejecting and counting the rows that do not fit; phantom calls are excluded and counted.
 *
 * @param input - The log: a {@link InputSource} (in Node `openFile(path)` from `cx-metrics/io/node`).
 * @param options - {@link ReadCallsOptions}: `preset` (default `"call-log"`), `clockSkewTolerance`
 *   (the preset's), `timeZone` (the preset's; needed for naive or time-of-day values), `map`
 *   (fields `id`, `date`, `arrivedAt`, `queueStart`, `queueExit`, `serviceStart`, `serviceEnd`,
 *   `handleTime`, `outcome`, `queue`, `agent`), and the shared {@link ReadOptions}.
 * @returns The calls (single-use async iterable) with the accounting: `read === used + rejected +
 *   excluded` once iterated (`excludedBy.phantom` for phantom calls).
 * @throws {@link InputFormatError} `E_INPUT_COLUMNS` at once when the arrival or outcome column is
 *   missing, and the other input codes of `readTickets` for inputs that cannot be read.
 * @throws `MetricRangeError` (from `cx-metrics`) `E_OPTION_VALUE` for an unknown preset or a
 *   `clockSkewTolerance` that is not a finite number ≥ 0; `E_TIME_ZONE`, `E_MAP_ENTRY`, `E_MAP_FIELD`.
 * @remarks A time of day is placed on the row's `date` in `timeZone`; one that is more than 12 hours
 *   earlier than the arrival's is on the next day (a call across midnight). Rejected, each with its
 *   column: a queue entry without exit (or the reverse); a queue entry before the arrival, an exit
 *   before the entry, a service end before its start (beyond the tolerance for the first);
 *   a service start earlier than the queue exit (or the arrival) by more than `clockSkewTolerance`;
 *   a service start or end on an abandoned call. The wait is queue exit − queue entry; the handle
 *   time is service end − service start, else the `handleTime` column.
 * @example
 * ```ts
 * const { records, stats } = await readCalls(openFile("calls.csv"), { preset: "anonymous-bank" });
 * for await (const call of records) call.outcome; // => "served" or "abandoned"
 * stats.excludedBy.phantom; // => the phantom calls
 * ```
 * @see docs/guide/definitions.md, "Call-log metrics"
 * @category Input
 */
export async function readCalls(input: InputSource, options?: ReadCallsOptions): Promise<CallReadResult> {
  const fn = "readCalls";
  const opts = options ?? {};
  const presetName = opts.preset ?? "call-log";
  if (!CALL_PRESETS.includes(presetName)) {
    throw new MetricRangeError("E_OPTION_VALUE", `${fn}: preset must be one of ${CALL_PRESETS.join(", ")}, got ${String(presetName)}`);
  }
  const preset = CALL_PRESET_SPECS[presetName];
  const tolerance = opts.clockSkewTolerance ?? preset.clockSkewTolerance;
  if (typeof tolerance !== "number" || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new MetricRangeError(
      "E_OPTION_VALUE",
      `${fn}: clockSkewTolerance must be a finite number of seconds ≥ 0, got ${String(tolerance)}`,
    );
  }
  const skewMs = tolerance * SECOND_MS;
  const timeZone = checkTimeZone(fn, opts.timeZone ?? preset.timeZone);
  const map = parseColumnMap(fn, opts.map, CALL_FIELDS);
  const clock = readClock(timeZone, preset.blankTimes);
  const readOutcome: Reader = (raw) => {
    if (typeof raw !== "string") return bad(CALL_REASONS.outcome);
    return preset.outcomes.get(raw.trim().toLowerCase()) ?? bad(CALL_REASONS.outcome);
  };
  const readAgent = interned((raw) => {
    const text = readText(raw);
    return typeof text === "string" && preset.noAgent.has(text) ? undefined : text;
  });
  const readers: Record<CallField, Reader> = {
    id: readId,
    date: readLocalDate,
    arrivedAt: clock,
    queueStart: clock,
    queueExit: clock,
    serviceStart: clock,
    serviceEnd: clock,
    handleTime: readSeconds,
    outcome: readOutcome,
    queue: interned(readText),
    agent: readAgent,
  };
  const base: FieldSpec[] = [];
  for (const key of CALL_FIELDS) {
    const columns = preset.columns[key];
    if (columns === undefined) continue;
    base.push({ key, columns, read: readers[key], ...(key === "arrivedAt" || key === "outcome" ? { required: true } : {}) });
  }
  const fields = applyColumnMap(fn, base, map, (key) => readers[key as CallField]);
  const result = await readModel<Call>(input, opts, {
    fn,
    preset: presetName,
    fields,
    build: ({ values }) => {
      const outcome = values["outcome"] as OutcomeValue;
      if (typeof outcome === "object") return { ok: false, excluded: outcome.excluded };
      const issues: BuildIssue[] = [];
      const date = values["date"] as readonly [number, number, number] | undefined;
      const day = date === undefined ? undefined : daysFromCivil(date[0], date[1], date[2]);
      const arrivalRaw = values["arrivedAt"];
      const arrivalTod = arrivalRaw instanceof TimeOfDay ? arrivalRaw.ms : undefined;
      const instant = (key: string): number | undefined => {
        const value = values[key];
        if (value === undefined) return undefined;
        if (value instanceof Date) return value.getTime();
        const tod = (value as TimeOfDay).ms;
        if (day === undefined) return void issues.push({ key, reason: CALL_REASONS.needsDate });
        if (timeZone === undefined) return void issues.push({ key, reason: CALL_REASONS.needsZone });
        const nextDay = arrivalTod !== undefined && tod < arrivalTod - HALF_DAY_MS ? DAY_MS : 0;
        return wallToInstant(timeZone, day * DAY_MS + tod + nextDay);
      };
      const arrival = instant("arrivedAt");
      const qStart = instant("queueStart");
      const qExit = instant("queueExit");
      const sStart = instant("serviceStart");
      const sEnd = instant("serviceEnd");
      if (issues.length > 0 || arrival === undefined) return { ok: false, issues };
      if (qStart === undefined && qExit !== undefined) issues.push({ key: "queueStart", reason: CALL_REASONS.pair });
      if (qStart !== undefined && qExit === undefined) issues.push({ key: "queueExit", reason: CALL_REASONS.pair });
      if (qStart !== undefined && qStart < arrival - skewMs) issues.push({ key: "queueStart", reason: CALL_REASONS.beforeArrival });
      if (qStart !== undefined && qExit !== undefined && qExit < qStart) {
        issues.push({ key: "queueExit", reason: CALL_REASONS.beforeQueueStart });
      }
      let skew = 0;
      if (outcome === "abandoned") {
        if (sStart !== undefined) issues.push({ key: "serviceStart", reason: CALL_REASONS.abandonedService });
        if (sEnd !== undefined) issues.push({ key: "serviceEnd", reason: CALL_REASONS.abandonedService });
      } else if (sStart !== undefined) {
        const previous = qExit ?? arrival;
        if (sStart < previous - skewMs) issues.push({ key: "serviceStart", reason: CALL_REASONS.beforeQueueExit });
        else if (sStart < previous) skew = previous - sStart;
        if (sEnd !== undefined && sEnd < sStart) issues.push({ key: "serviceEnd", reason: CALL_REASONS.beforeServiceStart });
      }
      if (issues.length > 0) return { ok: false, issues };
      const handle =
        outcome === "served"
          ? sStart !== undefined && sEnd !== undefined
            ? sEnd - sStart
            : (values["handleTime"] as number | undefined)
          : undefined;
      const id = values["id"] as string | undefined;
      const queue = values["queue"] as string | undefined;
      const agent = outcome === "served" ? (values["agent"] as string | undefined) : undefined;
      const call: Call = {
        ...(id === undefined || id === "" ? {} : { id }),
        arrivedAt: new Date(arrival),
        outcome,
        ...(qStart === undefined || qExit === undefined ? {} : { queuedAt: new Date(qStart), wait: qExit - qStart }),
        ...(outcome === "served" && sStart !== undefined ? { answeredAt: new Date(sStart) } : {}),
        ...(handle === undefined ? {} : { handleTime: handle }),
        ...(skew > 0 ? { clockSkew: skew } : {}),
        ...(queue === undefined || queue === "" ? {} : { queue }),
        ...(agent === undefined || agent === "" ? {} : { agent }),
      };
      return { ok: true, value: call };
    },
  });
  return { ...result, ...(timeZone === undefined ? {} : { timeZone }) };
}
