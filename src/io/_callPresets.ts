/**
 * The column layouts of call-centre logs that {@link readCalls} reads: the library's own
 * `call-log` and the Technion "Anonymous Bank" log (`anonymous-bank`).
 *
 * @internal
 * @module
 */
import { HOUR_MS, MINUTE_MS, SECOND_MS } from "../_lib/time.ts";
import { bad, good, readTimestamp, type Reader } from "./_values.ts";

/** The fields a call log may provide, in the order of {@link readCalls}' docs. @internal */
export const CALL_FIELDS = [
  "id",
  "date",
  "arrivedAt",
  "queueStart",
  "queueExit",
  "serviceStart",
  "serviceEnd",
  "handleTime",
  "outcome",
  "queue",
  "agent",
] as const;

/** A field of {@link CALL_FIELDS}. @internal */
export type CallField = (typeof CALL_FIELDS)[number];

/** How one preset reads a call log. @internal */
export interface CallPresetSpec {
  /** Candidate columns per field (first found wins, matched ignoring letter case). */
  readonly columns: Readonly<Partial<Record<CallField, readonly string[]>>>;
  /** Outcome names (lower-cased) → served, abandoned, or `null` for "excluded, under this reason". */
  readonly outcomes: ReadonlyMap<string, "served" | "abandoned" | { readonly excluded: string }>;
  /** Values of the time columns that mean "no time" (the bank writes `0:00:00`). */
  readonly blankTimes: ReadonlySet<string>;
  /** Values of the agent column that mean "no agent". */
  readonly noAgent: ReadonlySet<string>;
  /** The time zone of naive times when the options give none. */
  readonly timeZone?: string;
  /** The clock skew tolerated when the options give none, in seconds. */
  readonly clockSkewTolerance: number;
}

const SERVED = "served";
const ABANDONED = "abandoned";

/** Every preset of {@link readCalls}. @internal */
export const CALL_PRESET_SPECS: Readonly<Record<"call-log" | "anonymous-bank", CallPresetSpec>> = {
  "call-log": {
    columns: {
      id: ["call_id", "id"],
      date: ["date"],
      arrivedAt: ["arrived_at", "arrival"],
      queueStart: ["queue_start"],
      queueExit: ["queue_exit"],
      serviceStart: ["service_start", "answered_at"],
      serviceEnd: ["service_end"],
      handleTime: ["handle_time"],
      outcome: ["outcome"],
      queue: ["queue", "type"],
      agent: ["agent"],
    },
    outcomes: new Map<string, "served" | "abandoned" | { readonly excluded: string }>([
      ["served", SERVED],
      ["answered", SERVED],
      ["handled", SERVED],
      ["abandoned", ABANDONED],
      ["hang", ABANDONED],
      ["hangup", ABANDONED],
      ["hung up", ABANDONED],
      ["phantom", { excluded: "phantom" }],
    ]),
    blankTimes: new Set(),
    noAgent: new Set(),
    clockSkewTolerance: 0,
  },
  "anonymous-bank": {
    columns: {
      id: ["call_id"],
      date: ["date"],
      arrivedAt: ["vru_exit"],
      queueStart: ["q_start"],
      queueExit: ["q_exit"],
      serviceStart: ["ser_start"],
      serviceEnd: ["ser_exit"],
      outcome: ["outcome"],
      queue: ["type"],
      agent: ["server"],
    },
    outcomes: new Map<string, "served" | "abandoned" | { readonly excluded: string }>([
      ["agent", SERVED],
      ["hang", ABANDONED],
      ["phantom", { excluded: "phantom" }],
    ]),
    blankTimes: new Set(["0:00:00"]),
    noAgent: new Set(["NO_SERVER"]),
    timeZone: "Asia/Jerusalem",
    clockSkewTolerance: 2,
  },
};

/** A time of day, in ms since midnight, as read from `H:MM:SS` or `H:MM`. @internal */
export class TimeOfDay {
  constructor(readonly ms: number) {}
}

const CLOCK_RE = /^(\d{1,2}):([0-5]\d)(?::([0-5]\d))?$/;

/** The reason of a time value that is neither a time of day nor a timestamp. @internal */
export const CLOCK_REASON = "must be a time of day H:MM:SS (with a date column) or a timestamp";

/**
 * A time column: a time of day `H:MM:SS` / `H:MM` (hours 0–23) → {@link TimeOfDay}; anything
 * else is read as a timestamp (ISO 8601, naive local in `timeZone`). A value of `blank` is absent.
 *
 * @internal
 */
export function readClock(timeZone: string | undefined, blank: ReadonlySet<string>): Reader {
  const timestamp = readTimestamp(timeZone);
  return (raw) => {
    if (typeof raw === "string") {
      const text = raw.trim();
      if (blank.has(text)) return undefined;
      const m = CLOCK_RE.exec(text);
      if (m !== null) {
        const hours = Number(m[1]);
        if (hours > 23) return bad(CLOCK_REASON);
        return good(new TimeOfDay(hours * HOUR_MS + Number(m[2]) * MINUTE_MS + Number(m[3] ?? "0") * SECOND_MS));
      }
    }
    // A timestamp, or the timestamp reader's reason (a naive time without a zone, a bad layout).
    return timestamp(raw);
  };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A local date `YYYY-MM-DD` → `[year, month, day]`. @internal */
export const readLocalDate: Reader = (raw) => {
  if (typeof raw !== "string") return bad("must be a date YYYY-MM-DD");
  const m = DATE_RE.exec(raw.trim());
  if (m === null) return bad("must be a date YYYY-MM-DD");
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return bad("must be a date YYYY-MM-DD that exists");
  return good([y, mo, d] as const);
};
