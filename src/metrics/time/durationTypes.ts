import type { Schedule } from "../../models/schedule.ts";
import type { ValueSummary } from "../../_lib/valueSummary.ts";
import type { Reconciliation } from "./reconciliation.ts";

/**
 * Where a measurement came from: the ticket's `messages` (the source of truth when present
 * and non-empty), its timestamp fields (`firstResponseAt`, `solvedAt`, `replies`, ...), or,
 * when those cannot give it, the duration the helpdesk computed and exported
 * (`ticket.helpdesk`: `firstReply`, `firstResolution`, `fullResolution`, `assignment`,
 * `requesterWait`).
 *
 * @category Time
 */
export type DurationSource = "messages" | "fields" | "helpdesk";

/**
 * Why a ticket's data contradicts itself. Such a ticket is reported, never averaged.
 *
 * - `responseBeforeCreated`: `firstResponseAt` is earlier than `createdAt`.
 * - `solvedBeforeCreated`: the solve (`solvedAt` or `firstSolvedAt`) is earlier than the start.
 * - `finalSolveBeforeFirstSolve`: `solvedAt` is earlier than `firstSolvedAt`.
 * - `assignedBeforeCreated`: `assignedAt` is earlier than `createdAt`.
 * - `statusBeforeCreated`: a `statusHistory` entry is earlier than `createdAt`.
 *
 * @category Time
 */
export type AnomalyReason =
  "responseBeforeCreated" | "solvedBeforeCreated" | "finalSolveBeforeFirstSolve" | "assignedBeforeCreated" | "statusBeforeCreated";

/**
 * One ticket whose data contradicts itself, with the reason.
 *
 * @category Time
 */
export interface TicketAnomaly {
  /** The ticket's id. */
  readonly id: string;
  /** What contradicts what. */
  readonly reason: AnomalyReason;
}

/**
 * A duration measured on one ticket.
 *
 * @category Time
 */
export interface MeasuredDuration {
  /** Discriminant. */
  readonly kind: "measured";
  /** The duration in milliseconds (business milliseconds when a schedule was given); never negative. */
  readonly ms: number;
  /** The start event's time. */
  readonly start: Date;
  /** The stop event's time. */
  readonly end: Date;
  /** Which data the start and stop events were read from. */
  readonly source: DurationSource;
}

/**
 * A ticket that has nothing to measure yet (e.g. not answered), with the reason.
 *
 * @typeParam Reason - The skip reasons of the metric.
 * @category Time
 */
export interface SkippedDuration<Reason extends string> {
  /** Discriminant. */
  readonly kind: "skipped";
  /** Why there is nothing to measure. */
  readonly reason: Reason;
}

/**
 * A ticket whose stop event comes before its start event: bad data, reported, not measured.
 *
 * @category Time
 */
export interface AnomalousDuration {
  /** Discriminant. */
  readonly kind: "anomaly";
  /** What contradicts what. */
  readonly reason: AnomalyReason;
}

/**
 * The result of a per-ticket duration function: measured, skipped (with a reason) or anomalous.
 *
 * @typeParam Reason - The skip reasons of the metric.
 * @category Time
 */
export type TicketDuration<Reason extends string> = MeasuredDuration | SkippedDuration<Reason> | AnomalousDuration;

/**
 * Per-ticket values of a collection of tickets (durations in milliseconds, or counts), with
 * everything needed to trace them: which ticket each value belongs to, where it was read
 * from, and what was left out and why. Feed `values` to `summarizeDurations`.
 *
 * @typeParam Reason - The skip reasons of the metric.
 * @category Time
 */
export interface TicketValues<Reason extends string> {
  /** The measured values, in input order (one per ticket, or one per customer turn for `responseTimes`). */
  readonly values: Float64Array;
  /** `ids[i]` is the id of the ticket `values[i]` was measured on. */
  readonly ids: readonly string[];
  /** How many values were read from messages, from timestamp fields and from the helpdesk's exported durations. */
  readonly sources: Readonly<Record<DurationSource, number>>;
  /** Records left out because there was nothing to measure yet, by reason. */
  readonly skipped: Readonly<Record<Reason, number>>;
  /** Tickets left out because their data contradicts itself, in input order. */
  readonly anomalies: readonly TicketAnomaly[];
}

/**
 * The clock option shared by the duration functions.
 *
 * @category Time
 */
export interface TimeOptions {
  /**
   * Business hours to measure in: only open time counts (via `businessTimeBetween`).
   * Default: none, calendar time (every millisecond counts).
   */
  readonly schedule?: Schedule | undefined;
}

/**
 * Where a duration figure's values came from: the tickets' timestamps (messages or fields),
 * the helpdesk's exported durations, or both.
 *
 * @category Time
 */
export type DurationFigureSource = "timestamps" | "helpdesk" | "both";

/** The source of a figure of `timestamps` and `helpdesk` values. @internal */
export function figureSource(timestamps: number, helpdesk: number): DurationFigureSource | undefined {
  if (helpdesk === 0) return timestamps === 0 ? undefined : "timestamps";
  return timestamps === 0 ? "helpdesk" : "both";
}

/**
 * One duration metric over many tickets.
 *
 * @category Time
 */
export interface DurationMetricSummary {
  /** The summary in calendar time; `undefined` when nothing was measured. */
  readonly calendar: ValueSummary | undefined;
  /** The summary in business time (only with a `schedule`); `undefined` otherwise or when nothing was measured. */
  readonly business: ValueSummary | undefined;
  /** How many values came from messages, from timestamp fields and from the helpdesk's exported durations. */
  readonly sources: {
    /** Values read from the conversation. */
    readonly messages: number;
    /** Values read from timestamp fields (`firstResponseAt`, `solvedAt`, …). */
    readonly fields: number;
    /** Values the helpdesk computed (`ticket.helpdesk`), used where the timestamps could not give one. */
    readonly helpdesk: number;
  };
  /**
   * Where the figure's values came from: `"timestamps"` (messages or timestamp fields only),
   * `"helpdesk"` (the helpdesk's exported durations only), `"both"`; `undefined` when nothing
   * was measured.
   */
  readonly source: DurationFigureSource | undefined;
  /**
   * How far the timestamps and the helpdesk agree on the tickets that have both (calendar
   * time); `undefined` when no ticket has both.
   */
  readonly reconciliation: Reconciliation | undefined;
  /** Tickets with nothing to measure yet, by reason. */
  readonly skipped: Readonly<Record<string, number>>;
  /** Tickets whose data contradicts itself, by reason (not measured). */
  readonly anomalies: Readonly<Record<string, number>>;
}
