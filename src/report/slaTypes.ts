/**
 * The JSON types of the report's SLA section.
 *
 * @module
 */
import type { IntervalJson } from "./types.ts";

/**
 * SLA counts of one metric (or all metrics together).
 *
 * @category Report
 */
export interface SlaTallyJson {
  /** `achieved / (achieved + breached)`; `null` when nothing was decided. */
  readonly compliance: number | null;
  /** Checks whose stop event came by the due time. */
  readonly achieved: number;
  /** Checks late, or still open past their due time at `asOf`. */
  readonly breached: number;
  /** Checks still open and not yet due at `asOf`. */
  readonly running: number;
  /** Wilson score interval of `compliance` (`achieved` of `achieved + breached`); `null` when nothing was decided. */
  readonly interval: IntervalJson | null;
}

/**
 * SLA compliance per metric, as `slaCompliance`.
 *
 * @category Report
 */
export interface SlaJson extends SlaTallyJson {
  /** The policy's name, `null` when it has none. */
  readonly policy: string | null;
  /** The counts per SLA metric. */
  readonly byMetric: {
    /** First response checks. */
    readonly firstResponse: SlaTallyJson;
    /** Next response checks (every later customer turn). */
    readonly nextResponse: SlaTallyJson;
    /** Resolution checks. */
    readonly resolution: SlaTallyJson;
  };
  /** Breached checks (every metric): the same number as `breached`. */
  readonly breaches: number;
  /** The counts per ticket channel (`"(none)"` for no channel), most checks first. */
  readonly byChannel: readonly (SlaTallyJson & {
    /** The channel, `"(none)"` for tickets without one. */
    readonly channel: string;
  })[];
  /** What was not judged: `notCreated` counts tickets created after `asOf`; the others (ticket, metric) pairs. */
  readonly skipped: Readonly<Record<string, number>>;
  /** (ticket, metric) pairs whose data contradicts itself, by reason. */
  readonly anomalies: Readonly<Record<string, number>>;
}
